"""Rules round on held-out set 11: no unrelated count read as a total. Cells described by an
activity that is not membership ("1.512 chi bộ đã sử dụng ứng dụng", "đã triển khai", "tham gia
cuộc thi"), the workforce a cell's members are drawn from ("trong tổng số hơn 10.000 người lao
động"), and bodies things are moved to ("sẽ được chuyển về 7 đảng bộ xã mới")."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Sáu, 21/06/2024 | 21:10\n\n"


def test_cells_using_an_application_are_no_cell_count():
    """Real phrasing: a province's handbook app, "1.512 chi bộ đã sử dụng ứng dụng để gửi tài
    liệu sinh hoạt": cells that use an app, not the province's cells."""
    text = PAGE + ("Đến nay, ứng dụng Sổ tay đảng viên điện tử trên địa bàn tỉnh có 23.400 tài khoản "
                   "được kích hoạt; 1.512 chi bộ đã sử dụng ứng dụng để gửi tài liệu sinh hoạt.")
    assert _figures(text) == {}


def test_cells_deploying_or_joining_a_contest_are_no_cell_count():
    """Same family: "320 chi bộ đã triển khai …", "1.200 chi bộ tham gia cuộc thi"."""
    assert _figures(PAGE + "Toàn tỉnh có 320 chi bộ đã triển khai sổ tay điện tử.") == {}
    assert _figures(PAGE + "Có 1.200 chi bộ đã ứng dụng phần mềm quản lý đảng viên.") == {}
    assert _figures(PAGE + "Có 1.200 chi bộ tham gia cuộc thi.") == {}


def test_a_workforce_is_no_member_count():
    """Real phrasing: a company cell after an admission, "Chi bộ hiện có 37 đảng viên trong tổng
    số hơn 10.000 người lao động": the 10.000 are the company's workers."""
    text = PAGE + ("Như vậy, Chi bộ Công ty May Sông Hồng hiện có 37 đảng viên trong tổng số hơn "
                   "10.000 người lao động.")
    assert list(_figures(text)) == ["37"]


def test_bodies_something_is_moved_to_are_no_count():
    """Real phrasing: a district before its abolition, "sẽ được chuyển về 7 đảng bộ xã mới"."""
    text = PAGE + "Đảng bộ huyện Tuy Phước có 52 chi bộ trực thuộc, sẽ được chuyển về 7 đảng bộ xã mới."
    assert list(_figures(text)) == ["52"]


def test_a_plain_cell_count_is_still_read():
    """Near miss: "Tỉnh có 1.200 chi bộ, 45.000 đảng viên" counts the province's cells."""
    found = _figures(PAGE + "Đảng bộ tỉnh Phú Yên có 1.200 chi bộ, 45.000 đảng viên.")
    assert list(found) == ["1.200", "45.000"]

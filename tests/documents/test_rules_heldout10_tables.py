"""Rules round on held-out set 10: statistics tables pasted as text aligned by spaces (with a
row index and a unit column), and a report's note of its reporting day under its heading."""
from .test_rules import _figures

TABLE = ("BIỂU SỐ LIỆU ĐẢNG VIÊN\nĐẢNG BỘ TỈNH NINH THUẬN\n\nCập nhật: 15/07/2024\n\n"
         "STT   Chỉ tiêu                          Đơn vị tính   Số lượng\n"
         "1     Tổ chức cơ sở đảng                tổ chức       315\n"
         "2     Tổng số đảng viên                 người         28.406\n"
         "3     Trong đó: đảng viên nữ            người         9.112\n")


def test_a_table_aligned_by_spaces_reads_label_and_count_across_the_unit_column():
    """Real phrasing: a statistics sheet pasted into a page as text, columns aligned by runs of
    spaces ("STT | Chỉ tiêu | Đơn vị tính | Số lượng"): each row's count is what its label
    names; the row index and the unit are no figures."""
    figures = _figures(TABLE)
    assert {n: (f["metric"], f["whole"]) for n, f in figures.items()} == {
        "315": ("base_orgs_total", None), "28.406": ("members_total", None),
        "9.112": ("members_female", "28.406")}


def test_two_spaces_in_prose_are_no_table():
    """Near miss: a sentence with a double space keeps its reading."""
    text = "Tin\n\nCập nhật: 15/07/2024\n\nĐảng bộ tỉnh có  28.406 đảng viên,  trong đó 9.112 nữ."
    assert _figures(text)["28.406"]["metric"] == "members_total"


def test_a_report_note_under_its_heading_dates_its_stocks():
    """Real phrasing: an official report, "BÁO CÁO … (số liệu đến ngày 31-01-2024)" signed on
    5 February, or a sheet's "(Thời điểm báo cáo: 30/6/2025)": stocks are those of the
    reporting day, not of the signing or posting day."""
    text = ("ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH\nHà Nội, ngày 05 tháng 02 năm 2024\n\nBÁO CÁO\n"
            "Tình hình đảng viên\n(số liệu đến ngày 31-01-2024)\n\nTổng số đảng viên của Đảng bộ "
            "Khối là 12.472 đồng chí.")
    assert _figures(text)["12.472"]["as_of"].isoformat() == "2024-01-31"
    noted = TABLE.replace("\n\nCập nhật", "\n(Thời điểm báo cáo: 30/6/2024)\n\nCập nhật")
    assert _figures(noted)["315"]["as_of"].isoformat() == "2024-06-30"


def test_another_bracketed_line_under_the_heading_is_no_report_note():
    """Near miss: a bracketed line that is not the reporting day ("(Ảnh chụp ngày …)")."""
    text = ("Tin\n\nCập nhật: 15/07/2024\n(Ảnh chụp ngày 30-06-2023)\n\nĐảng bộ tỉnh có 28.406 "
            "đảng viên.")
    assert _figures(text)["28.406"]["as_of"].isoformat() == "2024-07-15"

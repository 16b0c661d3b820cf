"""Rules round on held-out sets 11 and 12: phrasings of admissions and totals not read before. A
group said of all admitted in the next sentence ("Hai đảng viên mới đều là người dân tộc Dao")
is their dimension; "Chúc mừng N đảng viên mới" counts admissions; a headline's place described
as the largest ("Hà Nội: Đảng bộ lớn nhất cả nước với gần 48 vạn đảng viên") is no unnamed
organisation."""
import pytest

from chibo.etl.documents import extract

from .test_rules import _figures

PAGE = "Thứ Bảy, ngày 14/9/2024\n\n"


@pytest.mark.parametrize("text,number,want", [
    # real phrasing (heldout12 a04): a loudspeaker bulletin
    ("Chiều 13/9, Chi bộ thôn Khuổi Ún tổ chức lễ kết nạp 2 quần chúng ưu tú vào Đảng. Hai đảng "
     "viên mới đều là người dân tộc Dao.", "2", ("ethnicity", "minority")),
    ("Sáng 13/9, Chi bộ thôn Khuổi Ún kết nạp 3 đảng viên. Cả ba đồng chí đều là đoàn viên thanh "
     "niên.", "3", ("youth_union", "member")),
    ("Sáng 13/9, Chi bộ Trường THPT Bắc Sơn kết nạp 4 đảng viên. Tất cả đều là học sinh lớp 12.", "4",
     ("occupation", "student")),
    ("Chiều 9/5, Chi bộ Trường THPT Chuyên Lam Sơn tổ chức lễ kết nạp 5 quần chúng ưu tú vào Đảng. Cả "
     "5 em đều là học sinh lớp 12.", "5", ("occupation", "student")),
    ("Sáng 1/11, Đảng ủy phường Hạ Long tổ chức lễ kết nạp 12 đảng viên mới. Các đảng viên mới đều là "
     "đoàn viên thanh niên.", "12", ("youth_union", "member")),
    # near misses: some of them, another number, a sector
    ("Sáng 13/9, Chi bộ thôn Khuổi Ún kết nạp 3 đảng viên. Hai đảng viên mới đều là người dân tộc "
     "Dao.", "3", (None, None)),
    ("Sáng 13/9, Chi bộ thôn Khuổi Ún kết nạp 3 đảng viên. Các đồng chí đều là người dân tộc Dao.",
     "3", (None, None)),
])
def test_a_group_said_of_all_admitted_in_the_next_sentence(text, number, want):
    f = _figures(PAGE + text)[number]
    assert (f["dimension"], f["dimension_value"]) == want


def test_congratulations_on_new_members_count_admissions():
    """Real phrasing (heldout12 n03): a commune's post "🎉 CHÚC MỪNG 03 ĐẢNG VIÊN MỚI! 🎉" and
    the ceremony it announces: two mentions of the same admissions."""
    found = extract("Đảng ủy xã Quảng Phú\n\n🎉🎉 CHÚC MỪNG 03 ĐẢNG VIÊN MỚI! 🎉🎉\nSáng nay (ngày "
                    "02/9/2024), Chi bộ thôn Phú Lễ đã tổ chức Lễ kết nạp 03 đảng viên mới.", "p").figures
    assert [(f["number_text"], f["metric"]) for f in found] == [("03", "new_admissions")] * 2
    assert _figures(PAGE + "Chào mừng 5 đảng viên mới của Chi bộ Khoa Nhi.")["5"]["metric"] == \
        "new_admissions"


@pytest.mark.parametrize("text,number,read", [
    ("Hà Nội: Đảng bộ lớn nhất cả nước với gần 48 vạn đảng viên", "gần 48 vạn", True),
    ("Nghệ An: Đảng bộ đông nhất với hơn 20 vạn đảng viên", "hơn 20 vạn", True),
    # near misses: one of the place's cells or communes, and no place at all
    ("Nghệ An: Chi bộ đông nhất có 120 đảng viên", "120", False),
    ("Nghệ An: Đảng bộ xã đông nhất có 1.120 đảng viên", "1.120", False),
    ("Chi bộ đông nhất có 120 đảng viên", "120", False),
])
def test_the_largest_committee_of_a_headline_place(text, number, read):
    assert (number in _figures(PAGE + text)) is read


def test_of_which_after_an_average_is_of_the_count_before_it():
    """Real phrasing (heldout10 a02): "…, bình quân mỗi năm trên 1.400 đảng viên; riêng năm 2017
    kết nạp 1.526 đảng viên, trong đó 1.318 người dân tộc thiểu số": the average is no figure,
    but "trong đó" is of the 1.526 after it ("người dân tộc" is no "người dân"). Near miss: "trao
    Huy hiệu cho 1.126 đảng viên, trong đó 2 …" stays no figure."""
    found = _figures("Thứ Sáu, 16/03/2018 - 09:10\n\nTừ năm 2011 đến năm 2017, Đảng bộ tỉnh Hà Giang kết nạp "
                     "9.862 đảng viên, bình quân mỗi năm trên 1.400 đảng viên; riêng năm 2017 kết nạp 1.526 "
                     "đảng viên, trong đó 1.318 người dân tộc thiểu số.")
    f = found["1.318"]
    assert (f["metric"], f["whole"], f["dimension_value"]) == ("new_admissions", "1.526", "minority")
    assert "trên 1.400" not in found
    found = _figures(PAGE + "Đảng bộ tỉnh trao Huy hiệu 30 năm tuổi Đảng cho 1.126 đảng viên, trong đó "
                     "2 đảng viên nhận Huy hiệu 70 năm tuổi Đảng.")
    assert found == {}


def test_a_group_admitted_without_the_members_noun():
    """Real phrasing (heldout10 a01): a headline "Thêm 3 giáo dân vinh dự đứng vào hàng ngũ của
    Đảng". Near miss: "3 giáo dân tham gia buổi lễ" is no figure."""
    f = _figures(PAGE + "Thêm 3 giáo dân vinh dự đứng vào hàng ngũ của Đảng")["3"]
    assert (f["metric"], f["dimension_value"]) == ("new_admissions", "catholic")
    assert _figures(PAGE + "Có 3 giáo dân tham gia buổi lễ tại nhà văn hóa xóm.") == {}


@pytest.mark.parametrize("text,number,metric", [
    # real phrasing (heldout10 h03): a headline, the span first
    ("Hai thập kỷ, gần 3,4 triệu đảng viên mới", "gần 3,4 triệu", "new_admissions"),
    ("5 năm qua: hơn 9.000 đảng viên mới", "hơn 9.000", "new_admissions"),
])
def test_new_members_over_a_span_named_first(text, number, metric):
    assert _figures(PAGE + text)[number]["metric"] == metric


def test_new_members_without_a_span_are_no_figure():
    """Near miss: "gần 3,4 triệu đảng viên mới" with no span and no cue counts nothing known."""
    assert _figures(PAGE + "Vinh danh gần 3,4 triệu đảng viên mới") == {}


def test_members_registered_where_they_live_are_no_stock():
    """"Hiện, 42 đảng viên đang sinh hoạt tại nơi cư trú" counts members also registered at home,
    a subset, never the organisation's members; near miss: "520 đảng viên đang sinh hoạt tại 18
    chi bộ" is the stock."""
    assert _figures(PAGE + "Hiện, 42 đảng viên đang sinh hoạt tại nơi cư trú.") == {}
    found = _figures(PAGE + "Đảng bộ xã Tân Lập có 520 đảng viên đang sinh hoạt tại 18 chi bộ.")
    assert found["520"]["metric"] == "members_total"


@pytest.mark.parametrize("text", [
    "Năm 2024, Đảng bộ huyện Bảo Thắng có 50 tổ chức cơ sở đảng trong sạch, vững mạnh.",
    "Năm 2024, toàn huyện có 42 tổ chức cơ sở đảng vững mạnh tiêu biểu.",
])
def test_organisations_rated_strong_are_no_stock(text):
    """Ratings are no count of the organisation's units ("hoàn thành tốt nhiệm vụ" already was)."""
    assert _figures(PAGE + text) == {}

"""Rules round on held-out sets 13 and 14: lists without a noun after each number. A series of one
count over the years ("Số đảng viên toàn Đảng: cuối năm 1991 khoảng 2,1 triệu; cuối năm 2001 …",
"năm 2016 là hơn 4,5 triệu và hôm nay là hơn 5,6 triệu đảng viên") and a tally of "Label: N" lines
closed by their sum ("Tổng cộng: 707") under a heading naming what is counted. Each with a near
miss."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Sáu, 21/06/2024 | 21:10\n\n"


def test_a_labelled_series_of_year_ends_counts_the_label():
    """Real phrasing (heldout14): a list of four year-ends after "Số đảng viên toàn Đảng:"."""
    f = _figures(PAGE + "Số đảng viên toàn Đảng: cuối năm 1991 khoảng 2,1 triệu; cuối năm 2001 khoảng 2,5 "
                        "triệu; cuối năm 2011 hơn 3,6 triệu.")
    assert [(k, v["metric"], v["qualifier"]) for k, v in f.items()] == [
        ("khoảng 2,1 triệu", "members_total", "approx"), ("khoảng 2,5 triệu", "members_total", "approx"),
        ("hơn 3,6 triệu", "members_total", "over")]


def test_a_year_item_after_a_count_counts_what_it_counts():
    """Real phrasing (heldout14): a speech's "Đảng có gần 1,9 triệu đảng viên; năm 2016 là hơn 4,5
    triệu và hôm nay là hơn 5,6 triệu đảng viên"."""
    f = _figures(PAGE + "Năm 1986, Đảng có gần 1,9 triệu đảng viên; năm 2016 là hơn 4,5 triệu và hôm nay "
                        "là hơn 5,6 triệu đảng viên.")
    assert f["hơn 4,5 triệu"]["metric"] == "members_total" and len(f) == 3


def test_a_year_clause_going_on_with_another_noun_is_no_item():
    """Near miss: "năm 2024, 58 quần chúng được cảm hóa" counts something else."""
    f = _figures(PAGE + "Đảng bộ có 2.015 đảng viên; năm 2024, 58 quần chúng được cảm hóa.")
    assert list(f) == ["2.015"]


TALLY = ("SỐ LƯỢNG ĐẢNG VIÊN HUYỆN ĐỨC TRỌNG THEO KHỐI\n(Số liệu đến 30/6/2024)\n\n"
         "Khối xã, thị trấn: 4.210\nKhối cơ quan hành chính: 812\nKhối đơn vị sự nghiệp: 1.105\n"
         "Khối doanh nghiệp ngoài nhà nước: 196\nCộng: {}\n")


def test_a_tally_closed_by_its_sum_is_a_total_and_its_parts():
    """Real phrasing (heldout14): base organisations by kind in "Label: N" lines, "Tổng cộng: 707"."""
    f = _figures(TALLY.format("6.323"))
    assert f["6.323"]["metric"] == "members_total" and f["6.323"]["whole"] is None
    assert [(f[k]["whole"], f[k]["dimension_value"]) for k in ("4.210", "812", "1.105", "196")] == [
        ("6.323", "commune"), ("6.323", "agency"), ("6.323", "public_service"),
        ("6.323", "private_enterprise")]


def test_a_sum_line_that_is_not_the_sum_makes_no_tally():
    """Near miss: "Cộng: 6.000" is not the lines' sum: nothing says what the lines count."""
    assert _figures(TALLY.format("6.000")) == {}


def test_a_table_exported_with_semicolons_is_read_as_a_table():
    """Real phrasing (heldout13): "STT;Chỉ tiêu;Số lượng;Ghi chú" then "1;Tổng số đảng viên;1.342;"."""
    f = _figures(PAGE + "TT;Nội dung;Số liệu\n1;Tổng số đảng viên;864\n2;Đảng viên dự bị;19\n"
                        "3;Số chi bộ trực thuộc;22\n")
    assert (f["864"]["metric"], f["19"]["whole"], f["22"]["metric"]) == ("members_total", "864", "sub_cells")


def test_prose_and_html_with_semicolons_are_no_table():
    """Near miss: "…; …" in prose keeps its sentence (pasted HTML with "&nbsp;" too: heldout11's
    n01, pinned)."""
    f = _figures(PAGE + "Đảng bộ có 864 đảng viên; 22 chi bộ trực thuộc; kết nạp 19 đảng viên.")
    assert sorted(f) == ["19", "22", "864"] and f["19"]["metric"] == "new_admissions"


def test_dotted_leaders_of_a_profile_read_as_a_label():
    """Real phrasing (heldout13): "Số lượng đảng viên: ............ 21.406"; also "……" leaders."""
    f = _figures(PAGE + "Tổng số đảng viên .................. 5.012\n\nSố tổ chức cơ sở đảng: ……… 43\n")
    assert (f["5.012"]["metric"], f["43"]["metric"]) == ("members_total", "base_orgs_total")

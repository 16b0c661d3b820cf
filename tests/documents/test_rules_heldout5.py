"""Rules added after held-out set 5, one test per class of error it showed, each on sentences
written for the rule (other wording, places and numbers than the corpus)."""
from datetime import date

import pytest

from .test_rules import _figures

# ---- dates


def test_an_event_named_by_its_month_dates_the_figure_at_the_end_of_that_month():
    f = _figures("Sau Cách mạng Tháng Mười năm 1917, Đảng bộ có khoảng 2.000 đảng viên.")
    assert f["khoảng 2.000"]["as_of"] == date(1917, 10, 31)


# ---- figures where there are none


@pytest.mark.parametrize("text", [
    "Năm 2022, Đảng bộ huyện Yên Thành có 37 tổ chức cơ sở đảng (đạt 18,5%) hoàn thành xuất sắc "
    "nhiệm vụ.",
    "Đến cuối năm, Đảng bộ xã Hòa Bình có 5 xóm thuộc vùng giáp biên giới chưa có đảng viên.",
    "Chi bộ thống nhất phân công 3 đảng viên chính thức theo dõi, giúp đỡ quần chúng ưu tú.",
])
def test_no_figure(text):
    assert _figures(text) == {}


# ---- meeting minutes


def test_cell_meeting_minutes_count_the_cells_members():
    """The minutes' time line dates them, "đ/c" counts people, "của chi bộ" is the cell named in
    the heading; absentees are not a figure."""
    text = ("BIÊN BẢN HỌP CHI BỘ THÁNG 3/2024\n\nChi bộ Trạm Y tế xã Phú Lộc\n\n"
            "1. Thời gian: 8 giờ 30 ngày 05/03/2024, tại hội trường trạm.\n\n"
            "2. Thành phần: Tổng số đảng viên của chi bộ: 12 đ/c (chính thức: 10 đ/c; dự bị: "
            "2 đ/c). Có mặt: 11 đ/c; vắng: 1 đ/c.")
    f = _figures(text)
    assert set(f) == {"12", "10", "2"}
    assert (f["12"]["metric"], f["12"]["as_of"], f["12"]["scope_value"]) == (
        "members_total", date(2024, 3, 5), "Trạm Y tế xã Phú Lộc")
    assert (f["10"]["metric"], f["10"]["whole"], f["2"]["metric"], f["2"]["whole"]) == (
        "members_official", "12", "members_probationary", "12")


# ---- parts: a sector's share of the totals the passage states


def test_a_sectors_count_after_a_total_in_its_sentence_is_a_part():
    f = _figures("Hiện Đảng bộ huyện Tam Dương có 4.210 đảng viên; đảng viên đang công tác trong "
                 "các đơn vị sự nghiệp công lập là 930 người.")
    assert (f["930"]["whole"], f["930"]["dimension"], f["930"]["dimension_value"],
            f["930"]["sector"]) == ("4.210", "sector", "public_service", "public_service")


def test_a_paragraph_singling_out_a_sector_counts_parts_of_the_documents_totals():
    f = _figures("Đến nay, Đảng bộ tỉnh Ninh Thuận có 402 tổ chức cơ sở đảng với 22.310 đảng "
                 "viên.\n\nRiêng trong khu vực kinh tế tư nhân, hiện có 41 tổ chức cơ sở đảng với "
                 "690 đảng viên.")
    assert (f["41"]["whole"], f["690"]["whole"]) == ("402", "22.310")
    assert (f["41"]["scope_kind"], f["41"]["sector"], f["690"]["dimension_value"]) == (
        "province", "private_enterprise", "private_enterprise")


def test_cells_by_the_kind_of_place_are_parts_of_the_cells_before():
    f = _figures("Đảng bộ xã Long Hựu hiện có 14 chi bộ trực thuộc, trong đó có 9 chi bộ thôn và "
                 "5 chi bộ trường học.")
    assert (f["9"]["metric"], f["9"]["whole"], f["9"]["dimension_value"]) == (
        "sub_cells", "14", "residential")
    assert f["5"]["whole"] == "14"

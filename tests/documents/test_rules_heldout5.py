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

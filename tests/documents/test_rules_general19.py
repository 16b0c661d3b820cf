"""Generalisation round after held-out set 9: rules written as patterns of the language, each on
sentences written for it, with near misses. This file: the term reported at a congress ("Nhiệm kỳ
qua, Đảng bộ đã kết nạp …" on a page dated after the congress) is dated by the congress."""
from .test_rules import _figures


def test_the_term_past_is_dated_by_the_congress_not_the_page():
    """Real phrasing: a report published the day after a commune congress, "Nhiệm kỳ qua, Đảng bộ
    xã đã kết nạp 46 đảng viên mới" (corpus README: the term ends at the congress)."""
    text = ("Đảng bộ xã Tân Lập tổ chức Đại hội\n\nCập nhật: 05/06/2020\n\nNgày 4/6, Đảng bộ xã Tân "
            "Lập tổ chức Đại hội đại biểu lần thứ XXIV, nhiệm kỳ 2020 - 2025.\n\n"
            "Nhiệm kỳ qua, Đảng bộ xã đã kết nạp 46 đảng viên mới.")
    assert _figures(text)["46"]["as_of"].isoformat() == "2020-06-04"


def test_the_years_past_on_a_review_page_keep_the_page_day():
    """Near miss: "những năm qua" outside a congress report is dated by the page."""
    text = ("Đảng bộ xã Tân Lập chăm lo phát triển đảng viên\n\nCập nhật: 05/06/2020\n\n"
            "Những năm qua, Đảng bộ xã đã kết nạp 46 đảng viên mới.")
    assert _figures(text)["46"]["as_of"].isoformat() == "2020-06-05"

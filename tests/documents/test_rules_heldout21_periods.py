"""Admissions of the round on held-out sets 19 to 21 (admitted.py, sentences.py): admissions of
another period after admissions ("…; riêng năm 2024 là 278 đồng chí", "…, nâng tổng số cả năm lên
102 đảng viên") are admissions, not members, and no part; new members added ("đã bổ sung 45 đảng
viên mới") are admissions; list items without their noun under a heading naming it ("Số đảng
viên qua một số kỳ Đại hội:" over "- Đại hội VI (tháng 12/1986): hơn 2,1 triệu;"). Near misses: a
stock after admissions, members moved ("bổ sung 40 đảng viên cho các chi bộ thôn"), items under a
heading naming nothing."""
import pytest

from chibo.etl.documents import extract

from .test_rules_heldout6 import _rows


@pytest.mark.parametrize("text,rows", [
    ("Giai đoạn 2021 - 2024, Đảng bộ huyện Krông Pắc kết nạp 1.036 đảng viên; riêng năm 2024 là 278 đồng chí.",
     [("1.036", "new_admissions", None, None, None), ("278", "new_admissions", None, None, None)]),
    ("Từ năm 2021 đến năm 2024, Đảng bộ huyện Hướng Hóa kết nạp 1.254 đảng viên, riêng năm 2024 có 301 đồng chí.",
     [("1.254", "new_admissions", None, None, None), ("301", "new_admissions", None, None, None)]),
    ("Trong 6 tháng cuối năm 2024, Đảng bộ thị xã Hương Thủy kết nạp 57 đảng viên, nâng tổng số cả năm lên 102 "
     "đảng viên.", [("57", "new_admissions", None, None, None), ("102", "new_admissions", None, None, None)]),
    ("Sáu tháng cuối năm, Đảng bộ kết nạp thêm 63 đảng viên, đưa tổng số cả năm lên 111 đồng chí.",
     [("63", "new_admissions", None, None, None), ("111", "new_admissions", None, None, None)]),
])
def test_another_period_of_admissions_is_admissions(text, rows):
    assert _rows(text) == rows


@pytest.mark.parametrize("text", [
    "Năm 2024, Đảng bộ huyện Hướng Hóa kết nạp 254 đảng viên; hiện Đảng bộ có 8.301 đồng chí.",
    "Năm 2024, Đảng bộ huyện kết nạp 254 đảng viên, nâng tổng số đảng viên toàn huyện lên 8.301 đồng chí.",
])
def test_a_stock_after_admissions_stays_members(text):
    assert _rows(text)[1] == ("8.301", "members_total", None, None, None)


def test_new_members_added_are_admissions():
    assert _rows("Năm 2023, Đảng bộ huyện Mường Tè đã bổ sung 45 đảng viên mới.") == [
        ("45", "new_admissions", None, None, None)]
    assert _rows("Năm 2024, Đảng bộ xã bổ sung thêm 9 tân đảng viên.") == [("9", "new_admissions", None, None, None)]


def test_members_moved_are_no_figure():
    """Near miss: members added to other cells are no admissions (and no stock)."""
    assert _rows("Huyện bổ sung 40 đảng viên cho các chi bộ thôn.") == []


def _listed(text: str) -> list[tuple]:
    return [(f["number_text"], f["metric"], f["scope_value"], str(f["as_of"]))
            for f in extract(text, "x").figures]


def test_congress_items_without_their_noun():
    text = ("Số đảng viên qua một số kỳ Đại hội:\n- Đại hội IV (tháng 12/1976): hơn 1,55 triệu đảng viên;\n"
            "- Đại hội VI (tháng 12/1986): hơn 2,1 triệu;\n- Đại hội VIII (tháng 6/1996): gần 2,2 triệu.")
    assert _listed(text) == [("hơn 1,55 triệu", "members_total", "VN", "1976-12-31"),
                             ("hơn 2,1 triệu", "members_total", "VN", "1986-12-31"),
                             ("gần 2,2 triệu", "members_total", "VN", "1996-06-30")]


def test_year_items_closed_by_a_semicolon():
    text = "Số chi bộ của Đảng bộ tỉnh Lai Châu qua một số năm:\n- Năm 2005: 1.204 chi bộ;\n- Năm 2015: 1.630;"
    assert [r[:2] for r in _listed(text)] == [("1.204", "cells_total"), ("1.630", "cells_total")]


def test_items_under_a_heading_naming_nothing_are_not_read():
    """Near miss: the heading names no count."""
    text = "Một số kỳ Đại hội tiêu biểu:\n- Đại hội IV (tháng 12/1976): 1.008 đại biểu;\n- Đại hội VI (tháng 12/1986): 1.129;"
    assert _listed(text) == []

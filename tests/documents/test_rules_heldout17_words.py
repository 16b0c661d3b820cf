"""Words read as blocks or superlatives in the round on held-out sets 15-17: "cho biết" (said) is not
the blocking "cho" (given to); "Nhật" of a name ("Nhật Bản", "Việt Nhật") is not the superlative
"nhất" of an organisation the text does not name. On sentences written for the rules, with near
misses."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Ba, 18/03/2025 - 10:05\n\n"


@pytest.mark.parametrize("text,rows", [
    ("Chi bộ Trường Đại học Việt Nhật hiện có 36 đảng viên, trong đó 15 đồng chí là nữ.",
     [("36", "members_total", None, None, None), ("15", "members_female", "36", "gender", "female")]),
    ("Chi bộ Thương vụ Việt Nam tại Nhật Bản hiện có 9 đảng viên.",
     [("9", "members_total", None, None, None)]),
])
def test_nhật_of_a_name_is_no_superlative(text, rows):
    assert _rows(PAGE + text) == rows


def test_the_largest_cell_is_still_unnamed():
    """Near miss: "Chi bộ đông nhất có 120 đảng viên" sizes a cell the text does not name."""
    assert _rows(PAGE + "Đảng bộ xã có 980 đảng viên. Chi bộ đông nhất có 120 đảng viên.") == [
        ("980", "members_total", None, None, None)]


def test_a_count_after_cho_biết_is_a_figure():
    text = PAGE + "Bí thư Đảng ủy xã Tân Lập cho biết trong năm 2024 Đảng bộ xã đã kết nạp 14 đảng viên mới."
    assert _rows(text) == [("14", "new_admissions", None, None, None)]


def test_members_given_something_are_still_no_figure():
    """Near miss: "cấp thẻ cho 12 đảng viên" (given to) blocks the count."""
    assert _rows(PAGE + "Đảng ủy xã có quyết định cấp thẻ cho 12 đảng viên.") == []

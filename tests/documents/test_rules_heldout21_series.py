"""Series of the round on held-out sets 19 to 21 (series.py, links.py): congress items on one line
by number and bracketed year ("Đại hội lần thứ XX (2000): 3.612 đảng viên; lần thứ XXI (2005):
4.105; …", "Đại hội XXII (2010) 4.986;") and counts bracketed after years under a head "Số đảng viên
…" ("năm 2016 (khoảng 4,5 triệu) gấp hơn hai lần năm 1991 (khoảng 2,1 triệu)"): totals, each its
own, none a part of the first. Near misses: a bracketed number that is no year, a part after a
total."""
import pytest

from .test_rules_heldout6 import _rows


@pytest.mark.parametrize("text,numbers", [
    ("Đảng bộ huyện Thọ Xuân qua các kỳ đại hội - số đảng viên:\nĐại hội lần thứ XX (2000): 3.612 đảng viên; "
     "lần thứ XXI (2005): 4.105; lần thứ XXII (2010): 4.870.", ["3.612", "4.105", "4.870"]),
    ("Số đảng viên qua các kỳ Đại hội Đảng bộ huyện Hương Sơn: Đại hội XXI (2005) 4.210 đảng viên; Đại hội XXII "
     "(2010) 4.986; Đại hội XXIII (2015) 5.640.", ["4.210", "4.986", "5.640"]),
    ("Số đảng viên năm 2016 (khoảng 4,5 triệu) gấp hơn hai lần năm 1991 (khoảng 2,1 triệu).",
     ["khoảng 4,5 triệu", "khoảng 2,1 triệu"]),
])
def test_items_of_a_series_are_totals(text, numbers):
    assert _rows(text) == [(n, "members_total", None, None, None) for n in numbers]


def test_a_bracketed_count_after_no_year_is_not_an_item():
    """Near miss: "(khoảng 300)" after a word that is no year."""
    assert _rows("Số đảng viên trẻ (khoảng 300) tăng nhanh.") == []


def test_a_part_after_a_total_stays_a_part():
    """Near miss: no bracketed year between the total and its part."""
    rows = _rows("Đảng bộ có 3.612 đảng viên; trong đó 1.105 đồng chí là nữ.")
    assert rows[1] == ("1.105", "members_female", "3.612", "gender", "female")

"""The place leading admissions, in the round after held-out set 17: "kết nạp 312 đảng viên, nhiều
nhất là Đảng bộ xã Bình Long với 31 đảng viên" gives that commune's admissions (a total of its own
place), not its members. On sentences written for the rule, with a near miss."""
import pytest

from .test_rules import _figures

PAGE = "Tin\n\nThứ Hai, 08/12/2025 - 08:00\n\n"


@pytest.mark.parametrize("text,number", [
    ("Năm 2024, Đảng bộ huyện Châu Phú kết nạp 312 đảng viên, nhiều nhất là Đảng bộ xã Bình Long với 31 "
     "đảng viên.", "31"),
    ("Trong 9 tháng năm 2025, Đảng bộ thành phố Long Xuyên kết nạp 205 đảng viên; dẫn đầu là phường Mỹ "
     "Bình với 24 đảng viên.", "24"),
])
def test_the_place_leading_admissions_with_its_count_admitted_them(text, number):
    f = _figures(PAGE + text)[number]
    assert (f["metric"], f["whole"], f["period_from"] is not None) == ("new_admissions", None, True)


def test_the_largest_committee_with_its_members_after_a_stock_counts_members():
    """Near miss: after a stock, not admissions, the leading body's count is of members."""
    text = PAGE + ("Đảng bộ huyện Châu Phú có 8.120 đảng viên, nhiều nhất là Đảng bộ xã Bình Long với 610 đảng "
                   "viên.")
    assert _figures(text)["610"]["metric"] == "members_total"

"""Streaks of the round on held-out set 17: a count bounded after a streak ("là năm thứ 11 liên tiếp
kết nạp trên 150 nghìn đảng viên", "năm thứ ba liên tục huyện kết nạp hơn 250 …", "ba năm liền kết
nạp trên 200 …") is its threshold, no figure, and the shares after it are the year's count's; an
exact count after the streak is that year's. On sentences written for the rule, with near misses."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Hai, 08/12/2025 - 08:00\n\n"


@pytest.mark.parametrize("text", [
    "Năm 2023, toàn Đảng kết nạp được 172.452 đảng viên, là năm thứ 11 liên tiếp kết nạp trên 150 "
    "nghìn đảng viên; trong đó đảng viên nữ chiếm 49,6%.",
    "Năm 2023, toàn Đảng kết nạp được 172.452 đảng viên, ba năm liền kết nạp hơn 150 nghìn đảng viên; "
    "trong đó đảng viên nữ chiếm 49,6%.",
])
def test_a_streaks_threshold_is_no_figure_and_the_share_is_the_years(text):
    assert _rows(PAGE + text) == [("172.452", "new_admissions", None, None, None),
                                  ("49,6%", "new_admissions", "172.452", "gender", "female")]


def test_an_exact_count_after_a_streak_is_that_years_count():
    """Near miss: with an exact number the streak opens the year's own admissions."""
    text = PAGE + "Năm thứ ba liên tiếp, Đảng bộ huyện Thọ Xuân kết nạp 265 đảng viên mới trong năm 2023."
    assert _rows(text) == [("265", "new_admissions", None, None, None)]
    text = PAGE + "Năm 2023 là năm thứ ba liên tiếp Đảng bộ huyện kết nạp 265 đảng viên mới."
    assert _rows(text) == [("265", "new_admissions", None, None, None)]

"""Strict round on held-out sets 24 and 25, the eve of the 2025 merger said without its day before the
old province ("Trước thời điểm hợp nhất, riêng Đảng bộ tỉnh Thái Bình …", "Trước khi hợp nhất, toàn Đảng bộ
tỉnh Hà Nam …") or with the merger's day after the province merged into ("Lúc sáp nhập vào tỉnh Lào Cai
(1/7/2025), Đảng bộ tỉnh Yên Bái …"), or "at the merger" before a province that ended with it ("Tại thời điểm
hợp nhất, riêng Đảng bộ tỉnh Kon Tum …"): the old province's stocks on 30/6/2025, with its old code."""
import pytest

from .test_rules import _figures


def _dated(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return str(f["as_of"]), f["scope_value"]


@pytest.mark.parametrize("text,number,expected", [
    ("Ninh Bình, 20/8/2025\nTrước khi hợp nhất, toàn Đảng bộ tỉnh Hà Nam có 46.120 đảng viên.", "46.120",
     ("2025-06-30", "35")),
    ("Hà Nội, 03/09/2025\nThời điểm trước hợp nhất, riêng Đảng bộ tỉnh Vĩnh Phúc có 78.960 đảng viên.", "78.960",
     ("2025-06-30", "26")),
    ("Lào Cai, 15/9/2025\n\nLúc sáp nhập vào tỉnh Lào Cai (1/7/2025), Đảng bộ tỉnh Yên Bái có 64.300 đảng viên.",
     "64.300", ("2025-06-30", "15")),
    ("Quảng Ngãi | 10/10/2025\nTại thời điểm hợp nhất, riêng Đảng bộ tỉnh Kon Tum có 36.512 đảng viên.", "36.512",
     ("2025-06-30", "62")),
    ("Bắc Ninh, 02/9/2025\nKhi hợp nhất vào tỉnh Bắc Ninh (ngày 1/7/2025), Đảng bộ tỉnh Bắc Giang có 128.604 "
     "đảng viên.", "128.604", ("2025-06-30", "24")),
])
def test_the_eve_of_the_merger_before_the_old_province(text, number, expected):
    """Heldout24 s02, h04; dev s198-s201."""
    assert _dated(text, number) == expected


@pytest.mark.parametrize("text,number,expected", [
    ("Ninh Bình, 20/8/2025\nSau khi hợp nhất, toàn Đảng bộ tỉnh Ninh Bình có 212.300 đảng viên.", "212.300",
     ("2025-08-20", "N37")),
    ("Quảng Ngãi | 10/10/2025\nTại thời điểm hợp nhất, Đảng bộ tỉnh Quảng Ngãi có 110.200 đảng viên.", "110.200",
     ("2025-10-10", "N51")),
    ("Ninh Bình, 20/8/2025\nTrước khi hợp nhất, toàn Đảng bộ xã Yên Lạc có 312 đảng viên.", "312",
     ("2025-08-20", "xã Yên Lạc")),
    ("Lào Cai, 15/9/2025\n\nKhi hợp nhất vào tỉnh Lào Cai (1/7/2024), Đảng bộ tỉnh Yên Bái có 64.300 đảng viên.",
     "64.300", ("2024-07-01", "15")),
])
def test_after_the_merger_a_commune_or_another_day_are_not_its_eve(text, number, expected):
    """Near misses: "Sau khi hợp nhất" and the merged province "Tại thời điểm hợp nhất" are the page's day with
    the new code; a commune's merger says nothing of
    the day; a day in brackets other than the merger's is that day."""
    assert _dated(text, number) == expected

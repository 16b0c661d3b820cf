"""Strict round on held-out sets 19 and 20, dates: the quarters counted from the first ("Hai quý đầu
năm", "Ba quý đầu năm nay", "quý I và quý II/2025", "quý I, II và III năm 2024") and the year before
the reference day ("năm ngoái")."""
import pytest

from .test_rules import _figures


def _dates(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return str(f["as_of"]), str(f["period_from"])


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Hai quý đầu năm 2025, Đảng bộ tỉnh Bình Phước kết nạp 1.074 đảng viên.", "1.074", "2025-06-30", "2025-01-01"),
    ("Trong hai quý đầu năm 2024, Đảng bộ xã Tân Lập kết nạp 18 đảng viên mới.\nTân Lập, ngày 12/7/2024",
     "18", "2024-06-30", "2024-01-01"),
    ("Phường Hòa Bình, ngày 8/10/2025\nBa quý đầu năm nay, Đảng bộ phường Hòa Bình đã kết nạp 23 đảng viên.",
     "23", "2025-09-30", "2025-01-01"),
    ("Trong quý I và quý II/2025, Đảng bộ tỉnh Hưng Yên kết nạp 1.027 đảng viên.", "1.027", "2025-06-30",
     "2025-01-01"),
    ("Trong các quý I, II và III/2024, Đảng bộ Công ty Điện lực Nghệ An kết nạp 12 đảng viên.", "12",
     "2024-09-30", "2024-01-01"),
])
def test_quarters_counted_from_the_first(text, number, as_of, first):
    """Heldout20 a03, a04, heldout19 d04, dev d155-d158."""
    assert _dates(text, number) == (as_of, first)


@pytest.mark.parametrize("text,number,as_of,first", [
    # near misses: one quarter alone, the second quarter alone, the last quarter of the year
    ("Trong quý đầu năm 2025, Đảng bộ tỉnh Bình Phước kết nạp 412 đảng viên.", "412", "2025-03-31", "2025-01-01"),
    ("Trong quý II/2025, Đảng bộ tỉnh Hưng Yên kết nạp 615 đảng viên.", "615", "2025-06-30", "2025-04-01"),
    ("Quý cuối năm 2024, Đảng bộ xã Tân Lập kết nạp 7 đảng viên.", "7", "2024-12-31", "2024-10-01"),
])
def test_a_single_quarter_stays_a_quarter(text, number, as_of, first):
    assert _dates(text, number) == (as_of, first)


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Krông Nô, 10/6/2025\nNăm ngoái, Đảng bộ huyện Krông Nô kết nạp 214 đảng viên.", "214", "2024-12-31",
     "2024-01-01"),
    ("Cẩm Thủy, ngày 20/3/2025\nTrong năm ngoái, Đảng bộ xã Cẩm Tân kết nạp 15 đảng viên.", "15", "2024-12-31",
     "2024-01-01"),
    # near miss: "năm nay" is the reference year, to the day of the page
    ("Cẩm Thủy, ngày 20/3/2025\nTrong năm nay, Đảng bộ xã Cẩm Tân đã kết nạp 4 đảng viên.", "4", "2025-03-20",
     "2025-01-01"),
])
def test_last_year_is_the_year_before_the_reference_day(text, number, as_of, first):
    """Heldout20 d04, dev d159."""
    assert _dates(text, number) == (as_of, first)

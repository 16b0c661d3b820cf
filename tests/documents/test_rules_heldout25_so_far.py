"""Convention of 7 December 2026 (corpus README): "từ đầu năm đến nay", "từ đầu năm học … đến nay" said in a
paragraph reporting a ceremony or a meeting held before the page is dated at that event, as "hiện" beside an
event is; said without such an event (another paragraph, no event) it keeps the page's date."""
import pytest

from .test_rules import _figures


def _dated(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return str(f["as_of"]), str(f["period_from"]) if f["period_from"] else None


@pytest.mark.parametrize("text,number,expected", [
    ("Thứ Hai, 10/11/2025\nChiều 7/11, Chi bộ Trường THCS Lê Lợi tổ chức lễ kết nạp 3 đảng viên mới. Từ đầu "
     "năm đến nay, Chi bộ đã kết nạp 5 đảng viên.", "5", ("2025-11-07", "2025-01-01")),
    ("Cần Thơ, 22/03/2026\nNgày 20/3, Đảng ủy Trường Đại học Cần Thơ tổ chức hội nghị sơ kết công tác đảng. Từ "
     "đầu năm học 2025 - 2026 đến nay, Đảng bộ đã kết nạp 48 đảng viên.", "48", ("2026-03-20", "2025-09-01")),
    ("Đăng ngày 03/01/2026\nSáng 30/12/2025, Đảng ủy xã Tân Lập tổng kết công tác năm; từ đầu năm đến nay, "
     "Đảng bộ xã kết nạp 27 đảng viên, nâng tổng số đảng viên lên 912.", "27", ("2025-12-30", "2025-01-01")),
    ("Đăng ngày 03/01/2026\nSáng 30/12/2025, Đảng ủy xã Tân Lập tổng kết công tác năm; từ đầu năm đến nay, "
     "Đảng bộ xã kết nạp 27 đảng viên, nâng tổng số đảng viên lên 912.", "912", ("2025-12-30", None)),
])
def test_the_year_so_far_said_at_an_event_is_dated_at_the_event(text, number, expected):
    """Heldout21 d06, heldout22 a01, a02; dev a05, a24, n09, heldout1 a03, heldout13 d01 (changed to follow)."""
    assert _dated(text, number) == expected


@pytest.mark.parametrize("text,number,expected", [
    ("Thứ Hai, 10/11/2025\nChiều 7/11, Chi bộ Trường THCS Lê Lợi tổ chức lễ kết nạp 3 đảng viên mới.\n\n"
     "Từ đầu năm đến nay, Đảng bộ xã Tân Lập đã kết nạp 21 đảng viên.", "21", ("2025-11-10", "2025-01-01")),
    ("Thứ Hai, 10/11/2025\nTừ đầu năm đến nay, Đảng bộ xã Tân Lập đã kết nạp 21 đảng viên.", "21",
     ("2025-11-10", "2025-01-01")),
    ("Thứ Hai, 10/11/2025\nChiều 7/11, Chi bộ Trường THCS Lê Lợi tổ chức lễ kết nạp 3 đảng viên mới.", "3",
     ("2025-11-07", "2025-11-07")),
])
def test_the_year_so_far_without_an_event_keeps_the_pages_day(text, number, expected):
    """Near misses: another paragraph than the ceremony's, no event at all; the ceremony's own count."""
    assert _dated(text, number) == expected

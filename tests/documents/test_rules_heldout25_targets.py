"""Strict round on held-out sets 24 and 25, a year's target: "năm nay … phấn đấu kết nạp 25" and "đến hết năm
kết nạp ít nhất 40" count the whole year, from 1 January to its 31/12 (as the sets annotate 40 of 43 year
targets); a target "đến cuối năm (nay)" is of that day, with no first day (heldout2, heldout4, dev d08)."""
import pytest

from .test_rules_heldout25_so_far import _dated


@pytest.mark.parametrize("text,number,expected", [
    ("Sơn La, 05/10/2025\nNăm nay, Đảng bộ xã Chiềng Mai phấn đấu kết nạp 25 đảng viên mới.", "25",
     ("2025-12-31", "2025-01-01")),
    ("Cần Thơ, 12/09/2025\nĐảng ủy phường Hưng Phú đặt chỉ tiêu đến hết năm kết nạp ít nhất 40 đảng viên.", "40",
     ("2025-12-31", "2025-01-01")),
    ("Hạ Long, 20/11/2024\nChi bộ Cảng Cái Lân hiện có 46 đảng viên; năm nay chi bộ phấn đấu kết nạp thêm 3 đảng "
     "viên.", "3", ("2024-12-31", "2024-01-01")),
])
def test_a_target_of_the_year_counts_the_whole_year(text, number, expected):
    """Heldout24 s05, heldout25 d05; dev y130-y132."""
    assert _dated(text, number) == expected


@pytest.mark.parametrize("text,number,expected", [
    ("Ngày đăng: 28/12/2021\n\nĐến cuối năm nay, Đảng bộ xã Nghĩa Hưng dự kiến kết nạp thêm 5 đảng viên.", "5",
     ("2021-12-31", None)),
    ("Sơn La, 05/10/2025\nNăm nay, Đảng bộ xã Chiềng Mai đã kết nạp 18 đảng viên mới.", "18",
     ("2025-10-05", "2025-01-01")),
    ("Sơn La, 05/10/2025\nTừ đầu năm đến nay, Đảng bộ xã Chiềng Mai kết nạp 18 đảng viên, đạt 72% kế hoạch.", "18",
     ("2025-10-05", "2025-01-01")),
])
def test_a_target_to_the_years_end_and_counts_done_keep_their_day(text, number, expected):
    """Near misses: a target "đến cuối năm nay"; admissions done "năm nay" and "từ đầu năm đến nay"."""
    assert _dated(text, number) == expected

"""Strict round on held-out sets 24 and 25, periods: the last months of a year counted in words ("Hai tháng
cuối năm 2025"), a term's start to a month ("Từ đầu nhiệm kỳ 2020 - 2025 đến cuối tháng 9/2023"), a gloss after
a range's first day ("Từ ngày 1/3/2025 (thời điểm hợp nhất hai trường) đến ngày 30/9/2025"), a year so far to
its bracket's month or day ("Năm 2024 (tính đến hết tháng 10)"), a year's end without its year after the
paragraph's dated figures ("… đến ngày 31/12/2025, … kết nạp 38. Đến cuối năm, …")."""
import pytest

from .test_rules_heldout25_so_far import _dated


@pytest.mark.parametrize("text,number,expected", [
    ("Bắc Ninh, 09/01/2026\nHai tháng cuối năm 2025, Đảng bộ phường Kinh Bắc kết nạp thêm 11 đảng viên.", "11",
     ("2025-12-31", "2025-11-01")),
    ("Từ đầu nhiệm kỳ 2020 - 2025 đến cuối tháng 9/2023, Đảng bộ thị xã Sơn Tây đã kết nạp 812 đảng viên. (Báo Hà "
     "Nội mới, 20/10/2023)", "812", ("2023-09-30", "2020-01-01")),
    ("Thái Nguyên, 08/10/2025\nTừ ngày 1/3/2025 (thời điểm hợp nhất hai trường) đến ngày 30/9/2025, Đảng bộ "
     "Trường Đại học Kỹ thuật Công nghiệp kết nạp 57 đảng viên.", "57", ("2025-09-30", "2025-03-01")),
    ("Năm 2024 (tính đến hết tháng 10), Đảng bộ xã Hòa Phú kết nạp 17 đảng viên.\n(Cập nhật 10:00, 12/11/2024)",
     "17", ("2024-10-31", "2024-01-01")),
    ("Biên Hòa, 25/11/2025\nNăm 2025 (tính đến ngày 20/11), Đảng bộ phường Tân Mai kết nạp 45 đảng viên.", "45",
     ("2025-11-20", "2025-01-01")),
    ("Từ ngày 1/7/2025 (ngày phường mới đi vào hoạt động) đến ngày 31/12/2025, Đảng bộ phường Tân Định kết nạp 38 "
     "đảng viên. Đến cuối năm, Đảng bộ có 4.126 đảng viên.", "4.126", ("2025-12-31", None)),
])
def test_periods_in_other_words(text, number, expected):
    """Heldout24 d04, d05, heldout25 d04, d05; dev d228-d232."""
    assert _dated(text, number) == expected


@pytest.mark.parametrize("text,number,expected", [
    ("Hà Nội, 20/10/2023\nTừ đầu nhiệm kỳ 2020 - 2025 đến nay, Đảng bộ thị xã Sơn Tây đã kết nạp 812 đảng viên.",
     "812", ("2023-10-20", "2020-01-01")),
    ("Biên Hòa, 25/11/2025\nNăm 2024 (tăng 12 so với năm 2023), Đảng bộ phường Tân Mai kết nạp 45 đảng viên.",
     "45", ("2024-12-31", "2024-01-01")),
    ("Biên Hòa, 25/11/2025\nĐến cuối năm, Đảng bộ phường Tân Mai phấn đấu có 2.000 đảng viên.", "2.000",
     ("2025-12-31", None)),
])
def test_periods_left_as_they_were(text, number, expected):
    """Near misses: a term's start to now; a year with a change in brackets; a year's end with no figure before."""
    assert _dated(text, number) == expected

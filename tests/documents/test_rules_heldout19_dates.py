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


@pytest.mark.parametrize("text,number,as_of", [
    ("Dec 18, 2025 · Tiếng Việt | English\nĐảng bộ Ban Quản lý Khu công nghệ cao Hòa Lạc hiện có 142 đảng viên.",
     "142", "2025-12-18"),
    ("March 5, 2025 | Tiếng Việt\nĐảng bộ xã Quảng Phú hiện có 806 đảng viên.", "806", "2025-03-05"),
    ("Đảng bộ Trường Đại học Ngoại ngữ hiện có 215 đảng viên.\nUpdated: 12 Jan 2025 - 08:30", "215",
     "2025-01-12"),
])
def test_a_date_line_written_in_english(text, number, as_of):
    """Heldout19 d06, dev d160, d161."""
    assert str(_figures(text)[number]["as_of"]) == as_of


def test_a_word_like_a_month_is_no_english_date():
    """Near miss: "Marketing 5, 2025" names no month; the page stays undated."""
    text = "Marketing 5, 2025 | Tiếng Việt\nĐảng bộ xã Quảng Phú hiện có 806 đảng viên."
    assert _figures(text)["806"]["as_of"] is None


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Lâm Đồng, 20/9/2025\nSau gần 3 tháng vận hành mô hình chính quyền đặc khu, Đảng bộ đặc khu Phú Quý đã kết "
     "nạp 5 đảng viên.", "5", "2025-09-20", "2025-07-01"),
    ("Thái Nguyên, ngày 10/9/2025\nSau hơn hai tháng vận hành chính quyền địa phương hai cấp, Đảng bộ xã Đồng Hỷ "
     "đã kết nạp 9 đảng viên mới.", "9", "2025-09-10", "2025-07-01"),
    # near miss: months after a unit's own event are not the reorganisation's
    ("Thái Nguyên, ngày 10/9/2025\nSau hai tháng vận hành nhà máy mới, Đảng bộ xã Đồng Hỷ đã kết nạp 4 đảng "
     "viên mới.", "4", "2025-09-10", "None"),
])
def test_months_after_the_2025_units_began(text, number, as_of, first):
    """Heldout19 s03, dev d162, d163: counted from 1/7/2025 to the page's day."""
    f = _figures(text)[number]
    assert (str(f["as_of"]), str(f["period_from"])) == (as_of, first)


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Ngày 5/12/2024, Đảng ủy Công ty Nhiệt điện Phả Lại tổ chức hội nghị tổng kết năm 2024. Tính đến 30/11/2024, "
     "Đảng bộ Công ty có 652 đảng viên và đã kết nạp 24 đảng viên.", "24", "2024-11-30", "2024-01-01"),
    ("Đến hết ngày 15/10/2024, Đảng bộ Công ty Than Vàng Danh kết nạp được 11 đảng viên mới.\nQuảng Ninh, "
     "18/10/2024", "11", "2024-10-15", "2024-01-01"),
    # near misses: a range from a day, and a ceremony's day
    ("Từ ngày 1/9/2024 đến ngày 30/11/2024, Đảng bộ Công ty Than Vàng Danh kết nạp 6 đảng viên.", "6",
     "2024-11-30", "2024-09-01"),
    ("Sáng 18/11/2024, Chi bộ thôn Đông tổ chức lễ kết nạp 2 đảng viên.", "2", "2024-11-18", "2024-11-18"),
])
def test_admissions_up_to_a_cut_off_day_count_from_january(text, number, as_of, first):
    """Heldout20 y04, dev a71, a72."""
    assert _dates(text, number) == (as_of, first)


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Trong tháng 11/2025, Đảng bộ phường Việt Hưng kết nạp 17 đảng viên, nâng tổng số đảng viên kết nạp từ đầu "
     "năm lên 96 đồng chí.", "96", "2025-11-30", "2025-01-01"),
    ("Trong tháng 10/2024, Đảng bộ xã Yên Phong kết nạp 5 đảng viên, nâng số đảng viên được kết nạp từ đầu năm "
     "đến nay lên 31 đồng chí.", "31", "2024-10-31", "2024-01-01"),
    # near miss: the month's own count stays the month's
    ("Trong tháng 10/2024, Đảng bộ xã Yên Phong kết nạp 5 đảng viên, nâng số đảng viên được kết nạp từ đầu năm "
     "đến nay lên 31 đồng chí.", "5", "2024-10-31", "2024-10-01"),
])
def test_from_the_start_of_the_year_to_a_month_named_before(text, number, as_of, first):
    """Heldout20 a05, dev a73: an undated page's "từ đầu năm" after a month ends with that month."""
    assert _dates(text, number) == (as_of, first)

"""Strict round on held-out sets 19 to 21 (strict29), periods: months counted right before the
admissions ("9 tháng kết nạp 21"), the first semester of a school year, a decade ("Những năm 1990": no
day; "thập niên 2001 - 2010": a range), a congress's number with its year ("lần thứ XV (2005)")."""
import pytest

from .test_rules import _figures


def _dates(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return str(f["as_of"]), str(f["period_from"])


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Đà Nẵng, 03/10/2025\nChiều 30/9 vừa qua, Đảng ủy xã Hòa Vang tổ chức hội nghị sơ kết 9 tháng. Đảng bộ xã hiện "
     "có 1.452 đảng viên; 9 tháng kết nạp 21 đảng viên.", "21", "2025-09-30", "2025-01-01"),
    ("Đà Nẵng, 05/07/2025\nChiều 3/7, Đảng ủy phường Hòa Khánh tổ chức hội nghị sơ kết 6 tháng. Đảng bộ phường có "
     "2.104 đảng viên; 6 tháng đã kết nạp 17 đảng viên mới.", "17", "2025-06-30", "2025-01-01"),
])
def test_months_counted_before_the_admissions(text, number, as_of, first):
    """Heldout21 d01, dev d179."""
    assert _dates(text, number) == (as_of, first)


def test_months_after_their_start_are_not_the_years_first():
    """Near miss: "Sau 3 tháng" counts from something else, not 1 January."""
    text = "Đà Nẵng, 05/10/2025\nSau 3 tháng kết nạp 5 đảng viên, Chi bộ thôn 2 có 41 đảng viên."
    assert _dates(text, "5")[1] != "2025-01-01"


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Nghệ An, 14/01/2026\nTrong học kỳ I năm học 2025 - 2026, Đảng bộ Trường Đại học Vinh kết nạp 31 sinh viên "
     "vào Đảng.", "31", "2026-01-14", "2025-09-01"),
    ("Hà Nội, 20/01/2025\nHọc kỳ 1 năm học 2024 - 2025, Đảng ủy Học viện Nông nghiệp Việt Nam đã kết nạp 42 đảng "
     "viên mới.", "42", "2025-01-20", "2024-09-01"),
    # near miss: the whole school year
    ("Hà Nội, 20/09/2025\nNăm học 2024 - 2025, Đảng ủy Học viện Nông nghiệp Việt Nam đã kết nạp 96 đảng viên mới.",
     "96", "2025-08-31", "2024-09-01"),
])
def test_the_first_semester_so_far(text, number, as_of, first):
    """Heldout21 a05, dev d180."""
    assert _dates(text, number) == (as_of, first)


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Gia Lai, 20/05/2025\nNhững năm 1980, cả xã Ia Dom chỉ có 12 đảng viên.", "12", "None", "None"),
    ("Gia Lai, 20/05/2025\nTrong thập niên 1990, xã Ia Dom có 40 đảng viên.", "40", "None", "None"),
    ("Trong thập kỷ 2001 - 2010, toàn Đảng kết nạp hơn 1,6 triệu đảng viên.", "hơn 1,6 triệu", "2010-12-31",
     "2001-01-01"),
    ("Thập niên 1991 - 2000, Đảng bộ tỉnh Hà Tĩnh kết nạp khoảng 18.000 đảng viên.", "khoảng 18.000", "2000-12-31",
     "1991-01-01"),
    # near miss: a year is a year
    ("Gia Lai, 20/05/2025\nNăm 1980, cả xã Ia Dom chỉ có 12 đảng viên.", "12", "1980-12-31", "None"),
])
def test_decades(text, number, as_of, first):
    """Heldout19 h03, h04, dev h80, h81."""
    assert _dates(text, number) == (as_of, first)


@pytest.mark.parametrize("text,number,as_of", [
    ("Đảng bộ huyện Thọ Xuân qua các kỳ đại hội - số đảng viên:\nĐại hội lần thứ XX (2000): 3.612 đảng viên.",
     "3.612", "2000-12-31"),
    ("Đảng bộ thị xã Sơn Tây qua các kỳ đại hội:\n- Đại hội lần thứ XV (2005): 4.210 đảng viên;\n- Đại hội lần thứ "
     "XVI (2010): 5.012 đảng viên.", "5.012", "2010-12-31"),
    # near miss: a month with its year keeps the month
    ("Số đảng viên qua các kỳ Đại hội:\n1. Đại hội I (3/1935): khoảng 600 đảng viên.", "khoảng 600", "1935-03-31"),
])
def test_a_congress_number_with_its_year(text, number, as_of):
    """Heldout20 h03, dev h82."""
    assert _dates(text, number)[0] == as_of


@pytest.mark.parametrize("text,number,as_of", [
    ("Ngày 5/12/2024, Đảng ủy Công ty Nhiệt điện Phả Lại tổ chức hội nghị tổng kết. Tính đến 30/11/2024, Đảng bộ Công "
     "ty đã kết nạp 24 đảng viên; ước cả năm kết nạp 28 đảng viên.", "28", "2024-12-31"),
    ("Nghệ An, 04/12/2025\nNgày 3/12, Đảng ủy xã Nghĩa Đồng tổ chức hội nghị tổng kết. Tính đến 30/11/2025, Đảng bộ "
     "xã đã kết nạp 19 đảng viên; ước tính cả năm kết nạp khoảng 22 đảng viên.", "khoảng 22", "2025-12-31"),
    # near miss: the count to the cut-off keeps its day
    ("Nghệ An, 04/12/2025\nNgày 3/12, Đảng ủy xã Nghĩa Đồng tổ chức hội nghị tổng kết. Tính đến 30/11/2025, Đảng bộ "
     "xã đã kết nạp 19 đảng viên; ước tính cả năm kết nạp khoảng 22 đảng viên.", "19", "2025-11-30"),
])
def test_an_estimate_of_the_whole_year(text, number, as_of):
    """Heldout20 y04, dev y78: "ước cả năm" is the year to its 31/12, as "phấn đấu cả năm" is."""
    assert _dates(text, number) == (as_of, f"{as_of[:4]}-01-01")


@pytest.mark.parametrize("text,number,as_of", [
    ("Thứ Năm, 05/12/2024 - 16:00\nTừ đầu năm đến hết tháng 11/2024, toàn tỉnh Phú Thọ kết nạp 2.180 đảng viên, đạt "
     "90,8% kế hoạch năm (2.400 đảng viên).", "2.400", "2024-12-31"),
    ("Thứ Năm, 05/12/2024 - 16:00\nĐến hết tháng 11/2024, xã Tân Lập kết nạp 26 đảng viên, đạt 86,7% chỉ tiêu cả năm "
     "(30 đảng viên).", "30", "2024-12-31"),
    # near misses: a plan not said to be the year's, and the count reached, keep the count's day
    ("Thứ Năm, 05/12/2024 - 16:00\nTừ đầu năm đến hết tháng 11/2024, toàn tỉnh Phú Thọ kết nạp 2.180 đảng viên, đạt "
     "90,8% kế hoạch (2.400 đảng viên).", "2.400", "2024-11-30"),
    ("Thứ Năm, 05/12/2024 - 16:00\nTừ đầu năm đến hết tháng 11/2024, toàn tỉnh Phú Thọ kết nạp 2.180 đảng viên, đạt "
     "90,8% kế hoạch năm (2.400 đảng viên).", "2.180", "2024-11-30"),
])
def test_the_years_plan_in_brackets_after_its_share(text, number, as_of):
    """Dev a27 (left by the rounds before): "đạt 90,8% kế hoạch năm (2.400 đảng viên)" is the plan of the year."""
    assert _dates(text, number) == (as_of, "2024-01-01")


@pytest.mark.parametrize("text,number,as_of", [
    ("Đến năm 1996, toàn Đảng có ngót 2,2 triệu đảng viên; mười năm sau, con số đó đã vượt 3 triệu.", "vượt 3 triệu",
     "2006-12-31"),
    ("Năm 2005, Đảng bộ xã Hòa Tiến có 310 đảng viên. Mười năm sau, Đảng bộ xã đã có 402 đảng viên.", "402",
     "2015-12-31"),
    # near misses: "Năm sau" without a count, and a time after an event, not after a year (no day known, as before)
    ("Năm 2005, Đảng bộ xã Hòa Tiến có 310 đảng viên. Năm sau, Đảng bộ xã kết nạp 12 đảng viên.", "310", "2005-12-31"),
    ("Gia Lai, 20/05/2025\nNăm 2005, xã được thành lập. Hai năm sau khi thành lập, Đảng bộ xã có 96 đảng viên.", "96",
     "None"),
])
def test_years_later_than_the_year_named(text, number, as_of):
    """Dev h18 (left by the rounds before), h83: "mười năm sau" after "năm 1996" is 2006."""
    assert _dates(text, number)[0] == as_of

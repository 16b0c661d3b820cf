"""Strict round on held-out set 18, dates: a weekday before a bracketed day ("Sáng thứ Bảy (14/6)"),
the day of a ceremony named after the count ("… được kết nạp tại buổi lễ sáng 2/9"), a lead's
dateline with "ngày" ("Lai Châu, ngày 3/9/2025 - …"), the first half and the first quarter in words
("Nửa đầu năm", "Quý đầu năm"), months by their names ("từ tháng Giêng đến hết tháng Năm"), two
months joined by "và", the half of a term, "từ khi đặc khu đi vào hoạt động đến nay", and "đến cuối
năm" after a sentence framed by its year."""
import datetime as dt

import pytest

from .test_rules import _figures


def _dates(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return str(f["as_of"]), str(f["period_from"])


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Sáng thứ Bảy (14/6), Chi bộ Trường THCS Nguyễn Du tổ chức lễ kết nạp đảng viên cho 2 giáo viên trẻ.\n"
     "(Cập nhật: 16/06/2025)", "2", "2025-06-14", "2025-06-14"),
    ("Chiều Chủ nhật (22/6), Chi bộ thôn Bắc Sơn tổ chức lễ kết nạp 3 đảng viên mới.\n(Cập nhật 24/06/2025)",
     "3", "2025-06-22", "2025-06-22"),
])
def test_a_weekday_before_a_bracketed_day(text, number, as_of, first):
    """Heldout18 a02, dev d118."""
    assert _dates(text, number) == (as_of, first)


def test_the_day_of_a_ceremony_named_after_the_count():
    """Heldout18 t05, dev d119: the ceremony's day, not the dateline's (which dates the page)."""
    text = ("Lai Châu, ngày 3/9/2025 - Với 4 đảng viên mới được kết nạp tại buổi lễ sáng 2/9, số đảng viên "
            "của Đảng bộ xã Tân Uyên đã cán mốc 1.000 đồng chí.")
    assert _dates(text, "4") == ("2025-09-02", "2025-09-02")
    assert _figures(text)["4"]["as_of"] == dt.date(2025, 9, 2)


def test_a_day_after_the_count_without_a_ceremony_is_not_its_own():
    """Near miss: "(Cập nhật …)" style day of the page after a count stays the page's."""
    text = "Lai Châu, ngày 3/9/2025 - Đảng bộ xã Tân Uyên đã kết nạp 4 đảng viên, sáng 2/9 tổ chức hội nghị."
    assert _dates(text, "4")[0] != "2025-09-02"


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Nửa đầu năm 2025, Đảng bộ tỉnh Lạng Sơn kết nạp 1.214 đảng viên.\nLạng Sơn, 08/7/2025", "1.214",
     "2025-06-30", "2025-01-01"),
    ("Trong nửa đầu năm nay, Đảng bộ huyện Yên Thế kết nạp 96 đảng viên.\nYên Thế, ngày 15/7/2025", "96",
     "2025-06-30", "2025-01-01"),
    ("Quý đầu năm 2025, Đảng bộ Tổng công ty Thép Việt Nam đã kết nạp 18 đảng viên.\n(Tin ngày 07/04/2025)", "18",
     "2025-03-31", "2025-01-01"),
    ("Trong quý đầu năm nay, Đảng bộ Công ty Điện lực Nghệ An kết nạp 12 đảng viên.\n(Tin ngày 10/04/2025)", "12",
     "2025-03-31", "2025-01-01"),
    ("Thứ Tư, 12/06/2024 | 09:30\nTừ tháng Giêng đến hết tháng Năm, Đảng bộ huyện Đông Anh kết nạp 143 đảng viên.",
     "143", "2024-05-31", "2024-01-01"),
    ("Trong tháng 7 và tháng 8/2025, Đảng bộ xã Nam Trực kết nạp 9 đảng viên mới.\nNam Trực, ngày 05/9/2025", "9",
     "2025-08-31", "2025-07-01"),
    ("Hai tháng 9 và 10/2025, Đảng ủy phường Hồng Hà kết nạp 8 đảng viên.\nHà Nội, ngày 04/11/2025", "8",
     "2025-10-31", "2025-09-01"),
])
def test_halves_quarters_and_months_in_other_words(text, number, as_of, first):
    """Heldout18 a03, a06, a04, a05, dev d120, d122-d124 (README of heldout18)."""
    assert _dates(text, number) == (as_of, first)


def test_a_province_counted_on_june_30_keeps_its_old_code():
    """Heldout18 a03: the first half of 2025 ends before the merger (1 July)."""
    text = "Nửa đầu năm 2025, Đảng bộ tỉnh Lạng Sơn kết nạp 1.214 đảng viên.\nLạng Sơn, 08/7/2025"
    assert _figures(text)["1.214"]["scope_value"] == "20"


def test_a_month_and_a_count_joined_by_va_are_no_range():
    """Near miss: "tháng 6 và 12 chi bộ" is a month and a count."""
    text = "Trong tháng 6 và 12 chi bộ trực thuộc, Đảng bộ xã Nam Trực kết nạp 9 đảng viên.\nNam Trực, ngày 05/9/2025"
    assert _dates(text, "9")[0] != "2025-12-31"


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Ngày 18/7/2023, Đảng ủy Bộ Ngoại giao tổ chức Hội nghị sơ kết giữa nhiệm kỳ (nhiệm kỳ 2020 - 2025). "
     "Sau nửa nhiệm kỳ, toàn Đảng bộ kết nạp 214 đảng viên.", "214", "2023-07-18", "2020-01-01"),
    ("Đảng bộ đặc khu Cô Tô hiện có 715 đảng viên; từ khi đặc khu đi vào hoạt động đến nay đã kết nạp 6 đảng viên.\n"
     "Cô Tô, ngày 22/9/2025", "6", "2025-09-22", "2025-07-01"),
    ("Từ khi chính quyền địa phương hai cấp đi vào vận hành đến nay, Đảng bộ xã Hòa Vang đã kết nạp 11 đảng viên.\n"
     "Đà Nẵng, ngày 20/10/2025", "11", "2025-10-20", "2025-07-01"),
])
def test_periods_opening_at_a_term_or_at_the_2025_reorganisation(text, number, as_of, first):
    """Heldout18 a08, s01, dev d125, d127."""
    assert _dates(text, number) == (as_of, first)


def test_half_a_term_without_a_term_named_stays_vague():
    """Near miss: no term's years in the text, no period start."""
    text = "Ngày 18/7/2023, Đảng ủy Bộ Ngoại giao tổ chức hội nghị. Sau nửa nhiệm kỳ, toàn Đảng bộ kết nạp 214 đảng viên."
    assert _dates(text, "214")[1] == "None"


@pytest.mark.parametrize("text,number", [
    ("Năm 2023, Đảng bộ Khối Doanh nghiệp tỉnh Bình Dương kết nạp 268 đảng viên. Đến cuối năm, Đảng bộ Khối có "
     "187 tổ chức cơ sở đảng, 6.913 đảng viên.", "6.913"),
    ("Năm 2023, Đảng bộ huyện Tân Sơn kết nạp 310 đảng viên. Tính đến cuối năm, toàn Đảng bộ có 6.913 đảng viên.",
     "6.913"),
])
def test_year_end_after_a_sentence_framed_by_its_year(text, number):
    """Heldout18 s07, dev y64: an undated page's "đến cuối năm" is of the year framing the paragraph."""
    assert _dates(text, number)[0] == "2023-12-31"


_JANUARY_REPORT = ("CHI BỘ CÔNG TY CỔ PHẦN BIA SÀI GÒN - MIỀN TRUNG\nBÁO CÁO TỔNG KẾT CÔNG TÁC ĐẢNG NĂM 2024\n"
                   "Quy Nhơn, ngày 06 tháng 01 năm 2025\n1. Công tác đảng viên\nSố đảng viên đầu kỳ: 58 đồng chí. "
                   "Kết nạp mới: 6 đồng chí. Số đảng viên cuối kỳ: 62 đồng chí.")


def test_a_january_report_of_the_year_before_dates_its_opening_and_closing_stocks():
    """Heldout18 y02, dev y65 (README of heldout18: "đầu kỳ" at 1/1, "cuối kỳ" at 31/12 of the
    reported year; its admissions are that year's)."""
    assert _dates(_JANUARY_REPORT, "58") == ("2024-01-01", "None")
    assert _dates(_JANUARY_REPORT, "62") == ("2024-12-31", "None")
    assert _dates(_JANUARY_REPORT, "6") == ("2024-12-31", "2024-01-01")


def test_a_january_report_leaves_its_other_stocks_at_its_day():
    """Near miss (dev p40, p44): a stock said without "đầu kỳ" / "cuối kỳ" in a January report of the
    year before is the page's day."""
    text = ("Quảng Trị: Đảng bộ Bộ đội Biên phòng tỉnh tổng kết năm 2023\n\nThứ Ba, 09/01/2024 - 08:00\n\n"
            "Đảng bộ Bộ đội Biên phòng tỉnh Quảng Trị có 1.045 đảng viên.")
    assert _dates(text, "1.045")[0] == "2024-01-09"


def test_opening_stock_without_a_reviewed_year_is_not_dated_by_it():
    """Near miss: no heading reviews a year, "đầu kỳ" dates nothing."""
    text = "Ngày 06/01/2025, Chi bộ họp. Số đảng viên đầu kỳ: 58 đồng chí."
    assert _dates(text, "58")[0] != "2024-01-01"


def test_a_site_menu_and_breadcrumb_are_no_headline():
    """Heldout18 n04, dev n64: the headline under them restates the ceremony's admissions, and takes
    their period."""
    text = ("Giới thiệu | Tin tức | Văn bản | Liên hệ\nTin tức > Hoạt động cơ sở > Xây dựng Đảng\n"
            "Thị trấn Phong Điền kết nạp 2 đảng viên mới\n05/11/2025 09:15 | Lượt xem: 342\n"
            "Sáng nay, Đảng ủy thị trấn Phong Điền tổ chức lễ kết nạp 2 đảng viên mới.")
    from chibo.etl.documents import extract
    result = extract(text, "rules")
    assert result.document["title"] == "Thị trấn Phong Điền kết nạp 2 đảng viên mới"
    assert [str(f["period_from"]) for f in result.figures] == ["2025-11-05", "2025-11-05"]


def test_a_headline_with_one_separator_stays_a_headline():
    """Near miss: a headline holding one "|" is no menu."""
    from chibo.etl.documents import extract
    text = "Phong Điền | Kết nạp 2 đảng viên mới tại thị trấn\n05/11/2025 09:15\nSáng nay, Đảng ủy thị trấn Phong Điền kết nạp 2 đảng viên."
    assert extract(text, "rules").document["title"].startswith("Phong Điền |")


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Chiều Thứ Sáu, 20/6, Chi bộ ấp Phú Hòa tổ chức lễ kết nạp 2 đảng viên mới.\n(Cập nhật 23/06/2025)", "2",
     "2025-06-20", "2025-06-20"),
    ("Ngày 20/7/2023, Huyện ủy Mê Linh tổ chức hội nghị. Nửa nhiệm kỳ qua (2020 - 2025), Đảng bộ huyện Mê Linh "
     "kết nạp 1.146 đảng viên.", "1.146", "2023-07-20", "2020-01-01"),
    ("Từ ngày đặc khu Vân Đồn chính thức đi vào hoạt động đến nay, Đảng bộ đặc khu đã kết nạp 14 đảng viên.\n"
     "Vân Đồn, ngày 30/10/2025", "14", "2025-10-30", "2025-07-01"),
])
def test_a_weekday_with_a_comma_half_a_term_in_brackets_a_named_special_zone(text, number, as_of, first):
    """Dev d133, d135, d136."""
    assert _dates(text, number) == (as_of, first)


def test_a_named_special_zone_keeps_its_scope():
    """Dev d136: the words of the period stay in the text, so the zone they name is the scope."""
    text = ("Từ ngày đặc khu Vân Đồn chính thức đi vào hoạt động đến nay, Đảng bộ đặc khu đã kết nạp 14 đảng viên.\n"
            "Vân Đồn, ngày 30/10/2025")
    assert _figures(text)["14"]["scope_value"] == "đặc khu Vân Đồn"


def test_the_start_of_a_year_dates_a_stock_at_its_first_day():
    """Dev d134: "Đầu năm 2024, … có 612" is 1/1/2024."""
    text = ("Đầu năm 2024, Đảng bộ xã Đông Sơn có 612 đảng viên. Trong năm, Đảng bộ kết nạp 18 đảng viên; đến cuối "
            "năm, toàn Đảng bộ có 625 đảng viên.\n(Đăng ngày 12/01/2025)")
    assert _dates(text, "612")[0] == "2024-01-01"
    assert _dates(text, "625")[0] == "2024-12-31"


@pytest.mark.parametrize("text,number,as_of", [
    ("Từ đầu năm 2024 đến nay, Đảng bộ xã Đông Sơn kết nạp 18 đảng viên.\n(Đăng ngày 12/06/2024)", "18", "2024-06-12"),
    ("Nửa đầu năm 2024, Đảng bộ xã Đông Sơn kết nạp 18 đảng viên.\n(Đăng ngày 12/07/2024)", "18", "2024-06-30"),
])
def test_the_start_of_a_year_inside_a_period_is_no_day(text, number, as_of):
    """Near misses: "từ đầu năm 2024 đến nay", "nửa đầu năm 2024" keep their periods."""
    assert _dates(text, number)[0] == as_of


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Tối Chủ nhật 29/6, Chi bộ tổ dân phố 4 tổ chức lễ kết nạp 2 đảng viên mới.\n(Cập nhật 30/06/2025)", "2",
     "2025-06-29", "2025-06-29"),
    ("Hai tháng 11 và 12 năm 2024, Đảng ủy xã Thạch Hòa kết nạp 10 đảng viên.\nThạch Thất, ngày 08/01/2025", "10",
     "2024-12-31", "2024-11-01"),
    ("Từ tháng Tư đến hết tháng Sáu năm 2025, Đảng bộ phường Hà Cầu kết nạp 13 đảng viên.\n(Tin ngày 03/07/2025)",
     "13", "2025-06-30", "2025-04-01"),
    ("Ngày 10/8/2023, Đảng bộ phường Quang Trung sơ kết giữa nhiệm kỳ. Sau hơn nửa nhiệm kỳ, Đảng bộ phường kết nạp "
     "64 đảng viên, đạt 60% chỉ tiêu Nghị quyết nhiệm kỳ 2020 - 2025.", "64", "2023-08-10", "2020-01-01"),
])
def test_more_phrasings_of_days_months_and_half_terms(text, number, as_of, first):
    """Dev d137-d140."""
    assert _dates(text, number) == (as_of, first)


def test_a_month_and_a_count_with_nam_after_va_are_no_range():
    """Near miss: "tháng 10 và 11 năm qua" names no year after the second month."""
    text = "Trong tháng 10 và 11 năm qua, Đảng ủy xã Thạch Hòa kết nạp 10 đảng viên.\nThạch Thất, ngày 08/01/2025"
    assert _dates(text, "10")[1] != "2024-10-01"


def test_a_month_named_with_its_capital():
    """Dev d141: "Tháng Mười vừa qua" is last October."""
    text = "Tháng Mười vừa qua, Đảng bộ phường Quỳnh Mai kết nạp 6 đảng viên.\n(Đăng ngày 03/11/2025)"
    assert _dates(text, "6") == ("2025-10-31", "2025-10-01")


def test_the_start_of_this_year_before_a_stock():
    """Dev d142: "Đầu năm nay, … có 734" is 1 January of the page's year."""
    text = "Đầu năm nay, Đảng bộ xã Phú Xuân có 734 đảng viên; đến nay đã có 751 đảng viên.\nPhú Xuân, ngày 14/8/2025"
    assert _dates(text, "734")[0] == "2025-01-01"
    assert _dates(text, "751")[0] == "2025-08-14"


def test_the_start_of_a_year_before_admissions_is_no_day():
    """Near miss: "Đầu năm 2025, … kết nạp 5" is no stock on 1 January."""
    text = "Đầu năm 2025, Đảng bộ xã Phú Xuân kết nạp 5 đảng viên.\nPhú Xuân, ngày 14/8/2025"
    assert _dates(text, "5")[0] != "2025-01-01"

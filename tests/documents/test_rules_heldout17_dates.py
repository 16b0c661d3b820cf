"""Strict round on held-out sets 16 and 17, dates: admissions at a ceremony said in other words than
"Lễ kết nạp", a year's plan after a count of part of the year, units formed at the merger counted
"từ khi thành lập", a headline in capitals over a site's date line, a dateline whose place is a body."""
from datetime import date

import pytest

from chibo.etl.documents.dates import find_publication_date
from chibo.etl.documents.sentences import title

from .test_rules import _figures


@pytest.mark.parametrize("text,number,day", [
    ("Huế, 12/5/2025 - Chiều 11/5, Chi bộ thôn Phú Mỹ long trọng tổ chức kết nạp hai quần chúng ưu tú "
     "vào Đảng.", "hai", date(2025, 5, 11)),
    ("Đảng ủy xã An Lạc\n3 tháng 6, 2025 · 🌏\nChiều nay, Chi bộ thôn 4 đã kết nạp 3 quần chúng vào Đảng.",
     "3", date(2025, 6, 3)),
    ("Tuổi trẻ Công an tỉnh Đắk Lắk\n4 tháng 10, 2025 · 🌏\nChúc mừng 12 đồng chí vừa được kết nạp vào Đảng "
     "tại Lễ kết nạp của Đảng ủy Công an tỉnh Đắk Lắk sáng nay!", "12", date(2025, 10, 4)),
])
def test_admissions_at_a_ceremony_on_a_day_count_from_that_day(text, number, day):
    """Dev a49, a50; heldout17 a04, n05; heldout16 n04: the ceremony's day is the period."""
    f = _figures(text)[number]
    assert (f["as_of"], f["period_from"]) == (day, day)


def test_a_cut_off_day_is_no_ceremony():
    """Near miss: a day the count is reckoned to counts from January (heldout20 y04), not from that day."""
    text = "Tính đến ngày 30/9/2025, Đảng bộ xã Hòa Phong đã kết nạp 45 quần chúng vào Đảng."
    assert _figures(text)["45"]["period_from"] == date(2025, 1, 1)


@pytest.mark.parametrize("text,number", [
    ("Ngày 30/9/2025, Đảng bộ xã Hòa Phong đã kết nạp 45 đảng viên.", "45"),
    ("Ngày 30/6/2025, Đảng bộ xã Hòa Phong tổng kết: đã kết nạp 45 quần chúng vào Đảng.", "45"),  # a review
])
def test_a_day_without_a_ceremony_or_a_review_day_is_no_ceremony(text, number):
    """Near misses: a day without a ceremony's words; a review's count."""
    assert _figures(text)[number]["period_from"] is None


@pytest.mark.parametrize("text,number,period", [
    ("Từ đầu năm 2024 đến hết tháng 10/2024, Đảng bộ Tổng công ty Đường sắt Việt Nam đã kết nạp 93 đảng "
     "viên, phấn đấu cả năm kết nạp 120 đảng viên.", "120", (date(2024, 12, 31), date(2024, 1, 1))),
    ("Tháng 6/2025, Đảng ủy Trường Đại học Huế kết nạp 40 đảng viên, phấn đấu cả năm kết nạp 80 đảng viên.",
     "80", (date(2025, 12, 31), date(2025, 1, 1))),
    ("Từ đầu năm đến nay, Đảng bộ Bệnh viện Đa khoa tỉnh Thanh Hóa đã kết nạp 26 đảng viên, phấn đấu cả "
     "năm kết nạp 35 đảng viên. (Cập nhật 14:20, 17/09/2024)", "35", (date(2024, 12, 31), date(2024, 1, 1))),
])
def test_a_plan_for_the_whole_year_is_dated_at_the_year_end(text, number, period):
    """Heldout17 a03, heldout16 a05, dev a53: "phấn đấu cả năm" is the year's plan, not the count's day."""
    f = _figures(text)[number]
    assert (f["as_of"], f["period_from"]) == period


def test_a_plan_without_a_year_stays_undated():
    """Near miss (dev a11): "mỗi năm kết nạp từ 180" names no year."""
    text = "Nghị quyết Đại hội đề ra chỉ tiêu mỗi năm kết nạp từ 180 đảng viên trở lên."
    assert _figures(text)["180"]["as_of"] is None


@pytest.mark.parametrize("text,number", [
    ("Xã Hòa Vang (TP Đà Nẵng) - 20/11/2025\nTừ khi thành lập đến nay, Đảng bộ xã Hòa Vang đã kết nạp 23 "
     "đảng viên mới.", "23"),
    ("Kể từ khi thành lập, Đảng bộ phường Tân Sơn Nhất đã kết nạp 41 đảng viên. (Cập nhật 10:15, 05/11/2025)",
     "41"),
])
def test_units_formed_at_the_merger_count_from_its_day(text, number):
    """Heldout17 s01, dev d84, d85: a commune, ward or special zone of after 1/7/2025."""
    assert _figures(text)[number]["period_from"] == date(2025, 7, 1)


@pytest.mark.parametrize("text,number", [
    ("Từ khi thành lập đến nay, Đảng bộ Trường Đại học Vinh đã kết nạp 640 đảng viên. "
     "(Cập nhật 10:15, 05/11/2025)", "640"),  # a school is not formed at the merger
    ("Từ khi thành lập đến nay, Đảng bộ xã Hòa Vang đã kết nạp 230 đảng viên mới. "
     "(Cập nhật 10:15, 05/11/2024)", "230"),  # a page before the merger
])
def test_other_bodies_founding_day_is_not_known(text, number):
    """Near misses: another organisation, a commune on a page written before the merger."""
    assert _figures(text)[number]["period_from"] is None


def test_a_headline_in_capitals_over_a_site_date_line_is_the_headline():
    """Heldout17 s01, dev d87: any date line under it, not only a dateline's formats."""
    text = "ĐẶC KHU PHÚ QUỐC KẾT NẠP 19 ĐẢNG VIÊN MỚI\nAn Giang | 30/10/2025 10:20\nTừ khi thành lập … ."
    assert title(text) == "ĐẶC KHU PHÚ QUỐC KẾT NẠP 19 ĐẢNG VIÊN MỚI"
    heading = "ĐẶC KHU PHÚ QUỐC - NHỮNG CON SỐ ẤN TƯỢNG TRONG NĂM ĐẦU TIÊN"  # near miss: no date line, no count
    assert title(heading + "\nĐảng bộ đặc khu có 2.870 đảng viên.") != heading
    assert title(heading + "\nAn Giang | 30/10/2025 10:20\nĐảng bộ đặc khu có 2.870 đảng viên.") == heading


@pytest.mark.parametrize("text,day", [
    ("Trường Đại học Vinh, 25/04/2025 - Từ đầu năm học 2024 - 2025 đến nay, Đảng bộ Trường kết nạp 64 đảng "
     "viên.", date(2025, 4, 25)),
    ("Bệnh viện Bạch Mai, 14/10/2025 - Từ đầu năm đến nay, Đảng bộ Bệnh viện kết nạp 32 đảng viên.",
     date(2025, 10, 14)),
])
def test_a_dateline_whose_place_is_a_body(text, day):
    """Heldout17 d06, dev d86: the place before the dateline's comma may have lower-case syllables."""
    assert find_publication_date(text)[0] == day


def test_a_sentence_with_a_date_after_a_comma_is_no_dateline():
    """Near miss: a date inside the lead's sentence, no dash after it."""
    text = "Đảng bộ Trường Đại học Vinh có 1.200 đảng viên, tính đến 25/04/2025."
    assert find_publication_date(text)[0] is None


def test_a_headline_in_capitals_with_a_count_is_the_headline():
    """Heldout16 s02, dev s81: a first line in capitals counting members or cells, over the body."""
    text = "ĐẶC KHU PHÚ QUỐC: KẾT NẠP 41 ĐẢNG VIÊN TRONG 3 THÁNG\nTừ ngày 1/7 đến 30/9/2025, Đảng bộ đặc khu … kết nạp 41."
    assert title(text) == "ĐẶC KHU PHÚ QUỐC: KẾT NẠP 41 ĐẢNG VIÊN TRONG 3 THÁNG"


def test_a_heading_in_capitals_without_a_count_is_no_headline():
    """Near miss: a report's heading "BÁO CÁO KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2024" (its year is no count)."""
    text = "BÁO CÁO KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2024\nĐảng bộ xã Yên Bình có 812 đảng viên và 21 chi bộ trực thuộc."
    assert title(text) != "BÁO CÁO KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2024"

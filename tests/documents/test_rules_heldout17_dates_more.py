"""Strict round on held-out sets 16 and 17, more dates: reviews of the year's first months, a day
without its year before "đến nay", dates in words, "hiện" after a congress's lead, a quarter right
after the noun, a growth under a range, "đến nay" after a speech's day, undated pages framed by a
heading, a source's month or the sentence before."""
from datetime import date

import pytest

from chibo.etl.documents.dates import find_publication_date
from chibo.etl.documents.wordsdates import dates_in_digits, number

from .test_rules import _figures


def _dates(text: str, number_text: str) -> tuple:
    f = _figures(text)[number_text]
    return f["as_of"], f["period_from"]


def test_a_half_year_review_heading_dates_its_list():
    """Heldout17 y04, dev d88: stocks at 30/6, admissions since January."""
    text = "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025 - ĐẢNG ỦY XÃ THANH LÂM\n- Tổng số đảng viên: 1.126\n- Kết nạp đảng viên mới: 14"
    assert _dates(text, "1.126") == (date(2025, 6, 30), None)
    assert _dates(text, "14") == (date(2025, 6, 30), date(2025, 1, 1))


def test_a_review_heading_with_its_own_day_leaves_the_stocks_at_that_day():
    """Near miss (heldout16 y06): the review's day dates the stock of the next sentence."""
    text = ("Sơ kết 6 tháng đầu năm 2024 (ngày 10/7/2024), Huyện ủy Lục Ngạn cho biết: 6 tháng, toàn huyện kết nạp "
            "98 đảng viên. Đảng bộ huyện có 10.430 đảng viên.")
    assert _dates(text, "98") == (date(2024, 6, 30), date(2024, 1, 1))
    assert _dates(text, "10.430") == (date(2024, 7, 10), None)


def test_months_opening_a_clause_after_a_colon():
    """Dev d89: "cho biết: 9 tháng, toàn Khối kết nạp 142" (as "Trong 9 tháng, …")."""
    text = "Sơ kết 9 tháng năm 2024 (ngày 08/10/2024), Đảng ủy Khối cho biết: 9 tháng, toàn Khối kết nạp 142 đảng viên."
    assert _dates(text, "142") == (date(2024, 9, 30), date(2024, 1, 1))


@pytest.mark.parametrize("text,number_text,dates", [
    ("Cập nhật: 14/10/2025\nTừ ngày 1/7 đến nay, Đảng bộ xã Đông Sơn đã kết nạp 16 đảng viên.", "16",
     (date(2025, 10, 14), date(2025, 7, 1))),
    ("Cập nhật: 14/03/2025\nTừ ngày 1/7 đến nay, Đảng bộ xã Đông Sơn đã kết nạp 16 đảng viên.", "16",
     (date(2025, 3, 14), date(2024, 7, 1))),  # the last 1 July before the page
])
def test_a_day_without_its_year_before_den_nay(text, number_text, dates):
    """Heldout16 c05, dev d90."""
    assert _dates(text, number_text) == dates


@pytest.mark.parametrize("words,value", [
    ("hai nghìn không trăm hai mươi lăm", 2025), ("hai nghìn hai mươi tư", 2024), ("mười lăm", 15),
    ("một nghìn chín trăm tám mươi sáu", 1986), ("mười hai", 12), ("năm", 5), ("hai mươi tháng", None),
])
def test_numbers_in_words(words, value):
    assert number(words) == value


def test_dates_in_words_are_read_as_digits():
    """Heldout16 d05, heldout17 d05, dev d91, d92."""
    text = "Ngày hai mươi tháng mười hai năm hai nghìn hai mươi tư, Đảng ủy phường Phú Hội tổng kết năm."
    assert dates_in_digits(text).startswith("Ngày 20 tháng 12 năm 2024,")
    assert find_publication_date(dates_in_digits("Chi bộ có 18 đảng viên.\nBắc Sơn, ngày hai mươi tháng mười hai "
                                                 "năm hai nghìn hai mươi tư"))[0] == date(2024, 12, 20)


def test_a_review_dated_in_words_dates_its_figures():
    """Heldout17 d05: "Trong năm" at a review held on the day written in words."""
    text = ("Ngày hai mươi tháng mười hai năm hai nghìn hai mươi tư, Đảng ủy phường Phú Hội tổng kết năm. Trong năm, "
            "Đảng bộ kết nạp 15 đảng viên.")
    assert _dates(text, "15") == (date(2024, 12, 20), date(2024, 1, 1))


def test_words_that_make_no_date_stay():
    """Near miss: "ngày ba tháng hai năm …" without a year in words, and a year out of range."""
    for text in ("ngày ba tháng hai năm nay", "ngày ba tháng hai năm hai trăm"):
        assert dates_in_digits(text) == text


def test_hien_in_the_paragraph_after_a_congress_lead_is_the_congress_day():
    """Heldout17 c04, dev c49: the lead's dateline is the day after the congress."""
    text = ("Viêng Chăn, 16/4/2025 (TTXVN) - Ngày 15/4, Chi bộ Đại sứ quán Việt Nam tại Lào tổ chức Đại hội "
            "nhiệm kỳ 2025 - 2027.\nChi bộ hiện có 14 đảng viên.")
    assert _dates(text, "14")[0] == date(2025, 4, 15)


def test_hien_after_a_meeting_that_is_no_congress_is_the_page():
    """Near miss: a lead reporting a ceremony, not a congress held."""
    text = ("Viêng Chăn, 16/4/2025 (TTXVN) - Ngày 15/4, Chi bộ Đại sứ quán Việt Nam tại Lào tổ chức hội nghị "
            "học tập.\nChi bộ hiện có 14 đảng viên.")
    assert _dates(text, "14")[0] == date(2025, 4, 16)


@pytest.mark.parametrize("text,number_text,dates", [
    ("Đảng bộ Ngân hàng TMCP Ngoại thương Việt Nam kết nạp 26 đảng viên mới trong quý III/2025, nâng tổng số "
     "đảng viên lên 13.460 đồng chí.\n(Cập nhật 08:45, 14/10/2025)", "26", (date(2025, 9, 30), date(2025, 7, 1))),
    ("Đảng bộ Công ty Điện lực Quảng Nam đã kết nạp 14 đảng viên trong 9 tháng đầu năm 2024.\n(Báo Quảng Nam, "
     "15/10/2024)", "14", (date(2024, 9, 30), date(2024, 1, 1))),
])
def test_a_quarter_or_months_right_after_the_noun(text, number_text, dates):
    """Heldout17 t02, dev a54, a55."""
    assert _dates(text, number_text) == dates


def test_a_quarter_after_a_comma_is_another_clause():
    """Near miss: "…, quý III/2025 …" after a comma does not date the count before it."""
    text = "Năm 2024, Đảng bộ xã kết nạp 26 đảng viên, quý III/2025 kết nạp thêm 5 đảng viên."
    assert _dates(text, "26")[0] == date(2024, 12, 31)


def test_the_first_stock_of_a_growth_under_a_range_is_of_its_first_year():
    """Heldout17 h02, dev h47."""
    text = "Từ năm 1997 đến năm 2022, số đảng viên của Đảng bộ tỉnh Bình Dương tăng từ hơn 2 vạn lên gần 76 nghìn."
    assert _dates(text, "hơn 2 vạn")[0] == date(1997, 12, 31)
    assert _dates(text, "gần 76 nghìn")[0] == date(2022, 12, 31)


def test_den_nay_after_a_speech_day_on_an_undated_page():
    """Heldout17 h04, dev h48: the speech's day; a page with its date keeps the page's."""
    text = ("Tại buổi nói chuyện ngày 19/5/2025, Bí thư Huyện ủy Quỳnh Lưu cho biết: đến nay Đảng bộ huyện có hơn "
            "15 nghìn đảng viên.")
    assert _dates(text, "hơn 15 nghìn")[0] == date(2025, 5, 19)
    assert _dates(text + "\n(Cập nhật 08:45, 14/10/2025)", "hơn 15 nghìn")[0] == date(2025, 10, 14)


def test_a_year_results_heading_frames_an_undated_page():
    """Heldout16 n06, dev n47."""
    text = ("Kết quả công tác xây dựng Đảng năm 2025\nĐảng bộ Bệnh viện Chợ Rẫy kết nạp 42 đảng viên mới.\n"
            "Tổng số đảng viên: 1.215")
    assert _dates(text, "42") == (date(2025, 12, 31), date(2025, 1, 1))
    assert _dates(text, "1.215") == (date(2025, 12, 31), None)


@pytest.mark.parametrize("text,day", [
    ("Đảng bộ huyện Tiên Du có 7.215 đảng viên. (Nguồn: Ban Tổ chức Huyện ủy, tháng 1/2025)", date(2025, 1, 31)),
    ("Đảng bộ Khối có 5.874 đảng viên. (Theo Báo Bắc Giang, tháng 3/2024)", date(2024, 3, 31)),
])
def test_a_source_month_closing_a_line_dates_the_page(text, day):
    """Heldout16 p04, dev d93."""
    assert find_publication_date(text)[0] == day


def test_a_month_in_brackets_without_a_source_is_not_the_page():
    """Near miss: a count's month in brackets dates the count, not the page."""
    assert find_publication_date("Đảng bộ huyện Tiên Du có 7.215 đảng viên (tháng 1/2025).")[0] is None


def test_an_undated_page_next_sentence_keeps_the_day_before():
    """Heldout16 s03, dev d94: the stocks of the sentence after a dated one."""
    text = ("Đảng bộ Khối Doanh nghiệp tỉnh Thái Nguyên có 186 tổ chức cơ sở đảng (tháng 6/2025). Riêng Đảng bộ "
            "Công ty Cổ phần Gang thép Thái Nguyên có 1.240 đảng viên.")
    assert _dates(text, "1.240")[0] == date(2025, 6, 30)
    dated = "Cập nhật: 14/10/2025\n" + text
    assert _dates(dated, "1.240")[0] == date(2025, 10, 14)  # near miss: a dated page's own day


@pytest.mark.parametrize("text,number_text,dates", [
    ("Chi bộ Trường THCS Lê Lợi tổng kết năm học 2024 - 2025 (ngày 26/5/2025): trong năm học, chi bộ kết nạp 3 "
     "đảng viên.", "3", (date(2025, 5, 26), date(2024, 9, 1))),
    ("Tổng kết năm học 2023 - 2024, Đảng ủy Trường Đại học Vinh cho biết năm học qua đã kết nạp 85 đảng viên.\n"
     "(Cập nhật 10:00, 05/06/2024)", "85", (date(2024, 6, 5), date(2023, 9, 1))),
    ("Tổng kết năm học 2023 - 2024, Đảng ủy Trường Đại học Vinh cho biết năm học qua đã kết nạp 85 đảng viên.\n"
     "(Cập nhật 10:00, 05/10/2024)", "85", (date(2024, 8, 31), date(2023, 9, 1))),  # a school year over
])
def test_the_school_year_so_far(text, number_text, dates):
    """Heldout16 y05, heldout15 d06, dev d95, d96: from 1 September of the school year."""
    assert _dates(text, number_text) == dates


def test_in_the_year_is_not_in_the_school_year():
    """Near miss: "trong năm" at a December review counts from January."""
    text = "Ngày 20/12/2024, Chi bộ Trường THCS Lê Lợi tổng kết: trong năm, chi bộ kết nạp 3 đảng viên."
    assert _dates(text, "3") == (date(2024, 12, 20), date(2024, 1, 1))


def test_cho_biet_is_no_object_of_an_action():
    """Heldout15 d06, dev d96: "cho biết" (said) does not block the count as "cho" (given to) does."""
    assert "45" in _figures("Đảng bộ xã Hòa Phong cho biết đã kết nạp 45 đảng viên.")
    assert "7" not in _figures("Đảng ủy xã trao tặng Huy hiệu Đảng cho 7 đảng viên.")


def test_a_dateline_in_capitals_with_an_em_dash():
    """Heldout15 c03, dev d97."""
    text = "HẢI PHÒNG, 03/9/2025 — Sáng 2/9, Đảng bộ phường Hồng Bàng tổ chức Đại hội đại biểu lần thứ I."
    assert find_publication_date(text)[0] == date(2025, 9, 3)


def test_a_count_updated_on_a_day_in_brackets():
    """Heldout15 s06, dev d98: "(cập nhật ngày …)" right after the noun dates the count."""
    text = "Chi bộ Công ty TNHH Đông Á có 19 đảng viên (cập nhật ngày 12/8/2025). Công ty có 1.200 công nhân."
    assert _dates(text, "19")[0] == date(2025, 8, 12)


@pytest.mark.parametrize("heading,day", [
    ("CHI BỘ THÔN ĐÔNG PHÚ – TÌNH HÌNH ĐẢNG VIÊN (đến 31/10/2025)", date(2025, 10, 31)),
    ("ĐẢNG ỦY XÃ HÒA BÌNH – TÌNH HÌNH ĐẢNG VIÊN (tính đến ngày 30/6/2024)", date(2024, 6, 30)),
])
def test_a_heading_with_its_cut_off_in_brackets_dates_the_list(heading, day):
    """Heldout15 n05, dev d99."""
    assert _dates(heading + "\n- Tổng số đảng viên: 54", "54")[0] == day


def test_a_heading_bracket_with_a_day_of_history_is_no_cut_off():
    """Near miss: "(thành lập 3/2/1930)" is no count's day."""
    assert _dates("CHI BỘ THÔN ĐÔNG PHÚ (thành lập 3/2/1960)\n- Tổng số đảng viên: 54", "54")[0] is None


def test_a_heading_note_of_its_source_day_then_its_cut_off():
    """Heldout14 p02, dev d100: the figures are counted to the cut-off, not to the source's day."""
    text = ("SỐ LIỆU ĐẢNG VIÊN HUYỆN MƯỜNG TÈ\n(Nguồn: Ban Tổ chức Huyện ủy, ngày 05/01/2025; số liệu tính đến "
            "31/12/2024)\n\nTổng số đảng viên: 3.842")
    assert _dates(text, "3.842")[0] == date(2024, 12, 31)


def test_a_data_note_after_a_semicolon_dates_an_undated_page():
    """Heldout16 p03, dev d101: the page's only day; a dated page keeps its own for the first clause."""
    text = "Sau sắp xếp, Đảng bộ xã Tân Phú có 31 chi bộ trực thuộc; tổng số 1.205 đảng viên (số liệu ngày 30/9/2025)."
    assert _dates(text, "31")[0] == date(2025, 9, 30)
    assert _dates("Cập nhật: 14/10/2025\n" + text, "31")[0] == date(2025, 10, 14)


@pytest.mark.parametrize("page,period", [("20/11/2025", date(2025, 7, 1)), ("20/03/2025", date(2024, 7, 1))])
def test_since_a_month_without_its_year(page, period):
    """Dev d102: "Từ tháng 7 đến nay": the last July up to the page."""
    text = f"Từ tháng 7 đến nay, Đảng bộ xã Hòa Tiến kết nạp 9 đảng viên.\nĐăng ngày: {page}"
    assert _dates(text, "9")[1] == period


def test_a_clause_cut_off_before_its_counts_is_no_event():
    """Heldout15 y06, dev y48: "Trong năm" in the next item counts to the review, not to the cut-off."""
    text = ("Ngày 20/12/2024, Đảng ủy xã Yên Lạc tổ chức hội nghị tổng kết năm 2024.\n\n1. Về tổ chức: tính đến "
            "30/11/2024, Đảng bộ có 1.204 đảng viên.\n2. Về phát triển đảng viên: Trong năm, Đảng bộ kết nạp 31 đảng viên.")
    assert _dates(text, "1.204")[0] == date(2024, 11, 30)
    assert _dates(text, "31") == (date(2024, 12, 20), date(2024, 1, 1))


def test_a_table_title_cut_off_still_dates_its_rows():
    """Near miss (dev t13): a title "(tính đến ngày …)" with no count after it frames the rows under it."""
    text = ("Ngày đăng: 05/12/2025\n\nBảng: Tình hình đảng viên của Đảng bộ xã Quỳnh Phú (tính đến ngày 30/11/2025)\n\n"
            "| Chỉ tiêu | Số lượng |\n|---|---|\n| Tổng số đảng viên | 2.186 |")
    assert _dates(text, "2.186")[0] == date(2025, 11, 30)

"""Rules round on held-out set 11: datelines. A time zone written with minutes ("29/08/2025 10:12
(GMT+07:00)") and a date element left in pasted HTML ('<div class="date">Thứ Sáu, 26/12/2025 -
10:20</div>') date the page; so does a report's place-date line after its number ("Số 12-BC/CB   Quỳnh
Phụ, ngày 18 tháng 12 năm 2024"); "Sáng qua" is the day before the page; a
bracket "(tính đến ngày 30/4/2024)" after a list of figures dates each of them;
a day something starts from ("từ ngày 1/7/2025") is no event day."""
from datetime import date

from chibo.etl.documents.clean import repair
from chibo.etl.documents.dates import find_publication_date

from .test_rules import _figures


def test_a_zone_with_minutes_after_the_time():
    """Real phrasing: a provincial paper's dateline "29/08/2025 10:12 (GMT+07:00)"."""
    text = "Lý Sơn tổ chức Đại hội\n\n29/08/2025 10:12 (GMT+07:00)\n\nNgày 28/8, Đảng bộ đặc khu …"
    assert find_publication_date(text)[0] == date(2025, 8, 29)


def test_a_date_element_of_pasted_html():
    """Real phrasing: an article pasted with its markup, the date in '<div class="date">…</div>'."""
    text = ('<h1>Phường Tân Định tổng kết năm 2025</h1>\n<div class="date">Thứ Sáu, 26/12/2025 - 10:20'
            '</div>\n<p>Chiều 25/12, Đảng ủy phường …</p>')
    assert find_publication_date(text)[0] == date(2025, 12, 26)


def test_a_date_inside_a_paragraph_element_is_no_dateline():
    """Near miss: a paragraph with text around its date is a sentence, not a dateline."""
    text = "<p>Tin</p>\n<p>Đến ngày 26/12/2025 Đảng bộ có 2.418 đảng viên.</p>"
    assert find_publication_date(text)[0] is None


def test_a_report_number_before_the_place_and_date():
    """Real phrasing: a cell's year report, its header "Số 12-BC/CB   Quỳnh Phụ, ngày 18 tháng 12
    năm 2024" (the number and the place-date line side by side, apart by spaces)."""
    text = ("ĐẢNG BỘ XÃ AN NINH\nCHI BỘ TRƯỜNG THCS AN NINH\n*\nSố 12-BC/CB                Quỳnh Phụ, "
            "ngày 18 tháng 12 năm 2024\n\nBÁO CÁO\nChi bộ có 21 đảng viên.")
    assert find_publication_date(repair(text))[0] == date(2024, 12, 18)


def test_the_paper_then_a_bar_before_the_date():
    """Real phrasing: a provincial paper's dateline "Báo Quảng Ninh | 22/04/2024 08:10"."""
    text = "Đảng bộ thành phố Hạ Long\n\nBáo Quảng Ninh | 22/04/2024 08:10\n\nSau 5 năm …"
    assert find_publication_date(text)[0] == date(2024, 4, 22)


def test_a_sentence_naming_a_paper_is_no_dateline():
    """Near miss: a sentence quoting a paper and a date, with no bar, dates nothing."""
    text = "Tin\n\nBáo Quảng Ninh ngày 22/04/2024 đưa tin Đảng bộ có 25.316 đảng viên."
    assert find_publication_date(text)[0] is None


def test_sang_qua_is_the_day_before_the_page():
    """Real phrasing: a local paper's report "Sáng qua, Chi bộ thôn Yên Mỹ … tổ chức Đại hội" on
    a page of 18/03/2025: the congress, and the counts it reports, are of 17/03/2025."""
    text = ("Tin\n\nThứ Ba, 18/03/2025\n\nSáng qua, Chi bộ thôn Yên Mỹ tổ chức Đại hội điểm nhiệm kỳ "
            "2025 - 2027. Chi bộ có 52 đảng viên.")
    assert _figures(text)["52"]["as_of"] == date(2025, 3, 17)


def test_a_past_term_with_qua_is_no_yesterday():
    """Near miss: "nhiệm kỳ qua" is a vague period, not the day before."""
    text = "Tin\n\nThứ Ba, 18/03/2025\n\nChi bộ thôn Yên Mỹ có 52 đảng viên; nhiệm kỳ qua kết nạp 5 đảng viên."
    assert _figures(text)["52"]["as_of"] != date(2025, 3, 17)


def test_a_reckoning_bracket_after_a_list_dates_every_figure_of_it():
    """Real phrasing: a bloc's profile, "Với 196 tổ chức cơ sở đảng, 538 chi bộ trực thuộc và
    9.740 đảng viên (tính đến ngày 30/4/2024), Đảng bộ Khối …": all three are of 30/4/2024."""
    found = _figures("Tin\n\nCập nhật: 17/05/2024 - 10:41\n\nVới 196 tổ chức cơ sở đảng, 538 chi bộ trực thuộc "
                     "và 9.740 đảng viên (tính đến ngày 30/4/2024), Đảng bộ Khối Doanh nghiệp tỉnh Bình "
                     "Dương là đảng bộ lớn.")
    assert {found[n]["as_of"] for n in ("196", "538", "9.740")} == {date(2024, 4, 30)}


def test_a_reckoning_bracket_past_a_semicolon_dates_only_its_clause():
    """Near miss: a figure in the clause before a ";" keeps the page's date."""
    found = _figures("Tin\n\nCập nhật: 17/05/2024 - 10:41\n\nĐảng bộ Khối có 196 tổ chức cơ sở đảng; có "
                     "9.740 đảng viên (tính đến ngày 30/4/2024), nhiều nhất khu vực.")
    assert found["196"]["as_of"] != date(2024, 4, 30)


def test_a_day_something_starts_from_is_no_event_day():
    """Real phrasing: a district's final review, "Ngày 25/6, Huyện ủy Củ Chi tổ chức hội nghị tổng
    kết … trước khi kết thúc hoạt động cấp huyện từ ngày 1/7/2025. … Hiện Đảng bộ huyện có 11.230
    đảng viên": the review's day (25/6/2025), not the day the district ends, dates "Hiện"."""
    found = _figures("Tin\n\nThứ Năm, 26/06/2025 - 20:40\n\nNgày 25/6, Huyện ủy Củ Chi tổ chức hội nghị tổng "
                     "kết trước khi kết thúc hoạt động cấp huyện từ ngày 1/7/2025. Hiện Đảng bộ huyện có "
                     "11.230 đảng viên.")
    assert found["11.230"]["as_of"] == date(2025, 6, 25)

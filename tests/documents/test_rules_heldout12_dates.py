"""Rules round on held-out set 12 (strict misses): how a page and its figures are dated. A broadcast
or programme line ("[… phát sóng 19h00 ngày 22/8/2025]", "Truyền hình Bắc Kạn - Chương trình …,
ngày 03/02/2025"), a headline's dated bracket ("(Hội nghị ngày 27/12/2024)", "(đăng ngày
26/12/2024)") and a dateline with its source in brackets ("Tokyo, 07/12/2023 (Tạp chí Xây dựng
Đảng) - Ngày 6/12, …") date the page; a footnote's day dates the figures its marker follows; a
headline reporting the page's year frames what the page leaves undated; a list item's own date
is no event; "Sáng hôm kia" is two days back; "Hiện nay" after a day of history, and a count's
"(số liệu ngày …)", do not date the current stocks; a year framing admissions leaves a paragraph's
current stocks current."""
from datetime import date

from chibo.etl.documents import dates
from chibo.etl.documents.dates import find_publication_date

from .test_rules import _figures

PAGE = "Tin\n\nThứ Ba, 10/12/2024 - 08:00\n\n"


# ---- broadcast and programme lines


def test_a_broadcast_line_at_the_foot_of_a_transcript_dates_it():
    """Real phrasing: subtitles, then "[Phóng sự phát sóng ngày 17/05/2024 - Đài PT-TH Cao Bằng]"."""
    text = ("00:00:12 --> 00:00:18\nĐảng bộ huyện Bảo Lâm hiện có 52 tổ chức cơ sở đảng\n\n"
            "[Phóng sự phát sóng ngày 17/05/2024 - Đài PT-TH Cao Bằng]")
    assert find_publication_date(text)[0] == date(2024, 5, 17)
    assert _figures(text)["52"]["as_of"] == date(2024, 5, 17)


def test_other_broadcast_and_programme_lines():
    """Other phrasings: a news bulletin's head line with its hour, a programme's heading, a radio
    bulletin's line "Bản tin phát lúc 17h30 ngày …", a loudspeaker bulletin's title and weekday, a
    source line naming a channel, a line saying when it was aired, a magazine issue's line."""
    for line, want in [
        ("[Bản tin Thời sự tối - Đài Phát thanh và Truyền hình Lào Cai, phát sóng 19h00 ngày 22/8/2025]",
         date(2025, 8, 22)),
        ("Truyền hình Bắc Kạn - Chương trình Xây dựng Đảng, ngày 03/02/2025", date(2025, 2, 3)),
        ("(Bản tin phát lúc 17h30 ngày 05/10/2025 trên sóng Đài Phát thanh - Truyền hình Thanh Hóa)",
         date(2025, 10, 5)),
        ("LOA PHÁT THANH THÔN BẢN - Thứ Bảy, ngày 14/9/2024", date(2024, 9, 14)),
        ("(Nguồn: VTV1 - Thời sự 19h ngày 3/2/2025)", date(2025, 2, 3)),
        ("[Đài Tiếng nói Việt Nam, phát ngày 12/3/2024]", date(2024, 3, 12)),
        ("-- Phát sóng lúc 18h45, thứ Hai, 18/3/2024 trên kênh QTV1 --", date(2024, 3, 18)),
        ("Tạp chí Xây dựng Đảng, số 6/2024, ngày 15/6/2024", date(2024, 6, 15)),
    ]:
        assert find_publication_date(line + "\n\nĐảng bộ xã có 36 chi bộ.")[0] == want, line


def test_a_sentence_naming_a_broadcaster_is_no_broadcast_line():
    """Near miss: a sentence of the body that names a television and a day and counts members."""
    text = "Tin\n\nĐài Truyền hình tỉnh ngày 3/2/2025 đưa tin Đảng bộ huyện có 4.986 đảng viên."
    assert find_publication_date(text)[0] is None


def test_a_body_line_naming_a_programme_is_no_broadcast_line():
    """Near miss: a line of the body that names a programme and a day and goes on after the day."""
    text = "Tin\n\nThực hiện Chương trình hành động số 15, ngày 20/3/2024 Đảng ủy xã đã tổ chức hội nghị."
    assert find_publication_date(text)[0] is None


def test_a_two_day_congress_of_a_transcript_takes_the_broadcast_year():
    """Real phrasing: "trong hai ngày 21 và 22/8" under the bulletin's line: the congress's last day."""
    text = ("[Bản tin Thời sự - Đài PT-TH Lào Cai, phát sóng 19h00 ngày 22/8/2025]\n\nBTV: trong hai ngày "
            "21 và 22/8, Đảng bộ xã Tả Phìn tổ chức Đại hội đại biểu lần thứ I.\n\nPV: Đảng bộ xã Tả Phìn "
            "hiện có 1.124 đảng viên.")
    assert _figures(text)["1.124"]["as_of"] == date(2025, 8, 22)


# ---- a headline's dated bracket, a dateline with its source


def test_a_headline_bracket_with_a_day_dates_the_page():
    """Real phrasings: a report's heading, a review's meeting day, a results list's posting day."""
    for head, want in [
        ("Đảng bộ tỉnh Kon Tum phân theo loại hình (Báo cáo tổng kết năm 2023, ngày 20/12/2023)",
         date(2023, 12, 20)),
        ("Đảng ủy xã Yên Thường tổng kết năm 2024 (Hội nghị ngày 27/12/2024)", date(2024, 12, 27)),
        ("ĐẢNG BỘ BỆNH VIỆN CHỢ RẪY - KẾT QUẢ NĂM 2024 (đăng ngày 26/12/2024)", date(2024, 12, 26)),
        ("Đảng bộ Ngân hàng … tổng kết năm 2024 (Báo cáo số 21-BC/ĐU, ngày 18/12/2024)", date(2024, 12, 18)),
    ]:
        assert find_publication_date(head + "\n\nĐảng bộ có 329 tổ chức cơ sở đảng.")[0] == want, head


def test_a_headline_cut_off_note_is_no_page_date():
    """Near miss: "(tính đến ngày 31/12/2023)" after a heading is the day counted to, not the page's."""
    text = "ĐẢNG BỘ HUYỆN VĂN CHẤN (tính đến ngày 31/12/2023)\n\nTổng số đảng viên: 9.214."
    assert find_publication_date(text)[0] is None


def test_a_founding_day_in_a_headline_bracket_is_no_page_date():
    """Near miss: "(ngày 3/2/1930)" after an anniversary in a headline is the day celebrated."""
    assert find_publication_date("Kỷ niệm ngày thành lập Đảng (ngày 3/2/1930)\n\nNội dung.")[0] is None


def test_a_dateline_with_its_source_in_brackets_before_the_lead():
    """Real phrasing: "Tokyo, 07/12/2023 (Tạp chí Xây dựng Đảng) - Ngày 6/12, Chi bộ … Lễ kết nạp 3";
    the lead's day is the ceremony's, the year's admissions are counted to it."""
    text = ("Kết nạp đảng viên\n\nTokyo, 07/12/2023 (Tạp chí Xây dựng Đảng) - Ngày 6/12, Chi bộ Lưu học "
            "sinh Việt Nam tại Nhật Bản tổ chức Lễ kết nạp 3 đảng viên mới. Năm 2023, Chi bộ đã kết nạp "
            "tổng cộng 5 đảng viên.")
    assert find_publication_date(text)[0] == date(2023, 12, 7)
    found = _figures(text)
    assert (found["3"]["as_of"], found["3"]["period_from"]) == (date(2023, 12, 6), date(2023, 12, 6))
    assert (found["5"]["as_of"], found["5"]["period_from"]) == (date(2023, 12, 6), date(2023, 1, 1))


def test_a_place_and_date_in_a_sentence_is_no_dateline():
    """Near miss: a sentence that opens with a place and a date and goes on without a dash."""
    assert find_publication_date("Tin\n\nHuế, 12/3/2024 là ngày Đảng bộ có 3.120 đảng viên.")[0] is None


# ---- footnotes


def test_a_footnote_day_dates_the_figures_its_markers_follow():
    """Real phrasing: a magazine page, "264 tổ chức cơ sở đảng(1) với 26.714 đảng viên(2)" and at its
    foot "(1), (2) Số liệu của Ban Tổ chức Tỉnh ủy Lai Châu, tính đến ngày 31/3/2024."; also
    "[1]" markers and a "(*)" note to a month's end."""
    found = _figures("Đến nay, Đảng bộ tỉnh Lai Châu có 264 tổ chức cơ sở đảng(1) với 26.714 đảng viên(2).\n"
                     "___________\n(1), (2) Số liệu của Ban Tổ chức Tỉnh ủy Lai Châu, tính đến ngày 31/3/2024.")
    assert found["264"]["as_of"] == found["26.714"]["as_of"] == date(2024, 3, 31)
    found = _figures("Đảng bộ huyện Mường Tè có 42 tổ chức cơ sở đảng[1].\n\nĐảng bộ xã Bum Nưa có 312 đảng "
                     "viên(*).\n__________\n[1] Tính đến ngày 30/6/2024.\n(*) Số liệu đến hết tháng 5/2024.")
    assert (found["42"]["as_of"], found["312"]["as_of"]) == (date(2024, 6, 30), date(2024, 5, 31))


def test_superscript_footnote_marks():
    """Other phrasing: a PDF's superscript marks "… cơ sở đảng¹ với 2.418 đảng viên²" and "¹ ² Số liệu
    tính đến ngày 30/6/2024"; a superscript without a footnote is dropped, so the noun is read."""
    found = _figures("Tin\n\nĐảng bộ huyện Mường Tè có 42 tổ chức cơ sở đảng¹ với 2.418 đảng viên².\n____\n"
                     "¹ ² Số liệu tính đến ngày 30/6/2024.")
    assert found["42"]["as_of"] == found["2.418"]["as_of"] == date(2024, 6, 30)
    assert "2.418" in _figures(PAGE + "Đảng bộ huyện Mường Tè có 2.418 đảng viên³.")


def test_footnotes_that_date_nothing_and_numbered_lines_stay():
    """Near misses: a footnote that names a source without a day, and "(1)" opening a list line."""
    text = "Đảng bộ có 42 tổ chức cơ sở đảng(1).\n(1) Theo Báo cáo của Huyện ủy."
    assert dates.inline_footnotes(text) == text
    text = "(1) Tổng số đảng viên: 34.\n(2) Kết nạp: 2.\n___\n(1) Tính đến ngày 30/6/2024."
    assert dates.inline_footnotes(text).startswith("(1) Tổng số đảng viên: 34.\n(2)")


# ---- a headline reporting the page's year; a list item's own date


def test_a_results_headline_of_the_page_year_frames_the_list():
    """Real phrasing: "ĐẢNG BỘ BỆNH VIỆN CHỢ RẪY - KẾT QUẢ NĂM 2024 (đăng ngày 26/12/2024)" over "-
    Kết nạp mới: 68 đảng viên", "- Tổng số đảng viên đến 30/11/2024: 1.472", "- Số chi bộ trực
    thuộc: 47": admissions from 1 January to the posting day; the dated line keeps its own day and
    is no event for the line after it."""
    found = _figures("ĐẢNG BỘ BỆNH VIỆN CHỢ RẪY - KẾT QUẢ NĂM 2024 (đăng ngày 26/12/2024)\n\n- Kết nạp mới: 68 "
                     "đảng viên.\n- Tổng số đảng viên đến 30/11/2024: 1.472.\n- Số chi bộ trực thuộc: 47.")
    assert (found["68"]["as_of"], found["68"]["period_from"]) == (date(2024, 12, 26), date(2024, 1, 1))
    assert found["1.472"]["as_of"] == date(2024, 11, 30)
    assert found["47"]["as_of"] == date(2024, 12, 26)


def test_a_results_headline_of_another_year_frames_nothing():
    """Near miss: the same list posted in January of the next year: its admissions are not dated
    from a January the headline does not end in (the page's day, no period)."""
    found = _figures("KẾT QUẢ NĂM 2024 (đăng ngày 10/01/2025)\n\n- Kết nạp mới: 68 đảng viên.")
    assert found["68"]["period_from"] is None


def test_a_dated_sentence_still_frames_the_next():
    """Near miss: "Đến ngày 30/11/2024, …" in prose (no list label) dates the sentence after it."""
    found = _figures(PAGE + "Đến ngày 30/11/2024, Đảng bộ có 1.472 đảng viên. Đảng bộ có 47 chi bộ trực thuộc.")
    assert found["47"]["as_of"] == date(2024, 11, 30)


# ---- relative days; history; a count's own note


def test_two_days_back():
    """Other phrasings of "Chiều hôm qua": "Sáng hôm kia" is two days before the page."""
    found = _figures("Tin\n\nThứ Hai, 18/03/2024\n\nSáng hôm kia, Chi bộ Công ty Cổ phần May Phú Thành tổ "
                     "chức lễ kết nạp 3 đảng viên mới. Chiều hôm qua, Chi bộ khu phố 4 kết nạp 2 đảng viên.")
    assert (found["3"]["as_of"], found["2"]["as_of"]) == (date(2024, 3, 16), date(2024, 3, 17))
    found = _figures("Tin\n\nThứ Hai, 18/03/2024\n\nHôm kia (16/3), Chi bộ thôn Tây kết nạp 1 đảng viên.")
    assert found["1"]["as_of"] == date(2024, 3, 16)  # with its day in brackets, as "Hôm qua (17/10)"


def test_hien_nay_after_a_day_of_history_is_the_page_day():
    """Real phrasing: "đến ngày 24-3-1975, ngày giải phóng tỉnh, Đảng bộ có 4.120 đảng viên. Hiện nay,
    Đảng bộ tỉnh có hơn 61.000 đảng viên" on a page of 2025."""
    found = _figures("Tin\n\nThứ Hai, 28/04/2025 - 06:00\n\nĐến ngày 24-3-1975, ngày giải phóng tỉnh, Đảng bộ "
                     "tỉnh Quảng Ngãi có 4.120 đảng viên. Hiện nay, Đảng bộ tỉnh có hơn 61.000 đảng viên.")
    assert found["4.120"]["as_of"] == date(1975, 3, 24)
    assert found["hơn 61.000"]["as_of"] == date(2025, 4, 28)


def test_hien_beside_a_recent_event_keeps_the_event_day():
    """Near miss (the README's convention): "Ngày 16/1, … hội nghị … Đảng bộ hiện có" on a page of
    the next day is the meeting's figure."""
    found = _figures("Tin\n\n17/01/2025 | 08:00\n\nNgày 16/1, Đảng ủy xã tổ chức hội nghị. Đảng bộ hiện có "
                     "1.063 đảng viên.")
    assert found["1.063"]["as_of"] == date(2025, 1, 16)


def test_a_count_noted_with_its_day_dates_only_itself():
    """Real phrasing: "Đảng bộ huyện Mường Nhé (cũ) có 3.116 đảng viên (số liệu ngày 30/6/2025). Hiện
    Đảng bộ xã Mường Nhé có 1.020 đảng viên": the note dates 3.116, "Hiện" is the page's day."""
    found = _figures("Tin\n\nThứ Năm, 02/10/2025 - 10:45\n\nTrước sắp xếp, Đảng bộ huyện Mường Nhé (cũ) có 3.116 "
                     "đảng viên (số liệu ngày 30/6/2025). Hiện Đảng bộ xã Mường Nhé có 1.020 đảng viên.")
    assert (found["3.116"]["as_of"], found["1.020"]["as_of"]) == (date(2025, 6, 30), date(2025, 10, 2))


def test_a_year_framing_admissions_leaves_current_stocks_current():
    """Real phrasing: "Hiện Đảng bộ … có 28 tổ chức cơ sở đảng. Năm 2024, toàn Đảng bộ kết nạp 197
    đảng viên. Trong các đơn vị thành viên, Đảng bộ Công ty … có 612 đảng viên"."""
    found = _figures("Tin\n\nCập nhật lúc 10:05, Thứ Năm, 27/02/2025\n\nHiện Đảng bộ Tổng công ty Đường sắt "
                     "Việt Nam có 28 tổ chức cơ sở đảng. Năm 2024, toàn Đảng bộ kết nạp 197 đảng viên. Trong "
                     "các đơn vị thành viên, Đảng bộ Công ty Cổ phần Vận tải Đường sắt Sài Gòn có 612 đảng viên.")
    assert found["197"]["as_of"] == date(2024, 12, 31)
    assert found["612"]["as_of"] == date(2025, 2, 27)


def test_a_year_framing_a_paragraph_without_current_stocks_still_frames():
    """Near miss: no "Hiện" before: the stock after "Năm 2024, …" is of that year."""
    found = _figures("Tin\n\nCập nhật lúc 10:05, Thứ Năm, 27/02/2025\n\nNăm 2024, toàn Đảng bộ kết nạp 197 đảng "
                     "viên. Đảng bộ Công ty Cổ phần Vận tải Đường sắt Sài Gòn có 612 đảng viên.")
    assert found["612"]["as_of"] == date(2024, 12, 31)


def test_months_without_a_year_take_the_year_framing_the_paragraph():
    """Real phrasing (held-out set 11): a January review, "Năm 2025, Đảng bộ tỉnh Vĩnh Long kết nạp
    4.916 đảng viên. Trong 6 tháng đầu năm, trước khi hợp nhất, … kết nạp 812 …": of 2025."""
    found = _figures("Tin\n\nThứ Ba, 13/01/2026 - 09:10\n\nNăm 2025, Đảng bộ tỉnh Vĩnh Long kết nạp 4.916 đảng "
                     "viên. Trong 6 tháng đầu năm, Đảng bộ tỉnh Vĩnh Long kết nạp 812 đảng viên.")
    assert (found["812"]["as_of"], found["812"]["period_from"]) == (date(2025, 6, 30), date(2025, 1, 1))


def test_months_without_a_year_or_a_frame_are_of_the_page_year():
    """Near miss: no year framing the paragraph: "6 tháng đầu năm" on a page of July is that year's."""
    found = _figures("Tin\n\nThứ Ba, 08/07/2025 - 09:10\n\nTrong 6 tháng đầu năm, Đảng bộ tỉnh Vĩnh Long kết "
                     "nạp 812 đảng viên.")
    assert found["812"]["as_of"] == date(2025, 6, 30)


def test_a_congress_headline_with_a_year_frames_nothing():
    """Near miss: "Kết quả Đại hội … năm 2025" reports a congress, not the year's results: the
    term's admissions it leaves undated get no period from January."""
    found = _figures("Kết quả Đại hội Đảng bộ xã Tân Lập năm 2025\n\nThứ Hai, 18/08/2025 - 08:00\n\nĐảng bộ xã đã "
                     "kết nạp 214 đảng viên.")
    assert found["214"]["period_from"] is None


def test_a_range_from_a_bracketed_month_to_the_end_of_a_quarter():
    """Real phrasing (held-out set 11): "nâng tổng số đảng viên được kết nạp từ đầu nhiệm kỳ (tháng
    10/2025) đến hết quý I lên 2.890 đồng chí" on a page of April 2026: from 1 October 2025 to 31 March
    2026; also a quarter written with its year."""
    found = _figures("Tin\n\nThứ Sáu, 10/04/2026 - 08:05\n\nĐảng bộ tỉnh Phú Thọ kết nạp 1.214 đảng viên, nâng tổng "
                     "số đảng viên được kết nạp từ đầu nhiệm kỳ (tháng 10/2025) đến hết quý I lên 2.890 đồng chí.")
    assert (found["2.890"]["as_of"], found["2.890"]["period_from"]) == (date(2026, 3, 31), date(2025, 10, 1))
    found = _figures(PAGE + "Từ tháng 7/2024 đến hết quý III/2024, Đảng bộ tỉnh Phú Thọ kết nạp 612 đảng viên.")
    assert (found["612"]["as_of"], found["612"]["period_from"]) == (date(2024, 9, 30), date(2024, 7, 1))


def test_a_quarter_alone_is_still_a_quarter():
    """Near miss: "Quý I/2026" without a range counts from the quarter's first day."""
    found = _figures("Tin\n\nThứ Sáu, 10/04/2026 - 08:05\n\nQuý I/2026, Đảng bộ tỉnh Phú Thọ kết nạp 1.214 đảng viên.")
    assert found["1.214"]["period_from"] == date(2026, 1, 1)


def test_trong_n_thang_opening_a_clause_counts_from_january():
    """Real phrasing (held-out set 10): "Đến hết ngày 30 tháng 9 năm 2023, … Trong 9 tháng, các tổ chức
    cơ sở đảng kết nạp 142 đảng viên": the first nine months; also "Trong sáu tháng," in July."""
    found = _figures("Tin\n\nNgày đăng: 2023-10-12 08:15:00\n\nĐến hết ngày 30 tháng 9 năm 2023, Đảng bộ thị xã Sơn Tây "
                     "có 9.714 đảng viên. Trong 9 tháng, các tổ chức cơ sở đảng kết nạp 142 đảng viên.")
    assert (found["142"]["as_of"], found["142"]["period_from"]) == (date(2023, 9, 30), date(2023, 1, 1))
    found = _figures("Tin\n\nThứ Ba, 08/07/2025 - 09:10\n\nTrong sáu tháng, Đảng bộ huyện kết nạp 86 đảng viên.")
    assert (found["86"]["as_of"], found["86"]["period_from"]) == (date(2025, 6, 30), date(2025, 1, 1))


def test_a_span_of_months_inside_a_clause_is_no_count_from_january():
    """Near miss: "trong 3 tháng" inside a clause (no comma after it) is a duration, not the year's
    first months: the admissions keep the page's dating."""
    found = _figures("Tin\n\nThứ Ba, 08/07/2025 - 09:10\n\nĐảng bộ huyện đã kết nạp 86 đảng viên trong 3 tháng qua "
                     "kể từ khi thành lập.")
    assert found["86"]["period_from"] != date(2025, 1, 1)


def test_an_event_named_by_its_month_after_the_noun_dates_the_figure():
    """Real phrasing (held-out set 10): a quoted speech, "Từ khoảng 5.000 đảng viên khi Cách mạng Tháng
    Tám năm 1945 thành công, đến nay …": the end of that month, not of the year."""
    found = _figures("Tin\n\nThứ Ba, 03/02/2026 - 10:20\n\nĐồng chí nhấn mạnh: \"Từ khoảng 5.000 đảng viên khi Cách "
                     "mạng Tháng Tám năm 1945 thành công, đến nay Đảng ta đã có hơn 5,6 triệu đảng viên\".")
    assert found["khoảng 5.000"]["as_of"] == date(1945, 8, 31)


def test_a_year_after_the_noun_still_dates_it():
    """Near miss: "khoảng 5.000 đảng viên năm 1945" is that year's end."""
    found = _figures("Tin\n\nThứ Ba, 03/02/2026 - 10:20\n\nĐảng ta có khoảng 5.000 đảng viên năm 1945.")
    assert found["khoảng 5.000"]["as_of"] == date(1945, 12, 31)


def test_a_sum_of_the_years_listed_before_covers_them():
    """Real phrasing (held-out set 10): "Năm 2022, 2023 và 2024, Đảng bộ huyện Mường Tè lần lượt kết nạp
    142, 156 và 171 đảng viên. Tính chung 3 năm, toàn huyện kết nạp 469 đảng viên" on a page of
    February 2025: from 1/1/2022 to 31/12/2024; also "Cả 3 năm,"."""
    for lead in ("Tính chung 3 năm", "Cả 3 năm"):
        found = _figures("Tin\n\nThứ Hai, 17/02/2025 | Báo Lai Châu\n\nNăm 2022, 2023 và 2024, Đảng bộ huyện Mường "
                         f"Tè lần lượt kết nạp 142, 156 và 171 đảng viên. {lead}, toàn huyện kết nạp 469 đảng viên.")
        assert (found["469"]["as_of"], found["469"]["period_from"]) == (date(2024, 12, 31), date(2022, 1, 1)), lead


def test_a_span_at_a_review_without_a_year_before_counts_back_from_it():
    """Near miss: "Trong 5 năm, …" at a December review names no year: the five years to the review."""
    found = _figures("Tin\n\nThứ Sáu, 20/12/2024 - 10:00\n\nTrong 5 năm, Đảng bộ huyện kết nạp 469 đảng viên.")
    assert (found["469"]["as_of"], found["469"]["period_from"]) == (date(2024, 12, 20), date(2020, 1, 1))


def test_a_half_year_headline_frames_the_half_year_not_the_year():
    """Near miss: "Sơ kết 6 tháng đầu năm 2024" is no year's results: an undated count of admissions
    is of the half year, to 30/6, not of the year to the page's day (a half-year review's heading
    dates what it leaves undated at 30/6: the corpus README's convention of heldout17)."""
    found = _figures("Đảng ủy xã Tân Lập sơ kết 6 tháng đầu năm 2024\n\nThứ Năm, 11/07/2024 - 08:00\n\n- Kết nạp "
                     "mới: 12 đảng viên.")
    assert (found["12"]["as_of"], found["12"]["period_from"]) == (date(2024, 6, 30), date(2024, 1, 1))

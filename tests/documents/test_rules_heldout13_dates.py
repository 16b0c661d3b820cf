"""Rules round on held-out sets 13 and 14: the page's date line however a site, a post, a bulletin or
a report prints it. Any line near the head or the foot that gives a day and says nothing else
countable dates the page ("TP.HCM | 23/07/2025 12:05" under a photo caption, "(Cập nhật 09:20,
08/04/2024)", "(Dang ngay 27/12/2024)", "15 tháng 11, 2025 · 🌏", a report's place-and-date line
beside its header); a line with a count, a cut-off or a day of history is not one. Periods: months
summed after a quarter ("lũy kế 9 tháng") count from January, "từ đầu năm học … đến nay" from 1
September, and "hôm nay" in a speech is its day."""
from datetime import date

import pytest

from chibo.etl.documents.dates import find_publication_date


@pytest.mark.parametrize("line, day", [
    ("Đà Nẵng | 18/08/2025 09:40", date(2025, 8, 18)),            # a place before the pipe
    ("🔴 TIN ĐẢNG BỘ | 02/12/2025", date(2025, 12, 2)),           # a fanpage's tag
    ("(Cập nhật lúc 15:05 ngày 12/05/2025)", date(2025, 5, 12)),  # in brackets
    ("(Ngay dang: 24/12/2024)", date(2024, 12, 24)),              # without diacritics
    ("THỜI SỰ TRƯA 20/05/2024 - ĐÀI PT-TH LẠNG SƠN", date(2024, 5, 20)),  # the date mid-line
    ("3 tháng 9, 2025 · 🌏", date(2025, 9, 3)),                  # a social post's day in words
    ("      *                Diễn Châu, ngày 22 tháng 12 năm 2025", date(2025, 12, 22)),
    ("(đọc tại hội nghị chi bộ ngày 16/12/2025)", date(2025, 12, 16)),
    ("(trình bày tại buổi sinh hoạt chi bộ tháng 12, ngày 18/12/2025)", date(2025, 12, 18)),
    ("BẢN TIN THỜI SỰ TỐI 15/03/2024 - ĐÀI PT-TH HÀ GIANG", date(2024, 3, 15)),  # "TỐI", not "tới"
    ("(Đại hội họp từ ngày 14 đến ngày 16/10/2025)", date(2025, 10, 16)),  # its last day
])
def test_a_line_that_only_gives_a_day_dates_the_page(line, day):
    """Real phrasings of sites, posts, bulletins and reports (dev d24-d30, y26)."""
    text = f"Ảnh: Quang cảnh buổi lễ.\n\n{line}\n\nĐảng bộ phường Hải Châu có 4.106 đảng viên."
    assert find_publication_date(text)[0] == day


@pytest.mark.parametrize("line", [
    "Ngày 16/12/2025: Chi bộ có 41 đảng viên",             # a line with a count
    "(Số liệu tính đến ngày 30/11/2025)",                  # a cut-off dates the figures, not the page
    "(Đến ngày 30/11/2025)",
    "Ngày 03/02/1930: thành lập Đảng Cộng sản Việt Nam",   # a day of history
    "Đồng chí Nguyễn Văn A sinh ngày 12/5/1950",
    "Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 15/3/2024 của Ban Tổ chức Trung ương",  # a cited document
    "Hội nghị được tổ chức tại hội trường xã ngày 12/5/2025.",  # a sentence of the body
    "Đảng bộ tổ chức hội nghị ngày 12/5/2025. Sau đó Ban Chấp hành họp phiên thứ nhất để bầu Ban "
    "Thường vụ và các chức danh khác của cấp ủy nhiệm kỳ mới theo quy định",  # a sentence of the body
])
def test_a_line_with_more_than_its_day_is_no_date_line(line):
    """Near misses: figures, cut-offs, history and body sentences keep the page undated."""
    text = f"Tin tức\n\n{line}\n\nĐảng bộ phường Hải Châu có 4.106 đảng viên."
    assert find_publication_date(text)[0] is None


def test_a_cut_off_without_diacritics_is_no_date_line_either():
    """Near miss: "(So lieu tinh den ngay 30/11/2025)" is a cut-off also without its diacritics."""
    text = "Tin tuc\n\n(So lieu tinh den ngay 30/11/2025)\n\nDang bo xa co 1.342 dang vien."
    assert find_publication_date(text)[0] is None


def _one(text: str, number: str) -> tuple:
    from .test_rules import _figures
    f = _figures(text)[number]
    return str(f["as_of"]), str(f["period_from"])


@pytest.mark.parametrize("sum_words", ["cộng dồn 9 tháng, Đảng bộ huyện kết nạp",
                                       "lũy kế 9 tháng kết nạp", "nâng tổng số đảng viên kết nạp 9 tháng lên"])
def test_months_summed_after_a_quarter_count_from_january(sum_words):
    """Real phrasings (dev d31, heldout13/14): "Trong quý III/2024, … kết nạp 35 …; lũy kế 9 tháng kết
    nạp 102": the year's first nine months, not the quarter's."""
    text = (f"Thứ Bảy, 12/10/2024\n\nTrong quý III/2024, Đảng bộ huyện Yên Thế kết nạp 35 đảng viên; "
            f"{sum_words} 102 đảng viên.")
    assert _one(text, "35") == ("2024-09-30", "2024-07-01")
    assert _one(text, "102") == ("2024-09-30", "2024-01-01")


def test_months_after_a_quarter_without_a_sum_word_keep_the_quarter():
    """Near miss: "sau 3 tháng" is no sum of the year's months; the quarter dates the figure."""
    text = ("Thứ Bảy, 12/10/2024\n\nTrong quý III/2024, sau 3 tháng triển khai, Đảng bộ huyện Yên Thế "
            "kết nạp 35 đảng viên.")
    assert _one(text, "35") == ("2024-09-30", "2024-07-01")


def test_since_the_start_of_a_school_year_counts_from_september():
    """Real phrasing (dev a26, heldout13 a02): "Từ đầu năm học 2025 - 2026 đến nay … đã kết nạp 29"."""
    text = ("Thứ Hai, 15/12/2025\n\nTừ đầu năm học 2025 - 2026 đến nay, Đảng ủy Trường Đại học Vinh "
            "đã kết nạp 29 đảng viên.")
    assert _one(text, "29") == ("2025-12-15", "2025-09-01")
    near = text.replace("năm học 2025 - 2026", "nhiệm kỳ 2025 - 2030")  # a term counts from January
    assert _one(near, "29") == ("2025-12-15", "2025-01-01")


def test_today_in_a_speech_is_the_speech_date():
    """Real phrasing (dev h18, heldout14 h02): "Năm 2020, … có hơn 5,1 triệu …; hôm nay, … có hơn
    5,6 triệu": "hôm nay" is the day of the speech, not the year before it."""
    text = ("DIỄN VĂN KỶ NIỆM 80 NĂM CÁCH MẠNG THÁNG TÁM\nHà Nội, ngày 02/09/2025\n\nNăm 2020, Đảng ta có "
            "hơn 5,1 triệu đảng viên; hôm nay, Đảng ta có hơn 5,6 triệu đảng viên.")
    assert _one(text, "hơn 5,1 triệu")[0] == "2020-12-31"
    assert _one(text, "hơn 5,6 triệu")[0] == "2025-09-02"


@pytest.mark.parametrize("years", ["Năm 2023 và 2024,", "Năm 2023 và năm 2024,", "Trong hai năm 2023 và 2024,"])
def test_years_joined_by_and_frame_a_sum_from_the_first(years):
    """Real phrasings (dev a27-a28, heldout13 a07): "Năm 2023 và 2024, … kết nạp tổng cộng 887": from
    1/1/2023 to the end of 2024, not 2024's alone."""
    text = f"Thứ Tư, 15/01/2025\n\n{years} Đảng bộ huyện Mèo Vạc kết nạp 236 đảng viên."
    assert _one(text, "236") == ("2024-12-31", "2023-01-01")


def test_years_joined_by_and_counted_each_are_no_range():
    """Near miss: "Năm 2023 và 2024, … lần lượt kết nạp 118 và 236": each year's own figure."""
    text = ("Thứ Tư, 15/01/2025\n\nNăm 2023 và 2024, Đảng bộ huyện Mèo Vạc lần lượt kết nạp 118 và 236 "
            "đảng viên.")
    assert _one(text, "236") == ("2024-12-31", "2024-01-01")


def test_a_year_report_heading_under_the_body_frames_its_admissions():
    """Real phrasing (dev y26, heldout13 y02): "CHI BỘ TỔ DÂN PHỐ 5 - PHƯỜNG NAM ĐỊNH / BÁO CÁO KIỂM ĐIỂM
    CÔNG TÁC NĂM 2025 / (đọc tại hội nghị chi bộ ngày 16/12/2025)": "Kết nạp 2 đảng viên mới" counts
    from 1 January, as under a headline reporting the year."""
    text = ("CHI BỘ TỔ DÂN PHỐ 5 - PHƯỜNG NAM ĐỊNH\nBÁO CÁO KIỂM ĐIỂM CÔNG TÁC NĂM 2025\n(đọc tại hội nghị "
            "chi bộ ngày 16/12/2025)\n\n1. Tổng số đảng viên: 41 đ/c.\n2. Kết nạp 2 đảng viên mới.")
    assert _one(text, "2") == ("2025-12-16", "2025-01-01")


def test_a_lead_sentence_naming_a_review_is_no_heading():
    """Near miss (heldout9 y02): "Ngày 26/12, Tỉnh ủy … tổng kết … năm 2025 và giai đoạn 2021 - 2025.
    Trong 5 năm, … kết nạp 14.806" keeps its five years."""
    text = ("Khánh Hòa: 5 năm kết nạp gần 15 nghìn đảng viên\n\nThứ Bảy, 27/12/2025 | 09:00\n\nNgày 26/12, "
            "Tỉnh ủy Khánh Hòa tổng kết công tác xây dựng Đảng năm 2025 và giai đoạn 2021 - 2025. Trong 5 "
            "năm, toàn Đảng bộ tỉnh kết nạp 14.806 đảng viên.")
    assert _one(text, "14.806") == ("2025-12-26", "2021-01-01")


def test_now_after_a_count_cut_off_is_the_documents_day():
    """Real phrasing (dev d32, heldout13 d02): "Tính đến ngày 31/12/2025, Đảng bộ có 1.204 …. Hiện xã có 22
    chi bộ" over a foot line "Hòa Tiến, ngày 09 tháng 01 năm 2026": "Hiện" is the report's day."""
    text = ("Xã Hòa Tiến: Năm 2025 kết nạp 31 đảng viên\n\nTính đến ngày 31/12/2025, Đảng bộ xã Hòa Tiến có "
            "1.204 đảng viên. Hiện xã có 22 chi bộ trực thuộc.\n\nHòa Tiến, ngày 09 tháng 01 năm 2026\n"
            "VĂN PHÒNG ĐẢNG ỦY XÃ")
    assert _one(text, "1.204")[0] == "2025-12-31"
    assert _one(text, "22")[0] == "2026-01-09"


def test_now_at_the_event_reported_keeps_the_events_day():
    """Near miss (the convention of "hiện" beside an event): "Ngày 5/1/2026, … tổng kết …. Hiện …"."""
    text = ("Xã Hòa Tiến tổng kết năm 2025\n\nThứ Năm, 08/01/2026\n\nNgày 5/1/2026, Đảng ủy xã Hòa Tiến tổ "
            "chức hội nghị tổng kết. Hiện xã có 22 chi bộ trực thuộc.")
    assert _one(text, "22")[0] == "2026-01-05"

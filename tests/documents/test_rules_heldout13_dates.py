"""Rules round on held-out sets 13 and 14: the page's date line however a site, a post, a bulletin or
a report prints it. Any line near the head or the foot that gives a day and says nothing else
countable dates the page ("TP.HCM | 23/07/2025 12:05" under a photo caption, "(Cập nhật 09:20,
08/04/2024)", "(Dang ngay 27/12/2024)", "15 tháng 11, 2025 · 🌏", a report's place-and-date line
beside its header); a line with a count, a cut-off or a day of history is not one."""
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

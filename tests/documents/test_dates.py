"""Publication dates of pages, and the time expressions of a sentence (periods.py): the day a
figure counts and the first day an admission count covers."""
from datetime import date

import pytest

from chibo.etl.documents import dating, periods
from chibo.etl.documents.dates import find_publication_date


@pytest.mark.parametrize("text,want", [
    ("Tiêu đề\n\nNgày 11/10/2023, tại Hà Nội, hội nghị.", date(2023, 10, 11)),
    ("Tiêu đề\n24/08/2018 | 16:30 PM\nNội dung", date(2018, 8, 24)),
    ("Tiêu đề\n9:24' 31/3/2018\nNội dung", date(2018, 3, 31)),
    ("Ngày đăng: 10:49 | 07/10 Lượt xem\nSáng ngày 07/10/2020, chi bộ họp.", date(2020, 10, 7)),
    ("Thứ Hai, 11/10/2021 - 08:15\nNội dung", date(2021, 10, 11)),
    ("Tiêu đề\nThứ Năm, 09/03/2017 - 08:15\nNội dung", date(2017, 3, 9)),
    ("Tiêu đề\nCập nhật lúc 16:45, 22/07/2020\nNội dung", date(2020, 7, 22)),
    ("Tiêu đề\nĐăng lúc: 08:15 - 20/10/2022\nNội dung", date(2022, 10, 20)),
    ("Tiêu đề\nĐăng ngày: 22/06/2022\nNội dung", date(2022, 6, 22)),
    ("Tiêu đề\nNgày 14/10/2020\nNội dung", date(2020, 10, 14)),
    ("Nội dung.\n\n(Nguồn: Báo Hà Tĩnh, 12/03/2024)", date(2024, 3, 12)),
    ("Nội dung.\n\nThứ Năm, 09/03/2017 - 08:15", date(2017, 3, 9)),
])
def test_publication_date_forms(text, want):
    """The date lines of common Vietnamese news pages are read, at the head or at the foot."""
    assert find_publication_date(text)[0] == want


def test_day_and_month_without_a_year_in_the_body_stay_unknown():
    """"Ngày đăng: 10:49 | 07/10" with no matching full date in the body is not guessed."""
    assert find_publication_date("Ngày đăng: 10:49 | 07/10\nNội dung không có ngày.") == (None, None)


def test_a_document_date_is_not_a_publication_date():
    """"Quyết định 253-QĐ/TW ngày 07/08/2009" in the body is the decision's date."""
    assert find_publication_date("Thực hiện Quyết định 253-QĐ/TW ngày 07/08/2009 của Ban Bí thư.")[0] is None


PUBLISHED = date(2018, 3, 31)


def _dating(prefix: str, published=PUBLISHED, reference=None, target=False):
    found = periods.find(prefix, published)
    if not found:
        return None
    nearest = max(found, key=lambda w: (w.end, -w.start))
    return periods.resolve(nearest, published, reference, target)


@pytest.mark.parametrize("prefix,as_of,period_from", [
    ("Tính đến ngày 10-9-2017, toàn tỉnh có ", date(2017, 9, 10), None),
    ("Tính đến ngày 10 tháng 9 năm 2017, có ", date(2017, 9, 10), None),
    ("Đến cuối năm 2016, ", date(2016, 12, 31), None),
    ("Đến tháng 6/2016, cả nước có ", date(2016, 6, 30), date(2016, 6, 1)),
    ("Năm 2006, Đảng bộ tỉnh có ", date(2006, 12, 31), date(2006, 1, 1)),
    ("Theo Báo cáo kết quả công tác năm 2016, Đảng ủy có ", date(2016, 12, 31), date(2016, 1, 1)),
    ("Ngày 30-3, tại TP. Hồ Chí Minh, có ", date(2018, 3, 30), None),
    ("Chiều 21/6, Chi bộ có ", date(2017, 6, 21), None),  # after the page's date: the year before
    ("Trong quý I/2017, Đảng bộ đã kết nạp ", date(2017, 3, 31), date(2017, 1, 1)),
    ("6 tháng đầu năm 2017, toàn Đảng bộ kết nạp ", date(2017, 6, 30), date(2017, 1, 1)),
    ("Từ năm 2011 đến năm 2017, toàn Đảng kết nạp ", date(2017, 12, 31), date(2011, 1, 1)),
    ("Giai đoạn 2013 - 2017, Đảng bộ kết nạp ", date(2017, 12, 31), date(2013, 1, 1)),
    ("Trong 3 năm (2015 - 2017), Đảng bộ kết nạp ", date(2017, 12, 31), date(2015, 1, 1)),
    ("Từ năm 2015 đến nay, Đảng bộ kết nạp ", PUBLISHED, date(2015, 1, 1)),
    ("Từ đầu năm đến nay, phường đã có ", PUBLISHED, date(2018, 1, 1)),
    ("Thành lập năm 1997, đến nay Đảng bộ có ", PUBLISHED, None),
    ("Hiện nay, Đảng bộ có ", PUBLISHED, None),
    ("Nhiệm kỳ qua, Đảng bộ đã kết nạp ", PUBLISHED, None),
])
def test_time_expressions(prefix, as_of, period_from):
    """The nearest expression before a figure gives its day and, for admissions, its first day."""
    got = _dating(prefix)
    assert (got[0], got[2]) == (as_of, period_from)


def test_a_year_being_published_counts_to_the_page_date_except_for_targets():
    """"Năm 2018, Đảng bộ có …" in a page of March 2018: as of the page; a target: 31-12."""
    assert _dating("Năm 2018, Đảng bộ có ")[0] == PUBLISHED
    assert _dating("Năm 2018, Đảng bộ phấn đấu kết nạp ", target=True)[0] == date(2018, 12, 31)


def test_a_range_ending_in_the_page_year_ends_at_the_page_date():
    """A congress in October 2020 reporting "Nhiệm kỳ 2015 - 2020": to the day of the page."""
    page = date(2020, 10, 14)
    assert _dating("Nhiệm kỳ 2015 - 2020, toàn Đảng bộ kết nạp ", page)[::2] == (page,
                                                                                  date(2015, 1, 1))


@pytest.mark.parametrize("prefix", [
    "Theo Quy định 171-QĐ/TW, ngày 27/6/2008, có ",
    "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025 khai mạc với ",
    "Đảng bộ xác định nhiệm kỳ 2020 - 2025 có ",
])
def test_names_are_not_dates(prefix):
    """A document's date, a congress's term, a term ending after the page: not a period."""
    assert _dating(prefix) is None


def test_now_means_the_day_of_the_event_the_paragraph_reports():
    """"Hiện" in a report of a meeting held on 21/3 means that day; "đến nay" the page's."""
    event = date(2018, 3, 21)
    assert _dating("Chi bộ hiện có ", reference=event)[0] == event
    assert _dating("đến nay Đảng bộ có ", reference=event)[0] == PUBLISHED


def test_frames_and_sentence_dates():
    """A sentence opening with a year frames the next ones; "(số liệu năm 2021)" dates its own."""
    assert periods.frames("Năm 2023, Đảng ủy Khối đã lãnh đạo các tổ chức cơ sở đảng.")
    assert periods.frames("Số liệu thống kê được tính đến ngày 31/12/2023.")
    assert not periods.frames("Đảng ủy đã lãnh đạo năm 2023.")
    text = "Toàn huyện có 58 tổ chức cơ sở đảng (số liệu năm 2021)."
    w = dating.sentence_default(text, periods.find(text, None))
    assert periods.resolve(w, None, None)[0] == date(2021, 12, 31)

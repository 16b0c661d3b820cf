"""Rules added after held-out set 8 on dates: a paragraph opening "Tại hội nghị" dated by the
meeting reported before, a congress's term ending in its year dated by the congress, "Trong
năm" at a review reported earlier, "tính đến ngày …" after a whole's place, periods from an
event glossed by its day or month ("Từ khi thành lập (tháng 2/2025) đến nay") or from the
start of a term; each on sentences written for the rule, with near misses."""
import pytest

from .test_rules import _figures

PAGE = "Tin tức\n\nThứ Sáu, 15/11/2024 - 09:00\n\n"


def _day(f):
    return f["as_of"].isoformat()


def test_at_the_meeting_takes_the_meeting_day():
    text = (PAGE + "Chiều 13/11, Đảng ủy Sở Xây dựng tổ chức hội nghị sơ kết.\n\nTại hội nghị, "
            "đồng chí Bí thư cho biết Đảng bộ Sở có 14 chi bộ trực thuộc.")
    assert _day(_figures(text)["14"]) == "2024-11-13"


def test_a_paragraph_not_at_the_meeting_keeps_the_page_day():
    """Near miss: a later paragraph that does not open at the meeting is the page's."""
    text = (PAGE + "Chiều 13/11, Đảng ủy Sở Xây dựng tổ chức hội nghị sơ kết.\n\nĐảng bộ Sở có "
            "14 chi bộ trực thuộc.")
    assert _day(_figures(text)["14"]) == "2024-11-15"


@pytest.mark.parametrize("opening,day", [
    ("Tối 12/11, Chi bộ thôn Đông tổ chức Đại hội nhiệm kỳ 2024 - 2027.", "2024-11-12"),
    ("Từ ngày 10 đến 12/11/2024, Đảng bộ huyện Yên Thế tổ chức Đại hội đại biểu lần thứ XXV.",
     "2024-11-12"),
])
def test_a_term_ending_in_the_congress_year_is_dated_by_the_congress(opening, day):
    text = PAGE + opening + "\n\nNhiệm kỳ 2021 - 2024, Đảng bộ đã kết nạp 12 đảng viên mới."
    f = _figures(text)["12"]
    assert (_day(f), str(f["period_from"])) == (day, "2021-01-01")


def test_a_meeting_preparing_a_congress_does_not_date_the_term():
    """Near miss: the day of a meeting that prepares the congress is no congress day."""
    text = (PAGE + "Chiều 13/11, Ban Thường vụ Huyện ủy Yên Thế họp chuẩn bị Đại hội đại biểu "
            "Đảng bộ huyện.\n\nNhiệm kỳ 2020 - 2024, Đảng bộ đã kết nạp 120 đảng viên mới.")
    assert _day(_figures(text)["120"]) == "2024-11-15"


def test_in_the_year_at_a_review_reported_earlier():
    text = ("Tin\n\nThứ Bảy, 28/12/2024 - 06:00\n\nNgày 27/12, Huyện ủy Yên Thế tổ chức hội nghị "
            "tổng kết năm 2024.\n\nTrong năm, toàn Đảng bộ huyện kết nạp 96 đảng viên. Đến nay, "
            "Đảng bộ huyện có 5.400 đảng viên.")
    figures = _figures(text)
    assert (_day(figures["96"]), _day(figures["5.400"])) == ("2024-12-27", "2024-12-28")


@pytest.mark.parametrize("text,day", [
    ("Trong tổng số 12.480 đảng viên của Đảng bộ huyện Lục Nam tính đến ngày 30/6/2024, đảng "
     "viên nữ có 4.100 người.", "2024-06-30"),
    ("Toàn tỉnh có 81.200 đảng viên trong các đảng bộ trực thuộc tính đến hết ngày 31/10/2024.",
     "2024-10-31"),
])
def test_reckoned_to_a_day_after_the_whole(text, day):
    assert {_day(f) for f in _figures(PAGE + text).values()} == {day}


def test_a_day_after_a_comma_is_not_the_reckoning():
    """Near miss: "…, ngày 30/6/2024" after a comma is another clause's date."""
    text = PAGE + "Đảng bộ huyện có 12.480 đảng viên, ngày 30/6/2024 tổ chức sơ kết."
    assert _day(_figures(text)["12.480"]) == "2024-11-15"


@pytest.mark.parametrize("text,first", [
    ("Từ khi thành lập (tháng 3/2024) đến nay, Đảng bộ đã kết nạp 31 đảng viên.", "2024-03-01"),
    ("Từ khi đi vào hoạt động (ngày 1/7/2024) đến nay, Đảng bộ xã kết nạp 9 đảng viên.",
     "2024-07-01"),
    ("Từ đầu nhiệm kỳ 2020 - 2025 đến nay, Đảng bộ phường kết nạp 58 đảng viên.", "2020-01-01"),
])
def test_periods_from_a_glossed_event_or_a_term_start(text, first):
    (f,) = _figures(PAGE + text).values()
    assert (_day(f), str(f["period_from"])) == ("2024-11-15", first)


def test_a_glossed_event_without_to_now_is_no_period():
    """Near miss: "(tháng 3/2024)" without "đến nay" is the day glossed, not a period to now."""
    (f,) = _figures(PAGE + "Khi thành lập (tháng 3/2024), Đảng bộ có 210 đảng viên.").values()
    assert f["period_from"] is None


def test_up_to_the_end_of_a_quarter_counts_from_new_year():
    (f,) = _figures(PAGE + "Đến hết quý III/2024, toàn Đảng bộ kết nạp 80 đảng viên.").values()
    assert (_day(f), str(f["period_from"])) == ("2024-09-30", "2024-01-01")


def test_a_quarter_alone_counts_from_its_first_day():
    """Near miss: "Quý III/2024" without "đến hết" is that quarter only."""
    (f,) = _figures(PAGE + "Quý III/2024, toàn Đảng bộ kết nạp 80 đảng viên.").values()
    assert (_day(f), str(f["period_from"])) == ("2024-09-30", "2024-07-01")


@pytest.mark.parametrize("opening", ["Tại buổi làm việc", "Phát biểu tại Đại hội", "Tại cuộc họp"])
def test_other_openings_at_the_meeting(opening):
    text = (PAGE + "Chiều 13/11, Ban Tổ chức Tỉnh ủy làm việc với Đảng ủy Sở Xây dựng.\n\n"
            + opening + ", đồng chí Bí thư cho biết Đảng bộ Sở có 14 chi bộ trực thuộc.")
    assert _day(_figures(text)["14"]) == "2024-11-13"

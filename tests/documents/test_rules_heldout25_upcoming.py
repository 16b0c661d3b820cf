"""Strict round on held-out sets 24 and 25, a weekday's day a few days after the page ("Tối thứ 7 (8/11) chi
bộ họp …" posted on 5/11, "Sáng thứ Năm (6/11), … sẽ tổ chức …" on Monday 3/11) is a day to come, not last
year's day nor an event: "hiện" beside it is the page's day."""
import pytest

from .test_rules import _figures


@pytest.mark.parametrize("text,number,day", [
    ("CHI BỘ KHU PHỐ 4 - PHƯỜNG TÂN PHONG\nBí thư chi bộ Trần Thị M. · 19:02 10/12/2025\n\nThông báo: Chiều Chủ "
     "nhật (14/12) chi bộ họp tổng kết năm tại hội trường khu phố. Chi bộ hiện có 27 đảng viên.", "27", "2025-12-10"),
    ("Thứ Hai, 03/11/2025\nSáng thứ Năm (6/11), Đảng ủy xã Phú Cường sẽ tổ chức lễ kết nạp đảng viên. Đảng bộ xã "
     "hiện có 915 đảng viên.", "915", "2025-11-03"),
])
def test_a_weekday_to_come_is_no_event(text, number, day):
    """Heldout24 t01; dev n131, d233."""
    assert str(_figures(text)[number]["as_of"]) == day


@pytest.mark.parametrize("text,number,day", [
    ("Thứ Hai, 03/11/2025\nSáng thứ Năm (30/10), Đảng ủy xã Phú Cường tổ chức hội nghị. Đảng bộ xã hiện có 915 "
     "đảng viên.", "915", "2025-10-30"),
    ("Thứ Hai, 03/01/2026\nSáng 28/12, Đảng ủy xã Phú Cường tổng kết năm. Đảng bộ xã hiện có 915 đảng viên.", "915",
     "2025-12-28"),
])
def test_a_past_weekday_or_a_day_of_last_year_stays_the_event(text, number, day):
    """Near misses: a weekday before the page is the event; a day after the page's day and month is last year's."""
    assert str(_figures(text)[number]["as_of"]) == day

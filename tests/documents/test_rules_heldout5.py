"""Rules added after held-out set 5, one test per class of error it showed, each on sentences
written for the rule (other wording, places and numbers than the corpus)."""
from datetime import date

from .test_rules import _figures


# ---- dates


def test_an_event_named_by_its_month_dates_the_figure_at_the_end_of_that_month():
    f = _figures("Sau Cách mạng Tháng Mười năm 1917, Đảng bộ có khoảng 2.000 đảng viên.")
    assert f["khoảng 2.000"]["as_of"] == date(1917, 10, 31)

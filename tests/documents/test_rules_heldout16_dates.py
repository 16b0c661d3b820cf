"""Strict round on held-out sets 15 and 16: a bracket that closes a line of the body and gives a
day with nothing else countable (a page's update note, its source, a speech's place and day) is the
document's date when no dateline gives one; a bracket of a count's cut-off, of history or with a count
is not."""
from datetime import date

import pytest

from chibo.etl.documents.dates import find_publication_date

from .test_rules import _figures


@pytest.mark.parametrize("text,day", [
    ("Đảng bộ Bệnh viện … đã kết nạp 26 đảng viên. (Cập nhật 14:20, 17/09/2024)", date(2024, 9, 17)),
    ("Đảng bộ thành phố hiện có 2.035 tổ chức cơ sở đảng. (Báo Hải Phòng, 02/10/2025)", date(2025, 10, 2)),
    ("Phát biểu tại Lễ kỷ niệm 95 năm ngày thành lập Đảng bộ tỉnh, đồng chí Bí thư nhắc lại: hiện nay, "
     "Đảng bộ có trên 67.000 đảng viên. (Hòa Bình, ngày 28/01/2025)", date(2025, 1, 28)),
])
def test_a_line_closing_bracket_with_only_a_day_dates_the_document(text, day):
    """Real phrasings of heldout16 (a05, p06, h03): the note after the last sentence."""
    assert find_publication_date(text)[0] == day


@pytest.mark.parametrize("text", [
    "Đảng bộ có 1.418 đảng viên (tính đến ngày 15/9/2025).",  # a cut-off dates its figures only
    "Đảng bộ có 1.418 đảng viên (ngày thành lập 03/02/1930).",  # a day of history
    "Đảng bộ xã có 29 chi bộ (trong đó 18 chi bộ ấp, 02/10/2025).",  # a bracket with a count
    "Đảng bộ có 1.418 đảng viên (Báo Hải Phòng, 02/10/2025) và 36 chi bộ.",  # not closing its line
])
def test_other_brackets_are_no_document_date(text):
    """Near misses: a cut-off, a day of history, a count in the bracket, a bracket inside a line."""
    assert find_publication_date(text)[0] is None


def test_the_closing_bracket_dates_hien_and_the_year_so_far():
    """Dev d56: "hiện có" is the note's day; "từ đầu năm đến nay" counts from 1 January to it."""
    figs = _figures("Đảng bộ xã Tân Lập hiện có 812 đảng viên; từ đầu năm đến nay, Đảng bộ kết nạp "
                    "24 đảng viên mới. (Cổng thông tin điện tử xã Tân Lập, 14/11/2025)")
    assert figs["812"]["as_of"] == date(2025, 11, 14)
    assert (figs["24"]["as_of"], figs["24"]["period_from"]) == (date(2025, 11, 14), date(2025, 1, 1))


@pytest.mark.parametrize("text,day", [
    ("Đảng bộ phường có 34 chi bộ trực thuộc với 1.126 đảng viên (số liệu ngày 20/10/2025).", date(2025, 10, 20)),
    ("Đảng bộ huyện Tam Nông có 62 tổ chức cơ sở đảng và 4.315 đảng viên (tháng 9/2025).", date(2025, 9, 30)),
])
def test_a_bracket_closing_a_list_dates_each_figure_of_it(text, day):
    """Real phrasings of heldout16 (s04, s03) and dev d59, d60: a data note or a month in brackets
    after the list's last figure dates the first figure too."""
    first = next(iter(_figures(text).values()))
    assert first["as_of"] == day


def test_a_bracket_after_another_clause_does_not_date_the_list():
    """Near miss: a month in brackets after a ';' belongs to its own clause."""
    figs = _figures("Đảng bộ huyện Tam Nông có 62 tổ chức cơ sở đảng; huyện có 4.315 đảng viên (tháng 9/2025).")
    assert figs["62"]["as_of"] != date(2025, 9, 20)


@pytest.mark.parametrize("text,day", [
    ("BẢN TIN XÃ ĐỒNG VĂN – số tháng 10/2025\nĐảng bộ xã có 36 chi bộ.", date(2025, 10, 31)),
    ("Đảng bộ xã có 27 chi bộ.\n\nNguồn: Bản tin Sinh hoạt chi bộ huyện Lục Yên, số tháng 2/2024", date(2024, 2, 29)),
    ("TẠP CHÍ SINH HOẠT CHI BỘ - Số tháng 12/2025\n\nĐảng bộ phường có 58 chi bộ.", date(2025, 12, 31)),
])
def test_an_issue_of_a_month_dates_the_document_by_the_months_last_day(text, day):
    """Real phrasing of heldout16 t01 and dev d61, d62: a bulletin's or a magazine's issue line."""
    assert find_publication_date(text)[0] == day


@pytest.mark.parametrize("text", [
    "Bản tin số 10/2025\nĐảng bộ xã có 36 chi bộ.",  # an issue number, no month
    "Trong tháng 10/2025, số đảng viên mới là 12 đảng viên.\nĐảng bộ xã có 36 chi bộ.",  # a count
])
def test_no_issue_of_a_month(text):
    """Near misses: an issue number without "tháng"; a sentence counting in a month."""
    assert find_publication_date(text)[0] is None


@pytest.mark.parametrize("text,number,since", [
    ("Quý III/2025, Đảng bộ tỉnh Ninh Bình kết nạp 1.004 đảng viên, lũy kế 9 tháng đạt 2.870 đảng viên.",
     "2.870", (date(2025, 9, 30), date(2025, 1, 1))),
    ("Tháng 6/2024, Đảng bộ huyện Yên Thế kết nạp 35 đảng viên, cộng dồn 6 tháng đạt 118 đảng viên.",
     "118", (date(2024, 6, 30), date(2024, 1, 1))),
])
def test_months_summed_take_the_year_of_the_quarter_or_month_before(text, number, since):
    """Real phrasing of heldout16 d06 and dev d63: the year's first months without their year, after
    a quarter's or a month's figure that states it."""
    f = _figures(text)[number]
    assert (f["as_of"], f["period_from"]) == since


def test_a_quarter_without_its_year_takes_no_year_from_a_month():
    """Near miss: only the year's first months borrow a quarter's or a month's year; a quarter after
    a month keeps needing a year ("tháng 6/2024 … quý III" is not 2024's by this rule)."""
    from chibo.etl.documents.dating import in_year_of
    from chibo.etl.documents.periods import find
    found = find("Tháng 6/2024 kết nạp 35 đảng viên, quý III kết nạp 40 đảng viên.", None)
    quarter = next(w for w in found if w.kind == "quarter")
    assert in_year_of(quarter, found).y is None

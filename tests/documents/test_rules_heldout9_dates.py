"""Dates of the round on held-out set 9: a statistics page's heading ("SỐ LIỆU ĐẾN 31/12/2024 -
…") dates its paragraphs, "Trong 5 năm," at a review counts the years to it, a range whose
first day has no year, a ceremony's parts and restatements count from its day, a congress over
days written "Trong 2 ngày (24 - 25/7)" is dated by its last day, and the stocks of the
paragraphs after a congress held on a day are of that day; each on sentences written for the
rule, with near misses."""
from chibo.etl.documents import extract

from .test_rules import _figures

PAGE = "Thứ Bảy, 26/07/2025 - 07:15\n\n"


def test_a_statistics_heading_dates_the_page():
    text = ("SỐ LIỆU ĐẾN 30/6/2025 - ĐẢNG BỘ TỈNH LẠNG SƠN\n\nThứ Năm, 10/07/2025\n\n"
            "Đảng bộ tỉnh Lạng Sơn có 610 tổ chức cơ sở đảng và 62.400 đảng viên.")
    figures = _figures(text)
    assert {figures[n]["as_of"].isoformat() for n in ("610", "62.400")} == {"2025-06-30"}


def test_a_heading_without_statistics_dates_nothing():
    """Near miss: a capitals headline naming a day that is not "SỐ LIỆU … ĐẾN …"."""
    text = ("ĐẢNG BỘ TỈNH LẠNG SƠN KỶ NIỆM NGÀY 3/2/2025\n\nThứ Năm, 10/07/2025\n\n"
            "Đảng bộ tỉnh Lạng Sơn có 62.400 đảng viên.")
    assert _figures(text)["62.400"]["as_of"].isoformat() == "2025-07-10"


def test_a_statistics_heading_leaves_a_dated_sentence_alone():
    text = ("SỐ LIỆU ĐẾN 30/6/2025 - ĐẢNG BỘ TỈNH LẠNG SƠN\n\nThứ Năm, 10/07/2025\n\n"
            "Năm 2024, Đảng bộ tỉnh kết nạp 1.420 đảng viên.")
    f = _figures(text)["1.420"]
    assert (f["as_of"].isoformat(), str(f["period_from"])) == ("2024-12-31", "2024-01-01")


def test_two_days_in_brackets_are_dated_by_the_last():
    text = PAGE + ("Trong 2 ngày (23 - 24/7), Đảng bộ xã Ia Pa tổ chức Đại hội đại biểu lần thứ I, "
                   "nhiệm kỳ 2025 - 2030. Đảng bộ xã hiện có 1.012 đảng viên.")
    assert _figures(text)["1.012"]["as_of"].isoformat() == "2025-07-24"


def test_stocks_after_the_congress_paragraph_are_of_its_day():
    text = PAGE + ("Ngày 24/7, Đảng bộ xã Ia Pa tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ "
                   "2025 - 2030.\n\nToàn Đảng bộ có 1.012 đảng viên sinh hoạt tại 31 chi bộ.")
    assert {f["as_of"].isoformat() for f in _figures(text).values()} == {"2025-07-24"}


def test_after_a_congress_being_prepared_the_page_dates_the_stocks():
    """Near miss: a meeting preparing the congress is no congress held."""
    text = PAGE + ("Ngày 24/7, Đảng ủy xã Ia Pa họp chuẩn bị Đại hội đại biểu lần thứ I, nhiệm kỳ "
                   "2025 - 2030.\n\nToàn Đảng bộ có 1.012 đảng viên.")
    assert _figures(text)["1.012"]["as_of"].isoformat() == "2025-07-26"


def test_a_term_after_the_congress_paragraph_is_dated_by_the_congress():
    """"Nhiệm kỳ qua" on a page dated after the congress counts to the congress (corpus README
    convention decided in the generalisation round after heldout9)."""
    text = PAGE + ("Ngày 24/7, Đảng bộ xã Ia Pa tổ chức Đại hội đại biểu lần thứ I.\n\n"
                   "Nhiệm kỳ qua, Đảng bộ xã kết nạp 88 đảng viên.")
    assert _figures(text)["88"]["as_of"].isoformat() == "2025-07-24"


def test_a_range_whose_first_day_has_no_year():
    text = PAGE + "Từ ngày 1/4 đến 30/6/2025, các chi bộ trực thuộc kết nạp 42 đảng viên."
    (f,) = _figures(text).values()
    assert (f["as_of"].isoformat(), str(f["period_from"])) == ("2025-06-30", "2025-04-01")


def test_a_range_without_the_first_year_across_new_year():
    """"Từ 1/10 đến 31/3/2025": the first day is of the year before."""
    (f,) = _figures(PAGE + "Từ 1/10 đến 31/3/2025, Đảng bộ kết nạp 40 đảng viên.").values()
    assert (f["as_of"].isoformat(), str(f["period_from"])) == ("2025-03-31", "2024-10-01")


def test_a_day_and_month_then_a_year_is_no_range():
    """Near miss: "ngày 1/7, … đến năm 2025" without "từ" opens no range."""
    text = PAGE + "Ngày 1/7, Đảng bộ xã có 812 đảng viên."
    assert _figures(text)["812"]["period_from"] is None


CEREMONY = ("Kết nạp đảng viên\n\nThứ Ba, 02/09/2025 - 10:00\n\n"
            "Sáng 2/9, Đảng ủy xã Hòa Phú tổ chức Lễ kết nạp 9 quần chúng ưu tú vào Đảng, trong "
            "đó có 5 đồng chí là đoàn viên thanh niên. {after}")


def test_a_ceremony_s_parts_and_restatements_count_from_its_day():
    text = CEREMONY.format(after="Với 9 đảng viên mới, Đảng bộ xã có 412 đảng viên.")
    admitted = [f for f in extract(text, "x").figures if f["metric"] == "new_admissions"]
    assert [(f["number_text"], str(f["period_from"])) for f in admitted] == [
        ("9", "2025-09-02"), ("5", "2025-09-02"), ("9", "2025-09-02")]


def test_other_admissions_after_a_ceremony_keep_their_own_period():
    """Near miss: admissions of the year after the ceremony are no restatement of it."""
    text = CEREMONY.format(after="Năm 2025, Đảng bộ xã kết nạp 21 đảng viên.")
    (f,) = [f for f in extract(text, "x").figures if f["number_text"] == "21"]
    assert str(f["period_from"]) == "2025-01-01"


def test_the_years_of_a_review_named_by_their_count():
    text = ("Tổng kết\n\nThứ Sáu, 26/12/2025 - 10:00\n\nNgày 26/12, Tỉnh ủy tổng kết công tác năm "
            "2025 và giai đoạn 2021 - 2025. Trong 5 năm, toàn Đảng bộ tỉnh kết nạp 9.806 đảng viên.")
    (f,) = _figures(text).values()
    assert (f["as_of"].isoformat(), str(f["period_from"])) == ("2025-12-26", "2021-01-01")


def test_the_years_of_a_january_review_end_with_the_year_before():
    text = ("Tổng kết\n\nThứ Tư, 14/01/2026 - 10:00\n\nSáng 14/1, Đảng ủy tổng kết công tác năm "
            "2025 và giai đoạn 2023 - 2025. Trong 3 năm, Đảng bộ kết nạp 374 đảng viên.")
    (f,) = _figures(text).values()
    assert (f["as_of"].isoformat(), str(f["period_from"])) == ("2025-12-31", "2023-01-01")


def test_years_qua_still_count_back_from_the_year_before():
    """Near miss: "trong 5 năm qua" keeps its reading (1 January five years before)."""
    text = ("Tổng kết\n\nThứ Sáu, 26/12/2025 - 10:00\n\nTrong 5 năm qua, toàn Đảng bộ tỉnh kết "
            "nạp 9.806 đảng viên.")
    (f,) = _figures(text).values()
    assert str(f["period_from"]) == "2020-01-01"

"""Rules for phrasings noticed and left alone before the round on held-out set 8: no member
admitted is no figure (the corpus README's zero convention), ranges from one day to another,
table rows "label | N", members registered where they live (no figure), committees of one
level "N đảng bộ xã, thị trấn trực thuộc"; each on sentences written for the rule, with near
misses."""
import pytest

from chibo.etl.documents import extract

from .test_rules import _figures
from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Hai, 04/03/2024 - 09:00\n\n"


# ---- "không kết nạp được đảng viên nào": a negation, no figure (the zero convention)


@pytest.mark.parametrize("text", [
    "Năm 2023, Đảng bộ xã Tà Xùa không kết nạp được đảng viên nào.",
    "Trong năm 2023, Chi bộ bản Pá Khoang chưa kết nạp được đảng viên mới nào.",
    "Năm 2023, Chi bộ không phát triển được đảng viên nào.",
])
def test_no_member_admitted_is_no_figure(text):
    assert _figures(PAGE + text) == {}


def test_no_member_admitted_leaves_the_other_figures():
    """The negation takes nothing from the counts beside it."""
    (f,) = _figures(PAGE + "Năm 2023, Chi bộ bản Pá Khoang có 21 đảng viên nhưng không kết nạp "
                    "được đảng viên nào.").values()
    assert (f["metric"], f["value"]) == ("members_total", 21)


def test_organisations_that_admitted_none_are_no_zero():
    """Near miss: "12 tổ chức cơ sở đảng không kết nạp được đảng viên nào" counts organisations."""
    rows = _rows(PAGE + "Năm 2023, toàn huyện có 12 tổ chức cơ sở đảng không kết nạp được đảng "
                 "viên nào.")
    assert rows == [("12", "base_orgs_total", None, "activity", "no_admissions")]


def test_no_hamlet_without_members_is_no_zero():
    """Near miss: "không còn thôn nào chưa có đảng viên" is none lacking, not a count."""
    assert _figures(PAGE + "Đến nay, huyện không còn thôn nào chưa có đảng viên.") == {}


# ---- ranges from one day to another


@pytest.mark.parametrize("text,day,first", [
    ("Từ ngày 15/3/2023 đến ngày 15/3/2024, Đảng bộ tỉnh kết nạp 812 đảng viên.", "2024-03-15",
     "2023-03-15"),
    ("Từ 1/7/2022 đến 30/6/2023, Đảng bộ huyện kết nạp 140 đảng viên.", "2023-06-30",
     "2022-07-01"),
    ("Từ khi đi vào hoạt động (1/7/2023) đến hết năm 2023, Đảng bộ xã kết nạp 21 đảng viên.",
     "2023-12-31", "2023-07-01"),
    ("Từ ngày thành lập (ngày 1/8/2023) đến ngày 15/12/2023, Đảng bộ kết nạp 9 đảng viên.",
     "2023-12-15", "2023-08-01"),
])
def test_a_range_from_day_to_day(text, day, first):
    (f,) = _figures(PAGE + text).values()
    assert (f["as_of"].isoformat(), str(f["period_from"])) == (day, first)


def test_a_range_of_days_the_wrong_way_round_gives_no_period():
    """Near miss: an end before the start is no period."""
    (f,) = _figures(PAGE + "Từ 1/7/2023 đến 30/6/2022, Đảng bộ kết nạp 40 đảng viên.").values()
    assert f["period_from"] is None


# ---- table rows "label | N"


def test_table_rows_read_as_labels():
    text = (PAGE + "Chỉ tiêu | Số lượng\nTổng số đảng viên | 5.120\nĐảng viên nữ | 2.004\n"
            "Số chi bộ trực thuộc | 41\nKết nạp đảng viên mới | 96")
    assert _rows(text) == [("5.120", "members_total", None, None, None),
                           ("2.004", "members_female", "5.120", "gender", "female"),
                           ("41", "sub_cells", None, None, None),
                           ("96", "new_admissions", None, None, None)]


def test_markdown_table_rows_read_as_labels():
    text = PAGE + "| Chỉ tiêu | 2023 |\n|---|---|\n| Tổng số tổ chức cơ sở đảng | 62 |"
    assert [r[:2] for r in _rows(text)] == [("62", "base_orgs_total")]


@pytest.mark.parametrize("text", [
    "Ngày 12/3 | 2 lượt xem",
    "Số điện thoại | 0912 345 678",
    "Trang | 3",
])
def test_rows_that_count_nothing(text):
    assert _figures(PAGE + text) == {}


# ---- members registered where they live: no figure


@pytest.mark.parametrize("text", [
    "Đảng bộ phường có 2.100 đảng viên; đảng viên sinh hoạt tại nơi cư trú là 640 đồng chí.",
    "Đảng bộ phường có 2.100 đảng viên. Đảng viên được miễn sinh hoạt là 38 đồng chí.",
])
def test_members_by_what_happened_to_them_in_a_clause_are_no_figure(text):
    assert list(_figures(PAGE + text)) == ["2.100"]


def test_members_admitted_in_a_clause_are_still_a_figure():
    """Near miss: "đảng viên được kết nạp là 46 đồng chí" is the admissions."""
    f = _figures(PAGE + "Năm 2023, đảng viên được kết nạp là 46 đồng chí.")["46"]
    assert f["metric"] == "new_admissions"


# ---- committees of one level directly under


@pytest.mark.parametrize("text,number", [
    ("Đảng bộ huyện Lục Ngạn có 30 đảng bộ xã, thị trấn trực thuộc.", "30"),
    ("Đảng bộ thị xã có 9 đảng bộ phường và xã trực thuộc, 21 chi bộ cơ sở.", "9"),
])
def test_committees_of_one_level_directly_under(text, number):
    figures = _figures(PAGE + text)
    f = figures[number]
    assert (f["metric"], f["sector"]) == ("sub_committees", "commune")
    assert all(g["sector"] is None for n, g in figures.items() if n != number)


def test_committees_directly_under_of_any_level_have_no_sector():
    """Near miss: "đảng bộ trực thuộc" names no level."""
    f = _figures(PAGE + "Đảng bộ tỉnh có 48 đảng bộ trực thuộc.")["48"]
    assert (f["metric"], f["sector"]) == ("sub_committees", None)


def test_an_html_table_reads_as_labelled_rows():
    from chibo.etl.documents.clean import html_to_text
    html = ("<p>Thứ Hai, 15/01/2024 - 09:00</p><table><tr><th>Chỉ tiêu</th><th>Số lượng</th></tr>"
            "<tr><td>Tổng số đảng viên</td><td>9.400</td></tr>"
            "<tr><td>Đảng viên nữ</td><td>3.800</td></tr></table>")
    text = html_to_text(html)
    assert "Tổng số đảng viên | 9.400" in text
    assert _rows(text) == [("9.400", "members_total", None, None, None),
                           ("3.800", "members_female", "9.400", "gender", "female")]


def test_text_in_one_cell_keeps_its_words_together():
    """Near miss: a single cell (a layout table) gets no separator."""
    from chibo.etl.documents.clean import html_to_text
    assert html_to_text("<table><tr><td>Đảng bộ có 12 chi bộ.</td></tr></table>").strip() == (
        "Đảng bộ có 12 chi bộ.")


def test_a_table_under_a_heading_takes_its_scope_and_date():
    text = ("ĐẢNG BỘ XÃ NA HANG\n(Số liệu tính đến ngày 30/6/2025)\n\n| Chỉ tiêu | Số lượng |\n"
            "|---|---|\n| Tổng số đảng viên | 612 |\n| Đảng viên nữ | 231 |\n"
            "| Kết nạp đảng viên 6 tháng đầu năm | 9 |")
    result = extract(text, "rules")
    figures = {f["number_text"]: f for f in result.figures}
    assert result.document["title"] is None  # no row, heading or bracketed line is the headline
    assert {(f["scope_value"].lower(), f["as_of"].isoformat()) for f in figures.values()} == {
        ("xã na hang", "2025-06-30")}
    assert (figures["9"]["metric"], str(figures["9"]["period_from"])) == (
        "new_admissions", "2025-01-01")


def test_a_table_row_whose_next_cell_is_no_count():
    """Near miss: "Thứ Ba, 11/8/2020 | 19:02" is a dateline, no label and no figure."""
    text = "Thứ Ba, 11/8/2020 | 19:02 | Xây dựng Đảng\n\nĐảng bộ xã có 312 đảng viên."
    (f,) = extract(text, "rules").figures
    assert f["as_of"].isoformat() == "2020-08-11"

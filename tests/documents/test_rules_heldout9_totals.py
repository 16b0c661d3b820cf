"""Totals of the round on held-out set 9: a stock crossing a mark ("vượt mốc 100.000 đảng
viên", "số đảng viên của tỉnh vượt mốc 100 nghìn"), delegates "thay mặt" members without "cho",
and a table whose last column's header names its count ("| Đại hội | Thời gian | Số đảng viên
|"); each on sentences written for the rule, with near misses."""
import pytest

from .test_rules import _figures

PAGE = "Tin\n\nThứ Tư, 05/11/2025 - 09:00\n\n"


@pytest.mark.parametrize("text,value", [
    ("Đảng bộ tỉnh Nghệ An vượt mốc 230.000 đảng viên", 230000),
    ("Lần đầu tiên, số đảng viên của thành phố vượt mốc 50 nghìn.", 50000),
    ("Đảng bộ huyện vượt 10.000 đảng viên.", 10000),
])
def test_a_stock_crossing_a_mark(text, value):
    (f,) = _figures(PAGE + text).values()
    assert (f["metric"], f["value"], f["qualifier"]) == ("members_total", value, "over")


@pytest.mark.parametrize("text", [
    "Năm 2025, huyện kết nạp 140 đảng viên, vượt 20 đảng viên so với chỉ tiêu.",
    "Tỷ lệ đảng viên dự sinh hoạt vượt mốc 90%.",
])
def test_an_excess_or_a_share_is_no_stock(text):
    """Near misses: an excess over a target, a share crossing a mark."""
    figures = _figures(PAGE + text)
    assert all(f["metric"] != "members_total" for f in figures.values())


def test_delegates_thay_mat_members():
    text = PAGE + "Đại hội có 450 đại biểu thay mặt hơn 60.000 đảng viên trong toàn tỉnh."
    (f,) = _figures(text).values()
    assert (f["metric"], f["value"], f["qualifier"]) == ("members_total", 60000, "over")


def test_thay_mat_a_body_is_no_cue():
    """Near miss: someone acting "thay mặt" a committee awards badges: no stock."""
    text = PAGE + "Đồng chí Bí thư thay mặt Ban Thường vụ trao Huy hiệu Đảng cho 45 đảng viên."
    assert _figures(text) == {}


def test_a_table_counting_in_its_last_column():
    text = ("Infographic: Đảng viên của tỉnh qua các kỳ Đại hội\n\nThứ Tư, 05/11/2025 - 09:00\n\n"
            "| Đại hội tỉnh | Thời gian | Số đảng viên |\n|---|---|---|\n"
            "| XVII | 10/2015 | 41.200 |\n| XVIII | 10/2020 | hơn 45 nghìn |")
    figures = _figures(text)
    assert [(f["value"], f["qualifier"], f["as_of"].isoformat()) for f in figures.values()] == [
        (41200, "exact", "2015-10-31"), (45000, "over", "2020-10-31")]


def test_a_table_whose_last_column_is_no_count():
    """Near miss: the last column's header names no count ("Ghi chú")."""
    text = PAGE + "| Đại hội | Thời gian | Ghi chú |\n|---|---|---|\n| XVII | 10/2015 | 41 |"
    assert _figures(text) == {}


def test_a_province_named_without_its_level():
    (f,) = _figures(PAGE + "Đảng bộ Quảng Trị vượt mốc 100.000 đảng viên").values()
    assert (f["scope_kind"], f["scope_value"]) == ("province", "N44")


def test_an_organisation_that_is_no_province_stays_one():
    """Near miss: "Đảng bộ Quân khu 9" names no province."""
    (f,) = _figures(PAGE + "Đảng bộ Quân khu 9 có 12.000 đảng viên.").values()
    assert (f["scope_kind"], f["scope_value"]) == ("organisation", "Quân khu 9")


def test_a_mark_crossed_is_dated_by_the_stock_that_crossed_it():
    text = PAGE + ("Tính đến hết tháng 9/2025, toàn Đảng bộ tỉnh Hà Tĩnh có 101.200 đảng viên. "
                   "Đây là lần đầu tiên số đảng viên của tỉnh vượt mốc 100 nghìn.")
    figures = _figures(text)
    assert figures["vượt mốc 100 nghìn"]["as_of"].isoformat() == "2025-09-30"


def test_a_mark_not_crossed_by_the_stock_before_keeps_the_page_date():
    """Near miss: a stock below the mark did not cross it."""
    text = PAGE + ("Tính đến hết tháng 9/2025, toàn Đảng bộ tỉnh Hà Tĩnh có 99.200 đảng viên. "
                   "Hiện số đảng viên của tỉnh đã vượt mốc 100 nghìn.")
    assert _figures(text)["vượt mốc 100 nghìn"]["as_of"].isoformat() == "2025-11-05"

"""Rules round on held-out set 15: national totals over the decades. Dated items of a heading's
count given in millions without their noun ("Số đảng viên toàn Đảng qua các thời kỳ:" over "- Năm
1991: hơn 2,1 triệu"), and a mark crossed written in words ("số đảng viên cả nước vượt mốc ba
triệu"). Each with a near miss."""
from datetime import date

from .test_rules import _figures

OVER_TIME = "Số đảng viên toàn Đảng qua các thời kỳ:\n{}- Năm 2001: gần 2,5 triệu\n- Năm 2011: hơn 3,6 triệu\n"


def test_dated_items_in_millions_under_a_heading_count_its_noun():
    """Real phrasing (heldout15): "- Năm 1991: hơn 2,1 triệu" under "… qua các thời kỳ:"."""
    f = _figures(OVER_TIME.format("- Năm 1991: hơn 2,1 triệu\n"))
    assert [(k, v["metric"], v["value"], v["qualifier"], v["as_of"]) for k, v in f.items()] == [
        ("hơn 2,1 triệu", "members_total", 2_100_000, "over", date(1991, 12, 31)),
        ("gần 2,5 triệu", "members_total", 2_500_000, "nearly", date(2001, 12, 31)),
        ("hơn 3,6 triệu", "members_total", 3_600_000, "over", date(2011, 12, 31))]


def test_dated_items_in_millions_without_such_a_heading_are_no_figures():
    """Near miss: the same items under a heading that names no count over time."""
    f = _figures("Dân số cả nước:\n- Năm 1991: hơn 67,2 triệu\n- Năm 2001: gần 78,6 triệu\n")
    assert f == {}


def test_an_item_of_another_scale_word_is_no_item():
    """Near miss: "2,5 tỷ" (a budget) is no item of a count of members."""
    f = _figures(OVER_TIME.format("- Năm 1991: hơn 2,1 tỷ\n"))
    assert list(f) == ["gần 2,5 triệu", "hơn 3,6 triệu"]


def test_a_mark_crossed_in_words_after_its_head_is_a_stock():
    """Real phrasing (heldout15): "Năm 2007, số đảng viên cả nước vượt mốc ba triệu"."""
    f = _figures("Năm 2007, số đảng viên cả nước vượt mốc ba triệu.")
    assert [(k, v["metric"], v["value"], v["qualifier"], v["scope_kind"], v["as_of"]) for k, v in f.items()] == [
        ("vượt mốc ba triệu", "members_total", 3_000_000, "over", "country", date(2007, 12, 31))]


def test_a_mark_crossed_in_words_without_a_party_head_is_no_figure():
    """Near misses: a mark in words crossed by a budget, a number in words below a thousand."""
    assert _figures("Năm 2007, doanh thu của tỉnh vượt mốc ba triệu.") == {}
    assert _figures("Năm 2007, số chi bộ của huyện vượt mốc ba trăm.") == {}

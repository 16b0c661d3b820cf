"""Totals of the round on held-out set 18: "non" before a number is nearly ("non 2.000", as
"ngót"), "vỏn vẹn" exactly ("chỉ vỏn vẹn 3"), and a stock is cued by "cán mốc", "chạm mốc" (reached
the mark, exact, unlike "vượt mốc") or by "chỉ" right before its number ("chỉ 4 đảng viên"). On
sentences written for the rules, with near misses."""
import pytest

from chibo.etl.documents.numbers import find_quantities

from .test_rules_heldout6 import _figures, _rows

HEAD = "Thứ Ba, 14/10/2025 - 10:15\n\n"


@pytest.mark.parametrize("text,qualifier", [
    ("non 2.000 đảng viên", "nearly"), ("vỏn vẹn 3 đảng viên", "exact"),
    ("không 2.000 đảng viên", "exact"),  # near miss: no qualifier word
])
def test_non_and_von_ven(text, qualifier):
    assert [(q.value, q.qualifier) for q in find_quantities(text)][-1][1] == qualifier


def test_the_qualifier_is_part_of_the_number_text():
    figures = _figures(HEAD + "Đảng bộ phường Đông Ngàn hiện có non 2.000 đảng viên.")
    assert figures["non 2.000"]["qualifier"] == "nearly"


@pytest.mark.parametrize("text,number", [
    ("Xã Tân Uyên cán mốc 1.000 đảng viên.", "1.000"),
    ("Phường Thanh Khê chạm mốc 3.000 đảng viên.", "3.000"),
    ("Năm 2009, Chi bộ bản Phìn Hồ chỉ vỏn vẹn 3 đảng viên.", "vỏn vẹn 3"),
    ("Năm 2005, Chi bộ thôn Nà Hang chỉ 4 đảng viên.", "4"),
])
def test_stocks_cued_by_reaching_a_mark_or_chi(text, number):
    assert _rows(HEAD + text) == [(number, "members_total", None, None, None)]


@pytest.mark.parametrize("text", [
    "Xã Tân Uyên cán bộ 1.000 đảng viên.",            # no cue: "cán bộ" is no mark
    "Năm 2005, Chi bộ thôn Nà Hang nhờ chỉ thị mới, 4 đảng viên.",  # "chỉ" not right before the count
])
def test_near_misses_of_the_cues(text):
    assert _rows(HEAD + text) == []


@pytest.mark.parametrize("text,rows", [
    ("Tại 47 chi bộ trực thuộc Đảng bộ phường Hồng Gai hiện sinh hoạt 1.140 đảng viên.",
     [("47", "sub_cells", None, None, None), ("1.140", "members_total", None, None, None)]),
    ("Trong 31 chi bộ trực thuộc Đảng bộ phường Yên Thế đang sinh hoạt 905 đảng viên.",
     [("31", "sub_cells", None, None, None), ("905", "members_total", None, None, None)]),
])
def test_cells_named_before_the_members_living_in_them(text, rows):
    assert _rows(HEAD + text) == rows


def test_members_exempt_from_meetings_are_no_figure():
    """Near miss: "được miễn sinh hoạt" is a subset not tracked."""
    text = HEAD + ("Tại 47 chi bộ trực thuộc Đảng bộ phường Hồng Gai hiện sinh hoạt 1.140 đảng viên, trong đó có "
                   "212 đảng viên được miễn sinh hoạt.")
    assert [r[0] for r in _rows(text)] == ["47", "1.140"]

"""Hedged counts of the rules round on held-out sets 22 and 23 (hedges.py, numbers.py): the
colloquial words before a count ("ngót nghét", "tròm trèm", "khoảng gần", "gần chạm mốc": nearly;
"độ chừng", "ước chừng", "cỡ", "~": approx; "không dưới", "nhỉnh hơn": over). Near misses: "có"
(written "co" on a page without diacritics) is no "cỡ", "dưới" alone stays under, "có khoảng" keeps
"khoảng" as its qualifier."""
import pytest

from chibo.etl.documents import extract

HEAD = "Ngày 14/10/2025\n"


def _figures(text: str) -> list[tuple]:
    return [(f["number_text"], f["qualifier"], f["value"]) for f in extract(HEAD + text, "t.txt").figures]


@pytest.mark.parametrize("text,row", [
    ("Đảng bộ xã Hòa Thắng hiện có tròm trèm 1.200 đảng viên.", ("tròm trèm 1.200", "nearly", 1200)),
    ("Đảng bộ phường có ngót nghét 4.000 đảng viên.", ("ngót nghét 4.000", "nearly", 4000)),
    ("Đảng bộ phường có khoảng gần 2.000 đảng viên.", ("khoảng gần 2.000", "nearly", 2000)),
    ("Đảng bộ tỉnh có số đảng viên gần chạm mốc 100.000.", ("gần chạm mốc 100.000", "nearly", 100000)),
    ("Đảng bộ Bộ Tài chính có độ chừng 25 nghìn đảng viên.", ("độ chừng 25 nghìn", "approx", 25000)),
    ("Đảng bộ Ngân hàng có ước chừng 9.500 đảng viên.", ("ước chừng 9.500", "approx", 9500)),
    ("Đảng bộ huyện Mường Tè có cỡ 3.000 đảng viên.", ("cỡ 3.000", "approx", 3000)),
    ("Đảng bộ Tập đoàn có 9 chi bộ trực thuộc với không dưới 250 đảng viên.", ("không dưới 250", "over", 250)),
    ("Đảng bộ Trường có nhỉnh hơn 700 đảng viên.", ("nhỉnh hơn 700", "over", 700)),
])
def test_hedged_counts(text, row):
    assert row in _figures(text)


@pytest.mark.parametrize("cell,row", [
    ("~ 1,73 triệu", ("~ 1,73 triệu", "approx", 1730000)),
    ("~1.100", ("~1.100", "approx", 1100)),
])
def test_a_tilde_before_a_table_cell_is_approx(cell, row):
    text = "Số đảng viên toàn Đảng qua các kỳ Đại hội\nĐại hội\tThời gian\tSố đảng viên\nV\t3/1982\t" + cell + "\n"
    assert row in _figures(text)


@pytest.mark.parametrize("text,row", [
    ("Đảng bộ Tập đoàn có dưới 250 đảng viên.", ("dưới 250", "under", 250)),  # "dưới" alone
    ("Đảng bộ xã hiện có 64 chi bộ trực thuộc.", ("64", "exact", 64)),  # "có" is no "cỡ"
    ("Dang bo xa hien co 64 chi bo truc thuoc.", ("64", "exact", 64)),  # nor "co" without diacritics
    ("Đảng bộ xã có khoảng 500 đảng viên.", ("khoảng 500", "approx", 500)),  # "có khoảng": "khoảng"
])
def test_near_misses_keep_their_qualifier(text, row):
    assert row in _figures(text)

"""Admissions against their plan written as a ratio, in the rules round on held-out sets 22 and 23
(planratio.py): "Kết nạp đảng viên: 97/200, đạt 48,5% kế hoạch năm" is 97 admitted and a plan of
200. Near misses: a ratio of organisations to their whole (shares.py's), a ratio without a plan word,
a ratio without an admission word."""
import pytest

from chibo.etl.documents import extract


def _rows(text: str) -> list[tuple]:
    figures = extract("Ngày 20/10/2025\n" + text, "t.txt").figures
    return [(f["number_text"], f["metric"], f["qualifier"]) for f in figures]


@pytest.mark.parametrize("text,rows", [
    ("- Kết nạp đảng viên: 97/200, đạt 48,5% kế hoạch năm",
     [("97", "new_admissions", "exact"), ("200", "new_admissions", "target")]),
    ("Năm 2025, Đảng bộ xã Tân Lập kết nạp 12/15 đảng viên, đạt 80% chỉ tiêu.",
     [("12", "new_admissions", "exact"), ("15", "new_admissions", "target")]),
])
def test_admissions_over_their_plan(text, rows):
    assert _rows(text) == rows


@pytest.mark.parametrize("text", [
    "Có 112/125 tổ chức cơ sở đảng kết nạp được đảng viên, đạt 89,6%.",
    "Đảng bộ xã kết nạp 12/15 đảng viên, đạt 80%.",
    "Xã đạt 12/15 tiêu chí, đạt 80% kế hoạch.",
])
def test_near_misses_are_no_plan(text):
    assert all(r[2] != "target" for r in _rows(text))

"""Series and exported counts of the rules round on held-out sets 22 and 23 (series.py,
numbers.py, clean.py): a year series whose noun closes its last item ("năm 2015 là 76.112, năm 2020
là 80.431, năm 2024 là 86.950 đồng chí"), thousands grouped by commas in a software export
("1,204"), a row index "1.1". Near misses: an item followed by a count of something else, a decimal
before a scale word ("1,204 triệu"), a share."""
import pytest

from chibo.etl.documents import extract
from chibo.etl.documents.numbers import find_quantities


def _figures(text: str) -> list[tuple]:
    return [(f["number_text"], f["metric"], f["as_of"] and f["as_of"].isoformat())
            for f in extract("Ngày 30/10/2025\n" + text, "t.txt").figures]


def test_a_series_takes_the_noun_of_its_last_item():
    text = ("Những năm gần đây, số đảng viên tăng đều: năm 2015 là 76.112, năm 2020 là 80.431, năm 2024 là "
            "86.950 đồng chí.")
    assert _figures(text) == [("76.112", "members_total", "2015-12-31"), ("80.431", "members_total", "2020-12-31"),
                              ("86.950", "members_total", "2024-12-31")]


def test_near_miss_an_item_before_another_count():
    text = "Xã có năm 2015 là 76.112 người dân, 30 chi bộ."
    assert [r[0] for r in _figures(text)] == ["30"]


@pytest.mark.parametrize("text,value", [("Tổng số đảng viên: 1,204", 1204), ("1,131 đảng viên", 1131),
                                        ("1,204 triệu", 1204000), ("5,6 triệu", 5600000)])
def test_comma_grouped_thousands(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


def test_near_miss_a_share_is_no_count():
    assert find_quantities("đạt 92,125%") == []


def test_an_export_with_row_numbers_and_comma_groups():
    text = ("ĐẢNG BỘ PHƯỜNG LONG BIÊN - SỐ LIỆU\nTT\tNội dung\tSố lượng\n1\tTổng số đảng viên\t2,318\n"
            "1.1\t- Đảng viên dự bị\t104\n")
    rows = [(f["number_text"], f["metric"], f["value"]) for f in extract(text, "t.txt").figures]
    assert rows == [("2,318", "members_total", 2318), ("104", "members_probationary", 104)]

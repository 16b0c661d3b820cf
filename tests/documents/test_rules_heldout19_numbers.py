"""Qualifiers of the round on held-out sets 19 and 20 (numbers.py): "suýt soát" and "ngấp nghé"
(just under: nearly), "vượt ngưỡng" (over)."""
import pytest

from chibo.etl.documents.numbers import find_quantities


@pytest.mark.parametrize("text,number,value,qualifier", [
    ("Đảng bộ huyện hiện có suýt soát 9.000 đảng viên", "suýt soát 9.000", 9000, "nearly"),
    ("Đảng bộ phường đã có ngấp nghé 2.000 đảng viên", "ngấp nghé 2.000", 2000, "nearly"),
    ("số đảng viên vượt ngưỡng 190.000 người", "vượt ngưỡng 190.000", 190000, "over"),
])
def test_new_qualifiers(text, number, value, qualifier):
    q = find_quantities(text)[0]
    assert (q.text, q.value, q.qualifier) == (number, value, qualifier)


"""Vietnamese quantities: digit groups, decimal commas, scale words, number words, qualifiers."""
import pytest

from chibo.etl.documents.numbers import find_quantities, parse_words


def _one(text):
    (q,) = find_quantities(text)
    return q.text, q.value, q.qualifier


@pytest.mark.parametrize("text,want", [
    ("có 10.579 đảng viên", ("10.579", 10579, "exact")),
    ("có 25.500 chi bộ", ("25.500", 25500, "exact")),
    ("có gần 30 vạn đảng viên", ("gần 30 vạn", 300000, "nearly")),
    ("có hơn 5,6 triệu đảng viên", ("hơn 5,6 triệu", 5600000, "over")),
    ("có gần nửa triệu đảng viên", ("gần nửa triệu", 500000, "nearly")),
    ("có 4,92 triệu đảng viên", ("4,92 triệu", 4920000, "exact")),
    ("có khoảng 4.560 tổ chức", ("khoảng 4.560", 4560, "approx")),
    ("có trên 2 nghìn đảng viên", ("trên 2 nghìn", 2000, "over")),
    ("có dưới 500 đảng viên", ("dưới 500", 500, "under")),
    ("có ước tính khoảng 1.000 đảng viên", ("ước tính khoảng 1.000", 1000, "approx")),
    ("có hai nghìn đảng viên", ("hai nghìn", 2000, "exact")),
])
def test_quantity_phrases(text, want):
    """Each written form gives its value and qualifier, the span covering the qualifier."""
    assert _one(text) == want


@pytest.mark.parametrize("words,value", [
    ("một trăm", 100), ("hai nghìn", 2000), ("ba mươi lăm", 35), ("mười hai", 12),
    ("một trăm linh năm", 105), ("hai nghìn ba trăm năm mươi", 2350), ("nửa triệu", 500000),
    ("hai mươi mốt", 21),
])
def test_number_words(words, value):
    """Common Vietnamese number words add up as spoken."""
    assert parse_words(words) == value


@pytest.mark.parametrize("text", [
    "Quy định số 171-QĐ/TW", "Hướng dẫn 12-HD/BTCTW", "ngày 27/6/2008", "24/08/2018 | 16:30 PM",
    "9:24' 31/3/2018", "Hội nghị Trung ương 7", "năm 2022", "nhiệm kỳ 2022 - 2025",
    "đạt 92,5%", "18 tuổi", "lần thứ 3", "Quý III/2020", "Nghị quyết số 18", "15 năm",
])
def test_identifiers_dates_and_percentages_are_not_quantities(text):
    """Document numbers, dates, times, plenums, years, %, ages and ordinals are masked."""
    assert find_quantities(text) == []


def test_a_decimal_without_scale_is_not_a_count():
    """"5,6" alone cannot count organisations or people."""
    assert find_quantities("chỉ số 5,6 điểm") == []


@pytest.mark.parametrize("text,value", [
    ("một triệu rưỡi đảng viên", 1_500_000), ("1 triệu rưỡi đảng viên", 1_500_000),
    ("hai vạn rưỡi đảng viên", 25_000), ("hai trăm rưỡi đảng viên", 250),
])
def test_ruoi_is_a_half_of_the_scale_before_it(text, value):
    assert [q.value for q in find_quantities(text)] == [value]

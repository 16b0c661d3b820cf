"""Numbers and series of the round on held-out set 18: a digit after a scale is its tenth in speech
("chừng 3 vạn 2 đảng viên", "ba vạn hai": 32.000), "không trăm" is a zero hundred ("một nghìn không
trăm bốn mươi hai"), a sentence of year items in thousands or millions alone continues the count of
the sentence before ("Năm 2008 đã hơn 3,4 triệu; năm 2019 khoảng 5,2 triệu"), and "con số ấy" restates
it as "con số này" does. On sentences written for the rules, with near misses."""
import pytest

from chibo.etl.documents.numbers import find_quantities

from .test_rules_heldout6 import _rows

HEAD = "Thứ Hai, 08/01/2024 - 09:00\n\n"


@pytest.mark.parametrize("text,value", [
    ("chừng 3 vạn 2 đảng viên", 32000), ("ba vạn hai đảng viên", 32000), ("hai triệu tư người", 2400000),
    ("một nghìn không trăm bốn mươi hai đảng viên", 1042), ("hai nghìn không trăm mười lăm đồng chí", 2015),
])
def test_tenths_and_zero_hundreds(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize("text,values", [
    ("3 vạn đảng viên, 2 chi bộ", [30000, 2]),  # the digit counts its own noun
    ("3 vạn 2 chi bộ", [30000, 2]),             # not people: no tenth
    ("không trăm", []),                          # a zero alone is no number
])
def test_near_misses_of_tenths(text, values):
    assert [q.value for q in find_quantities(text)] == values


def test_year_items_in_millions_continue_the_count_before():
    text = HEAD + ("Năm 1990, Đảng có khoảng 2,1 triệu đảng viên. Năm 2008 đã hơn 3,4 triệu; năm 2019 "
                   "khoảng 5,2 triệu.")
    assert [r[:2] for r in _rows(text)] == [("khoảng 2,1 triệu", "members_total"),
                                            ("hơn 3,4 triệu", "members_total"),
                                            ("khoảng 5,2 triệu", "members_total")]


def test_con_so_ay_restates_the_count_before():
    text = HEAD + ("Năm 1997, Đảng bộ huyện Gia Lâm có khoảng 4 vạn 5 đảng viên. Đến năm 2023, con số ấy đã "
                   "lên hơn sáu vạn.")
    assert [r[:2] for r in _rows(text)] == [("khoảng 4 vạn 5", "members_total"),
                                            ("hơn sáu vạn", "members_total")]


@pytest.mark.parametrize("text", [
    "Năm 2008 đã hơn 3,4 triệu; năm 2019 khoảng 5,2 triệu.",  # no count before: nothing to continue
    "Năm 1990, Đảng có khoảng 2,1 triệu đảng viên. Năm 2008 đã hơn 340.",  # no scale: no item
])
def test_near_misses_of_series(text):
    assert [r[0] for r in _rows(HEAD + text)] == ([] if text.startswith("Năm 2008") else ["khoảng 2,1 triệu"])


def test_a_part_in_words_after_trong_do_and_its_label():
    text = HEAD + ("Hiện Đảng bộ xã Quỳnh Lâm có chín trăm linh năm đảng viên, sinh hoạt tại 24 chi bộ; "
                   "trong đó đảng viên nữ ba trăm mười hai đồng chí.")
    assert _rows(text)[2] == ("ba trăm mười hai", "members_female", "chín trăm linh năm", "gender", "female")


def test_words_after_trong_do_counting_no_people_are_no_part():
    """Near miss: households are no counter of people."""
    text = HEAD + ("Hiện Đảng bộ xã Quỳnh Lâm có chín trăm linh năm đảng viên; trong đó có ba trăm mười hai "
                   "hộ gia đình.")
    assert [r[0] for r in _rows(text)] == ["chín trăm linh năm"]

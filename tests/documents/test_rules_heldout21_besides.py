"""Small classes of the round on held-out sets 19 to 21 (vocabulary.py, numbers.py, series.py,
clauses.py):
"Ngoài 1.736 đảng viên chính thức, Đảng bộ còn có 84 đảng viên dự bị" (both stocks, exact, no
whole) while "có ngoài 1.100" stays a qualifier (over), a month before "chi bộ" ("tháng 12 chi bộ
mình sinh hoạt …": no count of cells), and a series item after "tăng lên" ("Năm 2000, con số này là
64; năm 2015 tăng lên 157"), a growth "từ 211 đến gần 5,6 triệu đảng viên" (two stocks). Near misses:
a month number above 12, a rise without a year, a range of sizes."""
from chibo.etl.documents import extract
from chibo.etl.documents.numbers import find_quantities

from .test_rules_heldout6 import _rows


def test_besides_opens_a_stock():
    rows = _rows("Ngoài 1.736 đảng viên chính thức, Đảng bộ còn có 84 đảng viên dự bị.")
    assert rows == [("1.736", "members_official", None, "status", "official"),
                    ("84", "members_probationary", None, "status", "probationary")]


def test_besides_after_a_verb_is_over():
    """"có ngoài 1.100" is a qualifier, not "besides"."""
    assert _rows("Đảng bộ có ngoài 1.100 đảng viên.") == [("ngoài 1.100", "members_total", None, None, None)]


def test_a_month_before_cells_is_no_count():
    rows = _rows("Thông báo các đ/c: tháng 12 chi bộ mình sinh hoạt vào tối 18/12. Chi bộ hiện có 23 đv (2 đv dự bị).")
    assert [r[0] for r in rows] == ["23", "2"]


def test_a_number_above_twelve_after_thang_is_no_month():
    """Near miss: "tháng 13" is no month; the mask leaves it."""
    assert [q.value for q in find_quantities("tháng 13 chi bộ")] == [13]


def test_a_series_item_after_a_rise():
    rows = _rows("Những năm 1980, cả xã chỉ có 12 đảng viên. Năm 2000, con số này là 64; năm 2015 tăng lên 157.")
    assert [r[:2] for r in rows] == [("12", "members_total"), ("64", "members_total"), ("157", "members_total")]


def test_a_rise_without_a_year_is_no_item():
    """Near miss: "tăng lên 157" with no year before it opens no item."""
    assert [r[0] for r in _rows("Chi bộ có 64 đảng viên; số hộ tăng lên 157.")] == ["64"]


def test_a_growth_from_one_count_to_a_qualified_one():
    text = ("95 năm xây dựng Đảng: từ 211 đến gần 5,6 triệu đảng viên\nNếu như ngày đầu thành lập (3/2/1930) Đảng "
            "chỉ có 211 đảng viên, thì hiện nay là gần 5,6 triệu đảng viên.")
    headline = [f for f in extract(text, "x").figures if f["sentence"].startswith("95 năm")]
    assert [(f["number_text"], f["metric"]) for f in headline] == [("211", "members_total"),
                                                                  ("gần 5,6 triệu", "members_total")]


def test_a_range_of_sizes_stays_no_figure():
    """Near miss: "từ 3 đến 15 đảng viên" bounds the cells' sizes."""
    assert _rows("Các chi bộ có từ 3 đến 15 đảng viên.") == []

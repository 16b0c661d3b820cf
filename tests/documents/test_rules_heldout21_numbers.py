"""Numbers of the round on held-out sets 19 to 21 (numbers.py, clean.py, pasted.py, sentences.py): thousands
apart by a space as Word tables and OCR write them ("12 480", "2 148 đảng viên"), a smaller scale
after a scale in digits ("1 vạn 3 nghìn"), "có lẻ" after a count and "ngoài" after a verb (over),
an estimate opening its clause ("ước cả năm kết nạp 28": approx), HTML entities left in pasted
text, a PDF page break with its running header, a place-and-date line beside a header, and two
columns aligned by spaces read as a table. Near misses: a place's number before a
count, "Ngoài …" opening a clause (besides), two numbers apart by a comma, a page break after a
sentence that had ended."""
import pytest

from chibo.etl.documents import extract
from chibo.etl.documents.clean import repair
from chibo.etl.documents.numbers import find_quantities


@pytest.mark.parametrize("text,number,value,qualifier", [
    ("Đảng bộ thị xã hiện có 2 148 đảng\nviên", "2 148", 2148, "exact"),
    ("Tổng số đảng viên | 12 480", "12 480", 12480, "exact"),
    ("toàn Đảng bộ tỉnh có 1 vạn 3 nghìn đảng viên", "1 vạn 3 nghìn", 13000, "exact"),
    ("cả nước có 2 triệu 150 nghìn đảng viên", "2 triệu 150 nghìn", 2150000, "exact"),
    ("Đảng bộ thị xã có 38 tổ chức cơ sở đảng, với 4.300 có lẻ đảng viên", "4.300 có lẻ", 4300, "over"),
    ("Đảng bộ hiện có 27 tổ chức cơ sở đảng với ngoài 1.100 đảng viên", "ngoài 1.100", 1100, "over"),
    ("đã kết nạp 24 đảng viên; ước cả năm kết nạp 28 đảng viên", "28", 28, "approx"),
    ("ước tính năm 2025 kết nạp được 35 đảng viên", "35", 35, "approx"),
])
def test_numbers_as_news_and_tables_write_them(text, number, value, qualifier):
    q = find_quantities(text)[-1]
    assert (q.text, q.value, q.qualifier) == (number, value, qualifier)


@pytest.mark.parametrize("text,values", [
    ("Tổ 3 125 hộ dân đều có đảng viên", [3, 125]),  # a place's number, then a count
    ("Ngoài 1.736 đảng viên chính thức, Đảng bộ còn có 84 đảng viên dự bị", [1736, 84]),
    ("kết nạp 24 đảng viên, 28 quần chúng được giới thiệu", [24, 28]),
])
def test_near_misses_keep_their_numbers(text, values):
    assert [(q.value, q.qualifier) for q in find_quantities(text)] == [(v, "exact") for v in values]


def test_html_entities_are_decoded():
    text = repair("Đảng bộ xã có 1.284&nbsp;đảng viên, sinh hoạt tại 27&#160;chi bộ, mô hình &quot;Chi bộ số&quot;.")
    assert text == "Đảng bộ xã có 1.284 đảng viên, sinh hoạt tại 27 chi bộ, mô hình \"Chi bộ số\"."
    figures = extract("Ngày 2/3/2025\n" + text, "x").figures
    assert [(f["number_text"], f["metric"]) for f in figures] == [("1.284", "members_total"), ("27", "cells_total")]


def test_two_columns_aligned_by_spaces_are_a_table():
    text = repair("Chỉ tiêu                              Số lượng\n"
                  "Tổng số đảng viên                     12 480\n"
                  "Đảng viên nữ                          4 316\n"
                  "Kết nạp đảng viên mới trong năm 2024  519")
    assert text.splitlines()[1:] == ["Tổng số đảng viên | 12 480", "Đảng viên nữ | 4 316",
                                     "Kết nạp đảng viên mới trong năm 2024 | 519"]
    rows = [(f["number_text"], f["metric"], f["dimension"]) for f in extract(text, "x").figures]
    assert rows == [("12 480", "members_total", None), ("4 316", "members_female", "gender"),
                    ("519", "new_admissions", None)]


def test_prose_with_one_wide_gap_stays_prose():
    """Near miss: one line with a wide gap is no table."""
    text = "Đảng bộ xã có 412 đảng viên.   Năm 2024 kết nạp 15 đảng viên."
    assert repair(text) == "Đảng bộ xã có 412 đảng viên. Năm 2024 kết nạp 15 đảng viên."


def test_a_page_break_and_its_running_header_are_dropped():
    text = repair("Đảng bộ huyện hiện có 87 tổ chức cơ sở\n\f\nBÁO CÁO CHÍNH TRỊ - ĐẠI HỘI LẦN THỨ XXVI          3\n"
                  "đảng với 6.241 đảng viên.")
    assert text == "Đảng bộ huyện hiện có 87 tổ chức cơ sở đảng với 6.241 đảng viên."


def test_a_page_break_after_a_sentence_keeps_the_lines_apart():
    """Near miss: the sentence had ended; the next page opens a new one."""
    assert repair("Đảng bộ có 412 đảng viên.\n\fNăm 2024 kết nạp 15 đảng viên.") == (
        "Đảng bộ có 412 đảng viên.\nNăm 2024 kết nạp 15 đảng viên.")


def test_a_place_and_date_line_beside_a_header_is_its_own_line():
    text = repair("ĐẢNG BỘ HUYỆN LẠC SƠN                     Lạc Sơn, ngày 10 tháng 7 năm 2020\nBÁO CÁO")
    assert text.splitlines()[:2] == ["ĐẢNG BỘ HUYỆN LẠC SƠN", "Lạc Sơn, ngày 10 tháng 7 năm 2020"]

"""Noisy text of the round on held-out set 16: a PDF line ending with a count whose counter noun
wraps to the next line ("… toàn Đảng bộ kết nạp 231" then "đảng viên.") is one sentence; a page
number's line, a year at a line's end and a next line in capitals stay apart. Each on lines
written for the rule, with near misses."""
from chibo.etl.documents.sentences import paragraphs

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Tư, 10/09/2025 - 09:00\n\n"


def test_a_count_at_a_lines_end_goes_on_with_its_counter_on_the_next_line():
    text = PAGE + ("Đảng bộ huyện Đồng Văn có 3.870 đảng viên, trong đó đảng viên nữ 1.402\n"
                   "đồng chí, chiếm 36,2%. Năm 2024, Đảng bộ huyện kết nạp 118\nđảng viên mới.")
    assert _rows(text) == [("3.870", "members_total", None, None, None),
                           ("1.402", "members_female", "3.870", "gender", "female"),
                           ("118", "new_admissions", None, None, None)]


def test_a_page_number_a_year_or_a_capital_line_is_not_joined():
    """Near misses: "- 8 -" is no count; "năm 2024" ends with a year; "Đảng viên" opens a line."""
    assert paragraphs("- 8 -\nđảng viên mới được kết nạp.") == ["- 8 -", "đảng viên mới được kết nạp."]
    assert paragraphs("Kết quả năm 2024\nđảng viên mới") == ["Kết quả năm 2024", "đảng viên mới"]
    assert paragraphs("Chi bộ số 12\nĐảng viên: 40") == ["Chi bộ số 12", "Đảng viên: 40"]

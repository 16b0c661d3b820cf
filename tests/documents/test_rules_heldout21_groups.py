"""A group said of all of an admitted count when the sentence's head restates the count (groups.py,
the round on held-out sets 19 to 21): "… lễ kết nạp 2 đảng viên. Hai quần chúng được kết nạp đều
là đoàn viên thanh niên": the count and its restatement both take the group, neither is a part
(never a part out as a total). Near misses: a head counting another number, a sentence with more
counts than the restatement."""
import pytest

from .test_rules_heldout6 import _rows

HEAD = "Vĩnh Long, 20/11/2025\n"


@pytest.mark.parametrize("text,rows", [
    ("Tối 19/11/2025, Chi bộ Ấp Phước Hòa tổ chức lễ kết nạp 2 đảng viên. Hai quần chúng được kết nạp "
     "đều là đoàn viên thanh niên của ấp.",
     [("2", "new_admissions", None, "youth_union", "member"),
      ("Hai", "new_admissions", None, "youth_union", "member")]),
    ("Chi bộ Trường THPT Hương Khê kết nạp 4 quần chúng ưu tú vào Đảng. Bốn quần chúng vừa được kết nạp "
     "đều là đoàn viên Đoàn Thanh niên của trường.",
     [("4", "new_admissions", None, "youth_union", "member"),
      ("Bốn", "new_admissions", None, "youth_union", "member")]),
])
def test_the_restated_count_and_the_count_take_the_group(text, rows):
    assert _rows(HEAD + text) == rows


def test_a_head_counting_another_number_gives_no_group():
    """Near miss: "Ba quần chúng …" after "kết nạp 2" is not the count before."""
    rows = _rows(HEAD + "Chi bộ Ấp Phước Hòa tổ chức lễ kết nạp 2 đảng viên. Ba quần chúng được kết nạp "
                        "đều là đoàn viên thanh niên.")
    assert rows[0] == ("2", "new_admissions", None, None, None)


def test_a_sentence_with_another_count_gives_no_group():
    """Near miss: the sentence counts more than the restatement: not said of all of them."""
    rows = _rows(HEAD + "Chi bộ Ấp Phước Hòa tổ chức lễ kết nạp 2 đảng viên. Hai quần chúng được kết nạp "
                        "đều là đoàn viên, nâng số đảng viên của chi bộ lên 31 đồng chí.")
    assert rows[0] == ("2", "new_admissions", None, None, None)

"""Parts of the rules round on held-out sets 22 and 23 (numbers.py, parts.py, figures.py,
clauses.py), each a part out as a total before: a count of a people named with a number word ("3
đảng viên người Ba Na": "Ba" opens the name, no count of three), professors and doctors
("có học hàm giáo sư, phó giáo sư và học vị tiến sĩ": postgraduate), "đang trong thời gian dự bị"
(probationary), a part after "thì" ("Trong 318 đảng viên … thì nữ chiếm đa số với 211 đồng chí"),
the whole "Trong N …" after a dateline run into the lead. Near misses: a number word opening a
sentence or written in capitals stays a count."""
import pytest

from .test_rules_heldout6 import _rows

HEAD = "Ngày 05/02/2026\n"


@pytest.mark.parametrize("text,row", [
    ("Năm 1959, chi bộ đầu tiên của xã ra đời với 3 đảng viên người Ba Na.",
     ("3", "members_total", None, "ethnicity", "minority")),
    ("Đảng bộ xã Ia Chim có 312 đảng viên, trong đó 140 đảng viên người Ba Na.",
     ("140", "members_total", "312", "ethnicity", "minority")),
    ("Đảng bộ có 568 đảng viên; đảng viên có học hàm giáo sư, phó giáo sư và học vị tiến sĩ 119 đồng chí.",
     ("119", "members_total", "568", "education", "postgraduate")),
    ("Ở Bệnh viện Nhi Đồng 1, trong 318 đảng viên của Đảng bộ thì nữ chiếm đa số với 211 đồng chí; 17 đồng "
     "chí đang trong thời gian dự bị.", ("211", "members_female", "318", "gender", "female")),
    ("Ở Bệnh viện Nhi Đồng 1, trong 318 đảng viên của Đảng bộ thì nữ chiếm đa số với 211 đồng chí; 17 đồng "
     "chí đang trong thời gian dự bị.", ("17", "members_probationary", "318", "status", "probationary")),
    ("Hà Nội, 21/01/2026 - Trong 245 đảng viên của Đảng bộ Bệnh viện Phụ sản thì nữ chiếm phần lớn với 160 "
     "đồng chí.", ("160", "members_female", "245", "gender", "female")),
])
def test_parts_not_out_as_totals(text, row):
    assert row in _rows(HEAD + text)


@pytest.mark.parametrize("text,row", [
    ("Năm 2024, Chi bộ kết nạp Ba đảng viên.", ("Ba", "new_admissions", None, None, None)),
    ("ĐẢNG BỘ XÃ ĐỨC TRỌNG CÓ BỐN MƯƠI MỐT CHI BỘ", ("BỐN MƯƠI MỐT", "cells_total", None, None, None)),
])
def test_near_miss_number_words_that_count(text, row):
    assert row in _rows(HEAD + text)

"""Parts of the rules round on held-out sets 22 and 23 (numbers.py, parts.py, figures.py, clauses.py,
links.py), each a part out as a total or lost before: a count of a people named with a number word
("3 đảng viên người Ba Na": "Ba" opens the name, no count of three), professors and doctors ("có học
hàm giáo sư, phó giáo sư và học vị tiến sĩ": postgraduate), "đang trong thời gian dự bị"
(probationary), a part after "thì" ("Trong 318 đảng viên … thì nữ chiếm đa số với 211 đồng chí"),
the whole "Trong N …" after a dateline run into the lead, cells at one kind of place ("12 chi bộ ở
các nông trường"), the first part after a topic and its colon ("Về lý luận chính trị: cao cấp 46;
…"), kinds in a bracket without colons ("118 (đảng bộ cơ sở 46, chi bộ cơ sở 72)"), cells of the
military and police joined by a dash ("quân sự - công an 3", vocabulary.py). Near misses: a number
word opening a sentence or written in capitals stays a count, organisations at mixed places are no
figure, a count of another action after a topic's colon."""
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


@pytest.mark.parametrize("text", [
    "Đảng bộ Công ty có 21 chi bộ trực thuộc, trong đó 12 chi bộ ở các nông trường.",
    "Đảng bộ Công ty có 18 chi bộ trực thuộc, trong đó 11 chi bộ ở các nông trường, với tổng số 540 đảng viên.",
])
def test_cells_at_one_kind_of_place_are_a_part(text):
    rows = _rows(HEAD + text)
    assert [r for r in rows if r[1] == "sub_cells"][1][1:3] in (("sub_cells", "21"), ("sub_cells", "18"))


def test_near_miss_organisations_at_mixed_places_are_no_figure():
    text = ("Đảng bộ có 512 tổ chức cơ sở đảng; trong đó 40 đảng bộ xã, phường và 472 tổ chức cơ sở đảng ở các "
            "cơ quan, đơn vị, doanh nghiệp.")
    assert all(r[0] != "472" for r in _rows(HEAD + text))


def test_the_first_part_after_a_topic_and_its_colon():
    text = ("- Tổng số: 642 đảng viên (chính thức 611, dự bị 31)\n- Về trình độ chuyên môn: đại học trở lên 627, "
            "trong đó sau đại học 118\n- Về lý luận chính trị: cao cấp 46; trung cấp 187")
    rows = _rows(HEAD + text)
    assert ("627", "members_total", "642", "education", "university_plus") in rows
    assert ("118", "members_total", "627", "education", "postgraduate") in rows
    assert ("46", "members_total", "642", "political_theory", "advanced") in rows


def test_near_miss_a_topic_colon_before_no_part():
    text = "Đảng bộ có 642 đảng viên.\n- Về công tác kiểm tra: đã kiểm tra 46 đảng viên."
    assert all(r[0] != "46" for r in _rows(HEAD + text))


@pytest.mark.parametrize("text,rows", [
    ("- Tổ chức cơ sở đảng: 118 (đảng bộ cơ sở 46, chi bộ cơ sở 72)",
     [("118", "base_orgs_total", None, None, None), ("46", "base_party_committees", "118", None, None),
      ("72", "base_cells", "118", None, None)]),
    ("- Tổng số chi bộ: 214 (chi bộ cơ sở 38; chi bộ trực thuộc 176).",
     [("214", "cells_total", None, None, None), ("38", "base_cells", "214", None, None),
      ("176", "sub_cells", "214", None, None)]),
])
def test_kinds_in_a_bracket_without_colons(text, rows):
    assert _rows(HEAD + text) == rows


@pytest.mark.parametrize("dash", [" - ", " – "])
def test_military_and_police_joined_by_a_dash(dash):
    text = f"Đảng bộ phường có 64 chi bộ trực thuộc, chia ra: khu phố 41, quân sự{dash}công an 3."
    assert ("3", "sub_cells", "64", "sector", "armed_forces") in _rows(HEAD + text)

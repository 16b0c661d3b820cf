"""Parts of the round on held-out sets 19 and 20 (parts.py, figures.py, shares.py): base
organisations or cells that "developed" members or none ("đã phát triển được đảng viên mới",
"chưa phát triển được đảng viên", "còn "trắng" đảng viên mới": activity), a group said of the
whole count of admissions without "đều" ("toàn bộ là …", "tất cả là …"), and a count after a
share in words ("… chiếm quá nửa với 618 đồng chí"): parts, never totals. Near misses: a
development of something else, "100% là …" (a share 1, the count a total), a majority without a
count after it."""
import pytest

from .test_rules_heldout6 import _rows

HEAD = "Thứ Sáu, 19/12/2025 - 09:20\n\n"


@pytest.mark.parametrize("text,rows", [
    ("Trong 96 tổ chức cơ sở đảng của Khối, 71 tổ chức cơ sở đảng đã phát triển được đảng viên mới, "
     "25 tổ chức chưa phát triển được đảng viên.",
     [("96", "base_orgs_total", None, None, None),
      ("71", "base_orgs_total", "96", "activity", "admitted_members"),
      ("25", "base_orgs_total", "96", "activity", "no_admissions")]),
    ("Trong 26 chi bộ trực thuộc, 22 chi bộ đã phát triển đảng viên mới, 4 chi bộ chưa phát triển được "
     "đảng viên nào.",
     [("26", "sub_cells", None, None, None), ("22", "sub_cells", "26", "activity", "admitted_members"),
      ("4", "sub_cells", "26", "activity", "no_admissions")]),
    ("Xã có 24 chi bộ trực thuộc, trong đó 5 chi bộ \"trắng\" đảng viên mới, chủ yếu ở các thôn vùng sâu.",
     [("24", "sub_cells", None, None, None), ("5", "sub_cells", "24", "activity", "no_admissions")]),
    ("Xã có 24 chi bộ trực thuộc, trong đó 5 chi bộ thôn vẫn trắng đảng viên.",
     [("24", "sub_cells", None, None, None), ("5", "sub_cells", "24", "activity", "no_admissions")]),
])
def test_cells_that_developed_members_or_none_are_parts(text, rows):
    assert _rows(HEAD + text) == rows


def test_another_development_is_no_activity():
    """Near miss: "phát triển kinh tế" says nothing of admissions."""
    rows = _rows(HEAD + "Xã có 24 chi bộ trực thuộc, trong đó 5 chi bộ đã phát triển kinh tế tập thể.")
    assert all(r[3] != "activity" for r in rows)


@pytest.mark.parametrize("text,number", [
    ("Trong năm, toàn Đảng bộ kết nạp 97 đảng viên, toàn bộ là người dân tộc thiểu số.", "97"),
    ("Năm 2025, Đảng bộ xã Pa Tần kết nạp 18 đảng viên, tất cả là người dân tộc Mông, Hà Nhì.", "18"),
    ("Đảng bộ xã Mường Nhé kết nạp 14 đảng viên mới, toàn bộ đều là người dân tộc Thái, Khơ Mú.", "14"),
])
def test_a_group_said_of_all_the_admitted(text, number):
    row = next(r for r in _rows(HEAD + text) if r[0] == number)
    assert row == (number, "new_admissions", None, "ethnicity", "minority")


def test_a_hundred_percent_stays_a_share_of_the_total():
    """Near miss (corpus README): "100% là …" is a share 1 of the count, which stays a total."""
    rows = _rows(HEAD + "Năm 2024, Đảng bộ xã Lũng Cú kết nạp 23 đảng viên, 100% là người dân tộc thiểu số.")
    assert ("23", "new_admissions", None, None, None) in rows
    assert ("100%", "new_admissions", "23", "ethnicity", "minority") in rows


@pytest.mark.parametrize("text,part,rows", [
    ("Đảng bộ xã Bắc Hà có 1.032 đảng viên; người dân tộc thiểu số chiếm quá nửa với 618 đồng chí; "
     "đảng viên nữ 371 đồng chí.", "618", ("618", "members_total", "1.032", "ethnicity", "minority")),
    ("Đảng bộ xã Mường Khương có 860 đảng viên; đảng viên người dân tộc thiểu số chiếm đa số với 512 đồng "
     "chí.", "512", ("512", "members_total", "860", "ethnicity", "minority")),
])
def test_a_count_after_a_share_in_words_is_a_part(text, part, rows):
    assert next(r for r in _rows(HEAD + text) if r[0] == part) == rows


def test_a_majority_without_a_group_named_stays_a_total():
    """Near miss: nothing named before "chiếm đa số": no dimension to give."""
    rows = _rows(HEAD + "Đảng bộ xã Mường Khương chiếm đa số với 860 đảng viên.")
    assert rows[0][:2] == ("860", "members_total") and rows[0][3] is None


@pytest.mark.parametrize("text,rows", [
    ("Có 37 trong số 41 chi bộ trực thuộc kết nạp được đảng viên.",
     [("37", "sub_cells", "41", "activity", "admitted_members"), ("41", "sub_cells", None, None, None)]),
    ("Năm 2025, có 3 trong tổng số 15 chi bộ trực thuộc không kết nạp được đảng viên nào.",
     [("3", "sub_cells", "15", "activity", "no_admissions"), ("15", "sub_cells", None, None, None)]),
])
def test_a_count_among_its_whole_is_its_part(text, rows):
    """"N trong (tổng) số M …" is a ratio: the part with what selects it, and its whole."""
    assert _rows(HEAD + text) == rows


def test_among_its_whole_without_a_selection_is_no_ratio():
    """Near miss: nothing the vocabulary knows selects the part ("ở vùng biên giới"): no ratio,
    the whole restated is no second total."""
    rows = _rows(HEAD + "Xã có 41 chi bộ trực thuộc, 3 trong số 41 chi bộ ở vùng biên giới.")
    assert rows == [("41", "sub_cells", None, None, None)]

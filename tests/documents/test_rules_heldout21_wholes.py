"""Wholes and statuses of the round on held-out sets 19 to 21 (parts.py, figures.py, links.py):
"(đang, còn) trong thời gian dự bị" (probationary), "Trong N tổ chức cơ sở đảng," opening the whole
of a share after it ("98,6% kết nạp được đảng viên": activity), a part of a part in brackets
after it ("49 là sinh viên (có 15 người là …)"), and a count larger than an earlier
one of the same thing never its part ("… (3/2/1930) Đảng chỉ có 211 đảng viên, thì đến Đại hội II
(tháng 2/1951) … 766.349 đảng viên và hiện nay là gần 5,6 triệu"). Near miss: a count in brackets
after the total stays a part of the total."""
from .test_rules_heldout6 import _rows


def test_still_probationary():
    rows = _rows("Chi bộ hiện có 27 đảng viên, trong đó 5 đồng chí là nữ, 2 đồng chí đang trong thời gian dự bị.")
    assert rows[2] == ("2", "members_probationary", "27", "status", "probationary")
    rows = _rows("Chi bộ có 23 đảng viên, gồm 20 đồng chí chính thức và 3 đồng chí còn trong thời gian dự bị.")
    assert rows[2] == ("3", "members_probationary", "23", "status", "probationary")


def test_a_share_of_the_organisations_a_sentence_opens_with():
    rows = _rows("Năm 2025, toàn Đảng bộ tỉnh kết nạp 3.186 đảng viên. Trong 1.064 tổ chức cơ sở đảng, 98,6% kết "
                 "nạp được đảng viên.")
    assert rows[1:] == [("1.064", "base_orgs_total", None, None, None),
                        ("98,6%", "base_orgs_total", "1.064", "activity", "admitted_members")]


def test_a_larger_count_is_no_part():
    rows = _rows("Nếu như ngày đầu thành lập (3/2/1930) Đảng chỉ có 211 đảng viên, thì đến Đại hội II (tháng 2/1951) "
                 "Đảng đã có 766.349 đảng viên và hiện nay là gần 5,6 triệu đảng viên.")
    assert rows[-1] == ("gần 5,6 triệu", "members_total", None, None, None)


def test_a_smaller_count_after_a_bracket_stays_a_part():
    """Near miss: the count after the bracket is smaller than the whole."""
    rows = _rows("Chi bộ có 40 đảng viên (trong đó 9 đồng chí là nữ).")
    assert rows[1] == ("9", "members_female", "40", "gender", "female")


def test_a_part_of_a_part_in_brackets():
    rows = _rows("Năm 2025, Đảng bộ kết nạp 64 đảng viên, trong đó 49 là sinh viên (có 15 người là người đồng bào "
                 "Ê Đê, Jrai).")
    assert rows[2] == ("15", "new_admissions", "49", "ethnicity", "minority")


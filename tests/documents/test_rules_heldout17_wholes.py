"""Wholes of the round on held-out sets 15 and 17: a part is never larger than its whole; a part in
the sentence after a subset singled out ("Riêng các xã biên giới có … 604 đảng viên. Đảng viên có
trình độ đại học trở lên là 812 đồng chí") is of the total the subset was taken from; comrades after
"trong đó" count what the last count before them counts ("kết nạp 64 …; Đảng bộ hiện có 1.532 đảng
viên, trong đó 1.104 đồng chí …" are members, not admissions). Sentences written for the rules, with
near misses."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Hai, 21/04/2025 - 07:30\n\n"


@pytest.mark.parametrize("text,part", [
    ("Đảng bộ thị xã Sa Pa hiện có 2.640 đảng viên. Riêng các phường có 980 đảng viên. Đảng viên nữ là "
     "870 đồng chí.", ("870", "members_female", "2.640", "gender", "female")),
    ("Đảng bộ huyện Si Ma Cai có 3.120 đảng viên. Riêng các xã vùng cao có 1.450 đảng viên. Đảng viên là "
     "người dân tộc thiểu số có 2.480 đồng chí.",
     ("2.480", "members_total", "3.120", "ethnicity", "minority")),
])
def test_a_part_after_a_subset_singled_out_is_of_the_total_it_was_taken_from(text, part):
    assert part in _rows(PAGE + text)


def test_a_part_continuing_the_subset_is_of_the_subset():
    """Near miss: "Trong đó" continues the sentence before: its count is the subset's part."""
    text = PAGE + ("Đảng bộ thị xã Sa Pa hiện có 2.640 đảng viên. Riêng các phường có 980 đảng viên. Trong "
                   "đó, đảng viên nữ là 470 đồng chí.")
    assert ("470", "members_female", "980", "gender", "female") in _rows(text)


def test_no_part_is_larger_than_its_whole():
    text = PAGE + "Năm 2024, Đảng bộ xã A kết nạp 12 đảng viên. Trong đó, 610 đồng chí có trình độ đại học."
    assert all(r[2] != "12" for r in _rows(text))


@pytest.mark.parametrize("text,part", [
    ("Năm 2024, Đảng bộ Trường Đại học Y Hà Nội kết nạp 52 đảng viên; Đảng bộ hiện có 980 đảng viên, "
     "trong đó 610 đồng chí có trình độ tiến sĩ.",
     ("610", "members_total", "980", "education", "postgraduate")),
    ("Trong năm 2024, Đảng bộ Công ty Than Mạo Khê kết nạp 18 đảng viên, nâng tổng số đảng viên lên 412 "
     "người, trong đó có 160 người là nữ.", ("160", "members_female", "412", "gender", "female")),
])
def test_comrades_after_a_stock_named_after_admissions_are_its_part(text, part):
    assert part in _rows(PAGE + text)


def test_comrades_right_after_admissions_are_admitted():
    """Near miss: with no count between, "trong đó 9 đồng chí" are of the admissions."""
    text = PAGE + ("Năm 2024, Đảng bộ xã A có 980 đảng viên; kết nạp 12 đảng viên, trong đó 9 đồng chí là "
                   "nữ, 3 đồng chí là người dân tộc Tày.")
    rows = _rows(text)
    assert ("9", "new_admissions", "12", "gender", "female") in rows
    assert ("3", "new_admissions", "12", "ethnicity", "minority") in rows

"""Groups of the round on held-out sets 16 and 17: a bare count followed by "là" and a group after
"trong đó" ("kết nạp 2.146 quần chúng ưu tú …, trong đó 1.470 là chiến sĩ nghĩa vụ") counts what
the count before it counts, as a counter would; a part whose group no dimension names is published
with no dimension (corpus README). On sentences written for the rules, with near misses."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Tư, 19/02/2025 - 15:00\n\n"


@pytest.mark.parametrize("text,part", [
    ("Từ năm 2021 đến hết tháng 10/2024, Đảng ủy Quân đoàn 12 kết nạp 2.146 quần chúng ưu tú vào Đảng, "
     "trong đó 1.470 là chiến sĩ nghĩa vụ.", ("1.470", "new_admissions", "2.146", None, None)),
    ("Đảng bộ Bệnh viện Đa khoa tỉnh Phú Thọ hiện có 620 đảng viên, trong số đó 410 là bác sĩ.",
     ("410", "members_total", "620", None, None)),
    ("Chi bộ đã kết nạp 6 đảng viên, trong đó 4 là học sinh lớp 12.",
     ("4", "new_admissions", "6", "occupation", "student")),
])
def test_a_bare_count_la_a_group_after_trong_do_is_a_part(text, part):
    assert part in _rows(PAGE + text)


@pytest.mark.parametrize("text", [
    "Đảng bộ xã có 620 đảng viên, trong đó 410 là số đảng viên đã nghỉ hưu.",
    "Đảng bộ xã có 620 đảng viên; năm 2024 là năm thứ 3 liên tiếp đạt danh hiệu trong sạch.",
])
def test_a_bare_count_la_a_number_word_is_no_part(text):
    """Near miss: "là số …", "là năm …" after the number name no group of people."""
    assert _rows(PAGE + text) == [("620", "members_total", None, None, None)]

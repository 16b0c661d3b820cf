"""Dimensions of the round on held-out sets 19 and 20 (parts.py): "theo đạo Thiên Chúa" (catholic),
"người học" (a school's learners: student), "ngoài 60 tuổi" and "tuổi đời trên 60" (61_plus), "có
bằng cao cấp / trung cấp lý luận chính trị". Near misses: "Thiên Chúa" with another religion
(several: religious), an age with "dưới"."""
import pytest

from .test_rules_heldout6 import _rows

HEAD = "Thứ Sáu, 19/12/2025 - 09:20\n\n"


@pytest.mark.parametrize("text,part", [
    ("Đảng bộ xã Hải Lý hiện có 315 đảng viên, trong đó 48 đồng chí theo đạo Thiên Chúa.",
     ("48", "members_total", "315", "religion", "catholic")),
    ("Đảng bộ xã Giao Thủy hiện có 426 đảng viên, trong đó có 61 đảng viên theo đạo Thiên Chúa giáo.",
     ("61", "members_total", "426", "religion", "catholic")),
    ("Đảng bộ Trường Đại học Vinh có 890 đảng viên, trong đó số đảng viên là người học hiện là 146 đồng chí.",
     ("146", "members_total", "890", "occupation", "student")),
    ("Đảng bộ phường Thuận Hóa có 2.640 đảng viên; số đảng viên ngoài 60 tuổi là 905 đồng chí.",
     ("905", "members_total", "2.640", "age_band", "61_plus")),
    ("Đảng bộ phường Hoàn Kiếm có 3.415 đảng viên. Đảng viên tuổi đời trên 60 là 1.296 đồng chí (37,9%).",
     ("1.296", "members_total", "3.415", "age_band", "61_plus")),
])
def test_new_dimensions(text, part):
    assert part in _rows(HEAD + text)


@pytest.mark.parametrize("text,part", [
    ("Đảng bộ xã Hải Lý hiện có 315 đảng viên, trong đó 48 đồng chí theo đạo Thiên Chúa, đạo Phật.",
     ("48", "members_total", "315", "religion", "religious")),
    ("Đảng bộ phường Hoàn Kiếm có 3.415 đảng viên. Đảng viên tuổi đời dưới 30 là 296 đồng chí.",
     ("296", "members_total", "3.415", "age_band", "18_29")),
])
def test_near_misses_keep_their_reading(text, part):
    assert part in _rows(HEAD + text)


@pytest.mark.parametrize("text,part", [
    ("Đảng bộ Đài có 2.180 đảng viên; trong số này, 1.964 đảng viên có trình độ đại học trở lên và 214 đồng "
     "chí có bằng cao cấp lý luận chính trị.", ("214", "members_total", "2.180", "political_theory", "advanced")),
    ("Đảng bộ Sở Tư pháp có 320 đảng viên, trong đó 96 đồng chí có bằng trung cấp lý luận chính trị.",
     ("96", "members_total", "320", "political_theory", "intermediate")),
])
def test_a_degree_in_political_theory(text, part):
    """"có bằng cao cấp lý luận chính trị": the degree, not the education of the part before it."""
    assert part in _rows(HEAD + text)

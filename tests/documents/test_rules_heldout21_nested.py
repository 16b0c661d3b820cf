"""More parts of the round on held-out sets 19 to 21 (parts.py, labelled.py, clauses.py, subsets.py,
shares.py, vocabulary.py): groups of the admitted ("trưởng thành từ tổ chức Đoàn", "con em đồng bào
các dân tộc thiểu số", "2 người trong số đó là giáo dân", "6 sinh viên … đã vinh dự được kết nạp"),
"riêng tiến sĩ 142" after a part naming the same dimension, a counter after ";" past a status part
(members, no status), two totals each of its sector, "đón nhận N đảng viên mới". Near misses:
"riêng" after a part of another dimension, a share after a count of pupils, a part after ","."""
import pytest

from chibo.etl.documents import extract

from .test_rules_heldout6 import _rows


@pytest.mark.parametrize("text,part", [
    ("Năm 2024, toàn tỉnh kết nạp 1.352 đảng viên; trong đó 1.214 đảng viên mới trưởng thành từ tổ chức Đoàn.",
     ("1.214", "new_admissions", "1.352", "youth_union", "member")),
    ("Năm 2024, toàn tỉnh kết nạp 1.352 đảng viên; trong đó 1.046 là con em đồng bào các dân tộc thiểu số.",
     ("1.046", "new_admissions", "1.352", "ethnicity", "minority")),
    ("Năm 2024, Đảng bộ xã kết nạp 6 đảng viên, 2 người trong số đó là giáo dân.",
     ("2", "new_admissions", "6", "religion", "catholic")),
    ("Đảng bộ có 428 đảng viên, trong đó 397 đảng viên có trình độ đại học trở lên, riêng tiến sĩ 142 đồng chí.",
     ("142", "members_total", "397", "education", "postgraduate")),
    ("Phường có 512 đảng viên, gồm 497 đảng viên chính thức và 15 đảng viên dự bị; 96 đồng chí là cựu chiến binh.",
     ("96", "members_total", "512", None, None)),
])
def test_groups_and_nested_parts(text, part):
    assert _rows(text)[-1] == part


def test_riêng_after_a_part_of_another_dimension_is_of_the_total():
    """Near miss: "riêng tiến sĩ" after the women is not a part of the women."""
    rows = _rows("Đảng bộ có 428 đảng viên, trong đó 200 đồng chí là nữ, riêng tiến sĩ 42 đồng chí.")
    assert rows[-1] == ("42", "members_total", "428", "education", "postgraduate")


def test_a_status_part_after_a_comma_keeps_its_metric():
    """Near miss: after ",", a counter goes on with the parts named before."""
    rows = _rows("Chi bộ có 30 đảng viên, trong đó 3 đồng chí dự bị, 5 đồng chí là nữ.")
    assert rows[1:] == [("3", "members_probationary", "30", "status", "probationary"),
                        ("5", "members_female", "30", "gender", "female")]


def test_students_admitted_far_before_the_verb():
    rows = _rows("Chiều 20/11/2025, 6 sinh viên năm thứ năm của Trường Đại học Y Dược Thái Bình đã vinh dự được "
                 "kết nạp vào Đảng.")
    assert rows == [("6", "new_admissions", None, "occupation", "student")]


def test_two_totals_each_of_its_sector():
    figures = extract("Hà Nội, 15/03/2024\nTheo Ban Tổ chức Trung ương, cả nước hiện có 18.420 tổ chức cơ sở đảng "
                      "trong các đơn vị sự nghiệp công lập và 1.236 tổ chức cơ sở đảng trong các doanh nghiệp ngoài "
                      "khu vực nhà nước.", "x").figures
    assert [(f["number_text"], f["part_of_figure_id"], f["dimension"], f["sector"]) for f in figures] == [
        ("18.420", None, None, "public_service"), ("1.236", None, None, "private_enterprise")]


def test_a_sector_after_a_total_of_no_sector_stays_its_part():
    """Near miss: the first total names no sector."""
    rows = _rows("Cả nước có 52.000 tổ chức cơ sở đảng và 1.236 tổ chức cơ sở đảng trong các doanh nghiệp ngoài "
                 "khu vực nhà nước.")
    assert rows[1] == ("1.236", "base_orgs_total", "52.000", "sector", "private_enterprise")


def test_a_share_after_pupils_is_no_part():
    """Near miss: "98% là con em đồng bào …" after a count of pupils is the pupils' share."""
    assert _rows("Chi bộ có 19 đảng viên. Trường có 612 học sinh, 98% là con em đồng bào Hà Nhì, Mông.") == [
        ("19", "members_total", None, None, None)]


def test_welcomed_new_members_in_a_headline():
    text = ("Bản Nà Sài đón nhận 3 đảng viên mới\n08/12/2025 | 09:05\nSáng 7/12/2025, Chi bộ bản Nà Sài tổ chức lễ "
            "kết nạp, đón nhận 3 đảng viên mới là đoàn viên thanh niên của bản.")
    figures = extract(text, "x").figures
    assert [(f["number_text"], f["metric"], f["dimension"], f["dimension_value"]) for f in figures] == [
        ("3", "new_admissions", "youth_union", "member")] * 2

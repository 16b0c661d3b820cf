"""Parts of the round on held-out sets 19 to 21 (parts.py, labelled.py, figures.py): age bands
stopping before their upper bound ("từ 35 đến dưới 60 tuổi": 35_59), "đại học, sau đại học"
(university_plus), a part of a part after "trong đó" / "trong số này" also of another dimension
("dân tộc thiểu số 874 đồng chí (84,4%), trong đó có 96 đồng chí theo đạo Tin Lành"), gender
words ("phái nữ", "nữ giới"), "tín đồ Phật giáo Nam tông", the people "Khơ Me", and sectors in a
breakdown headed "Xét / Phân / Chia theo loại hình" with a comma or a colon. Near misses: bands
that include their bound, "đại học" alone, "trong đó" after the total, items apart by ";"."""
import pytest

from .test_rules_heldout6 import _rows


@pytest.mark.parametrize("text,band", [
    ("Toàn Đảng bộ có 2.483 đảng viên; từ 35 đến dưới 60 tuổi 892 đồng chí.", "35_59"),
    ("Toàn Đảng bộ có 2.483 đảng viên; đảng viên có tuổi đời từ 30 tới dưới 45 là 892 đồng chí.", "30_44"),
    ("Toàn Đảng bộ có 2.483 đảng viên; từ 35 đến 60 tuổi 892 đồng chí.", "35_60"),  # near miss
    ("Toàn Đảng bộ có 2.483 đảng viên; dưới 35 tuổi 892 đồng chí.", "18_34"),
    ("Toàn Đảng bộ có 2.483 đảng viên; từ 60 tuổi trở lên 892 đồng chí.", "60_plus"),
])
def test_age_bands(text, band):
    assert _rows(text)[1] == ("892", "members_total", "2.483", "age_band", band)


def test_university_and_postgraduate_then_a_part_of_them():
    rows = _rows("Đảng bộ có 1.105 đảng viên; 1.061 đồng chí có trình độ đại học, sau đại học, trong số "
                 "này 318 đồng chí là tiến sĩ, thạc sĩ.")
    assert rows[1:] == [("1.061", "members_total", "1.105", "education", "university_plus"),
                        ("318", "members_total", "1.061", "education", "postgraduate")]


def test_university_alone_stays_university():
    """Near miss: "đại học" alone."""
    assert _rows("Đảng bộ có 1.105 đảng viên; 1.061 đồng chí có trình độ đại học.")[1] == (
        "1.061", "members_total", "1.105", "education", "university")


def test_a_part_of_a_part_of_another_dimension():
    rows = _rows("Đảng bộ xã có 1.036 đảng viên; đảng viên là người dân tộc thiểu số 874 đồng chí (84,4%), "
                 "trong đó có 96 đồng chí theo đạo Tin Lành.")
    assert rows[2] == ("96", "members_total", "874", "religion", "religious")


@pytest.mark.parametrize("text", [
    "Đảng bộ xã có 1.036 đảng viên, trong đó có 96 đồng chí theo đạo Tin Lành.",  # after the total
    "Đảng bộ xã có 1.036 đảng viên; người dân tộc thiểu số 874 đồng chí; 96 đồng chí theo đạo Tin Lành.",
])
def test_a_part_after_the_total_or_a_sibling_stays_a_part_of_the_total(text):
    assert _rows(text)[-1] == ("96", "members_total", "1.036", "religion", "religious")


def test_gender_religion_and_people_words():
    rows = _rows("Đảng bộ huyện có 4.126 đảng viên. Trong đó, phái nữ có 1.387 đồng chí; đảng viên nữ giới "
                 "2.145 đồng chí; đảng viên người Khơ Me 3.207 đồng chí; đảng viên là tín đồ Phật giáo Nam tông "
                 "612 đồng chí.")
    assert rows[1:] == [("1.387", "members_female", "4.126", "gender", "female"),
                        ("2.145", "members_female", "4.126", "gender", "female"),
                        ("3.207", "members_total", "4.126", "ethnicity", "minority"),
                        ("612", "members_total", "4.126", "religion", "buddhist")]


@pytest.mark.parametrize("head", ["Xét theo loại hình, ", "Phân theo loại hình: ", "Chia theo loại hình, "])
def test_sectors_under_a_breakdown_heading(head):
    rows = _rows("Năm 2024, Đảng bộ thành phố Sông Công có 71 tổ chức cơ sở đảng. " + head
                 + "phường, xã 11 tổ chức; cơ quan hành chính 19; đơn vị sự nghiệp 27.")
    assert rows[1:] == [("11", "base_orgs_total", "71", "sector", "commune"),
                        ("19", "base_orgs_total", "71", "sector", "agency"),
                        ("27", "base_orgs_total", "71", "sector", "public_service")]


def test_sectors_with_have_after_a_colon_heading():
    rows = _rows("Đảng bộ thành phố Bảo Lộc có 125 tổ chức cơ sở đảng. Phân theo loại hình: xã, phường có 11; "
                 "cơ quan hành chính 31.")
    assert rows[1] == ("11", "base_orgs_total", "125", "sector", "commune")

"""Rules added after held-out set 8 on scope: short names given in brackets ("Tập đoàn Điện lực
Việt Nam (EVN)" … "Đảng bộ EVN"), names of ministries and state groups with lower-case second
syllables ("Bộ Tư pháp", "Đảng bộ Ngoài nước"), a police or army committee's own figures without
the sector its name says; each on sentences written for the rule, with near misses."""
import pytest

from .test_rules import _figures

PAGE = "Tin tức\n\nThứ Hai, 04/03/2024 - 09:00\n\n"


@pytest.mark.parametrize("text,full", [
    (PAGE + "Đảng bộ Tổng công ty Hàng không Việt Nam (VNA) có 4.200 đảng viên. Năm 2023, Đảng bộ "
     "VNA kết nạp 150 đảng viên.", "Tổng công ty Hàng không Việt Nam"),
    ("Đảng bộ Mobifone kết nạp 40 đảng viên\n\n" + PAGE + "Năm 2023, Đảng bộ Tổng công ty Viễn "
     "thông MobiFone (Mobifone) kết nạp 40 đảng viên.", "Tổng công ty Viễn thông MobiFone"),
])
def test_a_short_name_in_brackets_stands_for_the_full_name(text, full):
    assert {f["scope_value"] for f in _figures(text).values()} == {full}


def test_a_short_name_never_given_stays_as_written():
    """Near miss: "Đảng bộ PVN" with no "(PVN)" after a full name keeps its own name."""
    (f,) = _figures(PAGE + "Đảng bộ PVN hiện có 21.500 đảng viên.").values()
    assert f["scope_value"] == "PVN"


@pytest.mark.parametrize("text,name", [
    ("Đảng bộ Bộ Ngoại giao hiện có 48 tổ chức cơ sở đảng.", "Bộ Ngoại giao"),
    ("Đảng bộ Bộ Tài chính hiện có 3.900 đảng viên.", "Bộ Tài chính"),
    ("Đảng bộ Bộ Giáo dục và Đào tạo hiện có 1.050 đảng viên.", "Bộ Giáo dục và Đào tạo"),
    ("Đảng bộ Ngoài nước hiện có 1.950 đảng viên.", "Ngoài nước"),
    ("Đảng bộ Tổng công ty Dầu khí hiện có 960 đảng viên.", "Tổng công ty Dầu khí"),
])
def test_names_with_lower_case_second_syllables(text, name):
    (f,) = _figures(PAGE + text).values()
    assert f["scope_value"] == name


def test_a_name_stops_before_a_lower_case_verb():
    """Near miss: "Đảng bộ Bộ Y tế hiện có …" is not "Bộ Y tế hiện"."""
    (f,) = _figures(PAGE + "Đảng bộ Bộ Y tế hiện có 2.300 đảng viên.").values()
    assert f["scope_value"] == "Bộ Y tế"


@pytest.mark.parametrize("text,org", [
    ("Sau khi hợp nhất Công an hai tỉnh, Đảng bộ Công an tỉnh Ninh Bình có 6.120 đảng viên.",
     "Công an tỉnh Ninh Bình"),
    ("Đảng ủy Quân sự tỉnh Thái Nguyên cho biết, trong lực lượng quân đội địa phương, Đảng bộ Quân "
     "sự tỉnh có 1.450 đảng viên.", "Quân sự tỉnh Thái Nguyên"),
])
def test_a_police_or_army_committee_has_no_sector_of_its_own(text, org):
    f = next(iter(_figures(PAGE + text).values()))
    assert f["sector"] is None


def test_the_armed_forces_sector_of_a_province_is_kept():
    """Near miss: a province's committees in the armed forces are a sector of the province."""
    f = _figures(PAGE + "Đảng bộ tỉnh Ninh Bình có 520 tổ chức cơ sở đảng, trong đó 40 trong lực "
                 "lượng vũ trang.")["40"]
    assert f["sector"] == "armed_forces"

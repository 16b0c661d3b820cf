"""Groups of the round on held-out set 18: people admitted named by their trade ("lễ kết nạp Đảng
cho 3 kỹ sư trẻ", "cho 4 bác sĩ"), people right after "trong đó (có)" named by where they work ("38
đồng chí công tác tại các cơ quan đại diện … ở nước ngoài": a part with no dimension), and a status
given by its share with its count in brackets ("Đảng viên dự bị chiếm 2,7% (61 đồng chí)"). On
sentences written for the rules, with near misses."""
import pytest

from .test_rules_heldout6 import _figures, _rows

HEAD = "Thứ Năm, 15/05/2025 - 11:00\n\n"


@pytest.mark.parametrize("text", [
    "Sáng 15/5, Đảng ủy Ban Quản lý dự án 85 tổ chức lễ kết nạp Đảng cho 3 kỹ sư trẻ.",
    "Sáng 15/5, Đảng ủy Bệnh viện tỉnh trao quyết định kết nạp Đảng cho 3 bác sĩ.",
])
def test_people_admitted_named_by_their_trade(text):
    assert [r[:2] for r in _rows(HEAD + text)] == [("3", "new_admissions")]


def test_a_trade_not_admitted_is_no_figure():
    """Near miss: engineers honoured are no admissions."""
    assert _rows(HEAD + "Sáng 15/5, Công ty khen thưởng 3 kỹ sư trẻ.") == []


def test_people_after_trong_do_named_by_where_they_work_are_a_part():
    text = HEAD + ("Năm 2024, Đảng bộ Sở Ngoại vụ tỉnh Khánh Hòa kết nạp 19 đảng viên, trong đó có 6 "
                   "đồng chí công tác tại các văn phòng đại diện của tỉnh ở nước ngoài.")
    assert _rows(text) == [("19", "new_admissions", None, None, None),
                           ("6", "new_admissions", "19", None, None)]


def test_people_after_a_sibling_part_named_by_where_they_work_stay_no_figure():
    """Near miss (dev p58): after a part of their own kind, not right after "trong đó"."""
    text = HEAD + ("Năm 2024, Đảng bộ Sở Ngoại vụ tỉnh Khánh Hòa kết nạp 19 đảng viên, trong đó 7 đồng "
                   "chí là nữ, 6 đồng chí công tác tại các văn phòng đại diện.")
    assert [r[0] for r in _rows(text)] == ["19", "7"]


@pytest.mark.parametrize("label,metric,value", [
    ("dự bị", "members_probationary", "probationary"), ("chính thức", "members_official", "official"),
])
def test_a_status_share_with_its_count_in_brackets(label, metric, value):
    figures = _figures(HEAD + f"Đảng bộ xã Nghi Phong có 1.318 đảng viên. Đảng viên {label} chiếm 3,1% "
                              "(41 đồng chí).")
    assert (figures["41"]["metric"], figures["41"]["dimension_value"], figures["41"]["share"]) == (
        metric, value, pytest.approx(0.031))

"""Shares of the round on held-out set 17: a share written before its subject ("21,6% số đảng viên
là nữ", "38,2% đảng viên là nữ", "43,5% số đảng viên là người dân tộc thiểu số") is a part of the
members counted before it, not a share of a whole of women. On sentences written for the rule, with
near misses."""
import pytest

from .test_rules import _figures

PAGE = "Tin\n\nThứ Hai, 08/12/2025 - 08:00\n\n"


@pytest.mark.parametrize("text,number,row", [
    ("Đảng bộ huyện có 48 tổ chức cơ sở đảng với 5.903 đảng viên; 21,6% số đảng viên là nữ.", "21,6%",
     ("members_female", "5.903", "gender", "female", 0.216)),
    ("Đảng bộ phường có 1.052 đảng viên, 38,2% đảng viên là nữ.", "38,2%",
     ("members_female", "1.052", "gender", "female", 0.382)),
    ("Đảng bộ xã có 1.284 đảng viên; 43,5% số đảng viên là người dân tộc thiểu số.", "43,5%",
     ("members_total", "1.284", "ethnicity", "minority", 0.435)),
])
def test_a_share_before_its_subject_is_a_part_of_the_members(text, number, row):
    f = _figures(PAGE + text)[number]
    assert (f["metric"], f["whole"], f["dimension"], f["dimension_value"], f["share"]) == row


def test_a_share_of_the_population_before_its_subject_is_no_figure():
    """Near miss: a share of the inhabitants ("số dân là người dân tộc thiểu số") is not the Party's."""
    found = _figures(PAGE + "Đảng bộ xã có 1.284 đảng viên; 43,5% số dân là người dân tộc thiểu số.")
    assert list(found) == ["1.284"]

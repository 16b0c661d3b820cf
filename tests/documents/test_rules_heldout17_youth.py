"""Youth Union members admitted in the round on held-out sets 15-17: members "đã được các chi bộ
(cấp ủy) kết nạp vào Đảng" were admitted, also after "trong đó" of members introduced (a blocked
count): "giới thiệu 856 đoàn viên ưu tú …, trong đó 512 đoàn viên đã được các cấp ủy kết nạp vào
Đảng" is 512 admissions of Youth Union members. On sentences written for the rule, with near misses."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Hai, 08/12/2025 - 08:00\n\n"


@pytest.mark.parametrize("text", [
    "Năm 2024, các cấp bộ Đoàn trong tỉnh giới thiệu 856 đoàn viên ưu tú cho Đảng xem xét, trong đó 512 "
    "đoàn viên đã được các cấp ủy kết nạp vào Đảng.",
    "Năm 2024, Huyện đoàn giới thiệu 856 đoàn viên ưu tú cho Đảng, trong đó 512 đoàn viên đã được chi bộ "
    "kết nạp.",
])
def test_members_introduced_then_admitted_by_the_committees_are_admissions(text):
    assert _rows(PAGE + text) == [("512", "new_admissions", None, "youth_union", "member")]


def test_members_introduced_then_given_something_else_are_no_figure():
    """Near miss: "đã được các cấp ủy xem xét" (considered), not admitted: no figure."""
    text = PAGE + ("Năm 2024, Huyện đoàn giới thiệu 856 đoàn viên ưu tú cho Đảng, trong đó 512 đoàn viên "
                   "đã được các cấp ủy xem xét.")
    assert _rows(text) == []

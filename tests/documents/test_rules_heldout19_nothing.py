"""Passages of the round on held-out sets 19 and 20 that must yield nothing (vocabulary.py,
abroad.py): members or organisations counted as the participants of an event ("38 đảng viên lần
đầu tham gia hiến máu", "42 bí thư chi bộ đến từ 14 đảng bộ xã, phường tham gia"), and another
country's party ("Đảng Nhân dân Cách mạng Lào hiện có hơn 348.000 đảng viên"). Near misses that
stay figures: a share of the members attending after their count, the Party of Viet Nam, a body of
ours after a foreign party's name."""
import pytest

from .test_rules_heldout6 import _rows

HEAD = "Thứ Sáu, 19/12/2025 - 09:20\n\n"


@pytest.mark.parametrize("text", [
    "Đã có 146 người đăng ký, tiếp nhận 121 đơn vị máu; 38 đảng viên lần đầu tham gia hiến máu.",
    "Ngày hội thu hút hơn 300 người, trong đó có 52 đảng viên lần đầu đăng ký hiến máu.",
    "Hội thi năm 2025 có 42 bí thư chi bộ đến từ 14 đảng bộ xã, phường tham gia.",
    "Đồng chí Trưởng đoàn cho biết, Đảng Nhân dân Cách mạng Lào hiện có hơn 348.000 đảng viên.",
    "Theo Tân Hoa xã, Đảng Cộng sản Trung Quốc có hơn 100 triệu đảng viên và khoảng 5,2 triệu tổ chức "
    "cơ sở đảng.",
])
def test_participants_and_foreign_parties_yield_nothing(text):
    assert _rows(HEAD + text) == []


@pytest.mark.parametrize("text,number", [
    # the members counted, then a share of them attending: the count stays
    ("Chi bộ có 18 đảng viên, 100% đảng viên tham dự.", "18"),
    # ours under its name
    ("Đảng Cộng sản Việt Nam hiện có hơn 5,6 triệu đảng viên.", "hơn 5,6 triệu"),
    # a body of ours named after a foreign party
    ("Tiếp đoàn Đảng Cộng sản Cuba, Đảng bộ tỉnh Hà Nam cho biết Đảng bộ tỉnh có 62.000 đảng viên.",
     "62.000"),
])
def test_counts_of_ours_stay(text, number):
    assert [r[0] for r in _rows(HEAD + text)] == [number]

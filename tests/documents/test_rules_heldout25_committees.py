"""Strict round on held-out sets 24 and 25, a committee of several bodies of one kind named with "các" after
its party prefix ("Đảng bộ các Khu công nghiệp tỉnh Bình Dương", "Đảng bộ các Khu kinh tế và khu công nghệ cao
Đà Nẵng", "Đảng ủy các Trường Đại học, Cao đẳng thành phố Hải Phòng"): that committee, not the province."""
import pytest

from .test_rules import _figures


def _scope(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return f["scope_kind"], f["scope_value"]


@pytest.mark.parametrize("text,number,name", [
    ("Sáu tháng đầu năm 2025, Đảng bộ các Khu công nghiệp tỉnh Bình Dương kết nạp 143 đảng viên.", "143",
     "các Khu công nghiệp tỉnh Bình Dương"),
    ("Đà Nẵng, 12/08/2025\nSáu tháng đầu năm 2025, Đảng bộ các Khu kinh tế và khu công nghệ cao Đà Nẵng kết nạp 64 "
     "đảng viên.", "64", "các Khu kinh tế và khu công nghệ cao Đà Nẵng"),
    ("Hải Phòng, 03/11/2025 - Đảng ủy các Trường Đại học, Cao đẳng thành phố Hải Phòng có 38 tổ chức cơ sở đảng.",
     "38", "các Trường Đại học, Cao đẳng thành phố Hải Phòng"),
])
def test_a_committee_of_bodies_of_one_kind(text, number, name):
    """Heldout24 a05, heldout25 a03; dev s202-s204."""
    assert _scope(text, number) == ("organisation", name)


@pytest.mark.parametrize("text,number,expected", [
    ("Hà Nội, 10/10/2025\nCác Đảng bộ tỉnh Bắc Ninh và Bắc Giang có 240.000 đảng viên.", "240.000",
     ("province", "N24")),
    ("Quảng Ninh, 10/10/2025\nĐảng bộ Bệnh viện Bãi Cháy, Sở Y tế tỉnh Quảng Ninh có 312 đảng viên.", "312",
     ("organisation", "Bệnh viện Bãi Cháy")),
    ("Bình Dương, 10/06/2025\nĐảng ủy các xã trong tỉnh Bình Dương kết nạp 412 đảng viên.", "412",
     ("province", "74")),
])
def test_not_a_committee_of_one_kind(text, number, expected):
    """Near misses: provinces listed after "Các Đảng bộ"; a body followed by the department it belongs to; "các
    xã" in lower case (the communes, in their province)."""
    assert _scope(text, number) == expected

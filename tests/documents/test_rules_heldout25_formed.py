"""Strict round on held-out sets 24 and 25, a unit "được thành lập (hình thành) trên cơ sở …" the old units:
they are history, and "Đảng bộ phường (xã)" after them is the new unit, not the last old one named."""
import pytest

from .test_rules import _figures


@pytest.mark.parametrize("text,number,name", [
    ("Đà Nẵng, 15/08/2025\nPhường Hòa Cường được thành lập trên cơ sở toàn bộ phường Hòa Cường Bắc và một phần "
     "phường Hòa Thuận Đông. Đảng bộ phường hiện có 2.410 đảng viên.", "2.410", "phường Hòa Cường"),
    ("Ninh Bình, 02/10/2025\nXã Yên Phú được thành lập trên cơ sở các xã Yên Thắng và Yên Lâm. Đảng bộ xã hiện "
     "có 1.180 đảng viên.", "1.180", "xã Yên Phú"),
    ("Sáng 24/7/2025, Đảng bộ phường Sài Gòn khai mạc Đại hội. Phường Sài Gòn được thành lập trên cơ sở toàn bộ "
     "phường Bến Nghé, một phần các phường Đa Kao và Nguyễn Thái Bình. Đảng bộ phường hiện có 3.946 đảng viên.",
     "3.946", "phường Sài Gòn"),
])
def test_the_units_a_new_one_was_formed_from_are_history(text, number, name):
    """Heldout25 c01; dev s205, s206."""
    assert _figures(text)[number]["scope_value"].lower() == name.lower()


def test_a_unit_on_the_basis_of_a_count_is_still_named():
    """Near miss: "trên cơ sở" of something else than units keeps the body named before it."""
    text = ("Đà Nẵng, 15/08/2025\nTrên cơ sở kết quả năm 2024, Đảng bộ phường Hòa Cường phấn đấu; Đảng bộ phường "
            "hiện có 2.410 đảng viên.")
    assert _figures(text)["2.410"]["scope_value"].lower() == "phường hòa cường"

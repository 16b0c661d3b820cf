"""Committees by level in the round on held-out sets 15-17: a province's "54 đảng bộ xã, phường, đặc
khu" (also before its base organisations: "168 đảng bộ phường, xã, đặc khu, hơn 1.900 tổ chức cơ sở
đảng") are its sub_committees; the same words in a breakdown of base organisations ("Trong đó, 78
đảng bộ xã, phường, đặc khu; …", "… tổ chức cơ sở đảng, gồm 38 đảng bộ xã, phường") are a
commune-sector part. On sentences written for the rule, with near misses."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Năm, 16/10/2025 - 07:15\n\n"


@pytest.mark.parametrize("text,number", [
    ("Sau sắp xếp, Đảng bộ tỉnh Quảng Ninh hiện có 54 đảng bộ xã, phường, đặc khu.", "54"),
    ("Đảng bộ Thành phố hiện có 168 đảng bộ phường, xã, đặc khu, hơn 1.900 tổ chức cơ sở đảng.", "168"),
])
def test_committees_listed_by_level_with_no_kind_before_are_sub_committees(text, number):
    assert (number, "sub_committees", None, None, None) in _rows(PAGE + text)


@pytest.mark.parametrize("text", [
    "Đảng bộ tỉnh hiện có 702 tổ chức cơ sở đảng. Trong đó, 78 đảng bộ xã, phường, đặc khu; 412 tổ chức "
    "ở cơ quan hành chính.",
    "Đảng bộ tỉnh hiện có 702 tổ chức cơ sở đảng, gồm 78 đảng bộ xã, phường, đặc khu và 412 tổ chức ở cơ "
    "quan hành chính.",
])
def test_the_same_words_in_a_breakdown_of_base_organisations_are_a_part(text):
    assert ("78", "base_orgs_total", "702", "sector", "commune") in _rows(PAGE + text)


def test_committees_by_level_after_a_breakdown_word_are_no_sub_committees():
    """Near miss: after "Trong đó", levels no sector names ("phường, xã, đặc khu") are not read as the
    scope's committees."""
    text = PAGE + "Đảng bộ tỉnh hiện có 702 tổ chức cơ sở đảng. Trong đó, 78 đảng bộ phường, xã, đặc khu."
    assert all(r[1] != "sub_committees" for r in _rows(text))

"""Strict round on held-out sets 15 and 16: the country narrowed by a sector stays the country and
gains the sector (scope_kind country, VN, sector private_enterprise or public_service), as the corpus
README's columns say ("sector: a sector narrowing the scope"); a sector named without a place still
narrows the document's province."""
from .test_rules import _figures


def test_the_country_narrowed_by_a_sector_keeps_its_kind():
    """Real phrasing of heldout16 s07: "cả nước có 18.950 tổ chức cơ sở đảng trong các đơn vị sự
    nghiệp công lập"."""
    figs = _figures("Theo số liệu của Ban Tổ chức Trung ương, đến 31/12/2024, cả nước có 18.950 tổ chức "
                    "cơ sở đảng trong các đơn vị sự nghiệp công lập.")
    f = figs["18.950"]
    assert (f["scope_kind"], f["scope_value"], f["sector"]) == ("country", "VN", "public_service")


def test_the_country_without_a_sector_has_none():
    """Near miss: the country's own total carries no sector."""
    f = _figures("Đến 31/12/2024, cả nước có 52.318 tổ chức cơ sở đảng.")["52.318"]
    assert (f["scope_kind"], f["scope_value"], f["sector"]) == ("country", "VN", None)


def test_a_province_narrowed_by_a_sector_keeps_the_province():
    """Near miss: a province's sector part stays the province's, with the sector."""
    f = _figures("Tỉnh Bắc Ninh có 486 tổ chức cơ sở đảng trong các doanh nghiệp ngoài nhà nước.")["486"]
    assert (f["scope_kind"], f["sector"]) == ("province", "private_enterprise")

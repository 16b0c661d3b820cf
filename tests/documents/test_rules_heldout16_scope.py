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


def test_a_meeting_verb_ends_the_name_before_the_meetings_capitals():
    """Real phrasing of heldout16 c03 and dev s52: "Đảng bộ Tổng công ty Điện lực miền Bắc khai mạc
    Đại hội …", "… Công ty Điện lực Hà Tĩnh bế mạc Đại hội …"."""
    for verb in ("khai mạc", "bế mạc"):
        f = _figures(f"Ngày 09/6/2025, Đảng bộ Tổng công ty Điện lực miền Bắc {verb} Đại hội đại biểu lần "
                     "thứ IV. Toàn Đảng bộ có 54 tổ chức cơ sở đảng.")["54"]
        assert f["scope_value"] == "Tổng công ty Điện lực miền Bắc"


def test_a_lower_case_syllable_before_a_capital_stays_in_the_name():
    """Near miss: "miền" before "Bắc" is the name's, without a meeting verb after it."""
    f = _figures("Đảng bộ Tổng công ty Điện lực miền Bắc có 54 tổ chức cơ sở đảng.")["54"]
    assert f["scope_value"] == "Tổng công ty Điện lực miền Bắc"

"""Base organisations by kind in the round on held-out set 17: after "theo loại hình" (or "trong
đó"), a sector before a count of "tổ chức" alone names base organisations of that sector ("Theo
loại hình, xã, phường có 124 tổ chức (11,0%); cơ quan hành chính 205 tổ chức …"), parts of the total
the sentence before gave. On sentences written for the rule, with near misses."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Hai, 20/10/2025 - 08:00\n\n"
TOTAL = "Toàn tỉnh Vĩnh Long hiện có 1.126 tổ chức cơ sở đảng. "


@pytest.mark.parametrize("breakdown", [
    "Theo loại hình, xã, phường có 124 tổ chức (11,0%); cơ quan hành chính 205 tổ chức (18,2%).",
    "Chia theo loại hình, xã, phường có 124 tổ chức; cơ quan hành chính 205 tổ chức.",
    "Về loại hình: xã, phường 124 tổ chức; cơ quan hành chính 205 tổ chức.",
])
def test_sectors_counted_by_tổ_chức_after_loại_hình_are_parts_of_the_total_before(breakdown):
    assert _rows(PAGE + TOTAL + breakdown) == [
        ("1.126", "base_orgs_total", None, None, None),
        ("124", "base_orgs_total", "1.126", "sector", "commune"),
        ("205", "base_orgs_total", "1.126", "sector", "agency")]


def test_a_sector_counting_tổ_chức_without_a_breakdown_word_is_no_figure():
    """Near miss: "tổ chức" alone after a sector, with no kind of organisation nor breakdown named
    in the sentence, may count any organisation (unions, associations): no figure."""
    assert _rows(PAGE + TOTAL + "Ở xã, phường có 124 tổ chức đoàn thể, hội quần chúng.") == [
        ("1.126", "base_orgs_total", None, None, None)]

"""A ratio written in words, "N trên (tổng số) M" ("Có 142 trên tổng số 156 tổ chức cơ sở đảng kết
nạp được đảng viên"), is read as "142/156": the part with its activity and the whole it names, and
the whole is no count of organisations that admitted members. On sentences written for the rule,
with near misses."""
from .test_rules_heldout6 import _figures, _rows

HEAD = "Thứ Sáu, 10/01/2025 - 08:30\n\n"


def test_n_tren_tong_so_m_is_a_ratio():
    text = HEAD + "Năm 2024, có 142 trên tổng số 156 tổ chức cơ sở đảng kết nạp được đảng viên, đạt 91%."
    assert _rows(text) == [("142", "base_orgs_total", "156", "activity", "admitted_members"),
                           ("156", "base_orgs_total", None, None, None)]
    assert _figures(text)["142"]["share"] == 0.91


def test_n_tren_m_without_tong_so():
    text = HEAD + "Năm 2024, có 118 trên 125 tổ chức cơ sở đảng kết nạp được đảng viên."
    assert _rows(text)[0] == ("118", "base_orgs_total", "125", "activity", "admitted_members")


def test_tren_as_over_before_a_count_is_no_ratio():
    """Near miss: "trên 150" after a count's noun is the qualifier of the next count."""
    text = HEAD + "Năm 2024, huyện có 12 tổ chức cơ sở đảng, trên 150 đảng viên."
    assert [r[0] for r in _rows(text)] == ["12", "trên 150"]

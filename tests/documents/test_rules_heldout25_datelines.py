"""Strict round on held-out sets 24 and 25, a body's name ending on a bare "tỉnh" ("Đảng bộ Cục Thuế tỉnh",
"Đảng bộ Bảo hiểm xã hội tỉnh") is of the province the page's dateline names when none was named before
("Bắc Giang, 11/9/2023"); the dateline is no scope and no antecedent of "Đảng bộ tỉnh"."""
from .test_rules import _figures


def test_the_datelines_province_completes_a_bodys_bare_tinh():
    """Heldout24 t07; dev s207."""
    text = "Quảng Ngãi, 05/11/2025\n\nĐảng bộ Bảo hiểm xã hội tỉnh hiện có 142 đảng viên, sinh hoạt tại 9 chi bộ."
    assert _figures(text)["142"]["scope_value"] == "Bảo hiểm xã hội tỉnh Quảng Ngãi"
    text = "Bắc Giang, 11/9/2023\n\nĐảng bộ Cục Thuế tỉnh hiện có 350 đảng viên."
    assert _figures(text)["350"]["scope_value"] == "Cục Thuế tỉnh Bắc Giang"


def test_the_dateline_is_no_antecedent_nor_scope():
    """Near misses: "Đảng bộ tỉnh" after a province of the past is that province, not the dateline's (heldout19
    h02); a figure with no body named is not the dateline's province; a province named in the text wins."""
    text = ("Đồng Nai, 20/12/2025\nNăm 1976, khi tỉnh Sông Bé được thành lập, Đảng bộ tỉnh có khoảng 9.000 đảng "
            "viên.")
    assert _figures(text)["khoảng 9.000"]["scope_value"] == "tỉnh Sông Bé"
    assert _figures("Bắc Giang, 11/9/2023\n\nCó 350 đảng viên mới.")["350"]["scope_kind"] in (None, "")
    text = "Bắc Giang, 11/9/2023\n\nĐảng bộ tỉnh Lạng Sơn có 120 đảng viên. Đảng bộ Cục Thuế tỉnh có 90 đảng viên."
    assert _figures(text)["90"]["scope_value"] == "Cục Thuế tỉnh Lạng Sơn"

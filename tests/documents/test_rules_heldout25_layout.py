"""Rules round on held-out sets 24 and 25, counts set apart from their labels: a count alone on its line
with its noun on the next, labels over their counts or counts over their labels (decided for the whole
run), a label then an arrow or a dash then its count, labelled counts apart by "|" after "Trong đó:", a
run of labelled lines under a heading read as its list; page numbers inside a wrapped sentence and
counters of a portal are no figures."""
from .test_rules import _figures


def _read(text: str) -> dict[str, tuple]:
    return {n: (f["metric"], f["whole"], f["dimension_value"]) for n, f in _figures(text).items()}


def test_a_count_over_its_noun_in_lower_case():
    """Heldout25 a04 ("Kết nạp mới" / "2.984" / "đảng viên"); dev n113."""
    got = _read("XÃ TÂN MỸ QUA NHỮNG CON SỐ\n864\nđảng viên\n23\nchi bộ\n")
    assert got["864"][0] == "members_total" and got["23"][0] == "cells_total"


def test_labels_over_their_counts():
    """Heldout25 c01's block; dev n114 with emoji before the labels."""
    got = _read("SỐ LIỆU NỔI BẬT\n📌 Tổng số đảng viên\n1.530\n📌 Chi bộ trực thuộc\n31\n")
    assert got["1.530"][0] == "members_total" and got["31"][0] == "sub_cells"


def test_counts_over_their_labels_in_capitals():
    """Heldout25 n04: the run's labels are under its counts (the line over the first is no noun)."""
    got = _read("ĐẮK LẮK HÔM NAY\n(cập nhật 30/9/2025)\n98.310\nĐẢNG VIÊN\n1.204\nTỔ CHỨC CƠ SỞ ĐẢNG\n")
    assert got["98.310"][0] == "members_total" and got["1.204"][0] == "base_orgs_total"


def test_a_label_an_arrow_and_its_count():
    """Dev n115: "Tổng số đảng viên ➜ 3.877" (also a dash)."""
    got = _read("Tổng số đảng viên ➜ 3.877\nChi bộ trực thuộc — 25\n")
    assert got["3.877"][0] == "members_total" and got["25"][0] == "sub_cells"


def test_labelled_counts_apart_by_bars_are_the_items_of_a_breakdown():
    """Heldout25 a04: "Trong đó: Đoàn viên thanh niên 2.215 | Người dân tộc thiểu số 396 | …"."""
    got = _read("Năm 2025, Đảng bộ tỉnh kết nạp 1.420 đảng viên, trong đó: Nữ 802 | Đoàn viên thanh niên 1.130\n")
    assert got["802"][2] == "female" and got["1.130"][2] == "member"


def test_a_run_of_labelled_lines_under_a_heading_is_its_list():
    """Dev n115's lines: a part on a later line is a part of the total above it."""
    got = _read("ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH\nTổng số đảng viên: 2.310\nĐảng viên nữ: 904\n")
    assert got["904"] == ("members_female", "2.310", "female")


def test_counters_of_a_portal_and_page_numbers_are_no_figures():
    """Near misses: dev x87 (labels naming nothing counted), heldout23 n02 (a page's number)."""
    assert not _figures("CỔNG THÔNG TIN\nLượt truy cập\n15.230\nĐang trực tuyến\n31\n")
    text = "Toàn Đảng bộ có 480 tổ chức cơ sở đảng với 61.417\n\n      5\n\nđảng viên; nhiệm kỳ qua kết nạp 9.120 đảng viên."
    assert "5" not in _figures(text)


def test_any_bullet_opens_a_list_item():
    """Heldout24 p01 ("▪ Cơ cấu dân tộc: người Mường 871 đồng chí …"); dev p160-p162 ("■", "✓", "➤")."""
    for bullet in "▪■●◆✓➤":
        text = f"ĐẢNG BỘ XÃ TAM ĐẢO - SỐ LIỆU\n{bullet} Tổng số đảng viên: 640\n{bullet} Đảng viên nữ: 251\n"
        assert _read(text)["251"] == ("members_female", "640", "female"), bullet


def test_a_bullet_inside_a_line_is_no_item():
    """Near miss: a sign inside a sentence ("… 640 ■ đảng viên") is left as it is."""
    got = _read("Đảng bộ xã có 640 đảng viên, trong đó nữ ✓ 251 đồng chí.")
    assert got["640"][1] is None

"""Rules round on held-out sets 24 and 25, tables with a sum row: the other rows are parts of the sum,
column by column (kinds of cell with their sector, blocs without a dimension, groups of new members),
with the sum row first or last; a table of bodies with a district's row keeps each row its own total."""
from .test_rules import _figures


def _parts(text: str) -> dict[str, tuple]:
    return {n: (f["metric"], f["whole"], f["dimension_value"]) for n, f in _figures(text).items()}


def test_kinds_of_cell_are_parts_of_a_last_sum_row():
    """Heldout25 p03 ("Tổng cộng" last; its "32", "1.904", "12" came out as totals); dev p154."""
    text = ("Số chi bộ và đảng viên của Đảng bộ xã Ea Tu theo loại hình (đến 30/9/2025)\n"
            "Loại chi bộ\tSố chi bộ\tSố đảng viên\nThôn, buôn\t14\t702\nTrường học\t5\t96\n"
            "Cơ quan\t3\t51\nCộng\t22\t849\n")
    got = _parts(text)
    assert got["702"] == ("members_total", "849", "residential")
    assert got["96"] == ("members_total", "849", "public_service")
    assert got["5"] == ("cells_total", "22", "public_service")
    assert got["3"] == ("cells_total", "22", "agency")
    assert got["849"][1] is None and got["22"][1] is None


def test_groups_of_new_members_are_parts_of_a_sum_row():
    """Dev p155 (the sum first): admissions by group over "Tổng số" (overlapping groups: no sum check,
    only no row above the sum)."""
    text = ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025 - ĐẢNG BỘ PHƯỜNG TÂN AN\nĐối tượng | Kết nạp mới\n"
            "Đoàn viên thanh niên | 30\nNữ | 19\nTổng số | 37\n")
    got = _parts(text)
    assert got["30"] == ("new_admissions", "37", "member")
    assert got["19"] == ("new_admissions", "37", "female")
    assert got["37"][1] is None


def test_blocs_without_a_dimension_are_parts_without_one():
    """Dev p154: "Khối …" rows under a markdown table's "Cộng" row."""
    text = ("| Khối | Số chi bộ | Số đảng viên |\n|---|---|---|\n| Khối sản xuất | 9 | 310 |\n"
            "| Khối văn phòng | 4 | 88 |\n| Cộng | 13 | 398 |\n")
    got = _parts(text)
    assert got["310"] == ("members_total", "398", None)
    assert got["9"] == ("cells_total", "13", None)


def test_a_table_of_bodies_keeps_each_row_its_own_total():
    """Near miss (dev p156, heldout25 y01): wards or communes above "Toàn huyện" are no parts."""
    text = ("Số đảng viên của các đảng bộ xã thuộc Đảng bộ huyện Đạ Huoai (đến 31/12/2024):\nĐơn vị | Số đảng viên\nXã Đạ Ploa | 412\n"
            "Xã Đoàn Kết | 388\nToàn huyện | 3.102\n")
    got = _figures(text)
    assert got["412"]["whole"] is None and got["388"]["whole"] is None


def test_a_row_above_the_sum_is_no_part():
    """Near miss: a "Tổng" row smaller than a row is no sum of the rows (the table is read as before)."""
    text = ("Loại hình | Số đảng viên\nTổ dân phố | 1.904\nCơ quan | 398\nTổng | 1.200\n")
    assert _figures(text)["1.904"]["whole"] != "1.200"


def test_a_column_header_with_its_own_year_still_counts():
    """Heldout25 y01 ("Kết nạp năm 2024" read as nothing); dev y114, y115 ("Kết nạp (2025)")."""
    text = ("HUYỆN ỦY ĐÔNG ANH - KẾT QUẢ NĂM 2025 (tính đến 31/12/2025)\nĐơn vị | Kết nạp năm 2025 | Số đảng viên\n"
            "Xã Vân Hà | 12 | 845\nXã Uy Nỗ | 15 | 1.032\n")
    got = _figures(text)
    assert (got["12"]["metric"], got["15"]["metric"]) == ("new_admissions", "new_admissions")
    brackets = "Đảng bộ\tSố đảng viên\tKết nạp (2025)\nXã Quang Hán\t402\t7\nXã Trà Lĩnh\t356\t5\n"
    assert _figures(brackets)["7"]["metric"] == "new_admissions"


def test_a_header_naming_no_count_with_a_year_is_still_no_column():
    """Near miss: "Ghi chú năm 2025" counts nothing; its cells are not read."""
    text = "Đơn vị | Số đảng viên | Xếp loại năm 2025\nXã Vân Hà | 845 | 12\n"
    assert "12" not in _figures(text)

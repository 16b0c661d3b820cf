"""Pasted tables, where fresh passages lost whole tables at once (stage round 14): the spaces that pad
a row already marked with "|" are no cells of their own, a header of periods dates each column of a
label's row, and a part of a row of such a table belongs to the whole of its own period. Short tables
written for the rules, through the public extract function, with near misses."""
from datetime import date

from chibo.etl.documents import extract


def _rows(text: str) -> list[tuple]:
    """(number, metric, whole, as_of) of every figure, in order."""
    figures = extract(text, "tables").figures
    by_id = {f["figure_id"]: f for f in figures}
    return [(f["number_text"], f["metric"], by_id[f["part_of_figure_id"]]["number_text"]
             if f["part_of_figure_id"] else None, f["as_of"]) for f in figures]


def test_a_pipe_table_padded_with_spaces_reads_each_column():
    text = ("Số liệu các xã của huyện Mường Ảng (31/12/2024)\n"
            "| Đơn vị     | Số chi bộ | Số đảng viên |\n"
            "|------------|-----------|--------------|\n"
            "| Xã Búng Lao | 21       | 604          |\n")
    assert [r[:2] for r in _rows(text)] == [("21", "cells_total"), ("604", "members_total")]


def test_spaces_aligning_a_table_without_pipes_still_part_its_cells():
    """Near miss: a table aligned by spaces alone keeps its cells (the padding rule is for rows
    that mark their own cells)."""
    text = ("Số liệu các xã của huyện Mường Ảng (31/12/2024)\n"
            "Đơn vị        Số chi bộ     Số đảng viên\n"
            "Xã Búng Lao   21            604\n")
    assert [r[:2] for r in _rows(text)] == [("21", "cells_total"), ("604", "members_total")]


def test_a_header_of_years_dates_each_column_of_a_row():
    text = ("BÁO CÁO KẾT QUẢ CÔNG TÁC ĐẢNG NĂM 2025\n"
            "Chỉ tiêu | Năm 2023 | Năm 2024 | Năm 2025\n"
            "Tổng số đảng viên | 846 | 871 | 902\n"
            "Kết nạp đảng viên | 19 | 27 | 33\n")
    rows = _rows(text)
    assert [(n, m, d) for n, m, _, d in rows] == [
        ("846", "members_total", date(2023, 12, 31)), ("871", "members_total", date(2024, 12, 31)),
        ("902", "members_total", date(2025, 12, 31)), ("19", "new_admissions", date(2023, 12, 31)),
        ("27", "new_admissions", date(2024, 12, 31)), ("33", "new_admissions", date(2025, 12, 31))]


def test_a_header_of_terms_dates_each_column_and_parts_keep_their_term():
    text = ("Bảng 2. Đảng bộ xã qua hai nhiệm kỳ\n"
            "Chỉ tiêu | Nhiệm kỳ 2015 - 2020 | Nhiệm kỳ 2020 - 2025\n"
            "Tổng số đảng viên | 430 | 512\n"
            "Đảng viên nữ | 151 | 204\n")
    assert [r[:3] for r in _rows(text)] == [("430", "members_total", None), ("512", "members_total", None),
                                            ("151", "members_female", "430"), ("204", "members_female", "512")]


def test_a_header_with_a_column_that_is_no_period_is_read_as_before():
    """Near miss: "Tăng so với năm trước" is no period: its 25 is a change, no count of 2025."""
    text = ("Chỉ tiêu | Năm 2024 | Tăng so với năm trước\n"
            "Tổng số đảng viên | 871 | 25\n")
    assert [r[:2] for r in _rows(text)] == [("871", "members_total")]


def test_a_column_of_admissions_over_months_counts_from_january():
    text = ("Bảng: Kết quả các xã (số liệu đến 30/9/2025)\n"
            "| Xã | Kết nạp 9 tháng |\n|---|---|\n| Xã Tả Van | 7 |\n")
    figure = extract(text, "tables").figures[0]
    assert (figure["metric"], figure["period_from"]) == ("new_admissions", date(2025, 1, 1))


def test_a_column_of_months_not_after_its_count_is_no_admissions_label():
    """Near miss: "Tháng 9" alone heads a column of no count."""
    text = ("Bảng: Kết quả các xã (số liệu đến 30/9/2025)\n"
            "| Xã | Tháng 9 |\n|---|---|\n| Xã Tả Van | 7 |\n")
    assert extract(text, "tables").figures == []


def test_a_row_of_admissions_named_without_their_noun_under_terms():
    """"Kết nạp mới trong nhiệm kỳ" names admissions without "đảng viên": each term's cell counts them."""
    text = ("Chỉ tiêu | Nhiệm kỳ 2015 - 2020 | Nhiệm kỳ 2020 - 2025\n"
            "Kết nạp mới trong nhiệm kỳ | 96 | 131\n")
    assert [r[:2] for r in _rows(text)] == [("96", "new_admissions"), ("131", "new_admissions")]

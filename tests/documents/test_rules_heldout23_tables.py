"""Pasted tables of the rules round on held-out sets 22 and 23 (columns.py, letterhead.py,
sentences.py, clean.py): column headers said the short way ("Kết nạp", "Số kết nạp (đồng chí)",
"Số TCCSĐ", "Tổng số đảng viên cuối năm"), a generic first column ("Thời gian", "Kỳ", "Đơn vị") whose
rows are read alone (a plan row "Kế hoạch năm 2025" is a target), a quarter without its year under a
title stating it, cells of one character in a table aligned by spaces, and a letterhead naming the
body ("TẬP ĐOÀN …"), a label with its day in brackets ("Tổng số đảng viên (31/12/2025): 1.027",
figures.py). Near misses: a column whose header names no count, a title with two years, a
first line that is a report's title."""
import pytest

from chibo.etl.documents import extract


def _figures(text: str) -> list[tuple]:
    return [(f["number_text"], f["metric"], f["qualifier"], f["as_of"] and f["as_of"].isoformat(),
             f["scope_value"]) for f in extract(text, "t.txt").figures]


def test_short_headers_of_a_year_series():
    text = ("TẬP ĐOÀN CÔNG NGHIỆP THAN - KHOÁNG SẢN VIỆT NAM\nSỐ LIỆU PHÁT TRIỂN ĐẢNG VIÊN\n"
            "Năm\tKết nạp\tTổng số đảng viên cuối năm\n2021\t1.512\t41.208\n")
    org = "TẬP ĐOÀN CÔNG NGHIỆP THAN - KHOÁNG SẢN VIỆT NAM"
    assert _figures(text) == [("1.512", "new_admissions", "exact", "2021-12-31", org),
                              ("41.208", "members_total", "exact", "2021-12-31", org)]


def test_a_table_aligned_by_spaces_with_one_character_cells():
    text = ("Đảng bộ xã Tân Lập qua các năm\nNăm        Kết nạp mới        Tổng số ĐV\n"
            "2022           9                  312\n2023           11                 318\n")
    assert [r[:4] for r in _figures(text)] == [
        ("9", "new_admissions", "exact", "2022-12-31"), ("312", "members_total", "exact", "2022-12-31"),
        ("11", "new_admissions", "exact", "2023-12-31"), ("318", "members_total", "exact", "2023-12-31")]


def test_base_organisations_said_tccsd_in_a_column():
    text = ("Số liệu các huyện (đến 30/6/2024)\nTên đơn vị\tTCCSĐ\tĐảng viên (người)\n"
            "Huyện Mường Khương\t32\t3.150\n")
    assert [r[:2] for r in _figures(text)] == [("32", "base_orgs_total"), ("3.150", "members_total")]


def test_quarters_take_the_title_year_and_a_plan_row_is_a_target():
    text = ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 9 THÁNG NĂM 2025 - ĐẢNG BỘ TỈNH NGHỆ AN\n"
            "Thời gian\tSố kết nạp (đồng chí)\nQuý I\t742\nQuý III\t963\nKế hoạch năm 2025\t4.200\n")
    assert [r[:4] for r in _figures(text)] == [
        ("742", "new_admissions", "exact", "2025-03-31"), ("963", "new_admissions", "exact", "2025-09-30"),
        ("4.200", "new_admissions", "target", "2025-12-31")]


def test_near_miss_a_title_with_two_years_dates_no_quarter():
    text = ("KẾT NẠP ĐẢNG VIÊN NĂM 2024 VÀ NĂM 2025\nThời gian\tSố kết nạp (đồng chí)\nQuý I\t742\n")
    assert [r[:4] for r in _figures(text)] == [("742", "new_admissions", "exact", None)]


def test_near_miss_a_column_naming_no_count():
    text = ("Đảng bộ xã Tân Lập qua các năm\nNăm\tGhi chú\n2022\t9\n")
    assert _figures(text) == []


@pytest.mark.parametrize("head", ["TẬP ĐOÀN CÔNG NGHIỆP THAN - KHOÁNG SẢN VIỆT NAM BÁO CÁO SỐ LIỆU",
                                  "TRƯỜNG HỌC VÀ CÔNG TÁC PHÁT TRIỂN ĐẢNG"])
def test_near_miss_a_title_is_no_letterhead(head):
    text = head + "\nNăm\tKết nạp\n2021\t1.512\n"
    assert [r[4] for r in _figures(text)] == [None]


@pytest.mark.parametrize("label", ["Tổng số đảng viên (31/12/2025)", "Tổng số đảng viên (đến 31/12/2025)",
                                   "Tổng số đảng viên (tính đến ngày 31/12/2025)"])
def test_a_label_with_its_day_in_brackets(label):
    text = "Ngày 08/01/2026\nĐảng bộ xã Hòa Bình\n" + label + ": 1.027\n"
    assert [r[:4] for r in _figures(text)] == [("1.027", "members_total", "exact", "2025-12-31")]


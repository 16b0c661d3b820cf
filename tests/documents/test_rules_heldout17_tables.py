"""Tables of the round on held-out set 17: a column named by its noun alone ("Đảng bộ | Tổ chức cơ sở
đảng | Đảng viên", pasted with tabs under a titled "Bảng:") counts that noun in each row, for the
body the row names. On tables written for the rule, with a near miss."""
from .test_rules_heldout6 import _rows


def test_columns_named_by_their_nouns_alone_count_them_in_each_row():
    text = ("Bảng: Số đảng viên các đảng bộ trực thuộc Tỉnh ủy Lai Châu (31/12/2023)\n"
            "Đảng bộ\tTổ chức cơ sở đảng\tĐảng viên\nHuyện Phong Thổ\t71\t4.215\nHuyện Sìn Hồ\t68\t3.970\n")
    assert _rows(text) == [("71", "base_orgs_total", None, None, None),
                           ("4.215", "members_total", None, None, None),
                           ("68", "base_orgs_total", None, None, None),
                           ("3.970", "members_total", None, None, None)]


def test_a_column_naming_something_else_counts_nothing():
    """Near miss: "Hộ gia đình" is no party count, and only the named column is read."""
    text = ("Bảng: Một số chỉ tiêu của các xã (31/12/2023)\n"
            "Xã\tHộ gia đình\tChi bộ\nXã Cô Ba\t1.204\t14\n")
    assert _rows(text) == [("14", "cells_total", None, None, None)]


def test_an_admissions_row_naming_its_period_in_brackets_counts_admissions():
    text = ("BÁO CÁO Kết quả công tác xây dựng Đảng năm 2024\n\nTT | Chỉ tiêu | Số lượng\n"
            "1 | Tổng số đảng viên | 2.734\n2 | Kết nạp đảng viên mới (năm 2024) | 58\n"
            "3 | Kết nạp đảng viên (cả năm) | 60\n")
    assert _rows(text) == [("2.734", "members_total", None, None, None),
                           ("58", "new_admissions", None, None, None),
                           ("60", "new_admissions", None, None, None)]


def test_a_row_of_members_given_something_with_a_bracket_is_no_admissions():
    """Near miss: a bracket after another label does not make it admissions."""
    text = ("BÁO CÁO Kết quả công tác xây dựng Đảng năm 2024\n\nTT | Chỉ tiêu | Số lượng\n"
            "1 | Tổng số đảng viên | 2.734\n2 | Đảng viên được tặng Huy hiệu Đảng (năm 2024) | 41\n")
    assert _rows(text) == [("2.734", "members_total", None, None, None)]

"""Rules of the round on held-out set 9, the passages that must yield nothing and the parts taken
as totals: a rating of cells ("56 chi bộ đạt khá") is no count of cells, the abbreviation "ĐV"
for "đảng viên" ("ĐV nữ 184 đ/c"), the Hoa among the ethnic minorities, cells of hamlets that
admitted none ("3 chi bộ thôn chưa kết nạp được"); each on sentences written for the rule, with
near misses. (A negation, "không kết nạp được đảng viên nào", is no figure: see
test_rules_heldout8_noticed.py and the corpus README's zero convention.)"""
import pytest

from .test_rules import _figures
from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Sáu, 10/01/2025 - 08:00\n\n"


# ---- a rating of cells is no count of cells


@pytest.mark.parametrize("text", [
    "Năm 2024, 230 chi bộ sinh hoạt đạt chất lượng tốt, 41 chi bộ đạt khá.",
    "Có 18 chi bộ đạt trung bình, 2 chi bộ đạt yếu.",
    "Qua đánh giá, 95 chi bộ sinh hoạt đạt tốt.",
    "Có 12 tổ chức cơ sở đảng đạt xuất sắc.",
])
def test_cells_rated_are_no_count(text):
    assert _figures(PAGE + text) == {}


def test_a_count_after_a_rating_is_still_read():
    """Near miss: "đạt" after a comma is a result of the count, not a rating of it."""
    figures = _figures(PAGE + "Đảng bộ huyện có 120 chi bộ, đạt tỷ lệ cao so với năm trước.")
    assert (figures["120"]["metric"], figures["120"]["value"]) == ("cells_total", 120)


# ---- "ĐV" for "đảng viên"


def test_dv_abbreviation_in_minutes():
    text = PAGE + "Tổng số ĐV: 31 đ/c; ĐV chính thức: 29 đ/c; ĐV dự bị: 2 đ/c; ĐV nữ: 11 đ/c."
    assert _rows(text) == [("31", "members_total", None, None, None),
                           ("29", "members_official", "31", "status", "official"),
                           ("2", "members_probationary", "31", "status", "probationary"),
                           ("11", "members_female", "31", "gender", "female")]


def test_dv_female_after_a_total_is_its_part():
    text = PAGE + "Đảng bộ xã Mường Mô hiện có 402 đảng viên; ĐV nữ 97 đ/c."
    assert _rows(text) == [("402", "members_total", None, None, None),
                           ("97", "members_female", "402", "gender", "female")]


@pytest.mark.parametrize("text", [
    "Đơn vị tính: ĐVT | 12",
    "Các ĐVTN tham gia 14 buổi tình nguyện.",
])
def test_words_beginning_with_dv_are_no_members(text):
    assert _figures(PAGE + text) == {}


# ---- the Hoa among the ethnic minorities


def test_hoa_people_are_a_minority():
    text = PAGE + ("Đảng bộ phường có 2.140 đảng viên; đảng viên là người Hoa, Khmer có "
                   "128 đồng chí.")
    assert _rows(text)[1] == ("128", "members_total", "2.140", "ethnicity", "minority")


def test_hoa_ky_is_no_people():
    """Near miss: "Hoa Kỳ" is a country, not the Hoa."""
    rows = _rows(PAGE + "Chi bộ có 14 đảng viên; đảng viên từng học tập tại Hoa Kỳ có 3 đồng chí.")
    assert ("3", "members_total", "14", "ethnicity", "minority") not in rows


# ---- cells of hamlets that admitted no one


@pytest.mark.parametrize("text", [
    "Năm 2024, Đảng bộ xã kết nạp 19 đảng viên; còn 4 chi bộ thôn chưa kết nạp được đảng viên.",
    "Năm 2024, Đảng bộ xã kết nạp 19 đảng viên; vẫn còn 4 chi bộ bản không kết nạp được đảng "
    "viên nào.",
])
def test_hamlet_cells_that_admitted_none(text):
    assert _rows(text)[1] == ("4", "cells_total", None, "activity", "no_admissions")


def test_hamlet_cells_without_activity_stay_residential():
    """Near miss: "4 chi bộ thôn" with no admission after it is cells of hamlets."""
    rows = _rows(PAGE + "Đảng bộ xã có 9 chi bộ, trong đó 4 chi bộ thôn.")
    assert rows[1][3:] == ("sector", "residential")


# ---- list items and statistics tables: parts under their block's total


def test_sector_items_under_a_total_are_its_parts():
    text = PAGE + ("Đảng bộ huyện có 318 tổ chức cơ sở đảng. Phân theo loại hình:\n"
                   "+ Xã, thị trấn: 24 (chiếm 7,5%)\n+ Cơ quan hành chính: 61\n"
                   "+ Doanh nghiệp ngoài nhà nước: 40")
    assert _rows(text) == [("318", "base_orgs_total", None, None, None),
                           ("24", "base_orgs_total", "318", "sector", "commune"),
                           ("61", "base_orgs_total", "318", "sector", "agency"),
                           ("40", "base_orgs_total", "318", "sector", "private_enterprise")]


def test_items_without_a_total_above_are_no_parts():
    """Near miss: sector items under a paragraph with no total keep no whole (and are dropped)."""
    text = PAGE + "Kết quả kiểm tra theo loại hình:\n+ Xã, thị trấn: 24\n+ Cơ quan hành chính: 61"
    assert _figures(text) == {}


def test_table_rows_marked_as_sub_items_are_parts():
    text = PAGE + ("| Chỉ tiêu | Số lượng |\n|---|---|\n| Tổ chức cơ sở đảng | 640 |\n"
                   "| - Đảng bộ cơ sở | 301 |\n| - Chi bộ cơ sở | 339 |\n"
                   "| Tổng số đảng viên | 41.200 |\n| - Đảng viên nữ | 15.020 |")
    assert _rows(text) == [("640", "base_orgs_total", None, None, None),
                           ("301", "base_party_committees", "640", None, None),
                           ("339", "base_cells", "640", None, None),
                           ("41.200", "members_total", None, None, None),
                           ("15.020", "members_female", "41.200", "gender", "female")]


def test_committees_under_the_provincial_committee():
    text = PAGE + "| Chỉ tiêu | Số lượng |\n|---|---|\n| Đảng bộ trực thuộc Tỉnh ủy | 47 |"
    assert _rows(text) == [("47", "sub_committees", None, None, None)]


def test_a_gloss_line_dates_the_table_under_it():
    text = PAGE + ("(Số liệu tính đến ngày 30/6/2024)\n\n| Chỉ tiêu | Số lượng |\n|---|---|\n"
                   "| Tổng số đảng viên | 8.214 |")
    assert _figures(text)["8.214"]["as_of"].isoformat() == "2024-06-30"


def test_a_gloss_line_after_a_table_dates_nothing_before_it():
    """Near miss: a bracketed line after the table frames nothing above it."""
    text = PAGE + ("| Chỉ tiêu | Số lượng |\n|---|---|\n| Tổng số đảng viên | 8.214 |\n\n"
                   "(Số liệu tính đến ngày 30/6/2023)")
    assert _figures(text)["8.214"]["as_of"].isoformat() == "2025-01-10"

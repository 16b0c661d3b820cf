"""Rules added after held-out set 7, one test per class of error it showed, each on sentences
written for the rule (other wording, places, numbers and scopes than the corpus), with near
misses that must not match."""
import pytest

from .test_rules import _figures
from .test_rules_heldout6 import _rows

# ---- members named in complaints, sanctions, reviews, commendations, training: no stock


@pytest.mark.parametrize("text", [
    "Trong năm, ủy ban kiểm tra đã giải quyết 9 đơn khiếu nại liên quan đến 11 đảng viên.",
    "Tiếp nhận và xử lý 6 đơn tố cáo đối với 8 đảng viên.",
    "Cấp ủy đã xem xét 24 đảng viên có biểu hiện suy thoái.",
    "Tỉnh ủy tuyên dương 120 đảng viên tiêu biểu.",
    "Huyện ủy đã cảnh cáo 3 đảng viên và khiển trách 5 đảng viên.",
])
def test_members_named_in_complaints_or_reviews_are_no_figure(text):
    assert _figures(text) == {}


@pytest.mark.parametrize("text,rows", [
    ("Đảng bộ xã hiện có 412 đảng viên, sinh hoạt tại 18 chi bộ.",
     [("412", "members_total", None, None, None), ("18", "cells_total", None, None, None)]),
    ("Sau khi rà soát, Đảng bộ huyện có 5.310 đảng viên.",
     [("5.310", "members_total", None, None, None)]),
])
def test_a_stock_after_a_review_is_still_a_figure(text, rows):
    """Near miss: a stock cue after the review verb lifts the block."""
    assert _rows(text) == rows


# ---- committees by level under a province: parts with the sector commune


@pytest.mark.parametrize("text,whole,parts", [
    ("Đảng bộ thành phố có 126 đảng bộ trực thuộc, gồm 102 đảng bộ phường, 22 đảng bộ xã và 2 "
     "đảng bộ đặc khu.", "126", ["102", "22", "2"]),
    ("Huyện có 31 tổ chức cơ sở đảng, trong đó 19 đảng bộ xã; 12 đảng bộ thị trấn.", "31",
     ["19", "12"]),
])
def test_committees_by_level_are_commune_parts(text, whole, parts):
    figures = _figures(text)
    assert [(n, figures[n]["whole"], figures[n]["dimension_value"]) for n in parts] == [
        (n, whole, "commune") for n in parts]


def test_a_named_commune_is_no_part():
    """Near miss: "Đảng bộ xã Tân Phú có …" names a scope, not a level of committees."""
    assert _rows("Đảng bộ xã Tân Phú có 312 đảng viên, sinh hoạt tại 14 chi bộ.") == [
        ("312", "members_total", None, None, None), ("14", "cells_total", None, None, None)]


# ---- a bare "Đảng bộ tỉnh" after the merger stands for the province the old ones became


@pytest.mark.parametrize("text,code", [
    ("Tin tỉnh\n\nThứ Tư, 10/09/2025 - 09:00\n\nSau khi sáp nhập tỉnh Kiên Giang vào tỉnh An "
     "Giang, Đảng bộ tỉnh hiện có 210.500 đảng viên.", "N91"),
    ("Tin tỉnh\n\nThứ Sáu, 03/10/2025 - 07:30\n\nTừ khi hợp nhất hai tỉnh Vĩnh Phúc và Phú "
     "Thọ với tỉnh Hòa Bình, toàn Đảng bộ tỉnh có 1.310 tổ chức cơ sở đảng.", "N25"),
    # near misses: a figure dated before the merger, a page dated before it
    ("Tin tỉnh\n\nThứ Tư, 10/09/2025 - 09:00\n\nTheo đề án hợp nhất tỉnh Hà Giang và tỉnh "
     "Tuyên Quang, đến ngày 30/6/2025 toàn Đảng bộ tỉnh có 1.100 tổ chức cơ sở đảng.", "08"),
    ("Tin tỉnh\n\nThứ Hai, 10/03/2025 - 09:00\n\nTại tỉnh Vĩnh Phúc, toàn Đảng bộ tỉnh có "
     "1.100 tổ chức cơ sở đảng.", "26"),
])
def test_a_bare_province_after_the_merger_is_the_new_province(text, code):
    (f,) = _figures(text).values()
    assert f["scope_value"] == code


# ---- a blocking word inside a closed aside in brackets blocks nothing


@pytest.mark.parametrize("text,number", [
    ("Cả năm, các chi bộ trên địa bàn xã (kể cả trước sáp nhập) kết nạp 23 đảng viên.", "23"),
    ("Đảng bộ phường (sau khi hợp nhất, kiện toàn) hiện có 1.240 đảng viên.", "1.240"),
])
def test_a_bracketed_aside_does_not_block(text, number):
    assert list(_figures(text)) == [number]


def test_a_blocking_verb_outside_the_brackets_still_blocks():
    """Near miss: "(năm 2024)" is an aside, "khen thưởng" is not."""
    assert _figures("Huyện ủy (năm 2024) khen thưởng 35 đảng viên.") == {}


def test_a_range_bound_is_no_reference_day():
    """"Từ ngày 1/7/2025 đến nay …; cả năm 2025 …": the year runs to the event, not to 1/7."""
    text = ("Tin\n\nNgày đăng: 20/12/2025\n\nChiều 19/12, Đảng ủy xã Tân Lập tổng kết năm. Từ "
            "ngày 1/7/2025 đến nay, Đảng bộ xã kết nạp 12 đảng viên; cả năm 2025, các chi bộ trên "
            "địa bàn kết nạp 30 đảng viên.")
    f = _figures(text)["30"]
    assert (f["as_of"].isoformat(), f["period_from"].isoformat()) == ("2025-12-19", "2025-01-01")


# ---- a stock named at the head of its clause that rose to the number


@pytest.mark.parametrize("text,number", [
    ("Từ Đại hội XIII đến nay: Đảng viên tăng lên hơn 5,4 triệu", "hơn 5,4 triệu"),
    ("Đến nay, đảng viên toàn tỉnh tăng lên 12.400.", "12.400"),
    ("Sau 5 năm, tổ chức cơ sở đảng của huyện tăng lên 64.", "64"),
])
def test_a_stock_that_rose_to_the_number(text, number):
    figures = _figures(text)
    assert list(figures) == [number] and figures[number]["metric"] in (
        "members_total", "base_orgs_total")


@pytest.mark.parametrize("text", [
    "Thu nhập của đảng viên tăng lên 12 triệu đồng.",
    "Đảng viên tăng lên 15%.",
])
def test_something_else_that_rose_is_no_figure(text):
    """Near miss: an income, a growth rate."""
    assert _figures(text) == {}

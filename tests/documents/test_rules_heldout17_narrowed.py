"""The guard of the round on held-out set 17 (narrowed.py): a count narrowed after its noun ("là …",
"thuộc …", "ở …", a kind) is a part of the larger total of the same metric, place, day and period
its paragraph gave before it; members counted right after admissions in one sentence are a part of
the admissions. Each on sentences written for the rule, with near misses that stay totals."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Hai, 08/12/2025 - 08:00\n\n"


@pytest.mark.parametrize("text,part", [
    ("Đảng bộ xã Tân Phú hiện có 412 đảng viên, sinh hoạt ở 18 chi bộ; 96 đảng viên là cán bộ, "
     "công chức của xã.", ("96", "members_total", "412", None, None)),
    ("Đảng bộ xã Phong Thạnh hiện có 23 chi bộ, 8 chi bộ ở các ấp giáp biên giới.",
     ("8", "cells_total", "23", None, None)),
    ("Đảng bộ huyện Nam Trà My có 1.920 đảng viên. Có 640 đảng viên hiện sinh sống ở các xã vùng sâu.",
     ("640", "members_total", "1.920", None, None)),
    ("Chi bộ thôn 3 có 40 đảng viên; 12 đảng viên người địa phương.",
     ("12", "members_total", "40", None, None)),
])
def test_a_count_narrowed_after_its_noun_is_a_part_of_the_paragraphs_total(text, part):
    assert part in _rows(PAGE + text)


@pytest.mark.parametrize("text", [
    "Năm 2024, Đảng bộ phường Hòa Khánh kết nạp 26 đảng viên, có 9 đảng viên là tiểu thương.",
    "Năm 2024, Đảng bộ phường Hòa Khánh kết nạp tổng cộng 26 đảng viên, trong đó có 9 đảng viên là "
    "tiểu thương, chủ hộ kinh doanh.",
])
def test_members_counted_right_after_admissions_are_a_part_of_them(text):
    assert ("9", "new_admissions", "26", None, None) in _rows(PAGE + text)


@pytest.mark.parametrize("text,total", [
    # a place of its own
    ("Đảng bộ huyện Đồng Phú hiện có 4.210 đảng viên. Đảng bộ xã Tân Lập có 310 đảng viên sinh sống "
     "ở các ấp.", "310"),
    # another year
    ("Năm 2023, Đảng bộ huyện Hớn Quản kết nạp 152 đảng viên. Năm 2024, huyện kết nạp 138 đảng viên "
     "là người lao động tự do.", "138"),
    # named as the whole
    ("Đảng bộ xã Tân Phú có 412 đảng viên; tất cả 380 đảng viên ở xã đều đã học tập nghị quyết.",
     "380"),
    # not smaller than the total before it (a group said of all)
    ("Chi bộ thôn 3 có 38 đảng viên; 38 đảng viên là người địa phương.", "38"),
    # not narrowed: the noun ends its clause
    ("Đảng bộ xã Tân Phú có 412 đảng viên; chi bộ thôn 3 có 40 đảng viên.", "40"),
    # another paragraph
    ("Đảng bộ xã Tân Phú có 412 đảng viên.\n\nCó 96 đảng viên là cán bộ, công chức.", "96"),
])
def test_a_count_with_its_own_place_day_or_word_of_whole_stays_a_total(text, total):
    rows = [r for r in _rows(PAGE + text) if r[0] == total]
    assert rows and all(r[2:] == (None, None, None) for r in rows)


def test_members_after_admissions_and_a_new_stock_are_no_part_of_them():
    """Near miss: "nâng tổng số … lên" names a new stock between the admissions and the members."""
    text = PAGE + ("Năm 2024, Đảng bộ phường Hòa Khánh kết nạp 26 đảng viên, nâng tổng số đảng viên "
                   "lên 690 đảng viên, là đảng bộ phường lớn nhất.")
    assert ("690", "members_total", None, None, None) in _rows(text)

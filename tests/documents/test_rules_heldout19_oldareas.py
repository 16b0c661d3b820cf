"""An old province's area after the July 2025 merger (oldareas.py): a count of "tỉnh … cũ" after
the merged province's total is a part of it, with the merged province as its place and no
dimension; near misses: the old name without "cũ", another province, a page before the merger."""
import pytest

from .test_rules_heldout6 import _figures, _rows


@pytest.mark.parametrize("text,rows", [
    ("Phú Thọ, 06/10/2025\nTrong quý III/2025, toàn Đảng bộ tỉnh Phú Thọ kết nạp 1.142 đảng viên. Trong đó, "
     "các đảng bộ xã, phường trên địa bàn tỉnh Hòa Bình cũ kết nạp 368 đảng viên.",
     [("1.142", "new_admissions", None, None, None), ("368", "new_admissions", "1.142", None, None)]),
    ("Lâm Đồng, 10/10/2025\nTrong quý III/2025, Đảng bộ tỉnh Lâm Đồng kết nạp 980 đảng viên; riêng các xã, "
     "phường thuộc tỉnh Đắk Nông cũ kết nạp 214 đảng viên.",
     [("980", "new_admissions", None, None, None), ("214", "new_admissions", "980", None, None)]),
    ("An Giang, 15/11/2025\nĐảng bộ tỉnh An Giang hiện có hơn 160.000 đảng viên, trong đó khu vực tỉnh Kiên "
     "Giang cũ có 68.500 đảng viên.",
     [("hơn 160.000", "members_total", None, None, None), ("68.500", "members_total", "hơn 160.000", None, None)]),
])
def test_an_old_province_is_a_part_of_the_merged_one(text, rows):
    assert _rows(text) == rows


def test_the_part_takes_the_merged_province_as_its_place():
    figures = _figures("Lâm Đồng, 10/10/2025\nTrong quý III/2025, Đảng bộ tỉnh Lâm Đồng kết nạp 980 đảng "
                       "viên; riêng các xã, phường thuộc tỉnh Đắk Nông cũ kết nạp 214 đảng viên.")
    assert (figures["214"]["scope_kind"], figures["214"]["scope_value"]) == ("province", "N68")
    assert figures["214"]["sector"] is None


@pytest.mark.parametrize("text,number", [
    # another province, never merged into this one
    ("Lâm Đồng, 10/10/2025\nTrong quý III/2025, Đảng bộ tỉnh Lâm Đồng kết nạp 980 đảng viên; riêng tỉnh "
     "Kiên Giang cũ kết nạp 214 đảng viên.", "214"),
    # the old name without "cũ": a place of its own
    ("Lâm Đồng, 10/10/2025\nTrong quý III/2025, Đảng bộ tỉnh Lâm Đồng kết nạp 980 đảng viên; riêng tỉnh "
     "Đắk Nông kết nạp 214 đảng viên.", "214"),
    # a whole of before the merger: the old province was no part of it
    ("Lâm Đồng, 10/10/2025\nNăm 2024, Đảng bộ tỉnh Lâm Đồng kết nạp 980 đảng viên; riêng tỉnh Đắk Nông cũ "
     "kết nạp 214 đảng viên.", "214"),
])
def test_another_province_stays_a_total(text, number):
    assert next(r for r in _rows(text) if r[0] == number)[2] is None

"""Rules round on held-out sets 24 and 25, hedges read by their parts: one or two hedge roots and a word
of measure if any before a count ("quanh ngưỡng", "sát", "độ", "dư", "già"), a verb of reaching before
a word of measure ("lên con số", "đạt mức"), and "ngoài" inside a clause (over) or opening one
(besides)."""
import pytest

from .test_rules import _figures


def _read(text: str) -> dict[str, tuple]:
    return {n: (f["value"], f["qualifier"]) for n, f in _figures(text).items()}


@pytest.mark.parametrize("text,number,expected", [
    ("Đảng bộ xã Thạch Long hiện quy tụ sát 900 đảng viên.", "sát 900", (900, "nearly")),
    ("Số đảng viên của Đảng bộ huyện dao động quanh ngưỡng 3.200 đồng chí.", "quanh ngưỡng 3.200",
     (3200, "approx")),
    ("Chi bộ thôn có độ 40 đảng viên, phần lớn là người Tày.", "độ 40", (40, "approx")),
    ("Đảng bộ xã Tân Thanh có dư 600 đảng viên.", "dư 600", (600, "over")),
    ("Đảng bộ phường có xấp xỉ mức 2.100 đảng viên.", "xấp xỉ mức 2.100", (2100, "approx")),
    ("Đảng bộ công ty có suýt soát mốc 500 đảng viên.", "suýt soát mốc 500", (500, "nearly")),
    ("Đảng bộ Công ty hiện có trên mức 700 đảng viên.", "trên mức 700", (700, "over")),
    ("Đảng bộ huyện có chưa đầy 900 đảng viên.", "chưa đầy 900", (900, "under")),
])
def test_a_hedge_is_read_by_its_parts(text, number, expected):
    """Heldout24 t03 "mấp mé", t05 "quanh mức", t07 "tầm"; heldout25 t06 "già"; dev t90, t91, t92, t94."""
    assert _read(text)[number] == expected


@pytest.mark.parametrize("text,number", [
    ("Năm 2025, Đảng bộ kết nạp 356 đảng viên, đưa tổng số đảng viên lên mức 12.118 đồng chí.", "mức 12.118"),
    ("Với lễ kết nạp hôm nay, số đảng viên của chi bộ đã lên con số 15.", "con số 15"),
    ("Đảng bộ Tổng công ty đạt con số 2.480 đảng viên.", "con số 2.480"),
])
def test_a_verb_of_reaching_before_a_word_of_measure_is_exact(text, number):
    """Heldout24 t06 "lên con số 8", heldout25 t07 "đạt con số 3.604" (the "số" is no document number)."""
    assert _read(text)[number][1] == "exact"


@pytest.mark.parametrize("text,number,expected", [
    # near misses: nouns and particles before a count are no hedge
    ("Đảng bộ phường có tất cả 1.850 đảng viên, trong đó nữ 712 đồng chí.", "712", (712, "exact")),
    ("Đảng bộ phường có tất cả 1.850 đảng viên, trong đó nữ 712 đồng chí.", "1.850", (1850, "exact")),
    ("Tỉnh ủy ban hành Quyết định số 1.250 về công tác đảng viên; Đảng bộ có 980 đảng viên.", "980", (980, "exact")),
    ("Ngoài 1.736 đảng viên chính thức, Đảng bộ còn có 84 đảng viên dự bị.", "1.736", (1736, "exact")),
])
def test_nouns_and_a_clause_opening_ngoai_are_no_hedge(text, number, expected):
    """Near misses of dev t95 and heldout21's "Ngoài … chính thức, … còn có"."""
    assert _read(text)[number] == expected


def test_ngoai_inside_a_clause_is_over():
    """Heldout24 t02: "trong đó ngoài 300 đồng chí là người Mông" (dev t94 "trong đó ngoài 400")."""
    f = _figures("Đảng bộ xã có 27 chi bộ với 412 đảng viên, trong đó ngoài 300 đồng chí là người Dao.")
    assert (f["ngoài 300"]["qualifier"], f["ngoài 300"]["whole"]) == ("over", "412")

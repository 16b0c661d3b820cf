"""Strict round on held-out sets 19 and 20, scope: names that hold lower-case syllables of their own
("Kiểm toán nhà nước", "Cục Hải quan", "Bộ Tư lệnh Vùng Cảnh sát biển 2"); place names with an
apostrophe ("xã Cư M'gar", "xã Ea H’leo")."""
import pytest

from .test_rules import _figures


def _scope(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return f["scope_kind"], f["scope_value"]


@pytest.mark.parametrize("text,number,name", [
    ("Ngày 6/5/2025, Đảng ủy Kiểm toán nhà nước tổ chức hội nghị sơ kết. Đảng bộ Kiểm toán nhà nước hiện có "
     "33 tổ chức cơ sở đảng với 2.390 đảng viên.", "2.390", "Kiểm toán nhà nước"),
    ("Hà Nội, 14/1/2025\nNăm 2024, Đảng bộ Kiểm toán nhà nước kết nạp 46 đảng viên mới.", "46",
     "Kiểm toán nhà nước"),
    ("Ngày 22/5/2025, Đảng ủy Bộ Tư lệnh Cảnh sát biển tổ chức hội nghị sơ kết. Toàn Đảng bộ có 38 tổ chức cơ "
     "sở đảng với gần 3.300 đảng viên.", "gần 3.300", "Bộ Tư lệnh Cảnh sát biển"),
    ("Ngày 15/4/2025, Đảng bộ Bộ Tư lệnh Vùng Cảnh sát biển 2 khai mạc Đại hội. Toàn Đảng bộ có hơn 1.900 "
     "đảng viên.", "hơn 1.900", "Bộ Tư lệnh Vùng Cảnh sát biển 2"),
    ("Ngày 9/1/2025, Đảng bộ Cục Hải quan có 312 đảng viên.", "312", "Cục Hải quan"),
])
def test_lower_case_syllables_inside_a_name(text, number, name):
    """Heldout20 s02, heldout19 c05, dev s126-s128."""
    assert _scope(text, number) == ("organisation", name)


@pytest.mark.parametrize("text,number,name", [
    # near misses: the same words after a name are the sentence's, not the name's
    ("Ngày 6/5/2025, Đảng bộ Sở Tài chính có 214 đảng viên, làm công tác kiểm toán nhà nước.", "214",
     "Sở Tài chính"),
    ("Ngày 9/1/2025, Đảng bộ Cục Thuế có 188 đảng viên, phối hợp với lực lượng cảnh sát biển.", "188",
     "Cục Thuế"),
])
def test_the_same_syllables_after_a_name_stay_outside(text, number, name):
    assert _scope(text, number) == ("organisation", name)


@pytest.mark.parametrize("text,number,name", [
    ("Đảng bộ xã Cư M'gar kết nạp 53 đảng viên.", "53", "xã Cư M'gar"),
    ("Đắk Nông, ngày 16/10/2025\nĐảng bộ xã Đắk R'lấp hiện có 1.204 đảng viên.", "1.204", "xã Đắk R'lấp"),
    ("Năm 2024, Đảng bộ xã Ea H’leo kết nạp 31 đảng viên mới.", "31", "xã Ea H’leo"),
    # near miss: without an apostrophe the name still ends before the sentence's words
    ("Năm 2024, Đảng bộ xã Ea Kar kết nạp 12 đảng viên mới.", "12", "xã Ea Kar"),
])
def test_a_place_name_with_an_apostrophe(text, number, name):
    """Heldout19 p05, dev s129, s130."""
    assert _scope(text, number) == ("organisation", name)


def test_stocks_before_the_merger_day_keep_the_old_provinces():
    """Heldout20 s03, dev s131: "Trước ngày 1/7/2025," is the day before, with the old provinces' codes;
    "Sau hợp nhất," is the page's day, with the merged province's."""
    text = ("Hải Phòng, 03/09/2025\nTrước ngày 1/7/2025, Đảng bộ tỉnh Hải Dương có 124.560 đảng viên, Đảng bộ "
            "thành phố Hải Phòng có 137.210 đảng viên. Sau hợp nhất, Đảng bộ thành phố Hải Phòng có trên 261.000 "
            "đảng viên.")
    figures = _figures(text)
    assert [(str(figures[n]["as_of"]), figures[n]["scope_value"]) for n in ("124.560", "137.210", "trên 261.000")
            ] == [("2025-06-30", "30"), ("2025-06-30", "31"), ("2025-09-03", "N31")]


def test_a_day_after_the_merger_stays_the_new_province():
    """Near miss: "Từ ngày 1/7/2025," is no day before; the merged city's code."""
    text = "Hải Phòng, 03/09/2025\nTừ ngày 1/7/2025, Đảng bộ thành phố Hải Phòng có trên 261.000 đảng viên."
    assert _figures(text)["trên 261.000"]["scope_value"] == "N31"

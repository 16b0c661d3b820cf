"""Strict round on held-out sets 22 and 23, scope: a body's parent after "trực thuộc" ("…, trực thuộc
Đảng bộ Chính phủ, hiện có …"); provinces no longer on the map ("tỉnh Hà Tây"); "Đảng bộ Thủ đô" on a
day of history; the province merged with; the bodies a committee was merged from; a board of industrial
zones; a village "plei"; a sentence opening at an institution ("Ở Bệnh viện …,")."""
import pytest

from .test_rules import _figures


def _scope(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return f["scope_kind"], f["scope_value"]


@pytest.mark.parametrize("text,number,name", [
    ("Hà Nội, 20/10/2025 – Đảng bộ Tập đoàn Dầu khí Quốc gia Việt Nam (Petrovietnam), trực thuộc Đảng bộ Chính "
     "phủ, hiện có 58 đảng bộ trực thuộc với hơn 22.000 đảng viên.", "hơn 22.000",
     "Tập đoàn Dầu khí Quốc gia Việt Nam"),
    ("Hà Nội, 12/11/2025 - Đảng bộ Tổng công ty Đường sắt Việt Nam – đơn vị trực thuộc Đảng bộ Chính phủ – hiện "
     "có 7.815 đảng viên.", "7.815", "Tổng công ty Đường sắt Việt Nam"),
    ("Đảng bộ Bộ Tài chính là một trong những đảng bộ lớn trực thuộc Đảng bộ Chính phủ, với khoảng 25 nghìn "
     "đảng viên. (Thời báo Tài chính, 03/11/2025)", "khoảng 25 nghìn", "Bộ Tài chính"),
])
def test_the_committee_a_body_belongs_to_is_not_its_scope(text, number, name):
    """Heldout22 s06, t04, heldout23 t04, dev s168, s169."""
    assert _scope(text, number) == ("organisation", name)


def test_a_committee_after_a_count_still_counts_under_it():
    """Near miss: "trực thuộc" after a number is no body's parent: the figure stays the body's own."""
    text = "Hà Nội, 20/10/2025 – Đảng bộ Khối Doanh nghiệp Trung ương có 28 đảng bộ trực thuộc Đảng ủy Khối."
    assert _scope(text, "28")[1].startswith("Khối Doanh nghiệp Trung ương")


@pytest.mark.parametrize("text,number,name", [
    ("Hòa Bình, 14/3/2026\nNăm 1976, Đảng bộ tỉnh Hà Sơn Bình có khoảng 8 vạn đảng viên.", "khoảng 8 vạn",
     "tỉnh Hà Sơn Bình"),
    ("Khi tái lập (1/10/1991), Đảng bộ tỉnh Hà Tây có 7,9 vạn đảng viên.\n(Hà Nội mới, 01/08/2025)", "7,9 vạn",
     "tỉnh Hà Tây"),
])
def test_a_province_no_longer_on_the_map_is_a_body_of_its_name(text, number, name):
    """Heldout23 h04, n03, dev h102."""
    assert _scope(text, number) == ("organisation", name)


def test_a_province_on_the_map_stays_a_province():
    """Near miss: a province the reference table knows keeps its code."""
    assert _scope("Hòa Bình, 14/3/2026\nNăm 1976, Đảng bộ tỉnh Hòa Bình có khoảng 3 vạn đảng viên.",
                  "khoảng 3 vạn") == ("province", "17")


def test_the_capital_on_a_day_of_history_takes_that_days_code():
    """Heldout23 h04, dev h103: "Đảng bộ Thủ đô" in 2008 is 01; today N01."""
    figures = _figures("Hà Nội, 10/10/2025\nCuối năm 2008, Đảng bộ Thủ đô có 35,2 vạn đảng viên. Đến nay, Đảng "
                       "bộ Thủ đô có hơn 48 vạn đảng viên.")
    assert (figures["35,2 vạn"]["scope_value"], figures["hơn 48 vạn"]["scope_value"]) == ("01", "N01")


def test_the_province_merged_with_is_not_the_scope():
    """Heldout22 h02, dev s171: "trước sáp nhập với tỉnh Quảng Ngãi (30/6/2025), con số này là …" is Kon Tum's."""
    text = ("Quảng Ngãi, 20/9/2025\nNăm 2020, Đảng bộ tỉnh Kon Tum có 36.012 đảng viên; đến thời điểm trước sáp "
            "nhập với tỉnh Quảng Ngãi (30/6/2025), con số này là 41.255.")
    assert _scope(text, "41.255") == ("province", "62")


def test_a_province_named_as_the_subject_after_the_merger_is_the_scope():
    """Near miss: the merged province named with its party prefix after "Sau hợp nhất với" counts."""
    text = "Vĩnh Long, 18/09/2025\nSau hợp nhất với tỉnh Bến Tre, Đảng bộ tỉnh Vĩnh Long hiện có 192.510 đảng viên."
    assert _scope(text, "192.510") == ("province", "N86")


def test_the_bodies_merged_from_are_not_referred_back_to():
    """Heldout22 c02, dev c86: "toàn Đảng bộ" after "được hợp nhất từ Đảng bộ tỉnh A, … và Đảng bộ tỉnh B" is
    the merged province."""
    text = ("Đà Lạt, 21/10/2025\nSáng 20/10, Đại hội đại biểu Đảng bộ tỉnh Lâm Đồng lần thứ I bế mạc. Đảng bộ tỉnh "
            "Lâm Đồng được hợp nhất từ Đảng bộ tỉnh Lâm Đồng, Đảng bộ tỉnh Bình Thuận và Đảng bộ tỉnh Đắk Nông. "
            "Nhiệm kỳ 2020 - 2025, toàn Đảng bộ kết nạp 21.740 đảng viên.")
    assert _scope(text, "21.740") == ("province", "N68")


@pytest.mark.parametrize("text,number,name", [
    ("Đồng Nai, 07/07/2026\nSáu tháng đầu năm 2026, Đảng bộ Ban Quản lý các khu công nghiệp Đồng Nai kết nạp 64 "
     "đảng viên.", "64", "Ban Quản lý các khu công nghiệp Đồng Nai"),
    ("Bắc Ninh, 20/12/2025\nNăm 2025, Đảng ủy Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh kết nạp 112 đảng viên.",
     "112", "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh"),
    # near misses: a village "bản" keeps its level; a board of another name stays whole
    ("Năm 2025, Chi bộ bản Nà Sản kết nạp 3 đảng viên.", "3", "bản Nà Sản"),
    ("Năm 2025, Đảng bộ Ban Tổ chức Tỉnh ủy kết nạp 3 đảng viên.", "3", "Ban Tổ chức Tỉnh ủy"),
])
def test_a_board_of_industrial_zones_keeps_its_name(text, number, name):
    """Heldout22 p04, dev s173."""
    assert _scope(text, number) == ("organisation", name)


@pytest.mark.parametrize("text,number,name", [
    ("Pleiku, 27/10/2025\nChi bộ plei Ốp (phường Diên Hồng) hiện có 34 đảng viên.", "34", "plei Ốp"),
    ("Gia Lai, 05/11/2025\nChi bộ plei Kép (xã Ia Grai) có 41 đảng viên.", "41", "plei Kép"),
    # near miss: the city of Pleiku is no village
    ("Pleiku, 27/10/2025\nChi bộ làng Đê Kôp Dơng (phường Hội Phú) có 21 đảng viên.", "21", "làng Đê Kôp Dơng"),
])
def test_a_plei_cell_is_the_village(text, number, name):
    """Heldout22 s02, dev s174."""
    assert _scope(text, number) == ("organisation", name)


@pytest.mark.parametrize("text,number,name", [
    ("TP.HCM | 19/06/2026\nỞ Bệnh viện Nhi Đồng 1, trong 318 đảng viên của Đảng bộ thì nữ chiếm đa số với 211 "
     "đồng chí.", "318",
     "Bệnh viện Nhi Đồng 1"),
    ("Quảng Trị, 18/6/2026\nTại Bệnh viện Đa khoa tỉnh Quảng Trị, Đảng bộ hiện có 286 đảng viên.", "286",
     "Bệnh viện Đa khoa tỉnh Quảng Trị"),
])
def test_a_sentence_opening_at_an_institution_names_it(text, number, name):
    """Heldout22 p08, dev s175."""
    assert _scope(text, number) == ("organisation", name)


def test_a_body_named_after_the_institution_is_the_scope():
    """Near miss: after "Tại hội nghị ở Bệnh viện …," the body the sentence names counts."""
    text = ("Quảng Trị, 18/6/2026\nTại hội nghị ở Bệnh viện Đa khoa tỉnh Quảng Trị, Đảng bộ xã Gio Linh cho biết có "
            "1.024 đảng viên.")
    assert _scope(text, "1.024") == ("organisation", "xã Gio Linh")


def test_cells_of_a_kind_are_no_reference_to_a_named_hamlet():
    """Heldout22 p05, dev p141: "các chi bộ khóm" after "chia ra: khóm 25, …" is the ward's cells of that kind;
    near miss: "Chi bộ khóm" after "Chi bộ khóm 5" was named refers back to it."""
    text = ("Sóc Trăng, 10/11/2025\nĐảng bộ phường Phú Lợi hiện có 42 chi bộ trực thuộc, chia ra: khóm 25, cơ quan 10, "
            "trường học 7. Tổng số đảng viên là 1.880, trong đó đảng viên sinh hoạt ở các chi bộ khóm chiếm 58,4%.")
    assert _scope(text, "58,4%") == ("organisation", "phường Phú Lợi")
    text = "Sóc Trăng, 10/11/2025\nNgày 5/11, Chi bộ khóm 5 tổ chức đại hội. Chi bộ khóm hiện có 96 đảng viên."
    assert _scope(text, "96") == ("organisation", "khóm 5")

"""Strict round on held-out sets 16 and 17, names: a city's police written "TP" without its dot, a
district committee in a heading in capitals, a body calling itself by its kind ("Đảng bộ Trường")
after the text named it without a prefix, a new ward formed "từ các phường 1, 2, 7", an institution
opening a sentence or a heading without a party prefix, the Party after a year ("năm 1950 Đảng có")."""
import pytest

from .test_rules import _figures


def _scope(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return f["scope_kind"], f["scope_value"]


@pytest.mark.parametrize("text,number,name", [
    ("Nhân dịp Đại hội Đảng bộ Công an TP Cần Thơ lần thứ I, Đảng bộ hiện có 97 tổ chức cơ sở đảng.", "97",
     "Công an Thành phố Cần Thơ"),
    ("Đảng bộ Công an TP Hải Phòng hiện có 112 tổ chức cơ sở đảng.", "112", "Công an Thành phố Hải Phòng"),
])
def test_a_city_police_written_tp_without_dot_is_the_city_police(text, number, name):
    """Heldout17 c07, dev s74 (README: a province's police is "Công an Thành phố …")."""
    assert _scope(text, number) == ("organisation", name)


def test_another_body_keeps_tp_as_written():
    """Near miss (heldout17 d04): a company's name is not expanded."""
    text = "Đảng bộ Tổng công ty Điện lực TP Hồ Chí Minh kết nạp 81 đảng viên."
    assert _scope(text, "81") == ("organisation", "Tổng công ty Điện lực TP Hồ Chí Minh")


@pytest.mark.parametrize("text,number,name", [
    ("SƠ KẾT 6 THÁNG ĐẦU NĂM 2024 - HUYỆN ỦY BẢO LÂM\nKết nạp đảng viên\t71\nTổng số đảng viên\t4.802", "4.802",
     "huyện BẢO LÂM"),
    ("QUẬN ỦY NGÔ QUYỀN - SỐ LIỆU ĐẢNG VIÊN\n(Số liệu tính đến 30/9/2024)\n- Tổng số đảng viên: 6.215", "6.215",
     "quận NGÔ QUYỀN"),
])
def test_a_committee_in_a_capitals_heading_is_its_district(text, number, name):
    """Heldout17 y04, dev s75: "HUYỆN ỦY …" as "Huyện ủy …" (the name compared without case)."""
    assert _scope(text, number) == ("organisation", name)


@pytest.mark.parametrize("text,number,name", [
    ("Tin từ Trường Đại học Bách khoa Hà Nội (06/11/2024): Sau 5 năm, số đảng viên của Đảng bộ Trường tăng "
     "lên 1.517 đồng chí.", "1.517", "Trường Đại học Bách khoa Hà Nội"),
    ("Theo Bệnh viện Đa khoa tỉnh Nghệ An, năm 2024 Đảng bộ Bệnh viện kết nạp 18 đảng viên.", "18",
     "Bệnh viện Đa khoa tỉnh Nghệ An"),
])
def test_a_body_calling_itself_by_its_kind_is_the_one_the_text_named(text, number, name):
    """Heldout17 t07, dev s76."""
    assert _scope(text, number) == ("organisation", name)


def test_two_bodies_of_the_kind_leave_the_kind_alone():
    """Near miss: two schools named, "Đảng bộ Trường" is not guessed."""
    text = ("Trường Đại học Vinh và Trường Đại học Huế ký kết hợp tác. Đảng bộ Trường có 1.517 đảng viên.")
    assert _scope(text, "1.517")[1] not in ("Trường Đại học Vinh", "Trường Đại học Huế")


@pytest.mark.parametrize("text,number", [
    ("Phường Gia Định được thành lập từ các phường 1, 2, 7, 17 (quận Bình Thạnh cũ). Đảng bộ phường có 52 chi "
     "bộ trực thuộc.", "52"),
    ("Phường Xuân Hòa được thành lập từ các phường 6, 7, 8. Đảng bộ phường hiện có 1.930 đảng viên.", "1.930"),
])
def test_the_wards_a_new_one_was_formed_from_are_history(text, number):
    """Heldout16 c05, dev s77: "Đảng bộ phường" is the new ward, not the last old one listed."""
    assert _scope(text, number)[1] in ("Phường Gia Định", "Phường Xuân Hòa")


def test_a_ward_named_after_a_founding_year_stays():
    """Near miss: "thành lập từ năm 1997" lists no units merged."""
    text = "Được thành lập từ năm 1997, phường Tân Định có 1.930 đảng viên."
    assert _scope(text, "1.930") == ("organisation", "phường Tân Định")


@pytest.mark.parametrize("text,number,name", [
    ("Công ty Than Núi Béo - Vinacomin, trực thuộc Đảng bộ Than Quảng Ninh, có 14 chi bộ trực thuộc với 720 "
     "đảng viên.", "720", "Công ty Than Núi Béo - Vinacomin"),
    ("Tập đoàn Dầu khí Quốc gia Việt Nam - kết quả công tác đảng năm 2024 (Hội nghị ngày 26/12/2024):\n"
     "+ Tổng số đảng viên: 24.612", "24.612", "Tập đoàn Dầu khí Quốc gia Việt Nam"),
])
def test_an_institution_opening_a_sentence_or_a_heading(text, number, name):
    """Heldout16 s05, y03; dev s78, y47: followed by the body it belongs to, or a dash and its topic."""
    assert _scope(text, number) == ("organisation", name)


def test_an_institution_opening_a_sentence_with_its_verb_is_not_taken_so():
    """Near miss: "Công ty … tổ chức …" with neither ", trực thuộc" nor a dash: as before, not a scope."""
    text = "Công ty Cổ phần May Hưng Yên tổ chức hội nghị. Chi bộ thôn Đông có 20 đảng viên."
    assert _scope(text, "20") == ("organisation", "thôn Đông")


@pytest.mark.parametrize("text,number", [
    ("Trong kháng chiến, năm 1950 Đảng có hơn bảy vạn đảng viên; năm 1954 có khoảng 38 vạn.", "khoảng 38 vạn"),
    ("Những năm đầu kháng chiến, năm 1946 Đảng có khoảng 2 vạn đảng viên.", "khoảng 2 vạn"),
])
def test_the_party_after_a_year_is_the_country(text, number):
    """Heldout16 h04, dev h46."""
    assert _scope(text, number) == ("country", "VN")


def test_a_party_committee_after_a_year_is_not_the_country():
    """Near miss: "năm 2024 Đảng bộ có …"."""
    text = "Đảng bộ huyện Nam Đàn: năm 2024 Đảng bộ có 9.870 đảng viên."
    assert _scope(text, "9.870")[0] != "country"


@pytest.mark.parametrize("text,number,name", [
    ("Chi bộ Khoa Nhi, Bệnh viện Đa khoa tỉnh Quảng Ninh hiện có 19 đảng viên.", "19", "Khoa Nhi"),
    ("Chi bộ Phòng Tổ chức, Sở Y tế tỉnh Thanh Hóa có 12 đảng viên.", "12", "Phòng Tổ chức"),
])
def test_a_cell_of_a_department_then_the_body_it_is_in(text, number, name):
    """Dev s79, s80: the province in the body's name after a comma says where the cell is."""
    assert _scope(text, number) == ("organisation", name)


def test_a_place_after_a_comma_without_a_body_still_names_where_it_is():
    """Near miss: "Chi bộ thôn Nà Pò, xã Đức Long" keeps the cell (as before)."""
    assert _scope("Chi bộ thôn Nà Pò, xã Đức Long có 31 đảng viên.", "31") == ("organisation", "thôn Nà Pò")


def test_millions_of_women_members_and_the_shares_beside_them_are_the_country():
    """Heldout13 h04, dev h19, h49: no province has a million women members; the sentence's shares too."""
    text = ("Năm 2005, đảng viên nữ chỉ chiếm khoảng 27% tổng số đảng viên; đến cuối năm 2023 đã đạt 38,6%, tương "
            "ứng gần 2 triệu đồng chí.")
    assert _scope(text, "khoảng 27%") == ("country", "VN")
    assert _scope(text, "gần 2 triệu") == ("country", "VN")


def test_a_share_beside_thousands_stays_unscoped():
    """Near miss: a sentence counting thousands names no country."""
    text = "Năm 2005, đảng viên nữ chỉ chiếm khoảng 27% tổng số đảng viên; đến cuối năm 2023 tương ứng gần 2 nghìn."
    assert _scope(text, "khoảng 27%") == (None, None)

"""Rules round on held-out sets 11 and 12: a subset is never a total. A count of organisations or
members restricted by a kind, a place or a sector after a total of the same thing in the passage
is a part of that total ("Riêng các nông trường giáp biên có 5 chi bộ" of a company's 11 cells,
"… lực lượng vũ trang 240 tổ chức cơ sở đảng" of a province's 1.366), with the sector as its
dimension when one selects it and none otherwise; a count naming a place of its own, the whole
("toàn"), another date, or no restriction stays a total."""
import pytest

from .test_rules import _figures

PAGE = "Ngày đăng: 20/07/2024\n\n"


@pytest.mark.parametrize("text,number,whole,metric,dimension", [
    # real phrasing (heldout12 t04): a company's cells at its border plantations
    ("Đảng bộ Công ty TNHH MTV Cao su Chư Păh hiện có 11 chi bộ trực thuộc với 247 đảng viên. "
     "Riêng các nông trường giáp biên có 5 chi bộ.", "5", "11", "sub_cells", None),
    ("Đảng bộ Công ty Cao su Chư Păh có 11 chi bộ trực thuộc, riêng các nông trường giáp biên có "
     "5 chi bộ.", "5", "11", "sub_cells", None),  # in one sentence, alike
    ("Đảng bộ Công ty Cà phê Ea Pốk có 14 chi bộ trực thuộc với 312 đảng viên. Riêng các đội sản "
     "xuất ở vùng giáp ranh có 6 chi bộ.", "6", "14", "sub_cells", None),
    # a kind of unit, in the plural, opening the next sentence
    ("Đảng bộ huyện Mường Tè có 52 tổ chức cơ sở đảng. Các xã biên giới có 21 tổ chức cơ sở đảng.",
     "21", "52", "base_orgs_total", None),
    ("Đảng bộ huyện Mường Tè có 300 chi bộ. Những bản vùng cao có 120 chi bộ.", "120", "300",
     "cells_total", None),
    # a kind of place
    ("Đảng bộ xã Tân Lập có 428 đảng viên. Ở khu vực biên giới có 96 đảng viên.", "96", "428",
     "members_total", None),
    # a kind of organisation at a kind of place, of the base organisations before
    ("Đảng bộ Bộ đội Biên phòng tỉnh Quảng Trị có 27 tổ chức cơ sở đảng với 1.045 đảng viên. Tại các "
     "đồn biên phòng có 12 chi bộ cơ sở, 418 đảng viên.", "12", "27", "base_cells", None),
    ("Đảng bộ huyện Bắc Hà có 3.980 đảng viên. Số đảng viên ở các xã vùng sâu, vùng xa là 1.460 người.",
     "1.460", "3.980", "members_total", None),
    # "Trong đó," opening the next sentence
    ("Đảng bộ huyện Bảo Thắng có 312 chi bộ. Trong đó, chi bộ nông thôn có 198 chi bộ.", "198", "312",
     "cells_total", None),
    ("Năm 2024, Đảng bộ huyện Con Cuông kết nạp 168 đảng viên. Trong đó, các chi bộ bản kết nạp 97 đảng "
     "viên.", "97", "168", "new_admissions", "residential"),
    # a kind of place as the subject, places counted, and counts joined to them
    ("Đảng bộ tỉnh Điện Biên có 1.024 tổ chức cơ sở đảng. Vùng biên giới có 312 tổ chức cơ sở đảng.",
     "312", "1.024", "base_orgs_total", None),
    ("Đảng bộ tỉnh Điện Biên có 1.024 tổ chức cơ sở đảng. 44 xã biên giới có 312 tổ chức cơ sở đảng.",
     "312", "1.024", "base_orgs_total", None),
    ("Đảng bộ huyện Bảo Thắng có 5.200 đảng viên, 214 chi bộ. Khu vực nông thôn có 3.900 đảng viên, "
     "160 chi bộ.", "160", "214", "cells_total", None),
    # a sector heading its own sentence (real phrasing, heldout11 p04: "lực lượng vũ trang 240 tổ
    # chức cơ sở đảng" after the province's total)
    ("Đảng bộ tỉnh Điện Biên có 1.024 tổ chức cơ sở đảng. Lực lượng vũ trang có 95 tổ chức cơ sở "
     "đảng.", "95", "1.024", "base_orgs_total", "armed_forces"),
    ("Năm 2023, Đảng bộ tỉnh Hà Giang kết nạp 1.250 đảng viên. Khối doanh nghiệp ngoài nhà nước kết "
     "nạp 86 đảng viên.", "86", "1.250", "new_admissions", "private_enterprise"),
    ("Đảng bộ thị xã Kỳ Anh có 2.310 đảng viên, sinh hoạt tại 68 chi bộ. Riêng các chi bộ thôn, tổ "
     "dân phố có 1.120 đảng viên.", "1.120", "2.310", "members_total", "residential"),
])
def test_a_restricted_count_after_a_total_is_its_part(text, number, whole, metric, dimension):
    found = _figures(PAGE + text)
    part = found[number]
    assert (part["whole"], part["metric"], part["dimension_value"]) == (whole, metric, dimension)
    assert part["dimension"] == ("sector" if dimension else None)


@pytest.mark.parametrize("text,number", [
    # a genuine total with a place name
    ("Đảng bộ tỉnh Thanh Hóa có 1.024 tổ chức cơ sở đảng.", "1.024"),
    # a place of its own, singled out: that place's total
    ("Đảng bộ tỉnh Thanh Hóa có 1.024 tổ chức cơ sở đảng. Riêng Đảng bộ huyện Mường Lát có 52 tổ "
     "chức cơ sở đảng.", "52"),
    ("Đảng bộ huyện Mường Tè có 300 chi bộ. Đảng bộ xã Pa Ủ có 16 chi bộ.", "16"),
    # the whole again, or a later whole
    ("Năm 2020, Đảng bộ huyện có 4.800 đảng viên. Đến nay, toàn Đảng bộ huyện có 5.210 đảng viên.",
     "5.210"),
    ("Đảng bộ huyện Mường Tè có 52 tổ chức cơ sở đảng. Các xã có tất cả 40 tổ chức cơ sở đảng.",
     "40"),
    # a kind, but of another thing than the total before (admissions after members)
    ("Đảng bộ xã Tân Lập có 428 đảng viên. Riêng năm 2024, các chi bộ thôn kết nạp 12 đảng viên.",
     "12"),
    # a named cell after "Trong đó": its own total
    ("Đảng bộ xã Tân Lập có 16 chi bộ với 428 đảng viên. Trong đó, Chi bộ thôn Nà Pò có 42 đảng viên.",
     "42"),
    # places counted, but not of a kind: a count of another thing ("44 năm")
    ("Đảng bộ huyện Bảo Thắng có 52 tổ chức cơ sở đảng. Sau 44 năm xây dựng, Đảng bộ huyện có 50 tổ "
     "chức cơ sở đảng.", "50"),
    # a sector's admissions of another year than the total's
    ("Năm 2023, Đảng bộ tỉnh Hà Giang kết nạp 1.250 đảng viên. Năm 2024, khối doanh nghiệp ngoài "
     "nhà nước kết nạp 86 đảng viên.", "86"),
])
def test_a_count_of_its_own_stays_a_total(text, number):
    found = _figures(PAGE + text)[number]
    assert (found["whole"], found["dimension"]) == (None, None), found


def test_a_headline_part_takes_the_body_parts_whole():
    """Real phrasing (heldout10 t04): "Gần 1.500 đảng viên, hơn 180 đảng viên là sinh viên" over
    a body "1.478 đảng viên; số đảng viên là sinh viên là 186 đồng chí": the part's whole is the
    body's 1.478, not the headline's rounded "Gần 1.500"."""
    found = _figures("Bách khoa Hà Nội: Gần 1.500 đảng viên, hơn 180 đảng viên là sinh viên\n\nThứ Sáu, "
                     "11/10/2024 - 09:00\n\nĐảng ủy Đại học Bách khoa Hà Nội cho biết, tính đến tháng 9/2024, "
                     "Đảng bộ có 1.478 đảng viên; số đảng viên là sinh viên là 186 đồng chí.")
    assert (found["hơn 180"]["whole"], found["186"]["whole"]) == ("1.478", "1.478")
    assert found["hơn 180"]["scope_value"] == "Đại học Bách khoa Hà Nội"


def test_counts_joined_to_a_restricted_count_share_its_restriction():
    """"Ở các bản đặc biệt khó khăn có 11 tổ chức cơ sở đảng, 486 đảng viên": both are parts of
    the district's totals; near miss: after a total, the members joined to it are a total too."""
    found = _figures(PAGE + "Đảng bộ huyện Mường Lát hiện có 38 tổ chức cơ sở đảng với 2.140 đảng viên. Ở "
                     "các bản đặc biệt khó khăn có 11 tổ chức cơ sở đảng, 486 đảng viên.")
    assert (found["11"]["whole"], found["486"]["whole"]) == ("38", "2.140")
    assert found["2.140"]["whole"] is None

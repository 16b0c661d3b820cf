"""Strict round on held-out set 18, names: lower-case syllables a body's name holds ("Phái đoàn đại
diện thường trực …", "Tổng công ty", "Ban Quản lý dự án 85", "Học viện Hậu cần", "Phân xưởng Lò nung"
before the bracket naming its company), the verb of the meeting ending a name ("tiến hành",
"THONG BAO" in capitals without diacritics), a company's legal suffix, a short name given in brackets
after a body named without a party prefix ("Tổng công ty Hàng hải Việt Nam (VIMC)"), and a committee
calling itself by its kind ("Đảng bộ Tổng công ty")."""
import pytest

from .test_rules import _figures


def _scope(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return f["scope_kind"], f["scope_value"]


@pytest.mark.parametrize("text,number,name", [
    ("Ngày 9/4, Chi bộ Phái đoàn đại diện thường trực Việt Nam tại Liên hợp quốc tổ chức Đại hội Chi bộ. "
     "Chi bộ hiện có 19 đảng viên.", "19",
     "Phái đoàn đại diện thường trực Việt Nam tại Liên hợp quốc"),
    ("Đảng ủy Ban Quản lý dự án 85 kết nạp 3 đảng viên.", "3", "Ban Quản lý dự án 85"),
    ("Đảng bộ Bộ Dân tộc và Tôn giáo có 612 đảng viên.", "612", "Bộ Dân tộc và Tôn giáo"),
    ("Đảng bộ Học viện Hậu cần hiện có 84 chi bộ.", "84", "Học viện Hậu cần"),
])
def test_a_name_keeps_its_lower_case_syllables(text, number, name):
    """Heldout18 c03, a10, s03, c02 (README: a body's name keeps the syllables of its field)."""
    assert _scope(text, number) == ("organisation", name)


@pytest.mark.parametrize("text,number,name", [
    ("Chi bộ Phân xưởng Lò nung (Đảng bộ Công ty Cổ phần Gạch ngói Đồng Nai) hiện có 24 đảng viên.", "24",
     "Phân xưởng Lò nung"),
    ("Chi bộ Phân xưởng Cơ điện (Đảng bộ Công ty Than Mạo Khê - TKV) hiện có 31 đảng viên.", "31",
     "Phân xưởng Cơ điện"),
])
def test_a_workshop_cell_before_its_company_in_brackets_is_the_workshop(text, number, name):
    """Heldout18 s04, dev s97: the lower-case syllables closing a name before the bracket."""
    assert _scope(text, number) == ("organisation", name)


def test_lower_case_words_before_a_bracket_that_are_the_sentence_are_not_the_name():
    """Near miss: a verb ("có") before the bracket is no syllable of the name."""
    text = "Đảng bộ Công ty Than Hà Lầm có (tính đến 30/6/2025) 512 đảng viên."
    assert _scope(text, "512") == ("organisation", "Công ty Than Hà Lầm")


@pytest.mark.parametrize("text,number,name", [
    ("Sáng 19/5/2025, Đảng bộ Trường Đại học Kinh tế Quốc dân tiến hành Đại hội đại biểu lần thứ XXXIV. "
     "Đảng bộ Trường hiện có 47 chi bộ.", "47", "Trường Đại học Kinh tế Quốc dân"),
    ("DANG UY XA PHUOC SON THONG BAO: dang bo xa co 1.146 dang vien.", "1.146", "xa PHUOC SON"),
])
def test_the_verb_of_the_meeting_ends_the_name(text, number, name):
    """Heldout18 c02, n01, dev s101, s102."""
    kind, value = _scope(text, number)
    assert (kind, value.lower()) == ("organisation", name.lower())


def test_a_place_in_capitals_keeps_words_that_are_no_verb():
    """Near miss: "THONG" without "BAO" (a place "Thông …") stays in the name."""
    text = "DANG UY XA THONG NHAT: dang bo xa co 512 dang vien."
    assert _scope(text, "512")[1].lower() == "xa thong nhat"


def test_a_company_is_named_without_its_legal_suffix():
    """Heldout18 a06 (README: "Tổng công ty Thép Việt Nam", not "- CTCP"); "Đảng bộ Tổng công ty"
    is the one corporation the page names."""
    text = ("Tổng công ty Thép Việt Nam - CTCP: Quý đầu năm 2025, các tổ chức đảng trực thuộc Đảng bộ "
            "Tổng công ty đã kết nạp 18 đảng viên.")
    assert _scope(text, "18") == ("organisation", "Tổng công ty Thép Việt Nam")


def test_another_suffix_after_a_dash_stays():
    """Near miss: a group's short name after a dash is part of the name."""
    assert _scope("Đảng bộ Công ty Than Hà Lầm - TKV có 512 đảng viên.", "512") == (
        "organisation", "Công ty Than Hà Lầm - TKV")


@pytest.mark.parametrize("text,number,name", [
    ("Ngày 29/5/2025, Tổng công ty Hàng hải Việt Nam (VIMC) tổ chức hội nghị. Đảng bộ VIMC hiện có 2.460 "
     "đảng viên.", "2.460", "Tổng công ty Hàng hải Việt Nam"),
    ("Ngày 12/6/2025, Tổng công ty Lương thực miền Nam (Vinafood II) tổ chức hội nghị. Đảng bộ Vinafood II "
     "hiện có 1.310 đảng viên.", "1.310", "Tổng công ty Lương thực miền Nam"),
])
def test_a_short_name_given_after_a_body_without_prefix_is_that_body(text, number, name):
    """Heldout18 s05, dev s99."""
    assert _scope(text, number) == ("organisation", name)


def test_a_short_name_not_given_by_the_page_stays():
    """Near miss: no bracket gives "VIMC", so the name stays as written."""
    text = "Ngày 29/5/2025, Tổng công ty Hàng hải Việt Nam tổ chức hội nghị. Đảng bộ VIMC hiện có 2.460 đảng viên."
    assert _scope(text, "2.460") == ("organisation", "VIMC")


def test_a_corporation_by_its_kind_after_theo():
    """Dev s103: "Theo Tổng công ty …, … Đảng bộ Tổng công ty": the one corporation named."""
    text = "Theo Tổng công ty Bưu điện Việt Nam, 9 tháng đầu năm 2025, Đảng bộ Tổng công ty đã kết nạp 64 đảng viên."
    assert _scope(text, "64") == ("organisation", "Tổng công ty Bưu điện Việt Nam")


def test_a_numbered_team_before_its_department_in_brackets():
    """Dev s108: "… thị trường số 5" closes the team's name before the bracket."""
    text = ("Chi bộ Đội Quản lý thị trường số 5 (Đảng bộ Chi cục Quản lý thị trường tỉnh Đắk Lắk) hiện có 8 "
            "đảng viên.\nBuôn Ma Thuột, ngày 12/11/2025")
    assert _scope(text, "8") == ("organisation", "Đội Quản lý thị trường số 5")


def test_a_department_named_by_its_administration_before_its_committee():
    """Dev s110: "Hành chính" is a syllable of the name ("chính" alone ends one)."""
    text = "Chi bộ Phòng Tổ chức - Hành chính (Đảng bộ Trường Đại học Vinh) hiện có 13 đảng viên.\nNghệ An, ngày 03/12/2025"
    assert _scope(text, "13") == ("organisation", "Phòng Tổ chức - Hành chính")


@pytest.mark.parametrize("text,number,name", [
    ("Ngày 18/11/2025, Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp đón nhận Huân chương Lao động hạng Nhì. "
     "Đảng bộ Trường hiện có 286 đảng viên.", "286", "Trường Cao đẳng Kỹ thuật Công nghiệp"),
    ("Đảng ủy Bệnh viện Đa khoa tỉnh Nam Định ban hành Nghị quyết lãnh đạo nhiệm vụ năm 2026. Toàn Đảng bộ Bệnh "
     "viện hiện có 604 đảng viên.", "604", "Bệnh viện Đa khoa tỉnh Nam Định"),
    ("Chiều 4/12/2025, Đảng ủy Sở Xây dựng tỉnh Phú Thọ họp Hội nghị Ban Chấp hành mở rộng. Đảng bộ Sở hiện có "
     "174 đảng viên.", "174", "Sở Xây dựng tỉnh Phú Thọ"),
    ("Đảng bộ Công ty Than Vàng Danh nhận Cờ thi đua của Chính phủ. Đảng bộ Công ty có 1.204 đảng viên.", "1.204",
     "Công ty Than Vàng Danh"),
])
def test_a_verb_before_a_capitalised_object_ends_the_name(text, number, name):
    """Dev s111-s113: the body's name stops at what it does ("đón nhận", "ban hành", "họp", "nhận")."""
    assert _scope(text, number) == ("organisation", name)


def test_a_name_holding_a_capitalised_kiem_tra_stays():
    """Near miss: "Ủy ban Kiểm tra" is a body's name, its verb-like syllables capitalised."""
    text = "Chi bộ Ủy ban Kiểm tra Tỉnh ủy Nam Định hiện có 21 đảng viên."
    assert _scope(text, "21") == ("organisation", "Ủy ban Kiểm tra Tỉnh ủy Nam Định")

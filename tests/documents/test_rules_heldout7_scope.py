"""Rules added after held-out set 7 on scopes and dates: historical notes in brackets, a
bracketed "thuộc" place, a headline's "Từ đầu năm" restating the body; each on sentences written
for the rule, with near misses."""
import pytest

from chibo.etl.documents import extract

from .test_rules import _figures

_PAGE = "Tin\n\nThứ Hai, 09/03/2020 - 09:00\n\n"


@pytest.mark.parametrize("text,value", [
    ("Năm 1991, khi tỉnh Lào Cai được tái lập (tách từ tỉnh Hoàng Liên Sơn), Đảng bộ tỉnh có "
     "9.800 đảng viên.", "10"),
    (_PAGE + "Đảng bộ tỉnh Hà Giang (tách ra từ tỉnh Hà Tuyên năm 1991) hiện có 1.050 tổ chức "
     "cơ sở đảng.", "02"),
    (_PAGE + "Đảng bộ huyện Sìn Hồ (trước đây thuộc tỉnh Lai Châu cũ) có 4.100 đảng viên.",
     "huyện Sìn Hồ"),
    ("Năm 1991, tỉnh Lào Cai được tái lập, tách ra từ tỉnh Hoàng Liên Sơn, Đảng bộ tỉnh có 9.800 "
     "đảng viên.", "10"),
])
def test_a_bracketed_note_on_history_is_no_scope(text, value):
    (f,) = _figures(text).values()
    assert f["scope_value"] == value


def test_a_province_named_outside_brackets_is_still_the_scope():
    """Near miss: an old province named as the subject is the scope of its own figure (a province of the
    past with no code is a body of its own, as heldout19 h02 reads "tỉnh Sông Bé" and heldout23 h04, n03 read
    "tỉnh Hà Tây", "tỉnh Nghệ Tĩnh")."""
    (f,) = _figures("Năm 1975, tỉnh Hoàng Liên Sơn có 6.000 đảng viên.").values()
    assert (f["scope_kind"], f["scope_value"]) == ("organisation", "tỉnh Hoàng Liên Sơn")


@pytest.mark.parametrize("text,value", [
    ("Đảng bộ xã Tân Phú (thuộc huyện Đồng Phú) có 312 đảng viên.", "xã Tân Phú"),
    ("Chi bộ thôn Nà Pò (thuộc xã Quang Trung) hiện có 45 đảng viên.", "thôn Nà Pò"),
])
def test_a_bracketed_place_says_where_the_organisation_is(text, value):
    (f,) = _figures(text).values()
    assert f["scope_value"] == value


@pytest.mark.parametrize("text,day", [
    ("Lâm Hà: Từ đầu năm kết nạp 154 đảng viên\n\nThứ Sáu, 20/10/2023 - 10:00\n\nTừ đầu năm "
     "đến ngày 15/10/2023, Đảng bộ huyện Lâm Hà kết nạp 154 đảng viên.", "2023-10-15"),
    ("Phú Lương: từ đầu năm đến nay kết nạp gần 200 đảng viên\n\nThứ Ba, 05/12/2023 - 08:00\n\n"
     "Từ ngày 1/1 đến ngày 30/11/2023, Đảng bộ huyện Phú Lương kết nạp 196 đảng viên.",
     "2023-11-30"),
])
def test_a_headline_from_the_start_of_the_year_takes_the_body_date(text, day):
    assert {f["as_of"].isoformat() for f in _figures_all(text)} == {day}


def test_from_the_start_of_the_year_alone_is_the_page_date():
    """Near miss: no body figure restated, "Từ đầu năm" runs to the page's date."""
    text = "Sơ kết\n\nThứ Sáu, 20/10/2023 - 10:00\n\nTừ đầu năm, Đảng bộ huyện Lâm Hà kết nạp 154 đảng viên."
    (f,) = _figures(text).values()
    assert f["as_of"].isoformat() == "2023-10-20"


def _figures_all(text: str) -> list[dict]:
    return extract(text, "rules").figures


@pytest.mark.parametrize("text,sector", [
    ("Năm 2023, tỉnh Bắc Ninh kết nạp 230 đảng viên là người lao động trong doanh nghiệp tư nhân.",
     "private_enterprise"),
    ("Năm 2024, thành phố kết nạp 58 đảng viên là viên chức ở đơn vị sự nghiệp công lập.",
     "public_service"),
    # near miss: a group with no place of work narrows nothing
    ("Năm 2023, tỉnh Bắc Ninh kết nạp 230 đảng viên là con em công nhân.", None),
])
def test_members_described_by_their_workplace_narrow_the_scope(text, sector):
    (f,) = _figures(text).values()
    assert f["sector"] == sector


@pytest.mark.parametrize("text,value", [
    ("THANH HÓA: ĐẢNG BỘ TỈNH CÓ GẦN 22 VẠN ĐẢNG VIÊN\n\nThứ Hai, 14/03/2022 - 08:00\n\nĐảng bộ "
     "tỉnh Thanh Hóa có 218.400 đảng viên.", "38"),
    ("ĐẢNG BỘ TỈNH LẠNG SƠN KẾT NẠP 1.650 ĐẢNG VIÊN\n\n10/01/2024 | 09:00\n\nNăm 2023, Đảng bộ "
     "tỉnh Lạng Sơn kết nạp 1.650 đảng viên.", "20"),
])
def test_a_headline_in_capitals_above_the_dateline_is_the_headline(text, value):
    figures = extract(text, "rules").figures
    assert figures[0]["sentence"].isupper() and figures[0]["scope_value"] == value


def test_a_masthead_in_capitals_is_no_headline():
    """Near miss: capitals not followed by the dateline are the site's name."""
    from chibo.etl.documents.sentences import title
    text = ("BÁO ĐIỆN TỬ ĐẢNG BỘ TỈNH LẠNG SƠN TRANG CHỦ\nĐảng bộ tỉnh Lạng Sơn kết nạp 1.650 "
            "đảng viên trong năm\n\n10/01/2024 | 09:00\n\nNội dung.")
    assert title(text).startswith("Đảng bộ tỉnh")


@pytest.mark.parametrize("text,value", [
    ("Năm 2023, Đảng bộ Tập đoàn Viễn thông Quân đội kết nạp 1.050 đảng viên.",
     "Tập đoàn Viễn thông Quân đội"),
    ("Đảng bộ Bộ đội Biên phòng tỉnh Quảng Trị có 1.120 đảng viên.", "Bộ đội Biên phòng tỉnh Quảng Trị"),
    ("Đảng bộ Công ty Điện lực Hải Dương có 900 đảng viên.", "Công ty Điện lực Hải Dương"),
    # near miss: the verb after the name is not part of it
    ("Đảng bộ Quân đoàn 12 hiện có 900 đảng viên.", "Quân đoàn 12"),
])
def test_names_with_a_lower_case_second_syllable(text, value):
    (f,) = _figures(text).values()
    assert f["scope_value"] == value

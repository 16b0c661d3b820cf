"""Scope names of the round on held-out set 9: lower-case syllables inside names ("Bưu chính",
"Phòng không - Không quân"), a mission abroad with its country ("Đại sứ quán Việt Nam tại Hàn
Quốc"), one committee named with a comma ("Mặt trận Tổ quốc, các đoàn thể Trung ương"); each on
sentences written for the rule, with near misses."""
import pytest

from .test_rules import _figures

PAGE = "Tin\n\nThứ Năm, 16/10/2025 - 08:00\n\n"


@pytest.mark.parametrize("text,name", [
    ("Đảng bộ Tổng công ty Bưu chính Viettel có 1.900 đảng viên.",
     "Tổng công ty Bưu chính Viettel"),
    ("Đảng ủy Sư đoàn Phòng không 361 có 420 đảng viên.", "Sư đoàn Phòng không 361"),
    ("Đảng bộ Học viện Phòng không - Không quân có 610 đảng viên.",
     "Học viện Phòng không - Không quân"),
    ("Chi bộ Đại sứ quán Việt Nam tại Nhật Bản tổ chức đại hội. Chi bộ có 19 đảng viên.",
     "Đại sứ quán Việt Nam tại Nhật Bản"),
    ("Chi bộ Tổng Lãnh sự quán Việt Nam tại Thượng Hải tổ chức đại hội. Chi bộ có 11 đảng viên.",
     "Tổng Lãnh sự quán Việt Nam tại Thượng Hải"),
    ("Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương có 68 tổ chức cơ sở đảng.",
     "Mặt trận Tổ quốc, các đoàn thể Trung ương"),
])
def test_names_kept_whole(text, name):
    (f,) = _figures(PAGE + text).values()
    assert f["scope_value"] == name


def test_a_name_stops_before_tai_a_place():
    """Near miss: "tại" after an organisation that is no mission abroad says where it met."""
    (f,) = _figures(PAGE + "Đảng bộ Sở Y tế tại Hà Nội có 300 đảng viên.").values()
    assert f["scope_value"] == "Sở Y tế"


def test_the_front_of_a_province_stops_before_a_comma():
    """Near miss: the Front of a province, then another clause after the comma."""
    figures = _figures(PAGE + "Đảng bộ Mặt trận Tổ quốc tỉnh Nghệ An có 12 chi bộ, các đoàn thể "
                       "có 40 đảng viên.")
    assert figures["12"]["scope_value"] == "Mặt trận Tổ quốc tỉnh Nghệ An"


def test_the_bloc_of_agencies_and_enterprises_of_a_province():
    text = PAGE + ("Năm 2024, Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Yên Bái kết nạp 96 "
                   "đảng viên.")
    (f,) = _figures(text).values()
    assert (f["scope_kind"], f["scope_value"]) == (
        "organisation", "Khối các cơ quan và doanh nghiệp tỉnh Yên Bái")


CELL_REPORT = ("ĐẢNG BỘ PHƯỜNG TÂN ĐÔNG HIỆP\n{cell}\n*\nTân Đông Hiệp, ngày 18 tháng 12 năm 2025\n\n"
               "{title}\n\nChi bộ có 27 đảng viên (25 chính thức, 2 dự bị).")


def test_a_numbered_quarter_in_a_cell_heading():
    text = CELL_REPORT.format(cell="CHI BỘ KHU PHỐ TÂN PHƯỚC 3", title="BÁO CÁO KIỂM ĐIỂM NĂM 2025")
    assert {f["scope_value"].lower() for f in _figures(text).values()} == {
        "khu phố tân phước 3"}


def test_minutes_title_names_no_hamlet_nor_cell():
    """Near misses: "BIÊN BẢN" is no hamlet ("bản"), "CHI BỘ THƯỜNG KỲ THÁNG 12" no cell's name."""
    text = CELL_REPORT.format(cell="CHI BỘ TRƯỜNG TIỂU HỌC TÂN BÌNH",
                              title="BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 12/2025")
    assert {f["scope_value"].lower() for f in _figures(text).values()} == {
        "trường tiểu học tân bình"}


def test_a_number_after_a_place_in_a_sentence_is_no_part_of_its_name():
    """Near miss: "xã Tân Lập 12 …" in running text: the number counts."""
    (f,) = _figures(PAGE + "Đảng bộ xã Tân Lập có 412 đảng viên.").values()
    assert f["scope_value"] == "xã Tân Lập"


MERGED = ("Bế mạc Đại hội Đảng bộ tỉnh Lào Cai lần thứ I\n\nThứ Ba, 30/09/2025 | 18:00\n\n"
          "Chiều 30/9, Đại hội đại biểu Đảng bộ tỉnh Lào Cai lần thứ I, nhiệm kỳ 2025 - 2030 bế "
          "mạc. Đây là Đại hội đầu tiên sau khi hợp nhất Đảng bộ tỉnh Yên Bái và Đảng bộ tỉnh Lào "
          "Cai.\n\n{body}")


def test_the_old_provinces_of_a_merger_hold_no_congress():
    """The figures reported to the first congress of a merged province are the new province's."""
    text = MERGED.format(body="450 đại biểu dự Đại hội thay mặt cho hơn 110.000 đảng viên sinh "
                              "hoạt trong 98 đảng bộ trực thuộc.")
    assert {(f["scope_kind"], f["scope_value"]) for f in _figures(text).values()} == {
        ("province", "N15")}


def test_an_old_province_named_with_its_own_term_keeps_its_code():
    """Near miss: "Nhiệm kỳ 2020 - 2025, Đảng bộ tỉnh Yên Bái kết nạp …" names the old province."""
    text = MERGED.format(body="Nhiệm kỳ 2020 - 2025, Đảng bộ tỉnh Yên Bái kết nạp 9.100 đảng viên.")
    (f,) = _figures(text).values()
    assert (f["scope_kind"], f["scope_value"]) == ("province", "15")


def test_a_committee_of_the_province_named_before():
    text = ("Quảng Trị: Kiện toàn tổ chức đảng\n\nThứ Năm, 16/10/2025 - 08:00\n\n"
            "Đảng bộ Ủy ban nhân dân tỉnh có 180 tổ chức cơ sở đảng.")
    (f,) = _figures(text).values()
    assert f["scope_value"] == "Ủy ban nhân dân tỉnh Quảng Trị"


def test_a_committee_named_with_its_province_is_not_named_twice():
    """Near miss: "Công an tỉnh Thanh Hóa" already names its province."""
    text = ("Quảng Trị: Kiện toàn tổ chức đảng\n\nThứ Năm, 16/10/2025 - 08:00\n\n"
            "Đảng bộ Công an tỉnh Thanh Hóa có 62 tổ chức cơ sở đảng.")
    (f,) = _figures(text).values()
    assert f["scope_value"] == "Công an tỉnh Thanh Hóa"


def test_a_committee_with_no_province_named_keeps_its_name():
    """Near miss: no province named before: the name as written."""
    (f,) = _figures(PAGE + "Đảng bộ Ủy ban nhân dân tỉnh có 180 tổ chức cơ sở đảng.").values()
    assert f["scope_value"] == "Ủy ban nhân dân"


def test_the_old_wards_a_ward_is_made_of_are_no_referent():
    text = PAGE + ("Bí thư Đảng ủy phường Hòa Bình (gồm các phường Tân Lập, Tân Tiến cũ) cho biết, "
                   "Đảng bộ phường có 61 chi bộ trực thuộc.")
    (f,) = _figures(text).values()
    assert f["scope_value"] == "phường Hòa Bình"


def test_a_ward_in_brackets_without_gom_still_qualifies():
    """Near miss: "(thuộc phường …)" says where the cell is; the cell stays the scope."""
    text = PAGE + "Chi bộ khu phố 4 (thuộc phường Tân Lập) có 38 đảng viên."
    (f,) = _figures(text).values()
    assert f["scope_value"] == "khu phố 4"

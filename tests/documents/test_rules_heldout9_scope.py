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

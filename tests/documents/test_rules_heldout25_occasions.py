"""Strict round on held-out sets 24 and 25, an occasion's day and month in brackets ("Đúng dịp kỷ niệm … Ngày
sinh Chủ tịch Hồ Chí Minh (19/5)", "Chào mừng Ngày thành lập Đoàn … (26/3)", "Nhân dịp … Quốc khánh (2/9)"):
the day the ceremony or meeting of the sentence was held, an event ("hiện" after it is that day)."""
import pytest

from .test_rules_heldout25_so_far import _dated

_NATIONAL_DAY = ("Hà Giang, 04/09/2025\nNhân dịp kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh (2/9), Chi bộ "
                 "thôn Lũng Cú tổ chức lễ kết nạp 3 đảng viên mới. Chi bộ hiện có 41 đảng viên.")


@pytest.mark.parametrize("text,number,expected", [
    (_NATIONAL_DAY, "3", ("2025-09-02", "2025-09-02")),
    (_NATIONAL_DAY, "41", ("2025-09-02", None)),
    ("Đà Nẵng, 28/03/2026\nChào mừng Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3), Chi bộ Trường THPT Lê Quý Đôn "
     "tổ chức lễ kết nạp 5 học sinh ưu tú vào Đảng.", "5", ("2026-03-26", "2026-03-26")),
    ("Lào Cai, 20/5/2025\n\nĐúng dịp kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5), Đảng ủy xã Y Tý tổ "
     "chức lễ kết nạp 4 đảng viên. Đảng bộ xã hiện có 287 đảng viên.", "287", ("2025-05-19", None)),
])
def test_an_occasions_day_in_brackets_is_the_event(text, number, expected):
    """Heldout24 d06; dev a136, a137."""
    assert _dated(text, number) == expected


@pytest.mark.parametrize("text,number,expected", [
    ("Hà Giang, 04/09/2025\nChi bộ thôn Lũng Cú (thành lập 2/9) hiện có 41 đảng viên.", "41", ("2025-09-04", None)),
    ("Lào Cai, 20/5/2025\nĐảng ủy xã Y Tý tổ chức lễ kết nạp 4 đảng viên người Hà Nhì (19/5).", "4",
     ("2025-05-20", "2025-05-20")),
])
def test_other_days_in_brackets_are_no_occasion(text, number, expected):
    """Near misses: a founding day in brackets glosses a body; a day in brackets after a count, with no occasion
    named before it, is not read as one."""
    assert _dated(text, number) == expected

"""Report abbreviations of the round on held-out sets 15-17: "DTTS" (dân tộc thiểu số) names the
ethnic minority part, "KN" (kết nạp) an admissions label ("KN mới 6 tháng: 14"). On lists written for
the rules, with near misses."""
from .test_rules_heldout6 import _rows

HEAD = "ĐẢNG BỘ PHƯỜNG TÂN AN – SỐ LIỆU ĐẢNG VIÊN\n"


def test_dtts_and_kn_in_a_report_list():
    text = HEAD + "- Tổng số ĐV: 2.108 (nữ: 905; DTTS: 164)\n- KN 9 tháng: 37\n- KN mới 6 tháng: 25\n"
    assert _rows(text) == [("2.108", "members_total", None, None, None),
                           ("905", "members_female", "2.108", "gender", "female"),
                           ("164", "members_total", "2.108", "ethnicity", "minority"),
                           ("37", "new_admissions", None, None, None),
                           ("25", "new_admissions", None, None, None)]


def test_kn_inside_another_abbreviation_is_no_admissions_label():
    """Near miss: "KNTC" (khiếu nại, tố cáo: complaints) is no admissions label."""
    text = HEAD + "- Tổng số ĐV: 2.108\n- KNTC: 37\n"
    assert _rows(text) == [("2.108", "members_total", None, None, None)]

"""Totals and labelled counts of the round on held-out set 16: "tròn" (a round number, exact)
before a count is part of its number phrase, and a count after its label and "(nay) (chỉ) còn"
("số đảng viên trên 60 tuổi chỉ còn 88") is the label's figure. Each on sentences written for the
rule, with near misses."""
from .test_rules import _figures
from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Tư, 10/09/2025 - 09:00\n\n"


def test_tron_is_part_of_an_exact_count():
    (f,) = _figures(PAGE + "Chi bộ thôn Đồng Tâm hiện có tròn 50 đảng viên.").values()
    assert (f["number_text"], f["qualifier"], f["value"]) == ("tròn 50", "exact", 50)


def test_tron_before_a_year_count_is_no_figure():
    """Near miss: "tròn 50 năm" is an anniversary, not a count of members."""
    assert _figures(PAGE + "Chi bộ thôn Đồng Tâm kỷ niệm tròn 50 năm thành lập.") == {}


def test_a_count_after_its_label_and_chi_con_is_the_labels_figure():
    text = PAGE + ("Đảng bộ phường Hòa Bình có 1.240 đảng viên; số đảng viên trên 60 tuổi nay chỉ "
                   "còn 203.")
    assert _rows(text) == [("1.240", "members_total", None, None, None),
                           ("203", "members_total", "1.240", "age_band", "61_plus")]


def test_a_change_down_to_a_count_is_not_read_as_the_label():
    """Near miss: "giảm còn 203" after the label is a change, no labelled count of the group."""
    text = PAGE + ("Đảng bộ phường Hòa Bình có 1.240 đảng viên; số đảng viên trên 60 tuổi giảm "
                   "còn 203.")
    assert ("203", "members_total", "1.240", "age_band", "61_plus") not in _rows(text)

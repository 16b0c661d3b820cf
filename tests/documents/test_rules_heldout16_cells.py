"""Cells of the round on held-out sets 15 and 16: cells of the military and the police by kind
("2 chi bộ quân sự, công an", "3 chi bộ quân sự"), a sector; and the cells counted restated as
the whole of a breakdown ("… 17 chi bộ trực thuộc …; trong 17 chi bộ có 4 chi bộ quân sự, công
an"): the part of the figure said first, not the size of the cells nor a second total. Each on
sentences written for the rule, with near misses."""
from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Tư, 10/09/2025 - 09:00\n\n"


def test_military_and_police_cells_in_a_list_of_cells_are_a_sector():
    text = PAGE + "Đảng bộ xã Tân Hòa có 24 chi bộ trực thuộc, gồm 21 chi bộ ấp và 3 chi bộ quân sự, công an."
    assert _rows(text)[-1] == ("3", "sub_cells", "24", "sector", "armed_forces")


def test_a_military_command_named_is_no_sector_of_cells():
    """Near miss: "Ban Chỉ huy quân sự xã" names a body, not a kind of cell."""
    text = PAGE + "Chi bộ Ban Chỉ huy quân sự xã Tân Hòa có 12 đảng viên."
    assert _rows(text) == [("12", "members_total", None, None, None)]


def test_cells_restated_as_the_whole_of_a_breakdown_are_the_figure_said_again():
    text = PAGE + ("Đảng bộ xã Mỹ Lợi có 21 chi bộ trực thuộc với 734 đảng viên; trong 21 chi bộ "
                   "có 2 chi bộ quân sự.")
    assert _rows(text) == [("21", "sub_cells", None, None, None),
                           ("734", "members_total", None, None, None),
                           ("2", "sub_cells", "21", "sector", "armed_forces")]


def test_cells_counted_without_trong_before_them_are_still_sized():
    """Near miss: without "trong" before them, "9 chi bộ có dưới 10 đảng viên" is the size of
    the cells counted, no breakdown of a whole: neither is a figure."""
    text = PAGE + "Đảng bộ xã Mỹ Lợi có 860 đảng viên; 9 chi bộ có dưới 10 đảng viên."
    assert _rows(text) == [("860", "members_total", None, None, None)]

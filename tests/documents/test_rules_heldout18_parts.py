"""Parts of the round on held-out set 18 (labelled.py): a smaller count of the same thing after a
total, described by a label of its own (an adjective with a bracket, "là …", "theo …", a label line
ending in ":") or carrying a share, or a row of a table under its total row, is a part of that
total (with the dimension its label names, else none), never a second total. On sentences written
for the rule, with near misses that stay totals: a place of its own, another year, the total
restated, a whole named by "toàn"."""
import pytest

from .test_rules_heldout6 import _figures, _rows

HEAD = "Thứ Sáu, 05/12/2025 - 09:20\n\n"


@pytest.mark.parametrize("text,rows", [
    ("Đảng bộ xã Tân Phú hiện có 1.480 đảng viên. Đảng viên lớn tuổi (trên 60 tuổi) có 402 đồng chí, "
     "chiếm 27,2%; đảng viên trẻ (từ 30 tuổi trở xuống) 210 đồng chí.",
     [("1.480", "members_total", None, None, None), ("402", "members_total", "1.480", "age_band", "61_plus"),
      ("210", "members_total", "1.480", "age_band", "18_30")]),
    ("Đảng bộ phường An Lạc hiện có 760 đảng viên. Số đảng viên là người có đạo: theo đạo Cao Đài 41 "
     "đồng chí, là phật tử 19 đồng chí.",
     [("760", "members_total", None, None, None), ("41", "members_total", "760", "religion", "religious"),
      ("19", "members_total", "760", "religion", "buddhist")]),
    ("Đảng bộ xã Hòa Bình hiện có 845 đảng viên. Số đảng viên là cựu thanh niên xung phong: 37 đồng chí.",
     [("845", "members_total", None, None, None), ("37", "members_total", "845", None, None)]),
])
def test_a_described_count_after_a_total_is_its_part(text, rows):
    assert _rows(HEAD + text) == rows


def test_a_share_is_read_with_the_part():
    figures = _figures(HEAD + "Đảng bộ xã Tân Phú hiện có 1.480 đảng viên. Đảng viên cao tuổi (trên 60 "
                              "tuổi) có 402 đồng chí, chiếm 27,2%.")
    assert figures["402"]["share"] == pytest.approx(0.272)


def test_a_table_row_under_its_total_row_is_its_part():
    """The rows take their band from the table's "Độ tuổi" and their share from its column."""
    text = HEAD + ("Cơ cấu độ tuổi đảng viên Đảng bộ xã Tân Phú\nĐộ tuổi\tSố đảng viên\tTỷ lệ\n"
                   "Dưới 30\t290\t19,3%\n30 - 60\t900\t60%\nTrên 60\t310\t20,7%\nTổng cộng\t1.500\t100%\n")
    assert _rows(text) == [("290", "members_total", "1.500", "age_band", "18_29"),
                           ("900", "members_total", "1.500", "age_band", "30_60"),
                           ("310", "members_total", "1.500", "age_band", "61_plus"),
                           ("1.500", "members_total", None, None, None)]
    assert _figures(text)["310"]["share"] == pytest.approx(0.207)


@pytest.mark.parametrize("text", [
    # a place of its own
    "Đảng bộ huyện Yên Lạc hiện có 8.210 đảng viên. Đảng bộ thị trấn Yên Lạc (đơn vị đông nhất) có 905 "
    "đảng viên.",
    # another year, a whole named by "toàn"
    "Đảng bộ huyện Yên Lạc hiện có 8.210 đảng viên. Năm 2010 (khi tái lập huyện), toàn huyện có 6.120 "
    "đảng viên.",
    # the total restated
    "Đảng bộ huyện Yên Lạc hiện có 8.210 đảng viên. Như vậy, số đảng viên (của huyện) đã vượt mốc 8.000.",
])
def test_near_misses_stay_totals(text):
    assert all(whole is None for _, _, whole, _, _ in _rows(HEAD + text))


def test_the_next_item_of_a_labelled_list_is_a_sibling_not_a_part():
    text = HEAD + ("Đảng bộ xã Hòa Bình hiện có 845 đảng viên. Số đảng viên là cựu quân nhân: 146 đồng "
                   "chí; là giáo viên: 23 đồng chí.")
    assert [r[:3] for r in _rows(text)] == [("845", "members_total", None), ("146", "members_total", "845"),
                                            ("23", "members_total", "845")]


def test_a_breakdown_of_a_labelled_count_stays_its_part():
    """Near miss: after "trong đó" the count is a part of the labelled count, not its sibling."""
    text = HEAD + ("Đảng bộ xã Hòa Bình hiện có 845 đảng viên. Số đảng viên là cựu quân nhân: 146 đồng "
                   "chí; trong đó 23 đồng chí là nữ.")
    assert [r[:3] for r in _rows(text)] == [("845", "members_total", None), ("146", "members_total", "845"),
                                            ("23", "members_female", "146")]


def test_a_narrowed_part_takes_the_dimension_its_label_names():
    text = HEAD + ("Đảng bộ xã Lịch Hội Thượng hiện có 512 đảng viên. Số đảng viên là đồng bào Khmer sinh "
                   "sống tại địa phương có 95 đồng chí, chiếm 18,6%.")
    assert _rows(text)[1] == ("95", "members_total", "512", "ethnicity", "minority")
    assert _figures(text)["95"]["share"] == pytest.approx(0.186)


def test_a_narrowed_part_whose_label_names_no_dimension_keeps_none():
    """Near miss: "cựu chiến binh" is no dimension the vocabulary knows."""
    text = HEAD + "Đảng bộ xã Hòa Bình hiện có 845 đảng viên. Đảng viên là cựu chiến binh có 95 đồng chí."
    assert _rows(text)[1] == ("95", "members_total", "845", None, None)


def test_years_of_party_age_in_a_label_are_no_time_of_its_own():
    text = HEAD + ("Đảng bộ xã Tân Lập hiện có 900 đảng viên. Đảng viên có thâm niên 30 năm tuổi Đảng trở "
                   "lên: 180 đồng chí.")
    assert _rows(text)[1] == ("180", "members_total", "900", None, None)


@pytest.mark.parametrize("join,whole", [(", trong đó có ", "690"), ("; ", "736")])
def test_a_part_of_a_part_after_trong_do(join, whole):
    """Near miss: after ";" the second level is a sibling, a part of the total."""
    text = HEAD + ("Đảng bộ Trường Đại học Vinh hiện có 736 đảng viên. Về trình độ, 690 đồng chí có trình độ "
                   f"đại học trở lên{join}402 đồng chí có trình độ sau đại học.")
    assert _rows(text)[2] == ("402", "members_total", whole, "education", "postgraduate")

"""Common phrasings of parts and wholes the extractor missed, found after held-out set 6 by
writing sentences beyond that set's wording (activities, lists, shares, ratios, religions, a
total "Tổng số N … chia ra"); each with near misses that must not match."""
import pytest

from .test_rules import _figures
from .test_rules_heldout6_phrasings import _rows

# ---- parts: an activity without its whole, a list of parts after a label's colon


@pytest.mark.parametrize("text", [
    "Trong năm 2022, 1.204 tổ chức cơ sở đảng đã kết nạp được đảng viên.",
    "Năm 2022, 37 tổ chức cơ sở đảng không kết nạp được đảng viên nào.",
])
def test_base_organisations_that_did_or_did_not_admit_are_an_activity(text):
    f = next(iter(_figures(text).values()))
    assert (f["metric"], f["dimension"], f["whole"]) == ("base_orgs_total", "activity", None)


def test_a_list_of_parts_after_a_colon_without_a_whole():
    text = ("Cơ cấu đảng viên mới kết nạp năm 2022: nữ 210 đồng chí; dân tộc thiểu số 85 đồng "
            "chí; tôn giáo 12 đồng chí.")
    assert _rows(text) == [("210", "new_admissions", None, "female"),
                           ("85", "new_admissions", None, "minority"),
                           ("12", "new_admissions", None, "religious")]


# ---- a members' share dated otherwise than the admissions before it is the members'


def test_a_members_share_dated_now_after_a_terms_admissions_is_of_the_members():
    text = ("Sáng 28/7/2020, Đại hội có 200 đại biểu đại diện cho hơn 5.800 đảng viên.\n\n"
            "Trong nhiệm kỳ 2015 - 2020, Đảng bộ kết nạp 1.020 đảng viên mới; đến nay tỷ lệ đảng "
            "viên nữ chiếm 41,5%.")
    f = _figures(text)["41,5%"]
    assert (f["metric"], f["whole"]) == ("members_female", "hơn 5.800")


def test_a_share_of_the_same_years_admissions_stays_theirs():
    f = _figures("Năm 2022 kết nạp 420 đảng viên; trong đó nữ chiếm 48,1%.")["48,1%"]
    assert (f["metric"], f["whole"]) == ("new_admissions", "420")


# ---- parts: a whole of admissions introduced by "Trong N …", a part opening its sentence


@pytest.mark.parametrize("text,part,whole,dim", [
    ("Trong 1.204 đảng viên được kết nạp năm 2022, nữ chiếm 46%.", "46%", "1.204", "female"),
    ("Đảng bộ có 2.920 đảng viên. Đảng viên nữ 1.203 người, chiếm 41,2% tổng số đảng viên.",
     "1.203", "2.920", "female"),
    ("Đảng bộ có 4.400 đảng viên; có 1.100 đảng viên trẻ (dưới 35 tuổi), chiếm 25%.", "1.100",
     "4.400", "18_34"),
])
def test_parts_opening_or_glossed(text, part, whole, dim):
    f = _figures(text)[part]
    assert (f["whole"], f["dimension_value"]) == (whole, dim)


@pytest.mark.parametrize("text", [
    "Chi bộ Khu phố 5 tổ chức sinh hoạt thường kỳ.",
    "Đảng viên Nguyễn Văn An 72 tuổi vẫn gương mẫu.",
])
def test_a_name_with_a_number_is_no_figure(text):
    assert _figures(text) == {}


# ---- a share of a whole of another kind counted next

@pytest.mark.parametrize("text", [
    "Năm 2023 kết nạp 230 đảng viên, chiếm 1,2% tổng số 19.100 đảng viên của tỉnh.",
    "Toàn tỉnh có 120 chi bộ, chiếm 10% tổng số 1.200 đảng viên.",
])
def test_a_share_of_something_else_counted_next_is_no_part(text):
    assert all(f["whole"] is None for f in _figures(text).values())


@pytest.mark.parametrize("text,number,dim", [
    ("Đảng bộ có 6.000 đảng viên, trong đó 1.200 đảng viên là đồng bào Công giáo.", "1.200",
     "catholic"),
    ("Đảng bộ có 6.000 đảng viên, trong đó đồng bào Phật giáo 95 đồng chí.", "95", "buddhist"),
])
def test_a_religion_named_with_đồng_bào(text, number, dim):
    assert _figures(text)[number]["dimension_value"] == dim


def test_a_total_written_tổng_số_n_then_its_parts_after_chia_ra():
    assert _rows("Tổng số 1.230 đảng viên, chia ra: nữ 512, dân tộc thiểu số 230.") == [
        ("1.230", "members_total", None, None), ("512", "members_female", "1.230", "female"),
        ("230", "members_total", "1.230", "minority")]


def test_tổng_số_of_something_else_is_no_figure():
    assert _figures("Tổng số 1.230 hộ dân, chia ra: hộ nghèo 112, cận nghèo 230.") == {}


def test_a_ratio_before_the_noun_and_what_selects_the_part():
    f = _figures("Năm 2023, có 112/125 tổ chức cơ sở đảng kết nạp được đảng viên, đạt 89,6%.")
    assert (f["112"]["whole"], f["112"]["dimension_value"], f["112"]["share"]) == (
        "125", "admitted_members", 0.896)


@pytest.mark.parametrize("text", ["Có 31/34 đảng viên dự họp.", "Có 312/315 đại biểu có mặt."])
def test_a_ratio_of_those_present_is_no_figure(text):
    assert _figures(text) == {}

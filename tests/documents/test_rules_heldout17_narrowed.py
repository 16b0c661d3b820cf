"""The guard of the round on held-out set 17 (narrowed.py): a count narrowed after its noun ("là …",
"thuộc …", "ở …", a kind) is a part of the larger total of the same metric, place, day and period
its paragraph gave before it; members counted right after admissions in one sentence are a part of
the admissions. Each on sentences written for the rule, with near misses that stay totals."""
import pytest

from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Hai, 08/12/2025 - 08:00\n\n"


@pytest.mark.parametrize("text,part", [
    ("Đảng bộ xã Tân Phú hiện có 412 đảng viên, sinh hoạt ở 18 chi bộ; 96 đảng viên là cán bộ, "
     "công chức của xã.", ("96", "members_total", "412", None, None)),
    ("Đảng bộ xã Phong Thạnh hiện có 23 chi bộ, 8 chi bộ ở các ấp giáp biên giới.",
     ("8", "cells_total", "23", None, None)),
    ("Đảng bộ huyện Nam Trà My có 1.920 đảng viên. Có 640 đảng viên hiện sinh sống ở các xã vùng sâu.",
     ("640", "members_total", "1.920", None, None)),
    ("Chi bộ thôn 3 có 40 đảng viên; 12 đảng viên người địa phương.",
     ("12", "members_total", "40", None, None)),
])
def test_a_count_narrowed_after_its_noun_is_a_part_of_the_paragraphs_total(text, part):
    assert part in _rows(PAGE + text)


@pytest.mark.parametrize("text", [
    "Năm 2024, Đảng bộ phường Hòa Khánh kết nạp 26 đảng viên, có 9 đảng viên là tiểu thương.",
    "Năm 2024, Đảng bộ phường Hòa Khánh kết nạp tổng cộng 26 đảng viên, trong đó có 9 đảng viên là "
    "tiểu thương, chủ hộ kinh doanh.",
])
def test_members_counted_right_after_admissions_are_a_part_of_them(text):
    assert ("9", "new_admissions", "26", None, None) in _rows(PAGE + text)


@pytest.mark.parametrize("text,total", [
    # a place of its own
    ("Đảng bộ huyện Đồng Phú hiện có 4.210 đảng viên. Đảng bộ xã Tân Lập có 310 đảng viên sinh sống "
     "ở các ấp.", "310"),
    # another year
    ("Năm 2023, Đảng bộ huyện Hớn Quản kết nạp 152 đảng viên. Năm 2024, huyện kết nạp 138 đảng viên "
     "là người lao động tự do.", "138"),
    # named as the whole
    ("Đảng bộ xã Tân Phú có 412 đảng viên; tất cả 380 đảng viên ở xã đều đã học tập nghị quyết.",
     "380"),
    # not smaller than the total before it (a group said of all)
    ("Chi bộ thôn 3 có 38 đảng viên; 38 đảng viên là người địa phương.", "38"),
    # not narrowed: the noun ends its clause
    ("Đảng bộ xã Tân Phú có 412 đảng viên; chi bộ thôn 3 có 40 đảng viên.", "40"),
    # another paragraph
    ("Đảng bộ xã Tân Phú có 412 đảng viên.\n\nCó 96 đảng viên là cán bộ, công chức.", "96"),
])
def test_a_count_with_its_own_place_day_or_word_of_whole_stays_a_total(text, total):
    rows = [r for r in _rows(PAGE + text) if r[0] == total]
    assert rows and all(r[2:] == (None, None, None) for r in rows)


def test_members_after_admissions_and_a_new_stock_are_no_part_of_them():
    """Near miss: "nâng tổng số … lên" names a new stock between the admissions and the members."""
    text = PAGE + ("Năm 2024, Đảng bộ phường Hòa Khánh kết nạp 26 đảng viên, nâng tổng số đảng viên "
                   "lên 690 đảng viên, là đảng bộ phường lớn nhất.")
    assert ("690", "members_total", None, None, None) in _rows(text)


@pytest.mark.parametrize("text,parts", [
    ("Năm 2024, Đảng bộ Công ty Cao su Phước Hòa kết nạp 31 đảng viên mới. 22 đảng viên mới thuộc các "
     "nông trường, 9 đảng viên mới thuộc khối văn phòng.",
     [("22", "new_admissions", "31", None, None), ("9", "new_admissions", "31", None, None)]),
    ("Đảng bộ Khối Doanh nghiệp tỉnh hiện có 86 tổ chức cơ sở đảng. 29 tổ chức cơ sở đảng đóng trên địa "
     "bàn các khu công nghiệp.", [("29", "base_orgs_total", "86", None, None)]),
    ("Đảng bộ xã Ea Kly hiện có 27 chi bộ trực thuộc. 8 chi bộ thuộc các cơ quan đóng trên địa bàn.",
     [("8", "sub_cells", "27", None, None)]),
])
def test_counts_opening_their_sentence_narrowed_are_parts_of_the_total_before(text, parts):
    rows = _rows(PAGE + text)
    assert all(p in rows for p in parts)


@pytest.mark.parametrize("text", [
    "Hội nghị sơ kết của xã Ea Kly diễn ra sáng nay. 19 chi bộ thuộc các buôn đã báo cáo kết quả.",
    "Đảng bộ xã Ea Kly hiện có 27 chi bộ trực thuộc.\n\n19 chi bộ thuộc các buôn đã báo cáo kết quả.",
])
def test_a_count_opening_its_sentence_with_no_total_before_is_no_figure(text):
    """Near miss: with no total of its paragraph before it, the count is a part of something not
    stated: dropped, never a total."""
    assert all(r[0] != "19" for r in _rows(PAGE + text))


def test_a_count_opening_its_sentence_not_narrowed_is_no_figure():
    """Near miss: "31 đảng viên mới." without a phrase selecting among them: no verb, no figure."""
    text = PAGE + "Đảng bộ xã có 412 đảng viên. 31 đảng viên mới, 9 đảng viên chuyển đến."
    assert _rows(text) == [("412", "members_total", None, None, None)]


@pytest.mark.parametrize("text,part", [
    ("Đảng bộ phường Tân Mai hiện có 1.340 đảng viên. Đảng viên là cựu chiến binh có 410 đồng chí.",
     ("410", "members_total", "1.340", None, None)),
    ("Chi bộ ấp Phú Hòa có 64 đảng viên; số đảng viên cao tuổi, sức khỏe yếu là 17 đồng chí.",
     ("17", "members_total", "64", None, None)),
    ("Năm 2024, Đảng bộ xã Tân Phú kết nạp 26 đảng viên. Số đảng viên mới là người lao động tự do là 9.",
     ("9", "new_admissions", "26", None, None)),
])
def test_a_count_whose_label_is_narrowed_before_it_is_a_part(text, part):
    assert part in _rows(PAGE + text)


@pytest.mark.parametrize("text,total", [
    ("Đảng bộ xã Tân Phú có 412 đảng viên. Số đảng viên hiện nay là 396.", "396"),
    ("Đảng bộ xã Tân Phú có 412 đảng viên; số đảng viên của xã là 396.", "396"),
])
def test_a_label_naming_its_time_or_place_is_no_narrowing(text, total):
    """Near miss: "hiện nay", "của xã" after the noun say when or where, not which."""
    rows = [r for r in _rows(PAGE + text) if r[0] == total]
    assert rows and all(r[2] is None for r in rows)


def test_counts_of_a_kind_named_by_khoi_in_lower_case_are_parts():
    text = PAGE + ("Đảng bộ huyện Tân Phước có 52 tổ chức cơ sở đảng với 4.100 đảng viên. Khối doanh "
                   "nghiệp có 12 tổ chức cơ sở đảng với 980 đảng viên.")
    rows = _rows(text)
    assert ("12", "base_orgs_total", "52", None, None) in rows
    assert ("980", "members_total", "4.100", None, None) in rows


def test_a_bloc_committee_named_as_a_body_is_no_kind():
    """Near miss: "Đảng bộ Khối doanh nghiệp tỉnh …" is a body of its own: its counts stay totals."""
    text = PAGE + ("Đảng bộ tỉnh Quảng Ninh có 520 tổ chức cơ sở đảng. Đảng bộ Khối doanh nghiệp tỉnh "
                   "Quảng Ninh có 64 tổ chức cơ sở đảng.")
    assert ("64", "base_orgs_total", None, None, None) in _rows(text)


def test_a_kind_taking_its_count_of_admissions_with_chiem_is_a_part():
    text = PAGE + ("Năm 2024, Đảng bộ huyện Châu Thành kết nạp 240 đảng viên; khu vực nông thôn chiếm 180 "
                   "đồng chí.")
    assert ("180", "new_admissions", "240", None, None) in _rows(text)


def test_a_count_opening_its_sentence_with_a_qualifier_is_read_as_a_part():
    text = PAGE + ("Đảng bộ tỉnh Lạng Sơn hiện có 1.210 tổ chức cơ sở đảng. Hơn 700 tổ chức cơ sở đảng ở các xã "
                   "vùng cao, biên giới.")
    assert ("Hơn 700", "base_orgs_total", "1.210", None, None) in _rows(text)

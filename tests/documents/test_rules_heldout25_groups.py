"""Rules round on held-out sets 24 and 25, groups no dimension names: after a count of members or
admissions and "trong đó" / "trong số đó" / "gồm", a count of people by a group the vocabulary does not
map (quân nhân, thanh niên, cựu chiến binh, cán bộ, viên chức …) is a part without dimension; "cán bộ,
viên chức" is one group, not a mixed list; counts of places after the opener stay no figures."""
import pytest

from .test_rules import _figures


def _part(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return f["metric"], f["whole"], f["dimension"]


@pytest.mark.parametrize("text,number,expected", [
    ("Năm 2024, Đảng bộ xã kết nạp 14 đảng viên, trong đó có 6 quân nhân hoàn thành nghĩa vụ quân sự trở về.",
     "6", ("new_admissions", "14", None)),
    ("Năm 2024, Đảng bộ xã kết nạp 9 đảng viên, trong số đó có 4 thanh niên từng đi lao động ở nước ngoài.",
     "4", ("new_admissions", "9", None)),
    ("Đảng bộ xã Phú Lương hiện có 712 đảng viên, trong đó có 86 cựu chiến binh, 40 nhà giáo.",
     "86", ("members_total", "712", None)),
    ("Đảng bộ xã Phú Lương hiện có 712 đảng viên, trong đó có 86 cựu chiến binh, 40 nhà giáo.",
     "40", ("members_total", "712", None)),
    ("Năm 2024, Đảng bộ huyện kết nạp 186 đảng viên, trong số đó có 23 cựu quân nhân và 11 người có uy tín.",
     "11", ("new_admissions", "186", None)),
])
def test_a_count_of_people_by_an_unmapped_group_is_a_part_without_dimension(text, number, expected):
    """Heldout24 a02 (soldiers back from service), a03 (workers back from abroad); dev a122, p158."""
    assert _part(text, number) == expected


def test_cadres_and_public_employees_are_one_group():
    """Heldout25 p06 ("42 là cán bộ, viên chức"); dev a123 ("cán bộ, giảng viên")."""
    text = "Năm học qua, Đảng bộ kết nạp 254 đảng viên, trong đó 231 là sinh viên, 23 là cán bộ, giảng viên."
    assert _part(text, "23") == ("new_admissions", "254", None)


def test_a_mixed_list_of_groups_is_still_no_figure():
    """Near miss (heldout7 a07): "392 đồng chí là quân nhân chuyên nghiệp, công nhân và viên chức"."""
    text = ("Năm 2022, Đảng bộ kết nạp 1.268 đảng viên, trong đó 392 đồng chí là quân nhân chuyên nghiệp, "
            "công nhân và viên chức quốc phòng.")
    assert "392" not in _figures(text)


def test_places_after_the_opener_are_no_part():
    """Near miss (dev p159): "trong đó có 9 thôn vùng cao" counts no people."""
    assert "9" not in _figures("Đảng bộ xã Tân Sơn có 31 chi bộ với 612 đảng viên, trong đó có 9 thôn vùng cao.")

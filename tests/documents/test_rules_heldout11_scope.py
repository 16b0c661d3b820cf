"""Rules round on held-out set 11: scope. The wards a new ward was formed from, in brackets after
its name ("Đảng bộ phường Ba Đình (hình thành từ các phường Quán Thánh, … và một phần phường Kim
Mã) có 5.903 đảng viên"), are its history, not the scope of its figures."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Ba, 01/07/2025 - 20:00\n\n"


def test_the_wards_a_new_ward_was_formed_from_are_no_scope():
    """Real phrasing: a new ward's founding, the old wards in brackets "(hình thành từ các phường
    …, Đội Cấn và một phần phường Kim Mã)", its counts after the bracket."""
    found = _figures(PAGE + ("Đảng bộ phường Ba Đình (hình thành từ các phường Quán Thánh, Trúc Bạch, Điện "
                             "Biên, Đội Cấn và một phần phường Kim Mã) có 5.903 đảng viên, sinh hoạt tại 107 "
                             "chi bộ trực thuộc."))
    assert {found[n]["scope_value"] for n in ("5.903", "107")} == {"phường Ba Đình"}


def test_a_bracket_of_merged_communes_is_no_scope_either():
    """Same family: "(được sáp nhập từ xã …, xã …)" after a new commune's name."""
    found = _figures(PAGE + ("Đảng bộ xã Mường Nhé (được sáp nhập từ xã Mường Nhé, xã Nậm Vì và xã Mường "
                             "Toong) có 1.020 đảng viên."))
    assert found["1.020"]["scope_value"] == "xã Mường Nhé"


def test_a_bracket_naming_where_it_is_still_qualifies():
    """Near miss: "(TP. Hà Nội)" after a ward says where it is; the ward stays the scope."""
    found = _figures(PAGE + "Đảng bộ phường Ba Đình (TP. Hà Nội) có 5.903 đảng viên.")
    assert found["5.903"]["scope_value"] == "phường Ba Đình"


def test_organisations_named_before_lan_luot_take_each_list_in_order():
    """Real phrasing: two new wards in one sentence, "Đảng bộ phường Hải Châu và Đảng bộ phường Hòa
    Cường lần lượt có 5.214 và 4.387 đảng viên, sinh hoạt tại 62 và 55 chi bộ trực thuộc"."""
    found = _figures(PAGE + ("Tính đến ngày 30/9/2025, Đảng bộ phường Hải Châu và Đảng bộ phường Hòa Cường "
                             "lần lượt có 5.214 và 4.387 đảng viên, sinh hoạt tại 62 và 55 chi bộ trực thuộc."))
    assert [found[n]["scope_value"] for n in ("5.214", "4.387", "62", "55")] == [
        "phường Hải Châu", "phường Hòa Cường", "phường Hải Châu", "phường Hòa Cường"]


def test_one_organisation_before_lan_luot_keeps_its_scope():
    """Near miss: one ward, then "lần lượt" over two metrics: every figure is that ward's."""
    found = _figures(PAGE + ("Đảng bộ phường Hải Châu có đảng viên và chi bộ lần lượt là 5.214 và 62."))
    assert {f["scope_value"] for f in found.values()} <= {"phường Hải Châu"}

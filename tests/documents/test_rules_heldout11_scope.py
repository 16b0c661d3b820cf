"""Rules round on held-out set 11: scope. The wards a new ward was formed from, in brackets after
its name ("Đảng bộ phường Ba Đình (hình thành từ các phường Quán Thánh, … và một phần phường Kim
Mã) có 5.903 đảng viên"), are its history, not the scope of its figures; so are the committees a merged one was made of
("trên cơ sở hợp nhất Đảng bộ Bộ … và Đảng bộ Bộ …"), and organisations named before "lần lượt"
take each list of numbers in order."""
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


def test_the_committees_a_merged_one_was_made_of_are_no_scope():
    """Real phrasing: an interview before a merged ministry's congress, "Đảng bộ Bộ được thành lập
    trên cơ sở hợp nhất Đảng bộ Bộ Nông nghiệp và Phát triển nông thôn và Đảng bộ Bộ Tài nguyên và
    Môi trường. Hiện nay, Đảng bộ có 97 tổ chức cơ sở đảng": "Đảng bộ" is the merged ministry's."""
    found = _figures(PAGE + ("Trước thềm Đại hội Đảng bộ Bộ Nông nghiệp và Môi trường lần thứ I, phóng viên "
                             "đã trao đổi với đồng chí Phó Bí thư. Đảng bộ Bộ được thành lập trên cơ sở hợp nhất "
                             "Đảng bộ Bộ Nông nghiệp và Phát triển nông thôn và Đảng bộ Bộ Tài nguyên và Môi "
                             "trường. Hiện nay, Đảng bộ có 97 tổ chức cơ sở đảng."))
    assert found["97"]["scope_value"] == "Bộ Nông nghiệp và Môi trường"


def test_a_merged_from_committee_of_the_same_name_stays():
    """Near miss: "Đảng bộ Bộ Y tế … được thành lập trên cơ sở hợp nhất Đảng bộ Bộ Y tế và Ban cán
    sự đảng Bộ Y tế (cũ)": the body it became is named again; its figures stay the ministry's."""
    found = _figures(PAGE + ("Đảng bộ Bộ Y tế trực thuộc Đảng bộ Chính phủ, được thành lập trên cơ sở hợp nhất "
                             "Đảng bộ Bộ Y tế và Ban cán sự đảng Bộ Y tế (cũ). Đảng bộ có 58 tổ chức cơ sở đảng."))
    assert found["58"]["scope_value"] == "Bộ Y tế"

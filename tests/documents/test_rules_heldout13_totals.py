"""Rules round on held-out sets 13 and 14: totals and shares read. "ngót" as nearly, a plan in
brackets ("chỉ tiêu cả năm (3.800 đảng viên)") and "từ N … trở lên" as targets, a key-figures box of
"•" items without a verb, a share given again later ("tỷ lệ này là", "đã đạt") and its count after
", tương ứng". Each with a near miss."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Sáu, 21/06/2024 | 21:10\n\n"


def test_ngot_is_nearly():
    """Real phrasing (heldout14): a yearbook's "Toàn tỉnh có ngót 13 vạn đảng viên"."""
    f = _figures(PAGE + "Toàn tỉnh có ngót 13 vạn đảng viên.")
    assert (f["ngót 13 vạn"]["value"], f["ngót 13 vạn"]["qualifier"]) == (130000, "nearly")


def test_a_plan_in_brackets_after_a_plan_word_is_a_target_of_admissions():
    """Real phrasing (heldout14): "lũy kế 9 tháng kết nạp 2.941 đảng viên, đạt 77,4% chỉ tiêu cả năm
    (3.800 đảng viên)"."""
    f = _figures(PAGE + "Toàn tỉnh kết nạp 2.180 đảng viên, đạt 90,8% kế hoạch năm (2.400 đảng viên).")
    assert (f["2.400"]["metric"], f["2.400"]["qualifier"]) == ("new_admissions", "target")
    assert f["2.180"]["qualifier"] == "exact"


def test_a_bracket_after_a_count_is_no_target():
    """Near miss: "kết nạp 2.180 đảng viên (trong đó 912 nữ)" has no plan word before the bracket."""
    f = _figures(PAGE + "Toàn tỉnh kết nạp 2.180 đảng viên (trong đó 912 đồng chí là nữ).")
    assert f["912"]["qualifier"] == "exact"


def test_admissions_from_n_upwards_are_a_target():
    """Real phrasing (heldout14): a resolution's "- Cả nhiệm kỳ kết nạp từ 15.000 đảng viên trở lên"."""
    f = _figures(PAGE + "Cả nhiệm kỳ kết nạp từ 15.000 đảng viên trở lên.")
    assert (f["15.000"]["metric"], f["15.000"]["qualifier"]) == ("new_admissions", "target")


def test_a_key_figures_box_states_its_stocks():
    """Real phrasing (heldout13): "• 214 tổ chức cơ sở đảng (38 đảng bộ cơ sở, 176 chi bộ cơ sở)",
    "• 9.870 đảng viên (nữ: 4.512)" under a box heading, no verb."""
    f = _figures(PAGE + "• 214 tổ chức cơ sở đảng (38 đảng bộ cơ sở, 176 chi bộ cơ sở)\n\n"
                        "• 9.870 đảng viên (nữ: 4.512)\n\n- 42 chi bộ trực thuộc")
    assert (f["214"]["whole"], f["38"]["whole"], f["176"]["whole"]) == (None, "214", "214")
    assert (f["9.870"]["metric"], f["4.512"]["whole"], f["42"]["metric"]) == (
        "members_total", "9.870", "sub_cells")


def test_a_share_given_again_and_its_count():
    """Real phrasing (heldout13): "năm 1990, đảng viên nữ chỉ chiếm khoảng 16% tổng số đảng viên, thì
    đến cuối năm 2015 tỷ lệ này là 33,3%, và … đã đạt 38,9%, tương ứng hơn 2,1 triệu đồng chí"."""
    f = _figures(PAGE + "Năm 2000, đảng viên nữ chỉ chiếm khoảng 20% tổng số đảng viên; đến năm 2010 tỷ lệ "
                        "này là 31,5%, và năm 2020 đã đạt 36,4%, tương ứng gần 1,9 triệu đồng chí.")
    assert sorted(f) == ["31,5%", "gần 1,9 triệu", "khoảng 20%"]
    got = f["gần 1,9 triệu"]
    assert (got["metric"], got["qualifier"], got["share"]) == ("members_female", "nearly", 0.364)
    assert f["31,5%"]["metric"] == "members_female"


def test_a_rate_reached_against_a_plan_is_no_share():
    """Near miss: "đạt 77,4% chỉ tiêu" after a share compares with a plan."""
    f = _figures(PAGE + "Đảng viên nữ chiếm 40%; số kết nạp mới đạt 77,4% chỉ tiêu.")
    assert list(f) == ["40%"]


def test_a_people_named_with_chi_keeps_its_share():
    """Near miss: "Sán Chỉ chiếm 61,5%" is a people, not "chỉ chiếm"."""
    f = _figures(PAGE + "Chi bộ có 26 đảng viên; đảng viên là người dân tộc Dao, Tày, Sán Chỉ chiếm 61,5%.")
    assert f["61,5%"]["dimension_value"] == "minority"

"""Rules round on held-out set 10: counts given "lần lượt" or "tương ứng" for a list of labels
that share one noun ("số đảng viên chính thức và dự bị lần lượt là …", "số đảng viên mới là
đoàn viên thanh niên và người dân tộc thiểu số tương ứng là …")."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Ba, 21/10/2025 - 15:00\n\n"


def test_a_second_label_without_its_noun_shares_the_first_ones():
    """Real phrasing: a ward page, "hiện có 3.914 đảng viên, trong đó số đảng viên chính thức và
    dự bị lần lượt là 3.846 và 68 đồng chí": the second label ("dự bị") is probationary members."""
    text = PAGE + ("Đảng bộ phường Phú Hội hiện có 2.120 đảng viên, trong đó số đảng viên chính thức "
                   "và dự bị lần lượt là 2.071 và 49 đồng chí.")
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["whole"]) for n in ("2.071", "49")] == [
        ("members_official", "2.120"), ("members_probationary", "2.120")]


def test_tuong_ung_lists_parts_of_admissions_in_order():
    """Real phrasing: a congress report, "kết nạp 3.615 đảng viên; số đảng viên mới là đoàn viên
    thanh niên và người dân tộc thiểu số tương ứng là 3.488 và 402 đồng chí": admissions that are
    Youth Union members, then admissions of ethnic minorities, parts of the 3.615."""
    text = PAGE + ("Nhiệm kỳ 2020 - 2025, Đảng bộ tỉnh kết nạp 2.410 đảng viên; số đảng viên mới là "
                   "đoàn viên thanh niên và người dân tộc thiểu số tương ứng là 2.118 và 517 đồng chí.")
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["dimension_value"], figures[n]["whole"])
            for n in ("2.118", "517")] == [("new_admissions", "member", "2.410"),
                                            ("new_admissions", "minority", "2.410")]


def test_a_second_label_with_its_own_noun_keeps_it():
    """Near miss: "số đảng viên nữ và đảng viên là người dân tộc thiểu số lần lượt là …": the
    second label names its own noun, so it takes nothing from the first."""
    text = PAGE + ("Đảng bộ phường Phú Hội có 2.120 đảng viên; số đảng viên nữ và đảng viên là người "
                   "dân tộc thiểu số lần lượt là 980 và 41 đồng chí.")
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["dimension_value"]) for n in ("980", "41")] == [
        ("members_female", "female"), ("members_total", "minority")]


def test_counts_given_lan_luot_for_a_list_of_years_take_the_head_noun():
    """Real phrasing: a history page, "Số đảng viên toàn Đảng vào cuối các năm 1996, 2006 và 2016
    lần lượt là 2.130.412, 3.126.075 và 4.556.322 đồng chí": every count is the Party's members,
    each at the end of its own year."""
    text = PAGE + ("Số đảng viên toàn Đảng vào cuối các năm 1991, 2001 và 2011 lần lượt là 2.074.000, "
                   "2.479.719 và 3.737.000 đồng chí.")
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["as_of"].isoformat()) for n in (
        "2.074.000", "2.479.719", "3.737.000")] == [("members_total", "1991-12-31"),
                                                    ("members_total", "2001-12-31"),
                                                    ("members_total", "2011-12-31")]

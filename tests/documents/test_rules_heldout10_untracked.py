"""Rules round on held-out set 10: counts of what is not tracked, right after the words that say
so: an excess over a target ("vượt chỉ tiêu 5 đảng viên") and members moved in or out ("chuyển
đến 1 đồng chí, chuyển đi 2 đồng chí"), a rank ("vào nhóm 5 đảng bộ có số đảng viên đông nhất")."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Sáu, 10/01/2025 | 16:00\n\n"


def test_an_excess_over_the_target_is_no_figure():
    """Real phrasing: a ward's year-end review, "kết nạp 21 đảng viên, vượt chỉ tiêu 5 đảng
    viên": the 21 are admissions, the 5 an excess (corpus README: not tracked)."""
    text = PAGE + "Năm qua, Đảng bộ phường Bến Nghé kết nạp 18 đảng viên, vượt chỉ tiêu 3 đảng viên."
    assert list(_figures(text)) == ["18"]


def test_members_moved_in_or_out_are_no_figure():
    """Real phrasing: a cell's year report, "trong năm chuyển đến 1 đồng chí, chuyển đi 2 đồng
    chí": transfers are not tracked; the cell's members before them are."""
    text = PAGE + ("Chi bộ thôn Đồng Tâm có 41 đảng viên; trong năm chuyển đến 3 đồng chí, chuyển đi "
                   "2 đồng chí.")
    assert list(_figures(text)) == ["41"]


def test_a_target_itself_is_still_read():
    """Near miss: "chỉ tiêu kết nạp 15 đảng viên" is a target, not an excess."""
    text = PAGE + "Năm 2025, Đảng bộ phường Bến Nghé đặt chỉ tiêu kết nạp 15 đảng viên."
    assert _figures(text)["15"]["qualifier"] == "target"


def test_a_rank_among_bodies_is_no_count_of_them():
    """Real phrasing: a province's totals, then "Con số này đưa Ninh Bình vào nhóm 5 đảng bộ có số
    đảng viên đông nhất cả nước": 5 ranks the province, it counts no committees."""
    text = PAGE + ("Đảng bộ tỉnh Nam Định có 121.407 đảng viên. Con số này đưa Nam Định vào nhóm 10 đảng "
                   "bộ có số đảng viên đông nhất cả nước.")
    assert list(_figures(text)) == ["121.407"]

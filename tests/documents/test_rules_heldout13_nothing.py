"""Rules round on held-out sets 13 and 14: counts that are no figure of the Party's. Cells and
base organisations rated "trong sạch, vững mạnh" in quotes, another organisation's own members
after a Party "trong đó", a people's share of the population, a difference "nhiều hơn / ít hơn N …
so với", a headline in a "•" list of other articles. Each with a near miss that stays a figure."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Sáu, 21/06/2024 | 21:10\n\n"


def test_organisations_rated_clean_and_strong_in_quotes_are_no_count():
    """Real phrasing (heldout14): "12 chi bộ đạt "trong sạch, vững mạnh"" in a year's ratings."""
    text = PAGE + ('Năm 2024, có 85 tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ, 12 chi bộ '
                   'đạt "trong sạch, vững mạnh"; 8 tổ chức cơ sở đảng đạt “trong sạch, vững mạnh”.')
    assert _figures(text) == {}


def test_a_plain_cell_count_beside_a_rating_stays():
    """Near miss: the cells counted before the rating are the body's cells."""
    text = PAGE + 'Đảng bộ huyện Tân Uyên có 46 chi bộ trực thuộc; 12 chi bộ đạt "trong sạch, vững mạnh".'
    assert list(_figures(text)) == ["46"]


def test_youth_union_and_trade_union_members_after_a_party_in_which_are_no_figures():
    """Real phrasing (heldout14): "Hội Cựu chiến binh xã có 1.250 hội viên, trong đó 312 hội viên là
    đảng viên; …; Đoàn Thanh niên kết nạp mới 86 đoàn viên; Công đoàn cơ sở có 540 đoàn viên"."""
    text = PAGE + ("Hội Nông dân xã có 2.140 hội viên, trong đó 186 hội viên là đảng viên; Chi đoàn thôn "
                   "Đồng Tâm kết nạp 24 đoàn viên mới; Công đoàn trường học có 65 đoàn viên.")
    assert _figures(text) == {}


def test_youth_union_members_among_the_partys_own_stay_a_part():
    """Near miss: "đảng viên, trong đó 86 đoàn viên thanh niên" are Party members who are in the
    Youth Union, a part of the members."""
    f = _figures(PAGE + "Xã có 1.250 đảng viên, trong đó 86 đoàn viên thanh niên.")
    assert (f["86"]["dimension"], f["86"]["whole"]) == ("youth_union", "1.250")


def test_a_peoples_share_of_the_population_is_no_share_of_members():
    """Real phrasing (heldout14): "Xã có 14 chùa Khmer, đồng bào Khmer chiếm 62% dân số"."""
    text = PAGE + ("Đảng bộ xã Mường Lý có 436 đảng viên, trong đó đảng viên người dân tộc Thái chiếm "
                   "71,8%. Người Thái chiếm 88% dân số của xã, đồng bào dân tộc thiểu số chiếm trên 95% "
                   "tổng dân số.")
    f = _figures(text)
    assert sorted(f) == ["436", "71,8%"] and f["71,8%"]["share"] == 0.718


def test_a_difference_more_or_fewer_than_is_no_count():
    """Real phrasing (heldout13): "4.118 đảng viên, nhiều hơn 312 đồng chí so với đầu nhiệm kỳ"."""
    f = _figures(PAGE + "Đảng bộ thị xã Sa Pa hiện có 4.118 đảng viên, nhiều hơn 312 đồng chí so với "
                        "đầu nhiệm kỳ.")
    assert list(f) == ["4.118"]
    f = _figures(PAGE + "Đảng bộ phường có 2.015 đảng viên, ít hơn 38 đồng chí so với năm 2023.")
    assert list(f) == ["2.015"]


def test_fewer_than_without_a_comparison_stays_a_qualifier():
    """Near miss: "ít hơn 300 đảng viên" with nothing compared is a count under 300."""
    f = _figures(PAGE + "Đảng bộ phường có ít hơn 300 đảng viên.")
    assert (f["ít hơn 300"]["metric"], f["ít hơn 300"]["qualifier"]) == ("members_total", "under")


def test_a_headline_in_a_bullet_list_is_no_stock():
    """Real phrasing (heldout13): a "Tin khác" list "• 1.500 đảng viên phường Tân Định tham gia cuộc
    thi trực tuyến (20/09/2025)": the count opens an item but a clause goes on after its noun."""
    assert _figures(PAGE + "• 1.500 đảng viên phường Tân Định tham gia cuộc thi trực tuyến (20/09/2025)") == {}

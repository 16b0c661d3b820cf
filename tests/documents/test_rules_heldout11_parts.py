"""Rules round on held-out set 11: a count that is not a total. "giai đoạn 1996 - 2000 con số
tương ứng là 669.000 đảng viên" counts what the figure before counted (admissions), and "kết nạp
23 đảng viên, có 5 người là đồng bào Công giáo" counts some of those admitted, not members."""
from .test_rules import _figures

PAGE = "Tin\n\nThứ Hai, 03/02/2003\n\n"


def test_the_corresponding_number_counts_what_the_figure_before_counted():
    """Real phrasing: a history of admissions, "trong giai đoạn 1991 - 1995, toàn Đảng kết nạp
    được 449.000 đảng viên; giai đoạn 1996 - 2000 con số tương ứng là 669.000 đảng viên"."""
    found = _figures(PAGE + ("Trong giai đoạn 1991 - 1995, toàn Đảng kết nạp được 449.000 đảng viên; giai "
                             "đoạn 1996 - 2000 con số tương ứng là 669.000 đảng viên."))
    assert found["669.000"]["metric"] == "new_admissions"


def test_a_plain_member_count_after_admissions_stays_a_total():
    """Near miss: "Đến cuối năm 2002, toàn Đảng có trên 2,6 triệu đảng viên" after admissions."""
    found = _figures(PAGE + ("Giai đoạn 1996 - 2000 toàn Đảng kết nạp 669.000 đảng viên. Đến cuối năm "
                             "2002, toàn Đảng có trên 2,6 triệu đảng viên."))
    assert found["trên 2,6 triệu"]["metric"] == "members_total"


def test_some_of_those_admitted_after_a_bare_co():
    """Real phrasing: a commune's admissions, "kết nạp 23 đảng viên, có 5 người là đồng bào Công
    giáo": the 5 are admissions of Catholics, a part of the 23, not of the commune's members."""
    found = _figures(PAGE + ("Đến cuối năm 2025, Đảng bộ xã Hải Hậu có 2.105 đảng viên. Trong 6 tháng cuối "
                             "năm 2025, Đảng bộ xã kết nạp 23 đảng viên, có 5 người là đồng bào Công giáo."))
    five = found["5"]
    assert (five["metric"], five["dimension_value"], five["whole"]) == ("new_admissions", "catholic", "23")

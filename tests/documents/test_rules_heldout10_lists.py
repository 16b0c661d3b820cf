"""Rules round on held-out set 10: a bullet list of counts by date under a headline naming
what they count ("Số đảng viên Đảng bộ tỉnh … qua các năm" over "- Năm 2005: 52.304")."""
from .test_rules import _figures

HEADLINE = "Số đảng viên Đảng bộ tỉnh Hà Nam qua các năm\n\nThứ Sáu, 10/01/2025\n\n"


def test_a_list_by_year_under_a_headline_naming_members_counts_members():
    """Real phrasing: a provincial history page listing its members at the end of some years,
    "- Ngày 1/1/1997 (tái lập tỉnh): 39.876", "- Năm 2005: 52.304": each a stock of members
    of the province, dated by its own item."""
    text = HEADLINE + "- Ngày 1/1/1997 (tái lập tỉnh): 21.402\n- Năm 2005: 30.118\n- Năm 2024: 52.963\n"
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["as_of"].isoformat(), figures[n]["scope_value"])
            for n in ("21.402", "30.118", "52.963")] == [
        ("members_total", "1997-01-01", "35"), ("members_total", "2005-12-31", "35"),
        ("members_total", "2024-12-31", "35")]


def test_the_same_list_under_another_headline_counts_nothing():
    """Near miss: the list under a headline that names no count ("Hà Nam qua các năm") stays
    unread: a bare number by a year could count anything."""
    text = HEADLINE.replace("Số đảng viên Đảng bộ tỉnh ", "") + "- Năm 2005: 30.118\n"
    assert _figures(text) == {}

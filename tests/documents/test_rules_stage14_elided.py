"""Counts whose noun the count before them gave, at another place or time (elided.py, stage round 14),
and a time that labels the next count rather than dating the one before it. Sentences written for the
rules, through the public extract function, with near misses that must not change."""
from datetime import date

from chibo.etl.documents import extract


def _rows(text: str) -> list[tuple]:
    """(number, metric, whole, dimension, as_of) of every figure, in order."""
    figures = extract(text, "elided").figures
    by_id = {f["figure_id"]: f for f in figures}
    return [(f["number_text"], f["metric"], by_id[f["part_of_figure_id"]]["number_text"]
             if f["part_of_figure_id"] else None, f["dimension"], f["as_of"]) for f in figures]


def test_places_after_a_count_take_its_noun():
    text = ("Đến ngày 30/6/2025, Đảng bộ tỉnh Sóc Trăng có 48.112 đảng viên, tỉnh Hậu Giang gần 31.000 "
            "và thành phố Cần Thơ hơn 60.500.")
    assert [r[:4] for r in _rows(text)] == [("48.112", "members_total", None, None),
                                            ("gần 31.000", "members_total", None, None),
                                            ("hơn 60.500", "members_total", None, None)]


def test_a_year_in_brackets_labels_its_own_count_not_the_one_before():
    text = "Năm 2025, Đảng bộ Công ty kết nạp 37 đảng viên (năm 2024: 29)."
    assert [(n, m, d) for n, m, _, _, d in _rows(text)] == [
        ("37", "new_admissions", date(2025, 12, 31)), ("29", "new_admissions", date(2024, 12, 31))]


def test_years_after_a_count_of_admissions_with_a_counter():
    text = "Chi bộ thôn Nà Khương năm 2023 kết nạp được 2 đồng chí, năm 2024 được 3 đồng chí."
    assert [(n, m) for n, m, *_ in _rows(text)] == [("2", "new_admissions"), ("3", "new_admissions")]


def test_a_part_at_another_place_stays_a_part():
    text = ("Toàn tỉnh có 3.410 đảng viên nữ, huyện Mường Tè 412, huyện Sìn Hồ 380.")
    rows = _rows(text)
    assert [r[1] for r in rows] == ["members_female"] * 3
    assert all(r[3] == "gender" for r in rows)  # never a total


def test_a_bare_number_after_a_change_is_no_count():
    """Near miss: "tăng 45" is no place nor time: no figure."""
    assert [r[0] for r in _rows("Đảng bộ xã Tân Lập có 1.204 đảng viên, tăng 45 so với đầu nhiệm kỳ.")] == ["1.204"]


def test_a_place_after_a_breakdown_word_is_no_sibling_total():
    """Near miss: after "trong đó" the place's count is not a total of its own by this rule."""
    rows = _rows("Đảng bộ huyện Tủa Chùa có 3.120 đảng viên, trong đó xã Sính Phình 310.")
    assert ("310", "members_total", None, None) not in [r[:4] for r in rows]


def test_a_place_in_lower_case_is_no_name():
    """Near miss: "xã vùng cao 40" names no commune."""
    assert [r[0] for r in _rows("Huyện có 5.300 đảng viên, xã vùng cao 40.")] == ["5.300"]


def test_one_more_item_of_a_list_of_parts_no_dimension_names_is_a_part():
    text = ("Đảng bộ xã Pa Vây Sử có 612 đảng viên. Về dân tộc: người Hà Nhì 402 đồng chí; người Kinh 88 đồng chí.")
    rows = _rows(text)
    assert [r[:4] for r in rows[1:]] == [("402", "members_total", "612", "ethnicity"),
                                         ("88", "members_total", "612", None)]


def test_a_bare_count_after_a_part_with_another_label_is_no_part():
    """Near miss: "tăng thêm 12" does not open as the part before it did: no figure."""
    text = ("Đảng bộ xã Pa Vây Sử có 612 đảng viên. Về dân tộc: người Hà Nhì 402 đồng chí, tăng thêm 12.")
    assert [r[0] for r in _rows(text)] == ["612", "402"]

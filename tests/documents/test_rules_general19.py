"""Generalisation round after held-out set 9: rules written as patterns of the language, each on
sentences written for it, with near misses. This file: the term reported at a congress ("Nhiệm kỳ
qua, Đảng bộ đã kết nạp …" on a page dated after the congress) is dated by the congress."""
from .test_rules import _figures


def test_the_term_past_is_dated_by_the_congress_not_the_page():
    """Real phrasing: a report published the day after a commune congress, "Nhiệm kỳ qua, Đảng bộ
    xã đã kết nạp 46 đảng viên mới" (corpus README: the term ends at the congress)."""
    text = ("Đảng bộ xã Tân Lập tổ chức Đại hội\n\nCập nhật: 05/06/2020\n\nNgày 4/6, Đảng bộ xã Tân "
            "Lập tổ chức Đại hội đại biểu lần thứ XXIV, nhiệm kỳ 2020 - 2025.\n\n"
            "Nhiệm kỳ qua, Đảng bộ xã đã kết nạp 46 đảng viên mới.")
    assert _figures(text)["46"]["as_of"].isoformat() == "2020-06-04"


def test_the_years_past_on_a_review_page_keep_the_page_day():
    """Near miss: "những năm qua" outside a congress report is dated by the page."""
    text = ("Đảng bộ xã Tân Lập chăm lo phát triển đảng viên\n\nCập nhật: 05/06/2020\n\n"
            "Những năm qua, Đảng bộ xã đã kết nạp 46 đảng viên mới.")
    assert _figures(text)["46"]["as_of"].isoformat() == "2020-06-05"


PAGE = "Tin\n\nThứ Sáu, 09/01/2026 - 14:10\n\n"


def test_counts_listed_before_one_noun_share_it():
    """Real phrasing: year-end reviews listing each year's admissions before the noun once,
    "các năm 2023, 2024 và 2025 kết nạp lần lượt 1.802, 1.915 và 1.971 đảng viên": every count
    is admissions, each dated by its own year (the list of years is read in order)."""
    text = PAGE + ("Giai đoạn 2023 - 2025, toàn Đảng bộ tỉnh Thanh Hóa kết nạp 5.688 đảng viên; "
                   "trong đó các năm 2023, 2024 và 2025 kết nạp lần lượt 1.802, 1.915 và 1.971 "
                   "đảng viên.")
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["as_of"].isoformat(),
             figures[n]["period_from"].isoformat()) for n in ("1.802", "1.915", "1.971")] == [
        ("new_admissions", "2023-12-31", "2023-01-01"), ("new_admissions", "2024-12-31", "2024-01-01"),
        ("new_admissions", "2025-12-31", "2025-01-01")]


def test_each_year_with_its_own_verb_in_a_list():
    """Real phrasing: "năm 2023 kết nạp 112, năm 2024 kết nạp 127 và năm 2025 kết nạp 135 đảng
    viên" (heldout9 y09): the noun closes the list."""
    text = PAGE + ("Trong 3 năm, Đảng bộ kết nạp 374 đảng viên: năm 2023 kết nạp 112, năm 2024 "
                   "kết nạp 127 và năm 2025 kết nạp 135 đảng viên.")
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["as_of"].isoformat()) for n in ("112", "127", "135")
            ] == [("new_admissions", "2023-12-31"), ("new_admissions", "2024-12-31"),
                  ("new_admissions", "2025-12-31")]


def test_a_share_after_a_list_belongs_to_the_total_before_the_list():
    """Real phrasing: "… kết nạp 5.688 …; trong đó các năm … lần lượt 1.802, 1.915 và 1.971 đảng
    viên. Đảng viên mới là đoàn viên thanh niên chiếm 72,4%": of the 5.688, not of the last year."""
    text = PAGE + ("Giai đoạn 2023 - 2025, Đảng bộ kết nạp 5.688 đảng viên; trong đó các năm 2023, "
                   "2024 và 2025 kết nạp lần lượt 1.802, 1.915 và 1.971 đảng viên. Đảng viên mới là "
                   "đoàn viên thanh niên chiếm 72,4%.")
    assert _figures(text)["72,4%"]["whole"] == "5.688"


def test_counts_each_with_a_noun_are_no_list():
    """Near miss: "12 chi bộ, 345 đảng viên" name their own nouns; a number with no noun after a
    separator is no member of a list ("đạt 128%, 64 đảng viên" is a share then a count)."""
    figures = _figures(PAGE + "Đảng bộ xã có 12 chi bộ, 345 đảng viên.")
    assert (figures["12"]["metric"], figures["345"]["metric"]) == ("cells_total", "members_total")


DATED = "Tin\n\n15/10/2025 09:30\n\nTính đến ngày 30/9/2025, Đảng bộ phường Long Biên có 4.028 đảng viên. "


def test_a_count_in_brackets_after_the_group_it_counts():
    """Real phrasing: structure paragraphs giving each group's count in brackets before its share,
    "Đảng viên nữ (1.716 người) chiếm 42,6%; đảng viên trẻ dưới 30 tuổi (402 người) chiếm 10%;
    đảng viên có trình độ cao cấp lý luận chính trị (138 người) chiếm 3,4%"."""
    figures = _figures(DATED + "Đảng viên nữ (1.716 người) chiếm 42,6%; đảng viên trẻ dưới 30 tuổi "
                       "(402 người) chiếm 10%; đảng viên có trình độ cao cấp lý luận chính trị (138 "
                       "người) chiếm 3,4%.")
    assert [(figures[n]["metric"], figures[n]["dimension_value"], figures[n]["share"],
             figures[n]["whole"]) for n in ("1.716", "402", "138")] == [
        ("members_female", "female", 0.426, "4.028"), ("members_total", "18_29", 0.1, "4.028"),
        ("members_total", "advanced", 0.034, "4.028")]


def test_a_list_of_parts_each_with_its_counter():
    """Real phrasing: "Đảng viên nữ 1.716 người, chiếm 42,6%; đảng viên dưới 30 tuổi 402 người,
    chiếm 10%": the second part of the list is read as the first."""
    figures = _figures(DATED + "Đảng viên nữ 1.716 người, chiếm 42,6%; đảng viên dưới 30 tuổi 402 "
                       "người, chiếm 10%.")
    assert (figures["402"]["dimension_value"], figures["402"]["whole"]) == ("18_29", "4.028")


def test_a_bracket_that_is_no_count_of_the_group():
    """Near miss: a bracket that goes on after its number ("(402 người dự)") is no count in
    brackets of the group before it; a delegates' count stays no figure."""
    figures = _figures(DATED + "Hội nghị có 120 đại biểu (trong đó 40 đại biểu nữ) tham dự.")
    assert set(figures) == {"4.028"}


def test_a_qualifier_after_an_opening_quote():
    """Real phrasing: a headline or a speech quoting the figure, "Ninh Bình: "Gần 260 nghìn đảng
    viên là nguồn lực to lớn"": the qualifier opens the quote."""
    text = ("Ninh Bình: \"Gần 260 nghìn đảng viên là nguồn lực to lớn\"\n\nThứ Tư, 15/10/2025 - 11:20\n\n"
            "Sáng 15/10, đồng chí Bí thư Tỉnh ủy cho biết: \"Đảng bộ tỉnh Ninh Bình có “hơn 1.100 tổ "
            "chức cơ sở đảng” với gần 260 nghìn đảng viên\".")
    figures = _figures(text)
    assert {n: f["qualifier"] for n, f in figures.items()} == {
        "Gần 260 nghìn": "nearly", "hơn 1.100": "over", "gần 260 nghìn": "nearly"}


def test_a_bare_total_in_a_list_counts_what_the_list_is_about():
    """Real phrasing: structure lists "Cơ cấu đội ngũ đảng viên … tính đến ngày 31/12/2025:" then
    "+ Tổng số: 3.874 đồng chí; + Dưới 30 tuổi: 412 đồng chí (10,6%); …"."""
    text = ("Tin\n\nThứ Tư, 14/01/2026 - 15:20\n\nCơ cấu đội ngũ đảng viên Đảng bộ phường Thủy "
            "Nguyên tính đến ngày 31/12/2025:\n+ Tổng số: 3.874 đồng chí;\n+ Dưới 30 tuổi: 412 đồng "
            "chí (10,6%);\n+ Trên 60 tuổi: 1.244 đồng chí (32,1%).")
    figures = _figures(text)
    assert (figures["3.874"]["metric"], figures["3.874"]["as_of"].isoformat()) == (
        "members_total", "2025-12-31")
    assert (figures["412"]["whole"], figures["1.244"]["dimension_value"]) == ("3.874", "61_plus")


def test_a_table_pasted_with_tabs():
    """Real phrasing: a table copied from a word processor, cells apart by tabs ("Đại hội\\tNăm\\t
    Số đảng viên"); a "Năm" column dates its row."""
    text = ("Số đảng viên qua các kỳ Đại hội toàn quốc\n\nThứ Hai, 19/01/2026 - 07:00\n\n"
            "Đại hội\tNăm\tSố đảng viên\nĐại hội III\t1960\thơn 50 vạn\nĐại hội VI\t1986\tgần 1,9 triệu")
    figures = _figures(text)
    assert [(f["value"], f["as_of"].isoformat(), f["scope_value"]) for f in figures.values()] == [
        (500000, "1960-12-31", "VN"), (1900000, "1986-12-31", "VN")]


def test_a_table_titled_bang_with_a_note_column():
    """Real phrasing: "Bảng: Tình hình tổ chức đảng và đảng viên … (tính đến ngày 30/11/2025)"
    above "| Chỉ tiêu | Số lượng | Ghi chú |" rows, the note column filled on some rows."""
    text = ("Số liệu\n\nNgày đăng: 05/12/2025\n\nBảng: Tình hình đảng viên của Đảng bộ xã Quỳnh Phú "
            "(tính đến ngày 30/11/2025)\n\n| Chỉ tiêu | Số lượng | Ghi chú |\n|---|---|---|\n"
            "| Tổng số đảng viên | 2.186 | |\n| Kết nạp từ đầu năm | 64 | đạt 128% kế hoạch |")
    figures = _figures(text)
    assert [(n, f["metric"], f["as_of"].isoformat()) for n, f in figures.items()] == [
        ("2.186", "members_total", "2025-11-30"), ("64", "new_admissions", "2025-11-30")]


def test_a_tab_inside_a_sentence_is_no_table():
    """Near miss: a tab used as indentation at the start of a line stays a space."""
    text = "Tin\n\nThứ Hai, 19/01/2026 - 07:00\n\n\tĐảng bộ xã Tân Lập có 412 đảng viên."
    assert _figures(text)["412"]["metric"] == "members_total"

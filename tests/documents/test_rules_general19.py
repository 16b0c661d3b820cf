"""Generalisation round after held-out set 9: rules written as patterns of the language, each on
sentences written for it, with near misses. This file: the term reported at a congress ("Nhiệm kỳ
qua, Đảng bộ đã kết nạp …" on a page dated after the congress) is dated by the congress."""
import pytest

from chibo.etl.documents import extract

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


def test_a_short_name_after_the_kind_of_body():
    """Real phrasing: a ministry named in full with its abbreviation, then by the kind of body and
    the abbreviation: "Đảng bộ Bộ Nông nghiệp và Môi trường (NN&MT) … Đảng bộ Bộ NN&MT có 97 …"."""
    text = ("Đại hội\n\nThứ Năm, 28/08/2025 - 18:00\n\nNgày 28/8/2025, Đảng bộ Bộ Nông nghiệp và Môi "
            "trường (NN&MT) tổ chức Đại hội đại biểu lần thứ I. Đảng bộ Bộ NN&MT có 97 tổ chức cơ "
            "sở đảng với gần 9.800 đảng viên.")
    assert {f["scope_value"] for f in _figures(text).values()} == {"Bộ Nông nghiệp và Môi trường"}


def test_a_year_in_brackets_dates_the_first_stock_of_a_change_only():
    """Real phrasing: congress reports comparing with the start of the term, "số đảng viên tăng từ
    3.486 đồng chí (năm 2020) lên 4.102 đồng chí": the second stock is the congress's."""
    text = ("Tin\n\nChủ Nhật, 15/06/2025 - 19:00\n\nNgày 14/6, Đảng bộ Công an tỉnh Gia Lai tổ chức "
            "Đại hội. Báo cáo cho biết, số đảng viên của Đảng bộ tăng từ 3.486 đồng chí (năm 2020) "
            "lên 4.102 đồng chí, tăng 616 đồng chí so với đầu nhiệm kỳ.")
    figures = _figures(text)
    assert [(n, f["as_of"].isoformat()) for n, f in figures.items()] == [
        ("3.486", "2020-12-31"), ("4.102", "2025-06-14")]


def test_the_places_a_new_commune_was_formed_from_are_no_scope():
    """Real phrasing: 2025 communes "được thành lập trên cơ sở sáp nhập thị trấn Ea Kar, xã Ea Đar
    và xã Cư Huê (huyện Ea Kar cũ)", then "Đảng bộ xã hiện có …": the new commune."""
    text = ("Tin\n\nThứ Năm, 31/07/2025 - 15:30\n\nNgày 31/7, Đảng bộ xã Ea Kar tổ chức Đại hội. Xã Ea "
            "Kar được thành lập trên cơ sở sáp nhập thị trấn Ea Kar, xã Ea Đar và xã Cư Huê (huyện "
            "Ea Kar cũ). Đảng bộ xã hiện có 1.937 đảng viên.")
    assert _figures(text)["1.937"]["scope_value"].lower() == "xã ea kar"


def test_party_organisations_merged_keep_their_name():
    """Near miss: "được thành lập trên cơ sở hợp nhất Đảng bộ Bộ Y tế và Ban cán sự đảng Bộ Y
    tế (cũ)": the party organisation merged is the one that keeps the name."""
    text = ("Tin\n\n29/08/2025 15:20\n\nNgày 29/8, Đảng bộ Bộ Y tế tổ chức Đại hội. Đảng bộ Bộ Y tế "
            "trực thuộc Đảng bộ Chính phủ, được thành lập trên cơ sở hợp nhất Đảng bộ Bộ Y tế và Ban "
            "cán sự đảng Bộ Y tế (cũ). Đảng bộ có 58 tổ chức cơ sở đảng.")
    assert _figures(text)["58"]["scope_value"] == "Bộ Y tế"


def test_other_news_under_a_page_is_no_figure(tmp_path):
    """Real phrasing: pasted pages ending with "Tin khác:" / "Bài viết khác" and headlines of
    other articles ("Đà Nẵng: 98 chi bộ đạt …"): the page's footer, cut."""
    from chibo.etl.documents import read_document
    for footer in ("Tin khác:", "Bài viết khác", "Các bài khác:"):
        path = tmp_path / "page.txt"
        path.write_text("Tin\nThứ Năm, 18/12/2025 - 16:05\nĐảng bộ phường Thanh Khê có 2.904 đảng "
                        f"viên.\n{footer}\n- Đà Nẵng: 98 chi bộ đạt \"trong sạch, vững mạnh\"\n",
                        encoding="utf-8")
        assert set(_figures(read_document(path))) == {"2.904"}


def test_a_headline_takes_the_group_the_ceremony_admitted():
    """Real phrasing: "Chi bộ Công ty … kết nạp hai đảng viên mới" above "Lễ kết nạp hai công nhân
    ưu tú vào Đảng": the headline restates the ceremony's count, group, day and scope."""
    text = ("Chi bộ Công ty TNHH Sao Việt kết nạp hai đảng viên mới\n\nThứ Sáu, 05/09/2025 - 10:30\n\n"
            "Sáng 4/9, Chi bộ Công ty TNHH Sao Việt tổ chức Lễ kết nạp hai công nhân ưu tú vào Đảng.")
    f = extract(text, "rules").figures
    assert [(x["dimension_value"], x["as_of"].isoformat()) for x in f] == [
        ("worker", "2025-09-04"), ("worker", "2025-09-04")]


def test_a_headline_without_a_group_restating_a_part_stays_without_one():
    """Near miss: a headline count equal to a part of a stated whole keeps no group."""
    text = ("Xã kết nạp 2 đảng viên mới\n\nThứ Sáu, 05/09/2025 - 10:30\n\nNgày 4/9, Đảng bộ xã Tân "
            "Lập có 120 đảng viên, trong đó 2 đảng viên dự bị.")
    head = extract(text, "rules").figures[0]
    assert (head["metric"], head["dimension"]) == ("new_admissions", None)


@pytest.mark.parametrize("peoples", ["Dao, Tày, Sán Chỉ", "Cao Lan, Sán Dìu", "Pa Kô, Vân Kiều"])
def test_local_peoples_by_name_are_ethnic_minorities(peoples):
    """Real phrasing: cell congresses naming local groups, "đảng viên là người dân tộc Dao, Tày,
    Sán Chỉ chiếm 61,5%" (Sán Chỉ, Cao Lan, Pa Kô: local groups and spellings of the 53)."""
    text = PAGE + f"Chi bộ thôn Khe Tiền có 26 đảng viên; đảng viên là người {peoples} chiếm 61,5%."
    f = _figures(text)["61,5%"]
    assert (f["dimension_value"], f["whole"]) == ("minority", "26")


def test_cells_that_admitted_none_are_a_part_of_the_cells_counted_before():
    """Real phrasing: "Đảng bộ có 64 chi bộ trực thuộc với 3.951 đảng viên; còn 2 chi bộ chưa kết
    nạp được đảng viên": a part of the 64 (no breakdown word between)."""
    text = PAGE + ("Đến nay, Đảng bộ phường Bắc Giang có 64 chi bộ trực thuộc với 3.951 đảng viên; "
                   "còn 2 chi bộ chưa kết nạp được đảng viên.")
    f = _figures(text)["2"]
    assert (f["dimension_value"], f["whole"], f["metric"]) == ("no_admissions", "64", "sub_cells")


def test_labels_then_their_counts_respectively():
    """Real phrasing: "Số đảng viên nữ và đảng viên là người dân tộc thiểu số lần lượt là 1.570 và
    58 đồng chí, chiếm tương ứng 43,1% và 1,6%": each count takes its label and its share."""
    text = PAGE + ("Đảng bộ phường Hoàn Kiếm hiện có 3.642 đảng viên. Số đảng viên nữ và đảng viên là "
                   "người dân tộc thiểu số lần lượt là 1.570 và 58 đồng chí, chiếm tương ứng 43,1% và "
                   "1,6%.")
    figures = _figures(text)
    assert [(figures[n]["metric"], figures[n]["dimension_value"], figures[n]["share"],
             figures[n]["whole"]) for n in ("1.570", "58")] == [
        ("members_female", "female", 0.431, "3.642"), ("members_total", "minority", 0.016, "3.642")]


def test_respective_counts_without_shares():
    """Real phrasing: "Đảng viên dự bị, đảng viên có trình độ đại học trở lên lần lượt là 97 và
    2.411 đồng chí" (three-word labels, a comma between them, no shares)."""
    text = PAGE + ("Đảng bộ phường Hoàn Kiếm hiện có 3.642 đảng viên; đảng viên dự bị, đảng viên có "
                   "trình độ đại học trở lên lần lượt là 97 và 2.411 đồng chí.")
    figures = _figures(text)
    assert [(figures[n]["dimension_value"], figures[n]["share"]) for n in ("97", "2.411")] == [
        ("probationary", None), ("university_plus", None)]


def test_respectively_with_labels_that_name_no_group_is_no_list_of_parts():
    """Near miss: labels the vocabulary does not know ("cán bộ, chiến sĩ") give no parts."""
    text = PAGE + "Số cán bộ và chiến sĩ của đơn vị lần lượt là 120 và 340 đồng chí."
    assert _figures(text) == {}


HISTORY = "Hơn 1,8 triệu đảng viên mới trong hai nhiệm kỳ\n\nThứ Hai, 12/01/2026 - 05:45\n\n"


def test_the_term_of_a_congress_named_is_a_period():
    """Real phrasing: national reviews "Nhiệm kỳ Đại hội XII (2016 - 2020), toàn Đảng kết nạp hơn
    887.000 đảng viên" (heldout9 h04): the years in brackets are the term counted, not a name."""
    text = HISTORY + ("Nhiệm kỳ Đại hội XII (2016 - 2020), toàn Đảng kết nạp hơn 887.000 đảng viên; "
                      "nhiệm kỳ Đại hội XIII (2021 - 2025) kết nạp trên 1 triệu đảng viên.")
    figures = _figures(text)
    assert [(figures[n]["as_of"].isoformat(), figures[n]["period_from"].isoformat(), figures[n]["whole"])
            for n in ("hơn 887.000", "trên 1 triệu")] == [
        ("2020-12-31", "2016-01-01", None), ("2025-12-31", "2021-01-01", None)]


def test_a_congress_opening_its_term_names_it():
    """Near miss: "Đại hội … lần thứ XIII, nhiệm kỳ 2020 - 2025" names the new term, no period."""
    text = ("Tin\n\nThứ Ba, 13/10/2020 - 10:45\n\nSáng 13/10, Đại hội Đảng bộ tỉnh lần thứ XVII, "
            "nhiệm kỳ 2020 - 2025 khai mạc. Dự Đại hội có 350 đại biểu, đại diện cho hơn 52.000 "
            "đảng viên.")
    assert _figures(text)["hơn 52.000"]["as_of"].isoformat() == "2020-10-13"


def test_a_headline_sums_two_terms_of_the_body():
    """Real phrasing: a headline "Hơn 1,8 triệu đảng viên mới trong hai nhiệm kỳ" over two terms'
    admissions (887.000 + 1 triệu): new members over a span are admissions, the sum of both."""
    text = HISTORY + ("Nhiệm kỳ Đại hội XII (2016 - 2020), toàn Đảng kết nạp hơn 887.000 đảng viên; "
                      "nhiệm kỳ Đại hội XIII (2021 - 2025) kết nạp trên 1 triệu đảng viên.")
    f = _figures(text)["Hơn 1,8 triệu"]
    assert (f["metric"], f["as_of"].isoformat(), f["period_from"].isoformat(), f["scope_value"]) == (
        "new_admissions", "2025-12-31", "2016-01-01", "VN")


def test_new_members_without_a_span_are_no_admissions():
    """Near miss: "45 đảng viên mới" at a training course, no span after them: no figure."""
    text = PAGE + "Huyện ủy mở lớp bồi dưỡng lý luận chính trị cho 45 đảng viên mới."
    assert _figures(text) == {}


def test_a_headline_year_restating_a_body_period_ending_earlier_in_it():
    """Real phrasing: "Quận Hoàng Mai kết nạp 402 đảng viên trong năm 2024" over "Từ ngày 1/1 đến
    ngày 15/12/2024, … kết nạp 402 đảng viên" on a page of 20/12 (heldout9 d01): the body's day."""
    text = ("Quận Hoàng Mai kết nạp 402 đảng viên trong năm 2024\n\nThứ Sáu, 20/12/2024 - 11:20\n\n"
            "Từ ngày 1/1 đến ngày 15/12/2024, Đảng bộ quận Hoàng Mai kết nạp 402 đảng viên.")
    f = extract(text, "rules").figures
    assert [x["as_of"].isoformat() for x in f] == ["2024-12-15", "2024-12-15"]


def test_a_share_of_organisations_whose_whole_comes_in_the_next_sentence():
    """Real phrasing: "…; 100% tổ chức cơ sở đảng trực thuộc kết nạp được đảng viên. Hiện Đảng bộ
    có 18 tổ chức cơ sở đảng" (heldout5 y03): the whole stated after the share."""
    text = ("Tin\n\nThứ Năm, 18/01/2024 - 17:10\n\nNgày 18/1, Đảng ủy Tổng công ty Điện lực miền "
            "Trung tổ chức Hội nghị. Trong năm 2023, Đảng bộ Tổng công ty kết nạp 96 đảng viên mới; "
            "100% tổ chức cơ sở đảng trực thuộc kết nạp được đảng viên. Hiện Đảng bộ có 18 tổ chức cơ "
            "sở đảng với 2.963 đảng viên.")
    f = _figures(text)["100%"]
    assert (f["dimension_value"], f["share"], f["whole"]) == ("admitted_members", 1.0, "18")


def test_organisations_by_level_listed_with_commas():
    """Real phrasing: "trong đó ở xã, phường, thị trấn có 107, ở cơ quan hành chính có 96": the
    levels listed with commas are one sector (commune)."""
    text = HISTORY + ("Năm 2024, Đảng bộ tỉnh có 415 tổ chức cơ sở đảng; trong đó ở xã, phường, thị "
                      "trấn có 107, ở cơ quan hành chính có 96.")
    figures = _figures(text)
    assert [(figures[n]["dimension_value"], figures[n]["whole"]) for n in ("107", "96")] == [
        ("commune", "415"), ("agency", "415")]


def test_before_a_merger_is_a_time_not_an_action():
    """Real phrasing: 2025 congresses of merged communes, "Nhiệm kỳ 2020 - 2025, Đảng bộ các xã
    trước sáp nhập đã kết nạp được 143 đảng viên": "trước sáp nhập" dates, it does not block."""
    text = PAGE + ("Nhiệm kỳ 2020 - 2025, Đảng bộ các xã trước sáp nhập đã kết nạp được 143 đảng viên, "
                   "trong đó 128 đảng viên là người dân tộc Tày, Dao, Mông.")
    figures = _figures(text)
    assert (figures["143"]["metric"], figures["128"]["whole"]) == ("new_admissions", "143")


def test_merging_organisations_still_blocks():
    """Near miss: "Đảng ủy tỉnh sáp nhập 12 chi bộ" counts organisations merged, no stock."""
    assert _figures(PAGE + "Năm 2025, Đảng ủy tỉnh sáp nhập 12 chi bộ.") == {}


def test_abbreviations_of_reports_and_a_running_total():
    """Real phrasing: quarterly reports "Đảng bộ có 38 CB trực thuộc", "Tổng số 1.426 ĐV", "quý
    III/2025 kết nạp 9 ĐV; lũy kế từ đầu năm 23 ĐV": "lũy kế" is the admissions since January."""
    text = ("BÁO CÁO\n\nĐảng ủy xã Yên Thành\n\n1. Về tổ chức: Đảng bộ có 38 CB trực thuộc.\n2. Về đảng "
            "viên: Tổng số 1.426 ĐV.\n3. Kết nạp ĐV: quý III/2025 kết nạp 9 ĐV; lũy kế từ đầu năm 23 "
            "ĐV.\n\nYên Thành, ngày 03 tháng 10 năm 2025")
    figures = _figures(text)
    assert [(n, f["metric"]) for n, f in figures.items()] == [
        ("38", "sub_cells"), ("1.426", "members_total"), ("9", "new_admissions"),
        ("23", "new_admissions")]
    assert str(figures["23"]["period_from"]) == "2025-01-01"


def test_lettered_items_under_a_dated_heading():
    """Real phrasing: "Về cơ cấu đội ngũ đảng viên … (tính đến ngày 30/6/2025):" then "a) Tổng số
    đảng viên: 47.615 đồng chí. b) Đảng viên là người dân tộc thiểu số: 41.226 đồng chí, chiếm
    86,6%.": lettered or numbered items are a list as "-" items are."""
    text = ("Tin\n\nThứ Hai, 21/07/2025 - 07:30\n\nVề cơ cấu đội ngũ đảng viên của Đảng bộ tỉnh Cao "
            "Bằng (tính đến ngày 30/6/2025):\na) Tổng số đảng viên: 47.615 đồng chí.\nb) Đảng viên là "
            "người dân tộc thiểu số: 41.226 đồng chí, chiếm 86,6%.")
    figures = _figures(text)
    assert figures["47.615"]["as_of"].isoformat() == "2025-06-30"
    assert (figures["41.226"]["whole"], figures["41.226"]["share"]) == ("47.615", 0.866)


def test_a_second_count_of_a_list_is_not_of_the_first_ones_sector():
    """Real phrasing: "512 tổ chức cơ sở đảng; trong đó 40 đảng bộ xã, phường và 472 tổ chức cơ sở
    đảng ở các cơ quan, đơn vị, doanh nghiệp": the 472 are no communes (a mixed group: no figure)."""
    text = PAGE + ("Đảng bộ thành phố Huế có 61.254 đảng viên, sinh hoạt tại 512 tổ chức cơ sở đảng; "
                   "trong đó 40 đảng bộ xã, phường và 472 tổ chức cơ sở đảng ở các cơ quan, đơn vị, "
                   "doanh nghiệp.")
    figures = _figures(text)
    assert figures["40"]["dimension_value"] == "commune" and "472" not in figures


def test_a_short_name_of_several_words():
    """Real phrasing: "Tổng công ty Hàng không Việt Nam (Vietnam Airlines) … Đảng bộ Vietnam
    Airlines hiện có gần ba nghìn đảng viên"."""
    text = ("Tin\n\nThứ Bảy, 14/06/2025 - 16:40\n\nNgày 14/6, Đảng bộ Tổng công ty Hàng không Việt Nam "
            "(Vietnam Airlines) tổ chức Đại hội. Đảng bộ Vietnam Airlines hiện có gần ba nghìn đảng viên.")
    f = _figures(text)["gần ba nghìn"]
    assert (f["value"], f["scope_value"]) == (3000, "Tổng công ty Hàng không Việt Nam")


def test_the_last_months_of_a_year():
    """Real phrasing: army and province news "6 tháng cuối năm 2024, … kết nạp 186 đảng viên" (also
    in a headline, "… trong 6 tháng cuối năm 2024"): from 1 July to 31 December."""
    text = ("Quân đoàn 34 kết nạp 186 đảng viên trong 6 tháng cuối năm 2024\n\nThứ Ba, 07/01/2025 - "
            "09:15\n\n6 tháng cuối năm 2024, Đảng ủy Quân đoàn 34 kết nạp 186 đảng viên.")
    f = extract(text, "rules").figures
    assert [(x["as_of"].isoformat(), x["period_from"].isoformat()) for x in f] == [
        ("2024-12-31", "2024-07-01"), ("2024-12-31", "2024-07-01")]


def test_the_body_a_unit_belongs_to_in_brackets_is_no_scope():
    """Real phrasing: "Chi bộ Đồn Biên phòng … Lao Bảo (Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng
    Trị) tổ chức Lễ kết nạp 3 quần chúng ưu tú": the bracket says where the cell belongs."""
    text = ("Tin\n\nThứ Năm, 13/11/2025 - 15:10\n\nChiều 12/11, Chi bộ Đồn Biên phòng Cửa khẩu Quốc tế "
            "Lao Bảo (Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị) tổ chức Lễ kết nạp 3 quần chúng ưu "
            "tú vào Đảng.")
    f = _figures(text)["3"]
    assert (f["scope_kind"], f["scope_value"]) == ("organisation", "Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo")


def test_comrades_of_a_party_body_are_its_members():
    """Real phrasing: cell congresses "Chi bộ hiện có 18 đồng chí, trong đó 11 đồng chí nữ": the
    counter names the cell's members though no "đảng viên" precedes it."""
    figures = _figures(PAGE + "Chi bộ Trường THCS Lê Lợi hiện có 18 đồng chí, trong đó 11 đồng chí nữ.")
    assert (figures["18"]["metric"], figures["11"]["metric"], figures["11"]["whole"]) == (
        "members_total", "members_female", "18")


def test_a_committee_of_comrades_is_no_stock():
    """Near miss: "Ban Chấp hành Đảng bộ Trường khóa XXXI gồm 25 đồng chí": a committee's seats."""
    assert _figures(PAGE + "Đại hội đã bầu Ban Chấp hành Đảng bộ Trường khóa XXXI gồm 25 đồng chí.") == {}


def test_a_sentence_wrapped_over_lines_of_a_pasted_pdf():
    """Real phrasing: text pasted from a PDF, "Đảng bộ phường hiện có" / "2.117 đảng viên, sinh hoạt
    tại 43 chi bộ trực thuộc; trong năm đã kết nạp" / "31 đảng viên mới."."""
    text = ("Tin\n\nThứ Tư, 24/12/2025 - 15:00\n\nNgày 23/12, Đảng ủy phường Ngọc Hà tổ chức hội nghị "
            "tổng kết. Đảng bộ phường hiện có\n2.117 đảng viên, sinh hoạt tại 43 chi bộ trực thuộc; "
            "trong năm đã kết nạp\n31 đảng viên mới.")
    figures = _figures(text)
    assert [(n, f["metric"], f["as_of"].isoformat()) for n, f in figures.items()] == [
        ("2.117", "members_total", "2025-12-23"), ("43", "sub_cells", "2025-12-23"),
        ("31", "new_admissions", "2025-12-23")]


def test_a_headline_over_a_dateline_is_not_joined():
    """Near miss: a headline without a full stop above a dateline stays the headline."""
    text = "Phường Ngọc Hà có 2.117 đảng viên\n24/12/2025 15:00\nĐảng bộ phường hiện có 2.117 đảng viên."
    assert [f["as_of"].isoformat() for f in extract(text, "rules").figures] == ["2025-12-24"] * 2


def test_the_year_of_a_change_noted_in_brackets_dates_nothing_after_it():
    """Real phrasing: "tỷ lệ đảng viên nữ chiếm 38,2% (tăng 2,1% so với năm 2020), đảng viên dưới
    30 tuổi chiếm 9,4%": the second share is of the day reckoned, not of 2020."""
    text = PAGE + ("Tính đến ngày 30/9/2025, Đảng bộ tỉnh Hà Tĩnh có 103.512 đảng viên; tỷ lệ đảng "
                   "viên nữ chiếm 38,2% (tăng 2,1% so với năm 2020), đảng viên dưới 30 tuổi chiếm 9,4%.")
    assert _figures(text)["9,4%"]["as_of"].isoformat() == "2025-09-30"


def test_no_old_province_after_the_merger():
    """Real phrasing: "sau hợp nhất tỉnh Gia Lai và tỉnh Bình Định, tính đến ngày 31/8/2025, toàn
    tỉnh có …": a figure counted after 1 July 2025 is of the province the old one became."""
    text = ("Tin\n\nThứ Tư, 10/09/2025 - 09:50\n\nSau hợp nhất tỉnh Gia Lai và tỉnh Bình Định, tính "
            "đến ngày 31/8/2025, toàn tỉnh có 138.406 đảng viên.")
    assert _figures(text)["138.406"]["scope_value"] == "N52"


def test_up_to_now_in_a_sentence_naming_the_year():
    """Real phrasing: "Chỉ tiêu năm 2025 kết nạp 20 đảng viên, đến nay Đảng bộ xã đã kết nạp 24
    đồng chí": admissions since January of that year."""
    text = PAGE.replace("09/01/2026", "18/12/2025") + ("Chỉ tiêu năm 2025 kết nạp 20 đảng viên, đến nay "
                                                       "Đảng bộ xã Phú Lộc đã kết nạp 24 đồng chí.")
    f = _figures(text)["24"]
    assert (f["as_of"].isoformat(), f["period_from"].isoformat()) == ("2025-12-18", "2025-01-01")


def test_a_list_of_years_each_with_its_stock():
    """Real phrasing: "Số đảng viên năm 1986 là gần 1,9 triệu, năm 1996 là hơn 2,1 triệu và năm 2006
    là hơn 3,1 triệu người": each count of the list counts what the first does; millions of members
    with no scope named are the whole Party's."""
    figures = _figures("Tin\n\nThứ Ba, 03/02/2026 - 06:30\n\nSố đảng viên năm 1986 là gần 1,9 triệu, năm "
                       "1996 là hơn 2,1 triệu và năm 2006 là hơn 3,1 triệu người.")
    assert [(f["value"], f["as_of"].isoformat(), f["scope_value"]) for f in figures.values()] == [
        (1900000, "1986-12-31", "VN"), (2100000, "1996-12-31", "VN"), (3100000, "2006-12-31", "VN")]


def test_thousands_without_diacritics():
    """Real phrasing: a page that lost its diacritics, "Dang bo thanh pho co hon 72 ngan dang vien"."""
    f = _figures(PAGE + "Dang bo thanh pho Can Tho co hon 72 ngan dang vien.")["hon 72 ngan"]
    assert (f["value"], f["qualifier"]) == (72000, "over")


def test_a_month_range_with_one_year():
    """Real phrasing: "Từ tháng 7 đến tháng 12/2025, Đảng bộ phường … đã kết nạp 28 đảng viên"."""
    f = _figures(PAGE + "Từ tháng 7 đến tháng 12/2025, Đảng bộ phường Đông Hải đã kết nạp 28 đảng viên.")["28"]
    assert (f["as_of"].isoformat(), f["period_from"].isoformat()) == ("2025-12-31", "2025-07-01")


def test_organisations_of_mixed_sectors_are_no_part():
    """Real phrasing: "sinh hoạt tại 24 chi bộ (18 chi bộ thôn, 6 chi bộ cơ quan, trường học)": the
    village cells are a residential part; the 6 of agencies and schools together name no sector."""
    figures = _figures(PAGE + "Đảng bộ xã Quế Sơn hiện có 1.506 đảng viên, sinh hoạt tại 24 chi bộ (18 chi "
                       "bộ thôn, 6 chi bộ cơ quan, trường học).")
    assert figures["18"]["dimension_value"] == "residential" and "6" not in figures


def test_a_list_intro_naming_a_term_frames_its_items():
    """Real phrasing: congress pages "Một số con số về công tác xây dựng Đảng nhiệm kỳ 2020 - 2025:"
    then "• Kết nạp 7.412 đảng viên, …": the items count over the term the intro names."""
    text = ("Tin\n\nThứ Ba, 30/09/2025 - 20:10\n\nTrong 2 ngày 29 - 30/9/2025, Đảng bộ tỉnh Lai Châu tổ "
            "chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2025 - 2030. Một số con số về công tác xây dựng "
            "Đảng nhiệm kỳ 2020 - 2025:\n• Kết nạp 7.412 đảng viên;\n• Toàn Đảng bộ hiện có 34.150 đảng viên.")
    figures = _figures(text)
    assert str(figures["7.412"]["period_from"]) == "2020-01-01"
    assert figures["34.150"]["as_of"].isoformat() == "2025-09-30"


def test_bold_marks_pasted_into_plain_text():
    """Real phrasing: a report pasted from a chat or a Markdown page, "**Tổng số đảng viên:** 38 đồng
    chí (**dự bị:** 2 đồng chí)"."""
    text = "Báo cáo\n\nNgày đăng: 20/12/2025\n\n**Tổng số đảng viên:** 38 đồng chí (**dự bị:** 2 đồng chí)"
    figures = _figures(text)
    assert (figures["2"]["metric"], figures["2"]["whole"]) == ("members_probationary", "38")


def test_a_clause_after_a_sectors_count_is_no_list_nor_of_the_sector():
    """Real phrasing: "… 118 tổ chức cơ sở đảng, trong đó tổ chức cơ sở đảng trong doanh nghiệp ngoài
    nhà nước 46; năm 2018 kết nạp 325 đảng viên": the 46 are base organisations of a sector (no
    list with 325: the year's verb is not the 46's), the 325 the whole bloc's admissions."""
    text = PAGE + ("Đảng bộ Khối Doanh nghiệp tỉnh Bình Dương hiện có 118 tổ chức cơ sở đảng, trong đó tổ "
                   "chức cơ sở đảng trong doanh nghiệp ngoài nhà nước 46; năm 2018 kết nạp 325 đảng viên.")
    figures = _figures(text)
    assert (figures["46"]["metric"], figures["46"]["dimension_value"], figures["46"]["whole"]) == (
        "base_orgs_total", "private_enterprise", "118")
    assert (figures["325"]["metric"], figures["325"]["sector"]) == ("new_admissions", None)


def test_an_old_provinces_stock_after_the_merger_but_not_its_terms_admissions():
    """Near miss of the merger rule: "Nhiệm kỳ 2020 - 2025, Đảng bộ tỉnh Yên Bái kết nạp 9.100" at a
    congress after the merger keeps the old province (its own term), while a stock counted after
    1 July 2025 under the old name is the new province's."""
    text = ("Tin\n\nThứ Ba, 30/09/2025 | 18:00\n\nChiều 30/9, Đại hội Đảng bộ tỉnh Lào Cai bế mạc. Nhiệm kỳ "
            "2020 - 2025, Đảng bộ tỉnh Yên Bái kết nạp 9.100 đảng viên. Tính đến ngày 31/8/2025, Đảng bộ "
            "tỉnh Yên Bái có 61.000 đảng viên.")
    figures = _figures(text)
    assert (figures["9.100"]["scope_value"], figures["61.000"]["scope_value"]) == ("15", "N15")


def test_a_part_metric_named_before_its_count_without_a_counter():
    """Real phrasing: "… có 3.012 đảng viên; đảng viên nữ 1.208 (chiếm 40,1%), đảng viên dự bị 86.":
    a noun naming a part (nữ, dự bị, chính thức) before a bare count is its label."""
    figures = _figures(PAGE + "Đảng bộ phường Hồng Bàng có 3.012 đảng viên; đảng viên nữ 1.208 (chiếm "
                       "40,1%), đảng viên dự bị 86.")
    assert [(figures[n]["metric"], figures[n]["whole"], figures[n]["share"]) for n in ("1.208", "86")] == [
        ("members_female", "3.012", 0.401), ("members_probationary", "3.012", None)]


def test_base_cells_and_base_committees_named_together():
    """Real phrasing: "gần 1.000 chi bộ cơ sở và đảng bộ cơ sở": base organisations of both kinds."""
    f = _figures(PAGE + "Đảng bộ thành phố Đà Nẵng có gần 1.000 chi bộ cơ sở và đảng bộ cơ sở.")["gần 1.000"]
    assert f["metric"] == "base_orgs_total"


def test_organisations_attendees_come_from_are_no_count():
    """Real phrasing: "Hội nghị có sự tham dự của 250 đảng viên tiêu biểu đến từ 126 tổ chức cơ sở
    đảng": attendance, and where the attendees come from (not the body's organisations)."""
    assert _figures(PAGE + "Hội nghị có sự tham dự của 250 đảng viên tiêu biểu đến từ 126 tổ chức cơ sở "
                    "đảng.") == {}


def test_delegates_elected_from_the_bodys_organisations_still_count_them():
    """Near miss: "220 đại biểu được bầu từ 37 đảng bộ, chi bộ cơ sở": the body's organisations."""
    figures = _figures(PAGE + "Dự Đại hội có 220 đại biểu được bầu từ 37 đảng bộ, chi bộ cơ sở, thay mặt "
                       "cho trên 6.900 đảng viên.")
    assert figures["37"]["metric"] == "base_orgs_total"

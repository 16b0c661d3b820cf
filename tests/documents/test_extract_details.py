"""Breakdown links, parts-add-up checks, as-of dating and scope resolution on small texts."""
from datetime import date

from chibo.etl.documents import extract
from chibo.etl.documents.scope import resolve_province


def _by_number(text):
    figures = extract(text, "t").figures
    by_id = {f["figure_id"]: f for f in figures}
    out = {}
    for f in figures:
        parent = by_id.get(f["part_of_figure_id"])
        out[f["number_text"]] = dict(f, parent=parent["number_text"] if parent else None)
    return out


def test_parts_that_add_up_are_linked_and_checked():
    """gồm 430 + 775 = 1.205: both parts point at the total, whose check passes."""
    f = _by_number("Đảng bộ tỉnh có 1.205 tổ chức cơ sở đảng, gồm 430 đảng bộ cơ sở và 775 chi "
                   "bộ cơ sở.")
    assert (f["430"]["parent"], f["775"]["parent"]) == ("1.205", "1.205")
    assert f["1.205"]["parts_sum_ok"] is True and f["430"]["parts_sum_ok"] is None


def test_parts_that_do_not_add_up_are_flagged():
    """50 + 60 ≠ 120: the total is kept but marked parts_sum_ok = False."""
    f = _by_number("Toàn Đảng bộ có 120 tổ chức cơ sở đảng, trong đó 50 đảng bộ cơ sở, 60 chi bộ "
                   "cơ sở.")
    assert f["120"]["parts_sum_ok"] is False


def test_subset_parts_are_linked_but_not_summed():
    """Official + probationary partition the members; female members are a subset of them."""
    f = _by_number("Đảng bộ có 2.345 đảng viên, trong đó 2.100 đảng viên chính thức, 245 đảng "
                   "viên dự bị; 1.020 đảng viên nữ.")
    assert {f[n]["parent"] for n in ("2.100", "245", "1.020")} == {"2.345"}
    assert f["2.345"]["parts_sum_ok"] is True


def test_a_list_after_con_is_not_a_breakdown():
    """"với 10.579 đảng viên" after a breakdown of organisations is another metric: no parent."""
    f = _by_number("Cả nước có 640 tổ chức cơ sở đảng, trong đó có 40 đảng bộ cơ sở, 600 chi bộ "
                   "cơ sở, với 10.579 đảng viên.")
    assert f["10.579"]["parent"] is None and f["640"]["parts_sum_ok"] is True


def test_trong_do_opening_the_next_sentence_links_to_the_previous_total():
    """"… 15.200 đảng viên. Trong đó có 7.296 đảng viên nữ." links across the sentence break."""
    f = _by_number("Đảng bộ Khối có 15.200 đảng viên. Trong đó có 7.296 đảng viên nữ.")
    assert f["7.296"]["parent"] == "15.200" and f["15.200"]["parts_sum_ok"] is True


def test_explicit_date_in_the_sentence_is_the_as_of_date():
    """"Tính đến ngày 10-9-2018" beats the publication date."""
    f = _by_number("24/08/2018 | 16:30 PM\n\nTính đến ngày 10-9-2018, Đảng bộ Khối có 8.762 "
                   "đảng viên.")
    assert (f["8.762"]["as_of"], f["8.762"]["as_of_source"]) == (date(2018, 9, 10), "explicit")


def test_publication_date_is_the_fallback():
    """"Hiện có" with no date: the page's publication date, marked as such."""
    f = _by_number("24/08/2018 | 16:30 PM\n\nĐảng bộ Khối hiện có 8.762 đảng viên.")
    assert (f["8.762"]["as_of"], f["8.762"]["as_of_source"]) == (date(2018, 8, 24), "publication")


def test_no_date_at_all_is_unknown():
    """Without any date the as-of is unknown, not guessed."""
    f = _by_number("Đảng bộ Khối hiện có 8.762 đảng viên.")
    assert (f["8.762"]["as_of"], f["8.762"]["as_of_source"], f["8.762"]["year"]) == (
        None, "unknown", None)


def test_a_stated_year_counts_to_its_end_and_admissions_from_its_start():
    """"Năm 2023, … kết nạp" is the flow of 2023 (1 January to 31 December) although the page
    is from 2024."""
    f = _by_number("Ngày 11/01/2024, tại Hà Nội, hội nghị tổng kết.\n\nNăm 2023, toàn Đảng bộ kết"
                   " nạp được 3.150 đảng viên mới.")
    assert (f["3.150"]["as_of"], f["3.150"]["year"], f["3.150"]["as_of_source"],
            f["3.150"]["period_from"]) == (date(2023, 12, 31), 2023, "explicit", date(2023, 1, 1))


def test_an_as_of_sentence_carries_to_the_next():
    """"Tính đến ngày 31-12-2022 như sau." dates the figures of the following sentence."""
    f = _by_number("Số liệu tính đến ngày 31-12-2022 như sau. Toàn Đảng bộ có 540 đảng viên.")
    assert f["540"]["as_of"] == date(2022, 12, 31)


def test_country_and_sector_scope_is_resolved():
    """"Cả nước … ở cơ quan hội quần chúng" is the country narrowed by the mass-association sector."""
    f = _by_number("Cả nước hiện có 640 tổ chức cơ sở đảng ở cơ quan hội quần chúng.")
    assert (f["640"]["scope_kind"], f["640"]["scope_value"], f["640"]["sector"]) == (
        "country", "VN", "mass_association")


def test_province_scope_is_resolved_when_the_alias_table_knows_it():
    """"Đảng bộ tỉnh Nghệ An" is a province scope; the code comes from chibo.etl.reference if present."""
    f = _by_number("Dự Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XIX có 450 đại biểu, thay "
                   "mặt cho hơn 236.000 đảng viên trong toàn Đảng bộ.")["hơn 236.000"]
    code = resolve_province("Nghệ An")
    assert f["scope_kind"] == "province" and f["scope_text"] == "Đảng bộ tỉnh Nghệ An"
    assert (f["scope_value"], f["province_code"]) == (code or "Nghệ An", code)


def test_organisation_short_name_expands_to_the_full_name():
    """"Đảng ủy Liên hiệp Hội" resolves to the full name the document introduced."""
    f = _by_number("Làm việc với Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam.\n\n"
                   "Đảng ủy Liên hiệp Hội có 58 chi bộ trực thuộc.")["58"]
    assert (f["scope_kind"], f["scope_value"], f["org_text"]) == (
        "organisation", "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "Đảng ủy Liên hiệp Hội")


def test_figures_without_a_scope_of_their_own_inherit_the_sentence_scope():
    """Parts and list items carry the scope named before the first figure."""
    f = _by_number("Đảng bộ tỉnh Nghệ An có 1.205 tổ chức cơ sở đảng, gồm 430 đảng bộ cơ sở.")
    assert f["430"]["scope_text"] == f["1.205"]["scope_text"] == "Đảng bộ tỉnh Nghệ An"


def test_each_figure_takes_the_nearest_date_before_it():
    """In "… 3 chi bộ cơ sở; năm 2022 kết nạp 15 đảng viên" only the admissions are dated 2022."""
    f = _by_number("Đảng bộ hiện có 3 chi bộ cơ sở; năm 2022 kết nạp 15 đảng viên.")
    assert (f["3"]["year"], f["3"]["as_of_source"]) == (None, "unknown")
    assert (f["15"]["year"], f["15"]["as_of_source"], f["15"]["metric"]) == (
        2022, "explicit", "new_admissions")


def test_a_sector_attached_to_the_noun_narrows_a_province_scope():
    """"… tổ chức cơ sở đảng ở doanh nghiệp ngoài nhà nước" adds the sector to the province."""
    f = _by_number("Đảng bộ tỉnh Bắc Ninh có 58 tổ chức cơ sở đảng ở doanh nghiệp ngoài nhà nước.")
    assert (f["58"]["scope_kind"], f["58"]["sector"]) == ("province", "private_enterprise")

"""Rules added after held-out set 8 on totals, parts and admissions: a gloss in brackets between
what a count names and the count, organisations by sector written "N ở <sector>", a stock named
"số … lên" that is no part of admissions, admissions restated without their group, statistics
lines of admissions, "sau hợp nhất" that is no superlative; each on sentences written for the
rule, with near misses that must not match."""
import pytest

from .test_rules import _figures
from .test_rules_heldout6 import _rows

# ---- a gloss in brackets between the part's name and its count


@pytest.mark.parametrize("text,number,dimension", [
    ("Đảng bộ xã có 240 đảng viên. Đảng viên là người dân tộc thiểu số (phần lớn là người Mường) "
     "có 201 đồng chí, chiếm 83,8%.", "201", ("ethnicity", "minority")),
    ("Chi bộ có 64 đảng viên, đảng viên nữ (kể cả đảng viên dự bị) có 29 đồng chí.", "29",
     ("gender", "female")),
])
def test_a_gloss_before_the_count_keeps_the_part(text, number, dimension):
    f = _figures(text)[number]
    assert (f["dimension"], f["dimension_value"]) == dimension and f["whole"] is not None


def test_a_bracket_with_a_number_is_no_gloss():
    """Near miss: a bracket holding a number is a figure of its own, not blanked."""
    rows = _rows("Đảng bộ có 5 chi bộ (52 đảng viên).")
    assert [r[0] for r in rows] == ["5", "52"]


def test_a_sector_part_does_not_narrow_the_next_sentence():
    text = ("Đảng bộ xã Ia Mơr có 210 đảng viên, sinh hoạt tại 12 chi bộ, gồm 9 chi bộ thôn và 3 "
            "chi bộ trường học. Năm 2023, kết nạp 14 đảng viên.")
    f = _figures(text)["14"]
    assert f["sector"] is None and f["scope_value"] == "xã Ia Mơr"


# ---- organisations (or members) by sector: "N ở <sector>" in a breakdown


@pytest.mark.parametrize("text,whole,parts", [
    ("Đảng bộ tỉnh có 380 tổ chức cơ sở đảng, gồm: 95 ở xã, phường, thị trấn; 120 ở cơ quan hành "
     "chính; 150 ở đơn vị sự nghiệp và 15 trong lực lượng vũ trang.", "380",
     [("95", "commune"), ("120", "agency"), ("150", "public_service"), ("15", "armed_forces")]),
    ("Huyện có 62 tổ chức cơ sở đảng, trong đó 20 thuộc doanh nghiệp ngoài nhà nước.", "62",
     [("20", "private_enterprise")]),
])
def test_organisations_by_sector_after_a_breakdown(text, whole, parts):
    figures = _figures(text)
    assert [(n, figures[n]["whole"], figures[n]["metric"], figures[n]["dimension_value"])
            for n, _ in parts] == [(n, whole, "base_orgs_total", s) for n, s in parts]


def test_a_share_after_a_sector_count_is_kept():
    text = "Thành phố có 200 tổ chức cơ sở đảng, gồm: 50 ở xã, phường (25%); 150 ở cơ quan nhà nước."
    assert _figures(text)["50"]["share"] == 0.25


@pytest.mark.parametrize("text", [
    "Đảng bộ có 300 tổ chức cơ sở đảng. Năm 2023, 7 ở xã vùng sâu được kiện toàn.",
    "Tỉnh có 45 đảng bộ xã; 12 ở cơ quan hành chính đã hoàn thành.",
])
def test_a_number_before_a_sector_without_a_breakdown_is_no_part(text):
    """Near miss: no "gồm / trong đó / :" between the total and the number."""
    assert not any(r[3] == "sector" for r in _rows(text))


# ---- "số đảng viên là sinh viên … tăng lên N": a stock, not a part of admissions


@pytest.mark.parametrize("text", [
    "Trường kết nạp 25 sinh viên, đưa số đảng viên là sinh viên của trường lên 180 đồng chí.",
    "Với 12 đảng viên mới, số đảng viên nữ của Đảng bộ tăng lên 95 đồng chí.",
])
def test_a_stock_named_by_so_is_no_part_of_admissions(text):
    figures = _figures(text)
    stock = next(f for n, f in figures.items() if n in ("180", "95"))
    assert stock["whole"] is None and stock["metric"] != "new_admissions"


def test_a_part_of_admissions_in_which_stays_of_admissions():
    """Near miss: "kết nạp 40 đảng viên, trong đó 18 đồng chí nữ" links the part to admissions."""
    f = _figures("Năm 2023, Đảng bộ kết nạp 40 đảng viên, trong đó 18 đồng chí là nữ.")["18"]
    assert (f["metric"], f["whole"]) == ("new_admissions", "40")


# ---- admissions restated without their group


def test_admissions_restated_take_their_group():
    text = ("Trường kết nạp 26 học sinh vào Đảng\n\nThứ Hai, 02/12/2024\n\nNgày 2/12, Đảng ủy "
            "Trường THPT Chuyên Lê Quý Đôn tổ chức lễ kết nạp 26 học sinh ưu tú vào Đảng.\n\n"
            "Với 26 đảng viên mới, chi bộ học sinh của Trường đã lớn mạnh hơn.")
    rows = [f for f in extract_rows(text) if f["number_text"] == "26"]
    assert len(rows) == 3 and {(f["dimension_value"], str(f["period_from"])) for f in rows} == {
        ("student", "2024-12-02")}


def test_admissions_of_another_value_keep_no_group():
    """Near miss: a different number is not the group's restatement."""
    text = ("Ngày 2/12/2024, Đảng ủy Trường tổ chức lễ kết nạp 26 học sinh ưu tú vào Đảng. Cả năm "
            "2024, Đảng ủy kết nạp 41 đảng viên mới.")
    assert _figures(text)["41"]["dimension"] is None


def extract_rows(text):
    from chibo.etl.documents import extract
    return extract(text, "rules").figures


# ---- statistics lines of admissions


@pytest.mark.parametrize("text,number", [
    ("SỐ LIỆU NĂM 2022\n\n- Tổng số đảng viên: 3.120\n- Kết nạp đảng viên trong năm: 96", "96"),
    ("- Phát triển đảng viên mới: 41", "41"),
    ("+ Kết nạp mới: 17;", "17"),
])
def test_a_statistics_line_of_admissions(text, number):
    assert _figures(text)[number]["metric"] == "new_admissions"


@pytest.mark.parametrize("text", [
    "- Kết nạp đoàn viên: 320",
    "- Đề nghị kết nạp: 12",
    "- Quần chúng được giới thiệu kết nạp: 15",
])
def test_lines_that_are_not_party_admissions(text):
    assert _figures(text) == {}


# ---- "sau hợp nhất" is no superlative


@pytest.mark.parametrize("text", [
    "Đảng bộ tỉnh sau hợp nhất có 151.000 đảng viên.",
    "Đảng bộ xã sau khi thống nhất có 1.204 đảng viên.",
])
def test_a_merged_committee_is_a_scope_not_an_unnamed_one(text):
    assert len(_figures(text)) == 1


def test_the_largest_committee_is_still_unnamed():
    """Near miss: "Đảng bộ lớn nhất có …" sizes an organisation the text does not name."""
    assert _figures("Đảng bộ xã lớn nhất có 2.100 đảng viên.") == {}


# ---- a capitals heading with its date on the next line, in brackets


def test_a_heading_and_its_bracketed_date_scope_and_date_the_list():
    text = ("THỐNG KÊ ĐẢNG VIÊN CỦA ĐẢNG BỘ XÃ THANH LƯƠNG\n(tính đến ngày 30/6/2022)\n\n"
            "- Tổng số đảng viên: 842 (chính thức: 811; dự bị: 31)\n"
            "- Kết nạp đảng viên trong năm: 12")
    figures = _figures(text)
    assert {(f["scope_value"].lower(), f["as_of"].isoformat()) for f in figures.values()} == {
        ("xã thanh lương", "2022-06-30")}
    assert str(figures["12"]["period_from"]) == "2022-01-01"


def test_a_list_item_is_no_headline():
    """Near miss: the first long line is a list item, so it is read as a body line."""
    text = "- Tổng số tổ chức cơ sở đảng của Đảng bộ huyện: 48 (đảng bộ cơ sở: 30; chi bộ cơ sở: 18)"
    assert _figures(text)["48"]["as_of_source"] != "explicit" and len(_figures(text)) == 3


# ---- "tân đảng viên", and members counted after a new stock cue


def test_new_members_written_tan_dang_vien():
    text = PAGE_A + "Năm 2024, Đảng bộ xã Phú Cường đã có thêm 14 tân đảng viên."
    assert _figures(text)["14"]["metric"] == "new_admissions"


def test_members_after_a_new_stock_cue_are_no_part_of_admissions():
    text = (PAGE_A + "Năm 2024, Đảng bộ Trường kết nạp 25 sinh viên vào Đảng, nâng số đảng viên "
            "của Đảng bộ lên 410; Đảng bộ có 130 đảng viên là sinh viên.")
    f = _figures(text)["130"]
    assert (f["metric"], f["whole"]) == ("members_total", "410")  # of the members, not admissions


def test_members_after_have_are_no_part_of_the_admissions_before():
    text = PAGE_A + "Với 25 đảng viên mới, Đảng bộ Trường có 210 đảng viên là sinh viên."
    f = _figures(text)["210"]
    assert (f["metric"], f["whole"], f["dimension_value"]) == ("members_total", None, "student")


@pytest.mark.parametrize("text", [
    "Năm 2023, tỉnh kết nạp 1.500 đảng viên; trong đó, có 1.020 đảng viên là người dân tộc thiểu số.",
    "Trong số 1.500 đảng viên mới kết nạp năm 2023, có 1.020 đảng viên là người dân tộc thiểu số.",
])
def test_in_which_there_are_is_still_a_part_of_admissions(text):
    """Near miss: "trong đó, có …" and "Trong số …, có …" link the part to the admissions."""
    f = _figures(PAGE_A + text)["1.020"]
    assert (f["metric"], f["whole"]) == ("new_admissions", "1.500")


PAGE_A = "Tin\n\nThứ Hai, 03/02/2025 - 09:00\n\n"

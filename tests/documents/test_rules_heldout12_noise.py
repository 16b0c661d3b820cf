"""Rules round on held-out sets 11 and 12: noise. A page's HTML source pasted into a text file is
read as HTML (its rows, "<strong>48</strong>", its date line); a <br> is a line break, not a
paragraph's end; a word hyphenated across the lines of a scanned page is joined ("đảng vi-" /
"ên"); every table column whose header names its count is read, not only the last."""
import pytest

from chibo.etl.documents import extract, read_document
from chibo.etl.documents.clean import repair

from .test_rules import _figures


def _read(tmp_path, text: str, name: str = "page.txt") -> dict[str, dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {f["number_text"]: f for f in extract(read_document(path), name).figures}


def test_html_source_pasted_into_a_text_file(tmp_path):
    """Real phrasings (heldout11 n01, heldout12 n05): inline tags around a number, table rows."""
    found = _read(tmp_path, "<h1>Phường Tân Định tổng kết công tác xây dựng Đảng năm 2025</h1>\n<div "
                  "class=\"date\">Thứ Sáu, 26/12/2025 - 10:20</div>\n<p>Chiều 25/12, Đảng ủy phường Tân "
                  "Định tổ chức hội nghị tổng kết. Trong năm, Đảng bộ phường kết nạp&nbsp;<strong>48"
                  "</strong>&nbsp;đảng viên;<br/>hiện Đảng bộ có&nbsp;2.418 đảng viên.</p>\n")
    assert found["48"]["metric"] == "new_admissions"
    assert str(found["2.418"]["as_of"]) == "2025-12-25"  # the <br> does not end the paragraph
    found = _read(tmp_path, "<table>\n<tr><td>Tổng số chi bộ trực thuộc đảng bộ cơ sở</td><td>486</td>"
                  "</tr>\n<tr><td>Tổng số đảng viên</td><td>8.905</td></tr>\n</table>\n")
    assert (found["486"]["metric"], found["8.905"]["metric"]) == ("sub_cells", "members_total")


def test_text_that_only_mentions_a_tag_stays_text(tmp_path):
    """Near miss: a text file whose body is text is not parsed as HTML ("<" in a sentence)."""
    found = _read(tmp_path, "Đảng bộ xã có 420 đảng viên, tỷ lệ <30 tuổi thấp.\n<p> là thẻ đoạn.\n")
    assert list(found) == ["420"]


@pytest.mark.parametrize("text,joined", [
    ("Đảng bộ tỉnh Thái Bình có 41.356 đảng vi-\nên, sinh hoạt trong 612 chi bộ.", "đảng viên,"),
    ("toàn Đảng bộ kết nạp được 9.870 quần chúng ưu tú vào Đả-\nng.", "vào Đảng."),
])
def test_a_word_hyphenated_across_lines_is_joined(text, joined):
    assert joined in repair(text)


@pytest.mark.parametrize("text", [
    "tỉnh Bà Rịa -\nVũng Tàu", "đồng bào Bru-\nVân Kiều",  # near misses: a name's dash stays
])
def test_a_dash_before_a_capital_stays(text):
    assert repair(text) == text


def test_every_column_that_names_its_count():
    """Real phrasing (heldout11 h04): a yearbook table, members in the middle column."""
    found = _figures("Biểu 2. Số đảng viên toàn Đảng qua một số năm (tại thời điểm 31/12)\n\n| Năm | Số "
                     "đảng viên | Số tổ chức cơ sở đảng |\n|---|---|---|\n| 2005 | 3.100.512 | 49.125 |\n"
                     "| 2010 | 3.620.208 | 53.812 |\n")
    assert [(n, f["metric"]) for n, f in found.items()] == [
        ("3.100.512", "members_total"), ("49.125", "base_orgs_total"),
        ("3.620.208", "members_total"), ("53.812", "base_orgs_total")]
    # near miss: a column whose header names no count is not read
    found = _figures("| Năm | Ghi chú | Số đảng viên |\n|---|---|---|\n| 2005 | 1.234 | 52.304 |\n")
    assert list(found) == ["52.304"]


def test_a_column_of_admissions():
    """"| Năm | Tổng số đảng viên | Số đảng viên mới kết nạp |": both columns, each row's year."""
    found = _figures("Số liệu của Đảng bộ tỉnh Bắc Ninh\n\n| Năm | Tổng số đảng viên | Số đảng viên mới kết nạp "
                     "|\n|---|---|---|\n| 2021 | 74.215 | 2.310 |\n")
    assert [(n, f["metric"], str(f["period_from"])) for n, f in found.items()] == [
        ("74.215", "members_total", "None"), ("2.310", "new_admissions", "2021-01-01")]


def test_html_list_items_stay_with_their_intro(tmp_path):
    """"<p>Chiều 26/12, … Một số kết quả nổi bật:</p><ul><li>…</li></ul>": the items are the
    intro's list, dated by the meeting it reports, not by the page."""
    found = _read(tmp_path, "<div class=\"article\">\n<h1>Đảng bộ phường Cửa Nam tổng kết công tác xây "
                  "dựng Đảng năm 2024</h1>\n<p class=\"time\">Thứ Sáu, 27/12/2024 - 08:15</p>\n<p>Chiều 26/12, "
                  "Đảng ủy phường Cửa Nam tổng kết công tác xây dựng Đảng năm 2024. Một số kết quả nổi bật:"
                  "</p>\n<ul>\n<li><strong>Tổng số đảng viên:</strong> 1.986 đồng chí</li>\n</ul>\n</div>\n")
    assert (found["1.986"]["metric"], str(found["1.986"]["as_of"])) == ("members_total", "2024-12-26")

"""Reading documents: HTML with page chrome, Markdown, encodings, folders."""
import unicodedata

import pytest

from chibo.etl.documents import document_paths, extract, read_document
from chibo.etl.documents.clean import html_to_text, strip_chrome


def test_html_keeps_the_article_and_drops_the_chrome(fixtures_dir):
    """Menu, masthead, link lists, comment form, visitor counter and footer never reach the text."""
    text = read_document(fixtures_dir / "article.html")
    assert "Hiện Đảng bộ Khối có 1.205 tổ chức cơ sở đảng" in text
    for chrome in ("Trang chủ", "Báo Điện tử", "999 chi bộ", "12.000 đảng viên", "300 đảng viên",
                   "Ý kiến bạn đọc", "Họ và tên", "50 chi bộ", "Thống kê truy cập", "488",
                   "73981550", "Bản quyền", "var visits", "color: red"):
        assert chrome not in text, chrome


def test_html_figures_come_only_from_the_article(fixtures_dir):
    """The numbers in menus, related links and the comment box give no figure."""
    result = extract(read_document(fixtures_dir / "article.html"), "article.html")
    assert [(f["number_text"], f["metric"]) for f in result.figures] == [
        ("1.205", "base_orgs_total"), ("430", "base_party_committees"), ("775", "base_cells"),
        ("hơn 25.500", "members_total")]
    assert str(result.document["published_on"]) == "2023-08-24"
    assert result.document["title"] == "Đảng bộ Khối tổng kết công tác xây dựng Đảng năm 2023"


def test_a_list_made_only_of_links_is_dropped():
    """A <ul> whose text is all link text is navigation, wherever it is."""
    html = "<p>Đảng bộ có 12 chi bộ.</p><ul><li><a href='/x'>Có 99 chi bộ</a></li></ul>"
    assert "99" not in html_to_text(html) and "12 chi bộ" in html_to_text(html)


def test_text_footer_markers_cut_the_rest():
    """A counter block pasted from a page ends the article, even glued to the author's name."""
    raw = "Đảng bộ có 12 chi bộ.\nMinh PhươngCó thể bạn quan tâm\nCó 99 chi bộ\n"
    assert strip_chrome(raw) == "Đảng bộ có 12 chi bộ.\nMinh Phương\n"
    raw = "Đảng bộ có 12 chi bộ.\n\nThống kê truy cập\nKhách 488\n"
    assert "488" not in strip_chrome(raw)


def test_links_to_other_articles_are_dropped():
    """"Xem thêm: …" names another article's figure, not this page's."""
    raw = "Đảng bộ có 12 chi bộ.\n>> Xem thêm: Thanh Hóa kết nạp 4.500 đảng viên\nĐọc thêm: 99 chi bộ\n"
    assert strip_chrome(raw) == "Đảng bộ có 12 chi bộ.\n"


def test_view_counts_are_removed_from_the_byline():
    """"Lượt xem: 4710" is page furniture, the date on the same line stays."""
    line = "Người đăng: Quản trị Ngày đăng: 10:49 | 07/10 Lượt xem: 4710"
    assert strip_chrome(line) == "Người đăng: Quản trị Ngày đăng: 10:49 | 07/10\n"


def test_markdown_markup_is_removed_and_wrapped_lines_joined(fixtures_dir):
    """Links keep their text, emphasis goes, a soft-wrapped sentence becomes one line."""
    text = read_document(fixtures_dir / "article.md")
    assert "Cả nước hiện có 640 tổ chức cơ sở đảng ở cơ quan hội quần chúng, trong đó" in text
    assert "**" not in text and "https://" not in text and "#" not in text
    figures = extract(text, "article.md").figures
    assert [f["value"] for f in figures] == [640, 40, 1, 599]
    assert figures[0]["parts_sum_ok"] is True


def _cp1258(text: str) -> bytes:
    """Windows-1258 as legacy software writes it: base letters plus separate tone marks."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def test_windows_1258_and_decomposed_text_are_normalised(tmp_path):
    """Legacy encodings and decomposed accents become NFC so phrases match."""
    path = tmp_path / "cp1258.txt"
    path.write_bytes(_cp1258("Đảng bộ có 12 chi bộ, 300 đảng viên."))
    assert read_document(path) == "Đảng bộ có 12 chi bộ, 300 đảng viên.\n"
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Đảng bộ có 12 đảng viên."), encoding="utf-8")
    assert read_document(path) == "Đảng bộ có 12 đảng viên.\n"


def test_a_folder_is_read_file_by_file(tmp_path):
    """A folder gives its .txt/.md/.html files, sorted; other files are left alone."""
    for name in ("b.html", "a.txt", "c.md", "d.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in document_paths([tmp_path])] == ["a.txt", "b.html", "c.md"]


def test_an_unsupported_file_type_is_refused_in_both_languages(tmp_path):
    """The error names the problem in Vietnamese and in English."""
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(ValueError, match="Không đọc được.*unsupported"):
        read_document(path)

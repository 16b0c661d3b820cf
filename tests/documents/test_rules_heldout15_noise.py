"""Rules round on held-out set 15: pasted reports. "Đến nay" under a report's note of its day
("(số liệu tính đến 30/4/2025)") is that day, not the page's. Each with a near miss."""
from datetime import date

from .test_rules import _figures

REPORT = "BÁO CÁO CHÍNH TRỊ                                          14\n{}\n\n{}Đến nay, toàn Đảng bộ tỉnh Cao Bằng có\n52.108 đảng viên.\n"


def test_den_nay_under_a_reports_note_is_the_notes_day():
    """Real phrasing (heldout15): a PDF page's header and note over "Đến nay, … có 52.108 …"."""
    f = _figures(REPORT.format("(số liệu tính đến 30/4/2025)", ""))
    assert f["52.108"]["as_of"] == date(2025, 4, 30)


def test_den_nay_without_a_note_is_the_pages_day():
    """Near misses: no note, and a sentence's own cut-off before ("Tính đến ngày …. Đến nay …")."""
    page = "Thứ Hai, 12/05/2025 | 08:00\n\n"
    assert _figures(page + REPORT.format("(ảnh minh họa)", ""))["52.108"]["as_of"] == date(2025, 5, 12)
    f = _figures(page + REPORT.format("", "Tính đến ngày 31/12/2024, tỉnh có 648 tổ chức cơ sở đảng. "))
    assert f["52.108"]["as_of"] == date(2025, 5, 12)

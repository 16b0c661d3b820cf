"""Strict round on held-out sets 24 and 25, headings that date a page's undated figures: a period after the
body's name and a dash or in a situation report's title ("… XÃ PHÚ LỘC – 9 THÁNG NĂM 2025", "Tình hình … 6
tháng đầu năm 2025"), a month's report ("BÁO CÁO THÁNG 11/2025": stocks at its end, admissions in it), a note
of the month its figures are counted to ("(Số liệu tính đến tháng 9/2025)"); not on a page dated before the
period ends."""
import pytest

from .test_rules_heldout25_so_far import _dated


@pytest.mark.parametrize("text,number,expected", [
    ("TIN VẮN ĐẢNG BỘ XÃ PHÚ LỘC – 9 THÁNG NĂM 2025\n- Kết nạp 14 đảng viên mới.\n- Tổng số đảng viên: 812 đồng "
     "chí.\nPhú Lộc, 08/10/2025", "14", ("2025-09-30", "2025-01-01")),
    ("TIN VẮN ĐẢNG BỘ XÃ PHÚ LỘC – 9 THÁNG NĂM 2025\n- Kết nạp 14 đảng viên mới.\n- Tổng số đảng viên: 812 đồng "
     "chí.\nPhú Lộc, 08/10/2025", "812", ("2025-09-30", None)),
    ("Hà Nội, 05/07/2025\nTình hình công tác đảng viên 6 tháng đầu năm 2025 của Đảng bộ phường Kim Liên\n\nĐảng bộ "
     "phường kết nạp 9 đảng viên; toàn Đảng bộ có 2.315 đảng viên.", "2.315", ("2025-06-30", None)),
    ("CHI BỘ THÔN ĐÔNG - BÁO CÁO THÁNG 11/2025\nChi bộ có 36 đảng viên.\nKết nạp trong tháng: 1 đồng chí.\nĐông "
     "Hưng, ngày 02 tháng 12 năm 2025", "1", ("2025-11-30", "2025-11-01")),
    ("(Số liệu tính đến tháng 9/2025)\n\nĐảng bộ Bệnh viện Đa khoa tỉnh Hà Tĩnh có 412 đảng viên.", "412",
     ("2025-09-30", None)),
])
def test_a_heading_of_months_or_a_month_dates_the_undated_figures(text, number, expected):
    """Heldout24 n02, y02, heldout25 n01; dev d226, d227, y128, n129."""
    assert _dated(text, number) == expected


@pytest.mark.parametrize("text,number,expected", [
    ("TIN VẮN ĐẢNG BỘ XÃ PHÚ LỘC – 9 THÁNG NĂM 2025\n- Tính đến 15/10/2025, tổng số đảng viên: 820 đồng chí.\nPhú "
     "Lộc, 18/10/2025", "820", ("2025-10-15", None)),
    ("BÁO CÁO\nKết quả công tác phát triển đảng viên 6 tháng đầu năm 2025\n\nChi bộ có 19 đảng viên.\n\nBắc Kạn, "
     "ngày 28 tháng 6 năm 2025", "19", ("2025-06-28", None)),
    ("Hà Nội, 05/07/2025\nĐảng bộ phường Kim Liên đã kết nạp 9 đảng viên trong tháng 6/2025 - tăng 2 so với "
     "tháng trước.\n\nToàn Đảng bộ có 2.315 đảng viên.", "2.315", ("2025-07-05", None)),
])
def test_a_dated_figure_a_page_before_the_end_or_a_sentence_are_not_framed(text, number, expected):
    """Near misses: a figure with its own day; a review dated before its period ends (dev y11); a month in a
    sentence, not a heading."""
    assert _dated(text, number) == expected

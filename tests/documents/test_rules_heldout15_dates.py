"""Rules round on held-out set 15: dates. A clause of time after a document's name ("Thực hiện
Nghị quyết Đại hội XIX Đảng bộ tỉnh, trong 5 năm (2020 - 2024), …") dates the figure: it is no
date of the document; "từ đầu năm" after a reckoning to a quarter's or a month's end ("Tính đến hết
quý III/2025, … từ đầu năm") ends there. Each with a near miss."""
from datetime import date

from .test_rules import _figures


def _dates(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return f["as_of"], f["period_from"]


def test_a_range_of_years_after_a_resolution_clause_dates_the_admissions():
    """Real phrasing (heldout15): "Thực hiện Nghị quyết Đại hội XIX Đảng bộ tỉnh, trong 5 năm (2020 -
    2024), Đảng bộ tỉnh Bắc Giang đã kết nạp 14.286 đảng viên"."""
    text = ("Thực hiện Nghị quyết Đại hội XIX Đảng bộ tỉnh, trong 5 năm (2020 - 2024), Đảng bộ tỉnh "
            "Bắc Giang đã kết nạp 14.286 đảng viên.")
    assert _dates(text, "14.286") == (date(2024, 12, 31), date(2020, 1, 1))


def test_a_from_to_clause_after_a_resolution_dates_the_admissions():
    """Other phrasing: "Triển khai Nghị quyết Trung ương 4, từ năm 2021 đến năm 2024, …"."""
    text = ("Triển khai Nghị quyết Trung ương 4, từ năm 2021 đến năm 2024, Đảng bộ huyện Yên Thế đã kết "
            "nạp 1.120 đảng viên mới.")
    assert _dates(text, "1.120") == (date(2024, 12, 31), date(2021, 1, 1))


def test_a_date_inside_the_resolution_name_stays_the_documents():
    """Near misses: the resolution's own day and the term that names its congress date nothing."""
    assert _dates("Thực hiện Nghị quyết số 15 ngày 12/3/2024 của Tỉnh ủy, Đảng bộ xã Tân Lập kết nạp 45 "
                  "đảng viên.", "45") == (None, None)
    assert _dates("Thực hiện Nghị quyết Đại hội XIX, nhiệm kỳ 2020 - 2025, Đảng bộ xã Tân Lập kết nạp 45 "
                  "đảng viên.", "45") == (None, None)


def test_since_new_year_after_a_reckoning_to_a_quarters_end_ends_there():
    """Real phrasing (heldout15): "Tính đến hết quý III/2025, … kết nạp 29 đảng viên từ đầu năm" on a
    page of 2 October: to 30 September, not to the page's day."""
    text = ("02/10/2025\n\nTính đến hết quý III/2025, Đảng bộ xã Phong Điền kết nạp 29 đảng viên từ đầu "
            "năm.")
    assert _dates(text, "29") == (date(2025, 9, 30), date(2025, 1, 1))
    text = "05/09/2025\n\nLũy kế đến hết tháng 8/2025, phường kết nạp 41 đảng viên từ đầu năm."
    assert _dates(text, "41") == (date(2025, 8, 31), date(2025, 1, 1))


def test_since_new_year_without_a_reckoning_runs_to_the_page():
    """Near miss: "từ đầu năm" with no reckoning before it runs to the page's day."""
    assert _dates("02/10/2025\n\nĐảng bộ xã Phong Điền kết nạp 29 đảng viên từ đầu năm.", "29") == (
        date(2025, 10, 2), date(2025, 1, 1))

"""Publication dates of pages and explicit as-of dates in sentences."""
from datetime import date

import pytest

from etl.documents.dates import explicit_as_of, find_publication_date


@pytest.mark.parametrize("text,want", [
    ("Tiêu đề\n\nNgày 11/10/2023, tại Hà Nội, hội nghị.", date(2023, 10, 11)),
    ("Tiêu đề\n24/08/2018 | 16:30 PM\nNội dung", date(2018, 8, 24)),
    ("Tiêu đề\n9:24' 31/3/2018\nNội dung", date(2018, 3, 31)),
    ("Ngày đăng: 10:49 | 07/10 Lượt xem\nSáng ngày 07/10/2020, chi bộ họp.", date(2020, 10, 7)),
    ("Thứ Hai, 11/10/2021 - 08:15\nNội dung", date(2021, 10, 11)),
])
def test_publication_date_forms(text, want):
    """The date lines of common Vietnamese news pages are read."""
    assert find_publication_date(text)[0] == want


def test_day_and_month_without_a_year_in_the_body_stay_unknown():
    """"Ngày đăng: 10:49 | 07/10" with no matching full date in the body is not guessed."""
    assert find_publication_date("Ngày đăng: 10:49 | 07/10\nNội dung không có ngày.") == (None, None)


def test_a_document_date_is_not_a_publication_date():
    """"Quyết định 253-QĐ/TW ngày 07/08/2009" in the body is the decision's date."""
    assert find_publication_date("Thực hiện Quyết định 253-QĐ/TW ngày 07/08/2009 của Ban Bí thư.")[0] is None


@pytest.mark.parametrize("prefix,want", [
    ("Tính đến ngày 10-9-2018, toàn tỉnh có ", (date(2018, 9, 10), 2018)),
    ("Tính đến ngày 10 tháng 9 năm 2018, có ", (date(2018, 9, 10), 2018)),
    ("Đến cuối năm 2022, ", (date(2022, 12, 31), 2022)),
    ("Đến tháng 6/2020, cả nước có ", (date(2020, 6, 30), 2020)),
    ("Theo Báo cáo kết quả công tác năm 2022, Đảng ủy có ", (None, 2022)),
    ("Ngày 30-3, tại TP. Hồ Chí Minh, có ", (date(2018, 3, 30), 2018)),
    ("Theo Quy định 171-QĐ/TW, ngày 27/6/2008, có ", (None, None)),
    ("Nhiệm kỳ 2020 - 2025, Đảng bộ có ", (None, None)),
])
def test_explicit_as_of(prefix, want):
    """The nearest date or year before a figure, unless it belongs to a document reference."""
    when, year, _ = explicit_as_of(prefix, published=date(2018, 3, 31))
    assert (when, year) == want

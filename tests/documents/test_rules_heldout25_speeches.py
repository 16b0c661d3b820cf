"""Strict round on held-out sets 24 and 25, speeches and quotes: a heading's note in brackets citing a speech
with its day, however long ("(Phát biểu của đồng chí … tại buổi sinh hoạt chi bộ …, ngày 15/12/2025)"), is the
document's date; a quote's figures said at an occasion named after the quote ("“… hiện có 3.120 đảng viên”,
đồng chí … thông tin tại buổi làm việc … sáng 5/3/2026") are dated at that occasion."""
import pytest

from .test_rules_heldout25_so_far import _dated


@pytest.mark.parametrize("text,number,expected", [
    ("(Phát biểu của đồng chí Bí thư Chi bộ Khu dân cư số 6 tại buổi sinh hoạt chi bộ định kỳ tháng 12 năm 2025 "
     "của phường Quang Trung, ngày 15/12/2025)\n\n\"… Đến nay, Chi bộ có 52 đảng viên; năm nay chi bộ kết nạp 3 "
     "đảng viên …\"", "3", ("2025-12-15", "2025-01-01")),
    ("“Toàn Đảng bộ phường hiện có 3.120 đảng viên”, đồng chí Bí thư Đảng ủy phường Phú Diễn thông tin tại buổi "
     "làm việc với đoàn công tác sáng 5/3/2026.\n(Cập nhật 09:00, 09/03/2026)", "3.120", ("2026-03-05", None)),
    ("\"Đảng bộ Trường Đại học Cần Thơ hiện có 1.426 đảng viên\", đồng chí Bí thư Đảng ủy cho biết tại hội nghị "
     "ngày 15/1/2026.", "1.426", ("2026-01-15", None)),
])
def test_a_speech_is_dated_by_its_occasion(text, number, expected):
    """Heldout24 y05, heldout25 n03; dev y129, c112, n130."""
    assert _dated(text, number) == expected


@pytest.mark.parametrize("text,number,expected", [
    ("“Toàn Đảng bộ phường hiện có 3.120 đảng viên”, đồng chí Bí thư Đảng ủy phường Phú Diễn cho biết.\n(Cập nhật "
     "09:00, 09/03/2026)", "3.120", ("2026-03-09", None)),
    ("Hà Nội, 09/03/2026\nĐảng bộ phường hiện có 3.120 đảng viên, tăng 40 đồng chí so với Đại hội ngày 5/3/2025.",
     "3.120", ("2026-03-09", None)),
    ("(Đảng bộ có 52 đảng viên, 4 chi bộ, ngày 15/12/2025)\nChi bộ Khu dân cư số 6 kết nạp 3 đảng viên.", "3",
     ("None", None)),
])
def test_a_quote_without_its_occasion_or_a_bracket_with_counts_do_not(text, number, expected):
    """Near misses: a quote said at no dated occasion keeps the page's day; a day after a figure that is no
    occasion of a quote; a bracket holding counts is no date line."""
    assert _dated(text, number) == expected

"""Strict round on held-out sets 22 and 23, dates: the eve of the 2025 merger written in words ("Trước ngày
sắp xếp (1/7/2025)", "Khi hợp nhất vào tỉnh Phú Thọ,"), a year reached after an interval ("Sau 20 năm
(2006)"), "hiện" after a day glossing a change, months listed in a run, "đến thời điểm này", a period in
brackets after a cited document, a count's label giving its first day, a term wrapped over a PDF's line, a
January results page of the year before, a month inside a part's clause."""
import pytest

from .test_rules import _figures


def _dated(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return str(f["as_of"]), str(f["period_from"]) if f["period_from"] else None, f["scope_value"]


@pytest.mark.parametrize("text,number,expected", [
    ("Vĩnh Long | 18/09/2025\nTrước ngày sắp xếp (1/7/2025), Đảng bộ tỉnh Bến Tre có 83.420 đảng viên.", "83.420",
     ("2025-06-30", None, "83")),
    ("Tuyên Quang, 02/10/2025\nTrước thời điểm sáp nhập (1/7/2025), Đảng bộ tỉnh Hà Giang có 62.418 đảng viên.",
     "62.418", ("2025-06-30", None, "02")),
    ("Hòa Bình, 20/7/2025 - Khi hợp nhất vào tỉnh Phú Thọ, Đảng bộ tỉnh Hòa Bình (cũ) có 64.130 đảng viên.",
     "64.130", ("2025-06-30", None, "17")),
    ("Quy Nhơn, 15/8/2025\nLúc sáp nhập với tỉnh Bình Định, Đảng bộ tỉnh Gia Lai có 71.530 đảng viên.", "71.530",
     ("2025-06-30", None, "64")),
    ("Hòa Bình, 14/3/2026\nNăm 1976, Đảng bộ tỉnh Hà Sơn Bình có khoảng 8 vạn đảng viên; trước khi chia tách "
     "(12/8/1991), Đảng bộ tỉnh Hà Sơn Bình có trên 11 vạn đảng viên.", "trên 11 vạn",
     ("1991-08-11", None, "tỉnh Hà Sơn Bình")),
])
def test_the_eve_of_a_merger_in_words_is_the_day_before_with_the_old_code(text, number, expected):
    """Heldout22 s03, heldout23 s02, h04, dev s170, s172, h102."""
    assert _dated(text, number) == expected


def test_hien_after_the_eve_is_the_pages_day():
    """Near miss: "Hiện nay" after the eve's stocks is the page's day, with the merged province's code."""
    text = ("Tuyên Quang, 02/10/2025\nTrước thời điểm sáp nhập (1/7/2025), Đảng bộ tỉnh Hà Giang có 62.418 đảng "
            "viên. Hiện nay, Đảng bộ tỉnh Tuyên Quang có hơn 134.000 đảng viên.")
    assert _dated(text, "hơn 134.000") == ("2025-10-02", None, "N08")


def test_a_merger_before_2025_is_no_eve_of_july_2025():
    """Near miss: "Khi hợp nhất vào …," on a page dated before July 2025 is not dated 30/6/2025."""
    text = "Hà Nội, 20/5/2025 - Khi hợp nhất vào tỉnh Phú Thọ, Đảng bộ tỉnh Hòa Bình sẽ có 64.130 đảng viên."
    assert _dated(text, "64.130")[0] != "2025-06-30"


@pytest.mark.parametrize("text,number,as_of", [
    ("Tạp chí Xây dựng Đảng, 28/12/2025\nNăm 1986, toàn Đảng có gần 1,9 triệu đảng viên. Sau 20 năm (2006), số "
     "đảng viên đã tăng lên hơn 3,1 triệu.", "hơn 3,1 triệu", "2006-12-31"),
    ("01/04/2026\nNăm 2008, Đảng bộ Ngân hàng có 3.416 đảng viên; tròn 10 năm sau (2018) đã lên 8.105 đảng viên.",
     "8.105", "2018-12-31"),
    ("Đông Anh, 28/12/2025\nNăm 1995, Đảng bộ huyện Đông Anh có 5.210 đảng viên. Trải qua 25 năm (2020), Đảng bộ "
     "huyện có trên 11.000 đảng viên.", "trên 11.000", "2020-12-31"),
    # near miss: a term in brackets after the interval stays a term (to the page's day inside it)
    ("Đông Anh, 28/12/2025\nNăm 1995, Đảng bộ huyện Đông Anh có 5.210 đảng viên. Sau 5 năm (2020 - 2025), Đảng bộ "
     "huyện kết nạp 1.100 đảng viên.", "1.100", "2025-12-28"),
])
def test_a_year_in_brackets_after_an_interval_dates_the_count(text, number, as_of):
    """Heldout22 h01, h04, dev h104."""
    assert _dated(text, number)[0] == as_of


def test_hien_after_a_day_glossing_a_change_is_the_pages_day():
    """Heldout22 h03, dev d200; near miss: "Hôm qua (11/11), … hiện có" is the event's day."""
    assert _dated("Đồng Nai, 12/11/2025\nSau khi nhập thêm xã Tân Lập (1/7/2025), Đảng bộ xã Đồng Phú hiện có "
                  "1.247 đảng viên.", "1.247")[0] == "2025-11-12"
    assert _dated("Đồng Nai, 12/11/2025\nHôm qua (11/11), Đảng bộ xã Đồng Phú tổ chức hội nghị; Đảng bộ hiện có "
                  "1.247 đảng viên.", "1.247")[0] == "2025-11-11"
    # and on an undated page the glossed day is the only one it has
    assert _dated("Sau khi nhập thêm xã Tân Lập (1/7/2025), Đảng bộ xã Đồng Phú hiện có 1.247 đảng viên.",
                  "1.247")[0] == "2025-07-01"


@pytest.mark.parametrize("text,number,expected", [
    ("Hà Tĩnh, 5/1/2025\nTrong các tháng 10, 11 và 12/2024, Đảng bộ huyện Hương Sơn kết nạp 104 đảng viên.", "104",
     ("2024-12-31", "2024-10-01", "huyện Hương Sơn")),
    ("Nghệ An, 08/01/2025\nTháng 4, 5 và 6 năm 2024, Đảng bộ huyện Con Cuông kết nạp 58 đảng viên.", "58",
     ("2024-06-30", "2024-04-01", "huyện Con Cuông")),
    # near miss: months counted "lần lượt" are each month's (the last, December's)
    ("Hà Tĩnh, 5/1/2025\nTrong các tháng 10, 11 và 12/2024, Đảng bộ huyện Hương Sơn kết nạp lần lượt 30, 40 và 34 "
     "đảng viên.", "34", ("2024-12-31", "2024-12-01", "huyện Hương Sơn")),
])
def test_months_listed_in_a_run_count_from_the_first(text, number, expected):
    """Heldout23 d03, dev d201."""
    assert _dated(text, number) == expected


def test_den_thoi_diem_nay_ends_at_the_month_named_before():
    """Heldout23 d01, dev d202; near miss: "từ đầu năm đến nay" runs to the page's day."""
    assert _dated("Thứ Ba, 4/11/2025\nTính đến cuối tháng 10 vừa qua, Đảng bộ Bộ đội Biên phòng tỉnh Lạng Sơn có "
                  "1.412 đảng viên; từ đầu năm đến thời điểm này đã kết nạp 73 quần chúng ưu tú.", "73")[:2] == (
        "2025-10-31", "2025-01-01")
    assert _dated("Thứ Ba, 4/11/2025\nTính đến cuối tháng 10 vừa qua, Đảng bộ Bộ đội Biên phòng tỉnh Lạng Sơn có "
                  "1.412 đảng viên; từ đầu năm đến nay đã kết nạp 73 quần chúng ưu tú.", "73")[:2] == (
        "2025-11-04", "2025-01-01")


def test_a_period_in_brackets_after_a_cited_document_is_the_texts():
    """Heldout23 d06, dev d203; near miss: a cited document's own day ("Chỉ thị 35 ngày 1/9/2024") dates nothing."""
    assert _dated("Thanh Hóa, 10/3/2025\nThực hiện Chỉ thị 35 (từ 1/9/2024 đến 28/2/2025), Đảng bộ Khối Doanh "
                  "nghiệp tỉnh Thanh Hóa kết nạp 96 đảng viên.", "96")[:2] == ("2025-02-28", "2024-09-01")
    assert _dated("Thanh Hóa, 10/3/2025\nThực hiện Chỉ thị 35 ngày 1/9/2024, Đảng bộ Khối Doanh nghiệp tỉnh Thanh "
                  "Hóa có 9.604 đảng viên.", "9.604")[0] == "2025-03-10"


def test_a_label_giving_only_its_first_day_runs_to_the_pages_day():
    """Heldout22 n02, dev n101; near miss: a label with its last day keeps it."""
    head = "SỐ LIỆU ĐẢNG VIÊN - ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH NINH BÌNH\nNgày xuất: 15/05/2026\n"
    assert _dated(head + "Kết nạp mới từ 01/01/2026: 14", "14")[:2] == ("2026-05-15", "2026-01-01")
    assert _dated(head + "Kết nạp mới từ 01/01/2026 đến 30/4/2026: 14", "14")[:2] == ("2026-04-30", "2026-01-01")


def test_a_term_wrapped_over_a_line_is_one():
    """Heldout23 n02, dev n102."""
    text = ("Con Cuông, 20/10/2025\nToàn Đảng bộ huyện Con Cuông hiện có 4.812 đảng viên; giai đoạn 2020 -\n2025, "
            "Đảng bộ huyện kết nạp 1.204 đảng viên mới.")
    assert _dated(text, "1.204")[:2] == ("2025-10-20", "2020-01-01")


def test_a_january_results_page_dating_its_stock_at_the_years_end_frames_the_year():
    """Heldout22 n03, dev y102; near miss: without a stock at the year's end the page frames nothing
    (heldout12's reading of a results list posted in January)."""
    head = "Ngày đăng: 06/01/2026\nKết quả công tác phát triển đảng viên năm 2025 - Đảng bộ phường An Phú\n"
    assert _dated(head + "Số đảng viên kết nạp | 26\nTổng số đảng viên (31/12/2025) | 1.318", "26")[:2] == (
        "2025-12-31", "2025-01-01")
    assert _dated(head + "Số đảng viên kết nạp | 26", "26")[0] == "2026-01-06"


def test_a_month_inside_a_parts_clause_does_not_date_the_count_before():
    """Heldout22 y01, dev y103; near miss: a month in brackets right after the count dates it."""
    text = ("Huế, 23/12/2025\nĐẢNG ỦY XÃ PHÚ LỘC - KẾT QUẢ NĂM 2025\nĐảng bộ có 1.026 đảng viên; kết nạp mới 31 "
            "đồng chí, trong đó từ sau Đại hội lần thứ I (tháng 9/2025) đến nay kết nạp 12 đồng chí.")
    assert _dated(text, "31")[:2] == ("2025-12-23", "2025-01-01")
    assert _dated(text, "12")[:2] == ("2025-12-23", "2025-09-01")
    assert _dated("Huế, 23/12/2025\nĐảng bộ xã Phú Lộc có 1.026 đảng viên và 48 chi bộ (tháng 11/2025).",
                  "1.026")[0] == "2025-11-30"

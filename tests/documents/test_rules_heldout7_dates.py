"""Rules added after held-out set 7 on dates and statistics lists: a heading in capitals that
dates the list under it, "chi bộ trực thuộc đảng ủy cơ sở" as a label, a dateline with a time
zone before its date; each on sentences written
for the rule, with near misses."""
import pytest

from chibo.etl.documents.dates import find_publication_date

from .test_rules import _figures


@pytest.mark.parametrize("text,day", [
    ("Đảng ủy xã Yên Phong\n\nTHỐNG KÊ ĐẢNG VIÊN TÍNH ĐẾN 30/6/2021\n\n- Tổng số đảng viên: "
     "611 đồng chí.\n- Đảng viên nữ: 204 đồng chí.", "2021-06-30"),
    ("Quận ủy Hải An\n\nSỐ LIỆU TỔ CHỨC ĐẢNG NĂM 2018\n\n+ Tổng số chi bộ: 118.\n"
     "+ Số tổ chức cơ sở đảng: 40.", "2018-12-31"),
    ("Đảng ủy xã Tân Hòa\n\nTHỐNG KÊ SỐ LƯỢNG ĐẢNG VIÊN NĂM 2022\n\n- Tổng số đảng viên: 512 "
     "đồng chí.\n- Số chi bộ trực thuộc: 21.", "2022-12-31"),
])
def test_a_capitals_heading_dates_the_list_under_it(text, day):
    assert {f["as_of"].isoformat() for f in _figures(text).values()} == {day}


def test_a_capitals_heading_without_a_date_leaves_the_page_date():
    """Near miss: a heading that only names the subject dates nothing."""
    text = ("Tin\n\nThứ Hai, 09/03/2020 - 09:00\n\nKẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG\n\n"
            "- Đảng bộ hiện có 611 đảng viên.")
    (f,) = _figures(text).values()
    assert f["as_of"].isoformat() == "2020-03-09"


@pytest.mark.parametrize("text", [
    "- Chi bộ trực thuộc đảng ủy cơ sở: 264.",
    "Đảng bộ có 51 tổ chức cơ sở đảng; số chi bộ trực thuộc các đảng bộ cơ sở là 264.",
    "Đảng bộ huyện có 412 chi bộ trực thuộc đảng ủy cơ sở.",
])
def test_cells_under_base_committees_are_sub_cells(text):
    metrics = {n: f["metric"] for n, f in _figures(text).items()}
    assert [m for n, m in metrics.items() if n in ("264", "412")] == ["sub_cells"]


def test_cells_under_the_district_committee_are_no_sub_cells():
    """Near miss: cells directly under the district ("chi bộ cơ sở") stay base cells."""
    metrics = {n: f["metric"] for n, f in _figures("Huyện có 23 chi bộ cơ sở.").items()}
    assert metrics == {"23": "base_cells"}


@pytest.mark.parametrize("line,day", [
    ("Cập nhật 09:05 GMT+7, Thứ Sáu 14/02/2025", "2025-02-14"),
    ("Cập nhật lúc 17:20 (GMT+7), 03/09/2024", "2024-09-03"),
    ("07:45 GMT+7 Chủ nhật, 12/11/2023 | Nguồn: Báo Lào Cai", "2023-11-12"),
])
def test_a_dateline_with_a_time_zone_before_the_date(line, day):
    found, _ = find_publication_date(f"Tin tức\n\n{line}\n\nNội dung bài.")
    assert found.isoformat() == day


def test_a_time_zone_without_a_date_is_no_dateline():
    """Near miss: a weather line with a time and zone but no date."""
    assert find_publication_date("Tin tức\n\nHà Nội 12:40 GMT+7 nhiều mây\n\nNội dung.") == (
        None, None)


def _page(day: str, body: str, headline: str = "Tin") -> str:
    return f"{headline}\n\nThứ Sáu, {day} - 09:00\n\n{body}"


@pytest.mark.parametrize("text,number,as_of,first", [
    (_page("12/10/2020", "Báo cáo trình Đại hội cho biết: nhiệm kỳ 2015 - 2020, Đảng bộ huyện Mỹ "
           "Đức kết nạp 1.204 đảng viên."), "1.204", "2020-10-12", "2015-01-01"),
    (_page("09/02/2024", "Năm năm 2019 - 2023, toàn tỉnh kết nạp 12.300 đảng viên; hai năm 2022 "
           "- 2023, toàn tỉnh kết nạp 5.100 đảng viên."), "5.100", "2023-12-31", "2022-01-01"),
    (_page("20/12/2025", "Từ 1/7/2025 đến nay, Đảng bộ xã Tân Lập kết nạp 17 đảng viên."), "17",
     "2025-12-20", "2025-07-01"),
    (_page("09/02/2024", "Kể từ Đại hội Đảng bộ huyện (tháng 6/2020) đến cuối năm 2023, Đảng bộ "
           "huyện kết nạp 830 đảng viên."), "830", "2023-12-31", "2020-06-01"),
    (_page("15/07/2024", "Từ năm 2021 đến tháng 6/2024, toàn tỉnh kết nạp 6.100 đảng viên."),
     "6.100", "2024-06-30", "2021-01-01"),
    (_page("15/07/2024", "Từ ngày 1/1/2024 đến ngày 30/6/2024, toàn huyện kết nạp 96 đảng viên."),
     "96", "2024-06-30", "2024-01-01"),
])
def test_ranges_give_the_first_day_counted(text, number, as_of, first):
    f = _figures(text)[number]
    assert (f["as_of"].isoformat(), f["period_from"].isoformat()) == (as_of, first)


def test_a_term_naming_its_congress_is_no_period():
    """Near miss: "Đại hội … lần thứ XXV, nhiệm kỳ 2020 - 2025" names the congress."""
    f = _figures(_page("12/10/2020", "Đại hội đại biểu Đảng bộ huyện Mỹ Đức lần thứ XXV, nhiệm "
                       "kỳ 2020 - 2025 khai mạc; Đảng bộ huyện hiện có 6.100 đảng viên."))["6.100"]
    assert f["as_of"].isoformat() == "2020-10-12"


@pytest.mark.parametrize("headline,body,restated", [
    ("Ba Vì: Hơn 1.000 đảng viên mới", "Đảng bộ huyện Ba Vì kết nạp 1.063 đảng viên.", True),
    ("Ba Vì: Gần 1.000 đảng viên mới", "Đảng bộ huyện Ba Vì kết nạp 940 đảng viên.", True),
    ("Ba Vì: Hơn 2.000 đảng viên mới", "Đảng bộ huyện Ba Vì kết nạp 1.063 đảng viên.", False),
])
def test_a_headline_rounded_to_its_leading_digit_restates_the_body(headline, body, restated):
    figures = list(_figures(_page("09/02/2024", "Trong năm 2023, " + body[0].lower() + body[1:],
                                  headline)).values())
    head = figures[0]
    assert (head["as_of"].isoformat() == "2023-12-31") is restated


@pytest.mark.parametrize("body,day", [
    ("Sáng 19/1, Đại hội khai mạc. Đại hội làm việc từ ngày 19 đến 23/1/2026. Dự Đại hội có 1.586 "
     "đại biểu, thay mặt cho hơn 5,6 triệu đảng viên trong toàn Đảng.", "2026-01-19"),
    ("Chiều 15/10, Đại hội Đảng bộ tỉnh bước vào phiên làm việc thứ hai; Đại hội diễn ra từ 14 "
     "đến 16/10/2020. Đảng bộ tỉnh hiện có 51.000 đảng viên.", "2020-10-15"),
    # near miss: no session reported before the span: the congress's last day
    ("Đại hội làm việc từ ngày 14 đến 16/10/2020. Dự Đại hội có 350 đại biểu, thay mặt cho "
     "51.000 đảng viên.", "2020-10-16"),
])
def test_a_session_reported_is_not_replaced_by_the_congress_span(body, day):
    text = _page("19/01/2026" if "2026" in body else "16/10/2020", body)
    (f,) = _figures(text).values()
    assert f["as_of"].isoformat() == day


@pytest.mark.parametrize("line,day", [
    ("Ngày 12 tháng 01 năm 2024 | Báo Nhân Dân", "2024-01-12"),
    ("(ĐCSVN) - 12/01/2024 07:00", "2024-01-12"),
    ("Chủ Nhật, 14/01/2024 - 21:30 | Cổng TTĐT tỉnh Phú Thọ", "2024-01-14"),
])
def test_a_dateline_with_a_source_or_an_agency_tag(line, day):
    found, _ = find_publication_date(f"Tiêu đề bài viết về công tác Đảng\n\n{line}\n\nNội dung.")
    assert found.isoformat() == day


def test_a_date_inside_a_sentence_is_no_dateline():
    """Near miss: a body sentence with a date and a source name is no dateline."""
    text = ("Tiêu đề bài viết về công tác Đảng\n\nTheo Báo Nhân Dân, ngày 12/01/2024 tỉnh tổ chức "
            "hội nghị tổng kết | Tin liên quan.")
    assert find_publication_date(text) == (None, None)

"""Rules added after held-out set 6, one test per class of error it showed, each on sentences
written for the rule (other wording, places, numbers and scopes than the corpus), with near
misses that must not match."""
from datetime import date

import pytest

from chibo.etl.documents import extract

from .test_rules import _figures


def _rows(text: str) -> list[tuple]:
    """(number, metric, whole, dimension, dimension_value) of every figure, in order."""
    return [(f["number_text"], f["metric"], f["whole"], f["dimension"], f["dimension_value"])
            for f in _figures(text).values()]


# ---- statistics lists: "label: N (part label: n; part label: m)"


@pytest.mark.parametrize("text,rows", [
    ("Số liệu đến 31/12/2022:\n- Tổng số chi bộ: 214 (chi bộ cơ sở: 38; chi bộ trực thuộc: 176).",
     [("214", "cells_total", None, None, None), ("38", "base_cells", "214", None, None),
      ("176", "sub_cells", "214", None, None)]),
    ("Số đảng viên toàn huyện hiện có: 7.905 (nữ: 3.112; dự bị: 204).",
     [("7.905", "members_total", None, None, None),
      ("3.112", "members_female", "7.905", "gender", "female"),
      ("204", "members_probationary", "7.905", "status", "probationary")]),
    ("Tong so dang vien: 4.210 (chinh thuc: 4.100; du bi: 110).",
     [("4.210", "members_total", None, None, None),
      ("4.100", "members_official", "4.210", "status", "official"),
      ("110", "members_probationary", "4.210", "status", "probationary")]),
])
def test_a_statistics_list_with_colons_and_brackets(text, rows):
    assert _rows(text) == rows


@pytest.mark.parametrize("text", [
    "Số đại biểu triệu tập: 250 (chính thức: 240; dự khuyết: 10).",
    "Tổng số phiếu bầu: 312 (hợp lệ: 300; không hợp lệ: 12).",
    "Kinh phí hỗ trợ chi bộ: 120 (triệu đồng).",
])
def test_a_statistics_list_of_other_things_is_no_figure(text):
    assert _figures(text) == {}


# ---- a qualifier word belongs to the age before the number, not to the count


@pytest.mark.parametrize("text,number,band", [
    ("Trong số này, đảng viên dưới 30 tuổi 5.127 người (7,4%).", "5.127", "18_29"),
    ("Đảng bộ có 3.310 đảng viên; đảng viên trên 60 tuổi 402 đồng chí.", "402", "61_plus"),
    ("Đảng bộ có 3.310 đảng viên, trong đó có 611 đảng viên dưới 35 tuổi.", "611", "18_34"),
])
def test_an_age_limit_is_no_qualifier_of_the_count(text, number, band):
    f = _figures(text)[number]
    assert (f["qualifier"], f["dimension"], f["dimension_value"]) == ("exact", "age_band", band)


def test_a_qualifier_right_before_the_count_still_counts():
    f = _figures("Đảng bộ có 3.310 đảng viên, trong đó đảng viên dưới 30 tuổi có gần 700 người.")
    assert (f["gần 700"]["qualifier"], f["gần 700"]["dimension_value"]) == ("nearly", "18_29")


# ---- datelines: a source, a counter or a zone beside the date; a report's place and date


@pytest.mark.parametrize("line,day", [
    ("15/03/2022 07:40 | Nguồn: Báo Lào Cai", date(2022, 3, 15)),
    ("Thứ Sáu, 03/11/2023 | 14:05 | Lượt xem: 1.204", date(2023, 11, 3)),
    ("06/07/2019 - 16:20 GMT+7", date(2019, 7, 6)),
    ("Cập nhật lúc 09:00, 21/4/2022 (GMT+7) | Tác giả: Minh Hà", date(2022, 4, 21)),
    ("Nghĩa Hưng, ngày 28 tháng 12 năm 2022", date(2022, 12, 28)),
    ("Phu Ly, ngay 5 thang 1 nam 2024", date(2024, 1, 5)),
])
def test_datelines_as_pages_print_them(line, day):
    text = f"Kết quả công tác phát triển đảng viên\n\n{line}\n\nHiện Đảng bộ có 812 đảng viên."
    assert extract(text, "x").document["published_on"] == day


@pytest.mark.parametrize("line", [
    "Điện thoại: 0203 3826 | Email: toasoan@baolaocai.vn",
    "Hà Nội, tháng 12 năm 2022",
])
def test_lines_that_are_no_dateline(line):
    text = f"Kết quả công tác phát triển đảng viên\n\n{line}\n\nHiện Đảng bộ có 812 đảng viên."
    assert extract(text, "x").document["published_on"] is None


def test_a_report_dated_by_its_place_line_dates_its_now_and_its_year():
    text = ("BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2022\nChi bộ Trường Tiểu học Kim Đồng\n\n"
            "Mỹ Lộc, ngày 20 tháng 12 năm 2022\n\nChi bộ hiện có 18 đảng viên. Trong năm, chi "
            "bộ kết nạp 2 đảng viên.")
    f = _figures(text)
    assert f["18"]["as_of"] == date(2022, 12, 20)
    assert (f["2"]["as_of"], f["2"]["period_from"]) == (date(2022, 12, 20), date(2022, 1, 1))


# ---- headlines: a town or commune before ":" is no province; a province in capitals


@pytest.mark.parametrize("headline,body,scope", [
    ("Mường Tè: Kết nạp 4 đảng viên mới", "Ngày 12/5/2023, Đảng ủy xã Mường Tè kết nạp 4 "
     "đảng viên mới.", "xã Mường Tè"),
    ("Sa Đéc: Toàn Đảng bộ có 3.120 đảng viên", "Đảng bộ thành phố Sa Đéc hiện có 3.120 đảng "
     "viên.", "thành phố Sa Đéc"),
])
def test_a_headline_place_that_is_no_province_takes_the_bodys_scope(headline, body, scope):
    figures = extract(f"{headline}\n\n10/06/2023 | 08:00\n\n{body}", "x").figures
    assert [f["scope_value"] for f in figures] == [scope, scope]


def test_a_province_in_a_headline_in_capitals():
    text = ("ĐẢNG BỘ TỈNH QUẢNG TRỊ KẾT NẠP 1.050 ĐẢNG VIÊN\n\n12/01/2021 | 08:00\n\n"
            "Năm 2020, Đảng bộ tỉnh Quảng Trị kết nạp 1.050 đảng viên.")
    assert [f["scope_value"] for f in extract(text, "x").figures] == ["45", "45"]


def test_a_known_province_before_a_colon_is_still_one():
    f = extract("Lạng Sơn: Kết nạp 1.620 đảng viên\n\n12/01/2021 | 08:00\n\nTrong năm 2020, "
                "toàn tỉnh kết nạp 1.620 đảng viên.", "x").figures
    assert f[0]["scope_value"] == "20"


# ---- all admitted of one group: "…, đều là người dân tộc Mông"


@pytest.mark.parametrize("text,dim", [
    ("Sáng 3/2/2023, Chi bộ bản Nà Hin kết nạp 4 đảng viên mới, đều là người dân tộc Thái.",
     ("ethnicity", "minority")),
    ("Đảng ủy trường kết nạp 6 đảng viên, tất cả đều là sinh viên năm cuối.",
     ("occupation", "student")),
])
def test_admissions_all_of_one_group_carry_its_dimension(text, dim):
    f = next(iter(_figures(text).values()))
    assert (f["metric"], f["dimension"], f["dimension_value"]) == ("new_admissions", *dim)


def test_all_of_them_doing_something_is_no_dimension():
    f = _figures("Chi bộ kết nạp 3 đảng viên, đều là những người tích cực trong phong trào.")
    assert (f["3"]["dimension"], f["3"]["whole"]) == (None, None)


# ---- parts: a kind of cells singled out with "riêng"; a part stated before its whole


@pytest.mark.parametrize("text,number,whole,share", [
    ("Đảng bộ thành phố có 1.208 chi bộ; riêng chi bộ thôn, khu phố là 530 chi bộ, chiếm 43,9%.",
     "530", "1.208", 0.439),
    ("Toàn huyện có 311 chi bộ, riêng các chi bộ khối phố có 96 chi bộ.", "96", "311", None),
    ("Đảng ủy phường có 17 chi bộ trực thuộc, trong đó 11 chi bộ khu vực.", "11", "17", None),
])
def test_cells_of_residential_kinds_singled_out_are_parts(text, number, whole, share):
    f = _figures(text)[number]
    assert (f["whole"], f["dimension"], f["dimension_value"], f["share"]) == (
        whole, "sector", "residential", share)


@pytest.mark.parametrize("text", [
    "Năm 2010, toàn Đảng có hơn 3,6 triệu đảng viên; riêng Đảng bộ Thành phố Hà Nội có khoảng "
    "350.000 đảng viên.",
    "Đảng bộ có 1.120 đảng viên (năm 2015); đến năm 2020, Đảng bộ có 1.402 đảng viên.",
])
def test_another_place_or_another_year_is_no_part(text):
    assert all(f["whole"] is None for f in _figures(text).values())


@pytest.mark.parametrize("text,part,whole,dim", [
    ("Số đảng viên sinh hoạt ở các chi bộ thôn, tổ dân phố là 12.400 người, chiếm 51,2% trong "
     "tổng số 24.219 đảng viên toàn tỉnh.", "12.400", "24.219", ("sector", "residential")),
    ("Đảng viên nữ có 3.210 đồng chí, chiếm 38,5% tổng số 8.337 đảng viên của Đảng bộ.",
     "3.210", "8.337", ("gender", "female")),
    ("Các doanh nghiệp ngoài nhà nước có 1.105 đảng viên, bằng 6,2% so với tổng số 17.820 đảng "
     "viên.", "1.105", "17.820", ("sector", "private_enterprise")),
])
def test_a_part_stated_before_its_whole(text, part, whole, dim):
    f = _figures(text)
    assert (f[part]["whole"], f[part]["dimension"], f[part]["dimension_value"]) == (whole, *dim)
    assert f[whole]["whole"] is None and f[whole]["sector"] is None


def test_a_count_beside_another_count_with_no_share_is_no_part():
    f = _figures("Đảng bộ có 52 tổ chức cơ sở đảng, 2.315 đảng viên.")
    assert f["52"]["whole"] is None and f["2.315"]["whole"] is None


# ---- dates: months counted from January, quarters and ranges opening at a month


@pytest.mark.parametrize("text,number,as_of,first", [
    ("Cập nhật: 08:00 - 12/10/2022\n\nTám tháng năm 2022, Đảng bộ huyện kết nạp 96 đảng viên.",
     "96", date(2022, 8, 31), date(2022, 1, 1)),
    ("Cập nhật: 08:00 - 12/10/2022\n\nChín tháng qua, Đảng bộ huyện kết nạp 140 đảng viên.",
     "140", date(2022, 9, 30), date(2022, 1, 1)),
    ("Cập nhật: 08:00 - 12/10/2022\n\n9 tháng vừa qua, toàn tỉnh kết nạp 1.320 đảng viên mới.",
     "1.320", date(2022, 9, 30), date(2022, 1, 1)),
    ("Cập nhật: 08:00 - 12/10/2022\n\nRiêng quý II, toàn huyện kết nạp 31 đảng viên.",
     "31", date(2022, 6, 30), date(2022, 4, 1)),
    ("Cập nhật: 08:00 - 12/10/2022\n\nTừ tháng 7/2020 đến hết tháng 6/2022, Đảng bộ kết nạp "
     "412 đảng viên.", "412", date(2022, 6, 30), date(2020, 7, 1)),
    ("Cập nhật: 08:00 - 12/10/2022\n\nKể từ Đại hội lần thứ XX (tháng 8/2020) đến hết tháng "
     "9/2022, toàn Đảng bộ đã kết nạp 905 đảng viên.", "905", date(2022, 9, 30), date(2020, 8, 1)),
    ("Cập nhật: 08:00 - 12/10/2022\n\nTừ tháng 3/2021 đến nay, Đảng bộ kết nạp 77 đảng viên.",
     "77", date(2022, 10, 12), date(2021, 3, 1)),
    ("Cập nhật: 08:00 - 12/12/2022\n\nTừ đầu năm 2022 đến ngày 30/11, Đảng bộ kết nạp 58 đảng "
     "viên.", "58", date(2022, 11, 30), date(2022, 1, 1)),
])
def test_periods_of_admissions(text, number, as_of, first):
    f = _figures(text)[number]
    assert (f["as_of"], f["period_from"]) == (as_of, first)


def test_the_month_may_is_no_count_of_months():
    f = _figures("Ngày 20/6/2022, tin cho biết: tháng năm 2022, Đảng bộ kết nạp 12 đảng viên.")
    assert f["12"]["as_of"] == date(2022, 5, 31)


def test_the_end_of_a_period_is_no_event_that_dates_now():
    text = ("Thứ Hai, 12/12/2022 - 08:00\n\nTừ đầu năm 2022 đến ngày 30/11, Đảng bộ huyện kết nạp "
            "58 đảng viên. Hiện Đảng bộ có 4.120 đảng viên.")
    assert _figures(text)["4.120"]["as_of"] == date(2022, 12, 12)


def test_a_date_glossed_after_the_noun_dates_that_figure_only():
    text = ("Thứ Ba, 03/02/2015 - 08:00\n\nTừ 211 đảng viên khi mới thành lập (3/2/1930), đến "
            "năm 1945 Đảng có khoảng 5.000 đảng viên. Hiện nay, Đảng có hơn 4,4 triệu đảng viên.")
    f = _figures(text)
    assert (f["211"]["as_of"], f["khoảng 5.000"]["as_of"], f["hơn 4,4 triệu"]["as_of"]) == (
        date(1930, 2, 3), date(1945, 12, 31), date(2015, 2, 3))


def test_the_end_of_the_year_in_a_january_review_is_the_year_before():
    text = ("Thứ Sáu, 20/01/2023 - 08:00\n\nNgày 19/1, Huyện ủy tổng kết năm 2022. Tổng số đảng "
            "viên đến cuối năm là 5.604 đồng chí.")
    assert _figures(text)["5.604"]["as_of"] == date(2022, 12, 31)


# ---- changes between two stocks: both are figures, of what the "số …" before them counts


@pytest.mark.parametrize("text,rows", [
    ("Qua sắp xếp, số tổ chức cơ sở đảng trực thuộc Đảng ủy Khối giảm từ 88 (năm 2018) xuống "
     "còn 71 hiện nay.",
     [("88", "base_orgs_total", date(2018, 12, 31)), ("71", "base_orgs_total", date(2023, 5, 2))]),
    ("Số đảng viên của huyện tăng từ 4.120 (năm 2015) lên 5.032 (năm 2020).",
     [("4.120", "members_total", date(2015, 12, 31)), ("5.032", "members_total",
                                                        date(2020, 12, 31))]),
    ("So to chuc co so dang giam tu 67 xuong 52 (nam 2022).",
     [("67", "base_orgs_total", date(2023, 5, 2)), ("52", "base_orgs_total", date(2022, 12, 31))]),
])
def test_a_change_between_two_stocks(text, rows):
    f = _figures("Thứ Ba, 02/05/2023 - 08:00\n\n" + text)
    assert [(n, f[n]["metric"], f[n]["as_of"]) for n in f] == rows


@pytest.mark.parametrize("text", [
    "Tỷ lệ hộ nghèo của xã giảm từ 12 (năm 2015) xuống còn 3 hộ.",
    "Số đại biểu dự Đại hội tăng từ 250 lên 300 đại biểu.",
    "Đảng bộ có 4.120 đảng viên, tăng 215 đảng viên so với năm 2019.",
])
def test_a_change_of_something_else_or_a_net_change_is_no_figure(text):
    assert [n for n in _figures(text) if n != "4.120"] == []


# ---- the size of organisations the text does not name


@pytest.mark.parametrize("text", [
    "Nhiều chi bộ khu phố có trên 40 đảng viên, trong khi một số chi bộ doanh nghiệp chỉ có 3 "
    "đảng viên.",
    "Có chi bộ chỉ có 4 đảng viên, sinh hoạt ghép với chi bộ thôn bên cạnh.",
    "Mot so chi bo co 5 dang vien.",
    "Chi bộ đông đảng viên nhất có 120 đảng viên.",
    "Một số đảng bộ cơ sở có trên 20 chi bộ trực thuộc.",
])
def test_the_size_of_unnamed_organisations_is_no_figure(text):
    assert _figures(text) == {}


@pytest.mark.parametrize("text,number", [
    ("Đảng bộ xã có 14 chi bộ với 356 đảng viên.", "356"),
    ("Những chi bộ Tổ dân phố 5 có 30 đảng viên.", "30"),
    ("Chi bộ thôn Đông có 40 đảng viên, nhiều nhất xã.", "40"),
])
def test_the_size_of_a_named_organisation_or_a_whole_is_a_figure(text, number):
    assert _figures(text)[number]["metric"] == "members_total"

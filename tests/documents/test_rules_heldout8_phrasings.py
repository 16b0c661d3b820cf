"""The sweep after the rules round on held-out set 8: common phrasings of the same classes beyond
the set (names of central bodies, sectors "thuộc khối …", a congress over two days written
"1 và 2/3", a sentence reckoned to its final "tính đến …"), each with near misses."""
import pytest

from .test_rules import _figures

PAGE = "Tin\n\nThứ Hai, 04/03/2024 - 09:00\n\n"


@pytest.mark.parametrize("name", [
    "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội",
    "Tòa án nhân dân tối cao", "Viện Kiểm sát nhân dân tối cao", "Bộ Công Thương",
    "Ngân hàng Nhà nước Việt Nam",
])
def test_names_of_central_bodies(name):
    (f,) = _figures(PAGE + f"Đảng bộ {name} hiện có 1.350 đảng viên.").values()
    assert f["scope_value"] == name


def test_a_list_of_committees_is_not_one_name():
    """Near miss: "hai Đảng bộ A và B" names two organisations, the first is the scope."""
    figures = _figures(PAGE + "Sau khi hợp nhất hai Đảng bộ Sở Nội vụ và Sở Lao động, Đảng bộ "
                       "Sở Nội vụ có 320 đảng viên.")
    assert figures["320"]["scope_value"] == "Sở Nội vụ"


@pytest.mark.parametrize("text,parts", [
    ("Đảng bộ có 120 tổ chức cơ sở đảng: 70 thuộc khối doanh nghiệp ngoài nhà nước, 50 thuộc "
     "khối cơ quan nhà nước.", [("70", "private_enterprise"), ("50", "agency")]),
    ("Tỉnh có 52.000 đảng viên, trong đó 12.000 ở xã, phường, thị trấn; 9.500 ở cơ quan hành "
     "chính.", [("12.000", "commune"), ("9.500", "agency")]),
])
def test_sector_parts_written_with_a_preposition(text, parts):
    figures = _figures(PAGE + text)
    assert [(n, figures[n]["dimension_value"]) for n, _ in parts] == parts
    assert all(figures[n]["whole"] is not None for n, _ in parts)


@pytest.mark.parametrize("opening", [
    "Trong hai ngày 1 và 2/3, Đảng bộ huyện Sơn Động tổ chức Đại hội đại biểu lần thứ XXV.",
    "Trong 2 ngày 1 - 2/3, Đảng bộ huyện Sơn Động tổ chức Đại hội đại biểu lần thứ XXV.",
])
def test_a_congress_over_two_days_ends_on_the_second(opening):
    text = PAGE + opening + "\n\nNhiệm kỳ 2020 - 2024, Đảng bộ kết nạp 1.120 đảng viên."
    assert _figures(text)["1.120"]["as_of"].isoformat() == "2024-03-02"


def test_two_numbers_joined_by_and_are_not_a_day():
    """Near miss: "có 1 và 2/3 số chi bộ" is no date (no "ngày" before it)."""
    text = PAGE + "Đảng bộ huyện Sơn Động có 1.120 đảng viên và 2/3 số chi bộ đạt chuẩn."
    assert _figures(text)["1.120"]["as_of"].isoformat() == "2024-03-04"


@pytest.mark.parametrize("text", [
    "Toàn huyện có 9.400 đảng viên sinh hoạt tại 212 chi bộ tính đến ngày 31/12/2023.",
    "Tổng số 9.400 đảng viên của Đảng bộ huyện Lục Nam, với 212 chi bộ, tính đến thời điểm "
    "31/12/2023.",
])
def test_a_sentence_reckoned_to_its_final_day(text):
    assert {f["as_of"].isoformat() for f in _figures(PAGE + text).values()} == {"2023-12-31"}


def test_a_date_ending_a_sentence_without_reckoning_dates_only_its_figure():
    """Near miss: "…, ngày 31/12/2023" without "tính đến" is an event's day, not the count's."""
    figures = _figures(PAGE + "Toàn huyện có 9.400 đảng viên, tổ chức tổng kết ngày 31/12/2023.")
    assert figures["9.400"]["as_of"].isoformat() == "2024-03-04"


def test_the_end_of_the_year_named_before_in_the_sentence():
    text = (PAGE + "Năm 2023, Đảng bộ huyện kết nạp 240 đảng viên; đến cuối năm, toàn Đảng bộ có "
            "8.650 đảng viên.")
    assert _figures(text)["8.650"]["as_of"].isoformat() == "2023-12-31"


def test_the_end_of_this_year_without_a_year_named():
    """Near miss: "đến cuối năm" with no year before it is the page's year."""
    text = "Tin\n\nThứ Ba, 10/12/2024 - 09:00\n\nĐến cuối năm, toàn Đảng bộ có 8.650 đảng viên."
    assert _figures(text)["8.650"]["as_of"].isoformat() == "2024-12-31"


@pytest.mark.parametrize("text,number,metric", [
    ("Kết quả năm 2023: kết nạp 240 đảng viên; tổng số đảng viên 8.650.", "8.650",
     "members_total"),
    ("Tổng số tổ chức cơ sở đảng 64, tổng số đảng viên 3.912.", "64", "base_orgs_total"),
])
def test_a_number_right_after_the_total_it_names(text, number, metric):
    assert _figures(PAGE + text)[number]["metric"] == metric


def test_a_number_after_the_total_that_is_not_its_count():
    """Near miss: "tổng số đảng viên 5 năm liền …" goes on after the number: no label."""
    figures = _figures(PAGE + "Tổng số đảng viên 5 năm liền hoàn thành tốt nhiệm vụ tăng.")
    assert figures == {}


# ---- the same rules on pages that lost their diacritics in a few words


def test_no_admission_without_diacritics_is_no_figure():
    """The zero convention holds without diacritics: a negation is no figure."""
    assert _figures(PAGE + "Nam 2023, Dang bo xa khong ket nap duoc dang vien nao.") == {}


def test_sector_parts_without_diacritics():
    figures = _figures(PAGE + "Dang bo huyen co 48 to chuc co so dang, gom: 20 o xa, thi tran; "
                       "28 o co quan hanh chinh.")
    assert [(n, figures[n]["whole"], figures[n]["dimension_value"]) for n in ("20", "28")] == [
        ("20", "48", "commune"), ("28", "48", "agency")]


def test_reckoned_without_diacritics():
    figures = _figures(PAGE + "Tong so 9.400 dang vien cua Dang bo huyen Luc Nam tinh den ngay "
                       "31/12/2023.")
    assert figures["9.400"]["as_of"].isoformat() == "2023-12-31"


def test_a_short_name_given_as_goi_tat_la():
    text = (PAGE + "Đảng bộ Tổng công ty Điện lực miền Bắc (gọi tắt là EVNNPC) có 9.000 đảng viên. "
            "Đảng bộ EVNNPC có 25 đảng bộ trực thuộc.")
    assert _figures(text)["25"]["scope_value"] == "Tổng công ty Điện lực miền Bắc"


def test_a_sector_count_after_a_bracketed_breakdown_is_of_the_total():
    """Near miss: the base cells listed in brackets are no whole of "24 ở xã, thị trấn"."""
    figures = _figures(PAGE + "Huyện có 56 tổ chức cơ sở đảng (34 đảng bộ cơ sở, 22 chi bộ cơ sở), "
                       "trong đó 24 ở xã, thị trấn.")
    assert (figures["24"]["whole"], figures["24"]["metric"]) == ("56", "base_orgs_total")


@pytest.mark.parametrize("text", [
    "Chỉ tiêu | Kết quả\nSố đảng viên dự họp | 25\nSố đảng viên vắng mặt | 2",
    "Thu ngân sách | 4.200\nSố hộ nghèo | 312",
    "Đảng ủy đã kiểm tra 12 tổ chức đảng, gồm: 5 ở xã, phường; 7 ở cơ quan hành chính.",
    "Huyện có 12 xã không kết nạp được đảng viên nào.",
    "Có 320 đảng viên được tặng Huy hiệu Đảng, trong đó 12 ở xã vùng cao.",
])
def test_the_new_rules_find_nothing_where_nothing_is_counted(text):
    """Near misses of the round's rules: attendance and budget rows, parts of inspected or
    awarded counts, places that admitted no one."""
    assert _figures(PAGE + text) == {}

"""Rules round on held-out sets 13 and 14: names. A body's name keeps the lower-case syllables of the
field it states ("Trường Đại học Thủy lợi", "Trường Đại học Giao thông vận tải", "Cảng hàng không quốc
tế Nội Bài", "Trường Sĩ quan Lục quân 1") when the run ends on a field's last syllable or a capital
follows it, and not a verb after the name ("… Lê Lợi công bố"). A capitals heading ends its name at
the topic after a dash ("… YÊN BÌNH - MỘT SỐ CON SỐ"), a term ("NHIỆM KỲ 2025 - 2027") is no name, and
"Đảng bộ Nhà trường" is the school the document named."""
import pytest

from chibo.etl.documents.orgnames import org_name, place_name

from .test_rules import _figures


@pytest.mark.parametrize("text, name", [
    ("Trường Đại học Thủy lợi kết nạp 35 sinh viên", "Trường Đại học Thủy lợi"),
    ("Trường Đại học Giao thông vận tải hiện có 1.104 đảng viên", "Trường Đại học Giao thông vận tải"),
    ("Cảng hàng không quốc tế Nội Bài tổ chức Đại hội", "Cảng hàng không quốc tế Nội Bài"),
    ("Trường Sĩ quan Lục quân 1 kết nạp 126 đảng viên", "Trường Sĩ quan Lục quân 1"),
    ("Trường Cao đẳng Kỹ thuật công nghiệp có 214 đảng viên", "Trường Cao đẳng Kỹ thuật công nghiệp"),
])
def test_a_name_keeps_the_lower_case_syllables_of_its_field(text, name):
    """Real phrasings: universities, an airport, an officers' school, a college (dev s26-s28)."""
    assert org_name(text, 0) == name


@pytest.mark.parametrize("text, name", [
    ("Trường THPT Lê Lợi công bố kết quả", "Trường THPT Lê Lợi"),      # a verb, not a field
    ("Công ty Than Hà Lầm không kết nạp được", "Công ty Than Hà Lầm"),  # "không" alone ends nothing
    ("Bệnh viện Bạch Mai hàng năm kết nạp", "Bệnh viện Bạch Mai"),
])
def test_lower_case_words_after_a_name_that_end_no_field_are_not_in_it(text, name):
    """Near misses: lower-case words after the name that do not close a field's name."""
    assert org_name(text, 0) == name


def test_an_airport_committee_is_its_scope_in_a_congress_report():
    """dev s27: "Đảng bộ Cảng hàng không quốc tế Đà Nẵng … có 11 chi bộ trực thuộc" (not "Cảng")."""
    figs = _figures("Ngày 14/5/2025, Đảng bộ Cảng hàng không quốc tế Đà Nẵng tổ chức Đại hội lần thứ V. "
                    "Đảng bộ có 11 chi bộ trực thuộc với 356 đảng viên.")
    assert {f["scope_value"] for f in figs.values()} == {"Cảng hàng không quốc tế Đà Nẵng"}


@pytest.mark.parametrize("text, name", [
    ("XÃ YÊN BÌNH - MỘT SỐ CON SỐ", "XÃ YÊN BÌNH"),
    ("NINH KIỀU - NHỮNG CON SỐ ẤN TƯỢNG", "NINH KIỀU"),
    ("TÂN LẬP - NHÌN LẠI MỘT NHIỆM KỲ", "TÂN LẬP"),
])
def test_a_capitals_heading_ends_its_name_at_the_topic_after_a_dash(text, name):
    """Real phrasing: a bulletin's heading "ĐẢNG BỘ XÃ YÊN BÌNH - MỘT SỐ CON SỐ" (dev n19)."""
    assert place_name(text, 0) == name


def test_a_place_name_with_a_dash_keeps_both_halves():
    """Near miss: "BÀ RỊA - VŨNG TÀU", "PHAN RANG - THÁP CHÀM" are one name each."""
    assert place_name("BÀ RỊA - VŨNG TÀU CÓ 5 CHI BỘ", 0) == "BÀ RỊA - VŨNG TÀU"
    assert place_name("PHAN RANG - THÁP CHÀM", 0) == "PHAN RANG - THÁP CHÀM"


def test_a_term_in_a_minutes_heading_is_no_name():
    """Real phrasing: "BIÊN BẢN ĐẠI HỘI CHI BỘ NHIỆM KỲ 2025 - 2027" under the cell's name (dev c27):
    the figures are the company cell's, not a body called "nhiệm kỳ"."""
    figs = _figures("CHI BỘ CÔNG TY TNHH MAY HƯNG LONG\nBIÊN BẢN ĐẠI HỘI CHI BỘ NHIỆM KỲ 2025 - 2027\n\n"
                    "Hồi 8 giờ 00 ngày 20 tháng 3 năm 2025, Chi bộ tiến hành Đại hội.\n"
                    "- Tổng số đảng viên của Chi bộ: 12 đồng chí.")
    assert figs["12"]["scope_value"] == "CÔNG TY TNHH MAY HƯNG LONG"
    assert org_name("CHI BỘ TRƯỜNG THCS LÊ LỢI", 7) == "TRƯỜNG THCS LÊ LỢI"  # near miss: a name


def test_the_school_speaking_of_itself_is_the_school_named():
    """Real phrasing: "Đảng ủy Trường Cao đẳng Y tế Thanh Hóa kết nạp … Đảng bộ Nhà trường hiện có 312"
    (dev s29, heldout13's officers' school): "Nhà trường" is the school, not a body "Nhà"."""
    figs = _figures("Thứ Ba, 10/09/2024\n\nĐảng ủy Trường Cao đẳng Y tế Thanh Hóa kết nạp 23 đảng viên. "
                    "Đảng bộ Nhà trường hiện có 312 đảng viên.")
    assert figs["312"]["scope_value"] == "Trường Cao đẳng Y tế Thanh Hóa"
    near = _figures("Thứ Ba, 10/09/2024\n\nĐảng bộ Nhà máy Thủy điện Hòa Bình hiện có 312 đảng viên.")
    assert near["312"]["scope_value"] == "Nhà máy Thủy điện Hòa Bình"  # near miss: a plant's name


@pytest.mark.parametrize("under", [", trực thuộc Đảng bộ tỉnh Lâm Đồng,", " (trực thuộc Tỉnh ủy Lâm Đồng)",
                                   ", thuộc Đảng bộ tỉnh Lâm Đồng,"])
def test_the_province_a_body_belongs_to_is_not_its_scope(under):
    """Real phrasings (dev s30-s31, heldout14's provincial police): "Đảng bộ Bộ Chỉ huy Quân sự tỉnh
    Lâm Đồng, trực thuộc Đảng bộ tỉnh Lâm Đồng, hiện có 54 …" counts the command, not the province."""
    figs = _figures(f"Lâm Đồng, 05/10/2025\n\nĐảng bộ Bộ Chỉ huy Quân sự tỉnh Lâm Đồng{under} hiện có 54 "
                    "tổ chức cơ sở đảng.")
    assert figs["54"]["scope_value"] == "Bộ Chỉ huy Quân sự tỉnh Lâm Đồng"


def test_a_province_named_after_a_body_in_another_clause_is_the_scope():
    """Near miss: "…, Đảng bộ tỉnh Lâm Đồng có 1.200 …" after another clause names the province's own."""
    figs = _figures("Lâm Đồng, 05/10/2025\n\nSau khi Bộ Chỉ huy Quân sự tỉnh tổng kết, Đảng bộ tỉnh Lâm Đồng "
                    "hiện có 1.200 tổ chức cơ sở đảng.")
    assert figs["1.200"]["scope_kind"] == "province"


def test_congresses_listed_by_number_alone_are_the_partys():
    """Real phrasing (dev h22, heldout14 h01): "• Đại hội lần thứ II (2/1951): 766.349 đảng viên." under
    a heading naming no body: the Party's congresses, the country's members."""
    figs = _figures("Tư liệu: Số đảng viên tại các kỳ Đại hội\n\nThứ Hai, 02/02/2026\n\n"
                    "• Đại hội lần thứ II (2/1951): 766.349 đảng viên.\n"
                    "• Đại hội lần thứ III (9/1960): hơn 500.000 đảng viên.")
    assert {(f["scope_kind"], f["scope_value"]) for f in figs.values()} == {("country", "VN")}


def test_congresses_listed_by_number_under_a_province_are_the_provinces():
    """Near miss (heldout12 h02): the same list under "Đảng bộ tỉnh Thanh Hóa qua các kỳ đại hội"."""
    figs = _figures("Đảng bộ tỉnh Thanh Hóa qua các kỳ đại hội (đăng ngày 18/9/2025)\n\n"
                    "- Đại hội lần thứ XIV (tháng 10/1996): 107.354 đảng viên.")
    assert (figs["107.354"]["scope_kind"], figs["107.354"]["scope_value"]) == ("province", "38")

"""Rules round on held-out set 12 (strict misses): which body a figure is of. Overseas bodies keep
"Việt Nam tại <country>" ("Thương vụ Việt Nam tại Liên bang Nga"), a branch keeps "chi nhánh …"
("Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh tỉnh Nghệ An", not the province), a
headline in capitals ends at its verb or "- KẾT QUẢ"; the place of a report's place-and-date line
is where it was written; a province's police named without a party prefix ("Công an TP. Hồ Chí
Minh: …") is that body; the province a new one was split from is history; a clause on a
reorganisation ("Do sáp nhập thôn, tổ dân phố, …") names no sector."""
from chibo.etl.documents.names import find_mentions
from chibo.etl.documents.scope import org_name, place_name

from .test_rules import _figures

PAGE = "Tin\n\nThứ Sáu, 06/09/2024\n\n"


# ---- names cut


def test_overseas_bodies_keep_viet_nam_tai_their_country():
    """Real phrasings: a students' cell in Japan, a trade office in Russia; other bodies abroad."""
    for name in ("Lưu học sinh Việt Nam tại Nhật Bản", "Thương vụ Việt Nam tại Liên bang Nga",
                 "Cơ quan Đại diện Việt Nam tại Liên hợp quốc", "Hội người Việt Nam tại Ba Lan"):
        found = _figures(PAGE + f"Chi bộ {name} hiện có 11 đảng viên.")
        assert found["11"]["scope_value"] == name


def test_a_place_after_tai_is_no_part_of_other_names():
    """Near miss: "tại" after a name that does not end in "Việt Nam" says where something happens."""
    assert org_name("Công ty May Phú Thành tại Hà Nội tổ chức lễ kết nạp", 0) == "Công ty May Phú Thành"


def test_a_branch_keeps_its_province_in_its_name():
    """Real phrasing: "Đảng bộ Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh tỉnh Nghệ An
    hiện có 38 chi bộ trực thuộc với 1.204 đảng viên"; other banks and branch forms."""
    for name in ("Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh tỉnh Nghệ An",
                 "Ngân hàng Chính sách xã hội chi nhánh tỉnh Hà Tĩnh",
                 "Ngân hàng TMCP Ngoại thương Việt Nam chi nhánh Bắc Ninh"):
        found = _figures(PAGE + f"Đảng bộ {name} hiện có 38 chi bộ trực thuộc với 1.204 đảng viên.")
        assert found["38"]["scope_kind"] == found["1.204"]["scope_kind"] == "organisation", name
        assert found["1.204"]["scope_value"] == name


def test_the_province_named_beside_a_branch_keeps_its_own_figures():
    """Near miss: the province's own total in the next sentence is the province's."""
    found = _figures(PAGE + "Đảng bộ Ngân hàng Chính sách xã hội chi nhánh tỉnh Hà Tĩnh có 287 đảng viên. "
                            "Toàn Đảng bộ tỉnh Hà Tĩnh có hơn 113.000 đảng viên.")
    assert (found["hơn 113.000"]["scope_kind"], found["hơn 113.000"]["scope_value"]) == ("province", "42")


def test_a_headline_in_capitals_ends_at_what_it_reports():
    """Real phrasing: "ĐẢNG BỘ BỆNH VIỆN CHỢ RẪY - KẾT QUẢ NĂM 2024"; also a verb or "TỔNG KẾT"."""
    assert org_name("BỆNH VIỆN CHỢ RẪY - KẾT QUẢ NĂM 2024 (đăng", 0) == "BỆNH VIỆN CHỢ RẪY"
    assert org_name("TRƯỜNG TIỂU HỌC KIM ĐỒNG - KẾT QUẢ CÔNG TÁC NĂM 2024", 0) == "TRƯỜNG TIỂU HỌC KIM ĐỒNG"
    assert org_name("TRƯỜNG THCS LÊ LỢI TỔNG KẾT NĂM HỌC", 0) == "TRƯỜNG THCS LÊ LỢI"
    assert org_name("BỆNH VIỆN BẠCH MAI CÓ 1.386 ĐẢNG VIÊN", 0) == "BỆNH VIỆN BẠCH MAI"


def test_names_in_capitals_keep_their_own_words():
    """Near misses: "ĐẠI HỌC", "TỔNG CÔNG TY", "TỔ QUỐC" are words of names, not verbs."""
    assert org_name("TRƯỜNG ĐẠI HỌC KINH TẾ QUỐC DÂN", 0) == "TRƯỜNG ĐẠI HỌC KINH TẾ QUỐC DÂN"
    assert org_name("TỔNG CÔNG TY ĐƯỜNG SẮT VIỆT NAM", 0) == "TỔNG CÔNG TY ĐƯỜNG SẮT VIỆT NAM"
    assert org_name("MẶT TRẬN TỔ QUỐC TỈNH NGHỆ AN", 0) == "MẶT TRẬN TỔ QUỐC TỈNH NGHỆ AN"


def test_tp_inside_a_name():
    """Real phrasings: "Công an TP. Hồ Chí Minh", "Đảng bộ Công an TP.HCM" (written out)."""
    assert org_name("Công an TP. Hồ Chí Minh: 680 đảng viên", 0) == "Công an Thành phố Hồ Chí Minh"
    assert org_name("Công an TP.HCM có gần 30.000 đảng viên", 0) == "Công an Thành phố Hồ Chí Minh"
    assert org_name("Công an TP có 5 đảng viên", 0) == "Công an TP"  # near miss: no name after it


# ---- where a report was written; a province's police; history; reorganisations


def test_the_place_of_a_report_line_is_no_scope():
    """Real phrasing: a cell's year report, "CHI BỘ TRƯỜNG THCS LÊ QUÝ ĐÔN" over "Số 08-BC/CB   Quận
    Hai Bà Trưng, ngày 20 tháng 12 năm 2024": the figures are the cell's; also "Thành phố Vinh, 18/12/2024"."""
    for line in ("Số 08-BC/CB                    Quận Hai Bà Trưng, ngày 20 tháng 12 năm 2024",
                 "Số 05-BC/CB     Thành phố Vinh, 18/12/2024",
                 "Số 03-BC/CB          TP. Hồ Chí Minh, ngày 19 tháng 12 năm 2024"):
        found = _figures(f"CHI BỘ TRƯỜNG THCS LÊ QUÝ ĐÔN\n{line}\n\nBÁO CÁO TỔNG KẾT NĂM 2024\n\n"
                         "1. Tổng số đảng viên: 34 đồng chí (chính thức: 32; dự bị: 2).")
        assert found["34"]["scope_value"] == "TRƯỜNG THCS LÊ QUÝ ĐÔN", line
        assert found["34"]["as_of"] is not None, line


def test_a_place_that_goes_on_is_still_a_scope():
    """Near miss: a place followed by its counts, not by a day closing the line."""
    mention = find_mentions("Quận Hai Bà Trưng có 20 chi bộ, ngày 20/12/2024 kết nạp 3 đảng viên.")[0]
    assert not mention.qualifier


def test_a_province_police_named_without_a_party_prefix():
    """Real phrasing: a headline "Công an TP. Hồ Chí Minh: 680 đảng viên mới trong 11 tháng"; also a
    province's police and its military command in a sentence."""
    found = _figures("Công an TP. Hồ Chí Minh: 680 đảng viên mới trong 11 tháng\n\nThứ Ba, 09/12/2025 - 13:30"
                     "\n\nTừ đầu năm đến ngày 30/11/2025, Đảng bộ Công an Thành phố Hồ Chí Minh đã kết nạp 680 "
                     "đảng viên.")
    assert {(f["scope_kind"], f["scope_value"], f["sector"]) for f in found.values()} == {
        ("organisation", "Công an Thành phố Hồ Chí Minh", None)}
    found = _figures(PAGE + "Bộ Chỉ huy Quân sự tỉnh Nghệ An có 1.250 đảng viên.")
    assert (found["1.250"]["scope_value"], found["1.250"]["sector"]) == ("Bộ Chỉ huy Quân sự tỉnh Nghệ An", None)


def test_the_armed_forces_of_a_province_stay_a_sector():
    """Near miss: "lực lượng vũ trang tỉnh" is the province's sector, not a body."""
    found = _figures(PAGE + "Trong lực lượng vũ trang tỉnh Nghệ An có 120 tổ chức cơ sở đảng.")
    assert (found["120"]["scope_kind"], found["120"]["sector"]) == ("province", "armed_forces")


def test_the_province_a_new_one_was_split_from_is_history():
    """Real phrasing: "tỉnh Đắk Nông được thành lập trên cơ sở chia tách tỉnh Đắk Lắk; khi đó Đảng bộ
    tỉnh có 171 tổ chức cơ sở đảng"."""
    found = _figures("Tin\n\nThứ Hai, 30/06/2025 - 07:00\n\nNgày 1/1/2004, tỉnh Đắk Nông được thành lập trên "
                     "cơ sở chia tách tỉnh Đắk Lắk; khi đó Đảng bộ tỉnh có 171 tổ chức cơ sở đảng.")
    assert found["171"]["scope_value"] == "67"


def test_a_province_named_before_a_bare_reference_is_its_scope():
    """Near miss: without the split, "Đảng bộ tỉnh" after "tỉnh Đắk Lắk" is Đắk Lắk."""
    found = _figures("Tin\n\nThứ Hai, 30/06/2025 - 07:00\n\nNăm 2004, tỉnh Đắk Lắk có nhiều đổi mới; khi đó Đảng "
                     "bộ tỉnh có 171 tổ chức cơ sở đảng.")
    assert found["171"]["scope_value"] == "66"


def test_a_reorganisation_clause_names_no_sector():
    """Real phrasing: "Do sáp nhập thôn, tổ dân phố, hiện toàn Đảng bộ huyện có 187 chi bộ"; also
    "Sau khi sắp xếp các thôn, …"."""
    for lead in ("Do sáp nhập thôn, tổ dân phố, hiện", "Sau khi sắp xếp các thôn, bản, hiện"):
        found = _figures(PAGE + f"Đảng bộ huyện Đức Trọng tổ chức hội nghị. {lead} toàn Đảng bộ huyện có "
                                "187 chi bộ.")
        assert found["187"]["sector"] is None, lead


def test_a_sector_named_before_a_count_still_narrows_it():
    """Near miss: "các chi bộ thôn, tổ dân phố có 150 chi bộ" without a reorganisation."""
    found = _figures(PAGE + "Đảng bộ huyện Đức Trọng có 187 chi bộ; riêng chi bộ thôn, tổ dân phố có 150 chi bộ.")
    assert found["150"]["sector"] == "residential"


def test_a_place_in_capitals_keeps_its_syllables():
    """Real phrasing (held-out set 10): a cell report's header "ĐẢNG BỘ XÃ TÂN LẬP / CHI BỘ THÔN ĐỒNG
    CHÈ", then "Chi bộ có 35 đảng viên": the cell's ("ĐỒNG", "LONG", "ĐẠI" are syllables of places)."""
    found = _figures("ĐẢNG BỘ XÃ TÂN LẬP\nCHI BỘ THÔN ĐỒNG CHÈ\n*\nTân Lập, ngày 12 tháng 12 năm 2024\n\nBÁO CÁO\n\n"
                     "1. Tình hình đảng viên: Chi bộ có 35 đảng viên.")
    assert found["35"]["scope_value"] == "THÔN ĐỒNG CHÈ"
    assert place_name("LONG AN CÓ 5 CHI BỘ", 0) == "LONG AN"


def test_a_headline_in_capitals_still_ends_a_place_at_its_verb():
    """Near miss: "ĐẢNG BỘ HUYỆN QUẢNG XƯƠNG CÓ 12.560 ĐẢNG VIÊN", "XÃ TÂN LẬP TỔNG KẾT NĂM 2024"."""
    assert place_name("QUẢNG XƯƠNG CÓ 12.560 ĐẢNG VIÊN", 0) == "QUẢNG XƯƠNG"
    assert place_name("TÂN LẬP TỔNG KẾT NĂM 2024", 0) == "TÂN LẬP"


def test_a_province_named_in_capitals_takes_its_code_of_the_figure_day():
    """Real phrasing (held-out set 10): a statistics sheet "ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG (Thời điểm báo cáo:
    30/6/2025)" posted on 15/07/2025: the city before the merger (48, not N48), as in lower case."""
    for head in ("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG", "Đảng bộ thành phố Đà Nẵng"):
        found = _figures(f"{head}\n(Thời điểm báo cáo: 30/6/2025)\n\nCập nhật: 15/07/2025\n\n"
                         "Tổng số đảng viên: 61.905.")
        assert (found["61.905"]["scope_value"], found["61.905"]["as_of"].isoformat()) == ("48", "2025-06-30"), head


def test_a_province_of_the_page_day_keeps_the_new_code():
    """Near miss: the same sheet counted on the page's day (after the merger) is the new city's."""
    found = _figures("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG\n\nCập nhật: 15/07/2025\n\nTổng số đảng viên: 61.905.")
    assert found["61.905"]["scope_value"] == "N48"


def test_the_whole_after_a_sector_part_with_voi_has_no_sector():
    """Real phrasing (held-out set 10): "Đảng bộ Khối có 156 tổ chức cơ sở đảng, trong đó 121 tổ chức cơ
    sở đảng trong doanh nghiệp ngoài nhà nước, với 5.124 đảng viên": the members are the bloc's."""
    found = _figures(PAGE + "Đảng bộ Khối Doanh nghiệp tỉnh Bình Dương có 156 tổ chức cơ sở đảng, trong đó 121 tổ "
                            "chức cơ sở đảng trong doanh nghiệp ngoài nhà nước, với 5.124 đảng viên.")
    assert found["121"]["sector"] == "private_enterprise"
    assert found["5.124"]["sector"] is None


def test_a_count_right_after_a_sector_part_keeps_its_sector():
    """Near miss: "… ngoài nhà nước có 46 tổ chức cơ sở đảng với 1.024 đảng viên" (no part before a
    comma): the members counted in that sector."""
    found = _figures(PAGE + "Riêng khu vực doanh nghiệp ngoài nhà nước có 46 tổ chức cơ sở đảng với 1.024 đảng viên.")
    assert found["1.024"]["sector"] == "private_enterprise"


def test_the_wards_a_new_one_was_arranged_from_are_history():
    """Real phrasing (held-out set 10): "Phường Ba Đình được thành lập trên cơ sở sắp xếp các phường Quán
    Thánh, Trúc Bạch, … (cũ)." then "Đảng bộ phường hôm nay có 9.214 đảng viên": the new ward's."""
    found = _figures("Tin\n\n14/08/2025 20:05\n\nNgày 14/8, Đảng bộ phường Ba Đình tổ chức Đại hội. Phường Ba Đình được "
                     "thành lập trên cơ sở sắp xếp các phường Quán Thánh, Trúc Bạch, Giảng Võ (cũ).\n\nĐảng bộ "
                     "phường hôm nay có 9.214 đảng viên.")
    assert found["9.214"]["scope_value"].lower() == "phường ba đình"


def test_a_ward_named_after_an_arrangement_of_cells_is_its_scope():
    """Near miss: "Sau khi sắp xếp các chi bộ, Đảng bộ phường Kim Mã có …" names the ward counted."""
    found = _figures(PAGE + "Sau khi sắp xếp các chi bộ, Đảng bộ phường Kim Mã có 1.912 đảng viên.")
    assert found["1.912"]["scope_value"] == "phường Kim Mã"


def test_provinces_listed_after_one_party_prefix_take_their_numbers_in_turn():
    """Real phrasing (held-out set 11): a January review, "Trong 6 tháng đầu năm, trước khi hợp nhất, các
    Đảng bộ tỉnh Vĩnh Long, Bến Tre và Trà Vinh (cũ) kết nạp lần lượt 812, 1.106 và 934 đảng viên"."""
    found = _figures("Tin\n\nThứ Ba, 13/01/2026 - 09:10\n\nNăm 2025, Đảng bộ tỉnh Vĩnh Long kết nạp 4.916 đảng viên. "
                     "Trong 6 tháng đầu năm, trước khi hợp nhất, các Đảng bộ tỉnh Vĩnh Long, Bến Tre và Trà Vinh "
                     "(cũ) kết nạp lần lượt 812, 1.106 và 934 đảng viên.")
    assert [found[n]["scope_value"] for n in ("812", "1.106", "934")] == ["86", "83", "84"]


def test_communes_listed_after_one_party_prefix_take_their_numbers_in_turn():
    """Other phrasing: "Các Đảng bộ xã Mường Chà, Na Sang và Mường Tùng lần lượt có 1.204, 986 và 1.117
    đảng viên"; a list of levels ("các đảng bộ xã, phường") names no commune."""
    found = _figures(PAGE + "Các Đảng bộ xã Mường Chà, Na Sang và Mường Tùng lần lượt có 1.204, 986 và 1.117 đảng viên.")
    assert [found[n]["scope_value"] for n in ("1.204", "986", "1.117")] == ["xã Mường Chà", "xã Na Sang",
                                                                            "xã Mường Tùng"]
    assert [m.scope for m in find_mentions("các Đảng bộ xã, phường có 5 chi bộ")] == [None, None]


def test_committees_of_one_level_after_a_comma_are_siblings():
    """Other phrasing: "Đảng bộ phường Hải Châu, Đảng bộ phường Hòa Cường lần lượt có 5.214 và 4.387
    đảng viên" (a comma, not "và"): each ward its number."""
    found = _figures(PAGE + "Đảng bộ phường Hải Châu, Đảng bộ phường Hòa Cường lần lượt có 5.214 và 4.387 đảng viên.")
    assert [found[n]["scope_value"] for n in ("5.214", "4.387")] == ["phường Hải Châu", "phường Hòa Cường"]


def test_a_place_of_another_level_after_a_committee_still_says_where_it_is():
    """Near miss: "Chi bộ thôn Nà Pò, xã Đức Long có 35 đảng viên": the commune is where the cell is."""
    found = _figures(PAGE + "Chi bộ thôn Nà Pò, xã Đức Long có 35 đảng viên.")
    assert found["35"]["scope_value"] == "thôn Nà Pò"

"""Rules added after held-out set 6 about scope: a headline's place followed by another
organisation not yet named, each on sentences written for the rule, with near misses."""
from chibo.etl.documents import extract


def _scopes(text: str) -> list[tuple[str, str | None]]:
    return [(f["number_text"], f["scope_value"]) for f in extract(text, "x").figures]


def test_a_headline_place_then_an_organisation_of_another_level_takes_the_bodys_scope():
    text = ("Nghệ An: Đảng bộ Khối các cơ quan tỉnh có 6.020 đảng viên\n\n12/03/2021 | 08:00\n\n"
            "Đảng bộ Khối các cơ quan tỉnh Nghệ An hiện có 6.020 đảng viên.")
    assert _scopes(text) == [("6.020", "Khối các cơ quan tỉnh Nghệ An")] * 2


def test_a_headline_town_then_its_committee_takes_the_bodys_scope():
    text = ("Mỹ Hào: Đảng bộ thị xã có gần 5 nghìn đảng viên\n\n12/03/2021 | 08:00\n\n"
            "Đảng bộ thị xã Mỹ Hào hiện có 4.912 đảng viên.")
    assert _scopes(text) == [("gần 5 nghìn", "thị xã Mỹ Hào"), ("4.912", "thị xã Mỹ Hào")]


def test_a_headline_city_then_the_city_committee_stays_the_city():
    text = ("Cần Thơ: Đảng bộ Thành phố có hơn 60.000 đảng viên\n\n12/03/2021 | 08:00\n\n"
            "Hiện toàn Đảng bộ có 61.250 đảng viên.")
    assert _scopes(text)[0] == ("hơn 60.000", "92")


def test_the_whole_committee_of_a_place_just_named_stays_that_place():
    text = "Ngày 30/4/1975, khi tỉnh Bình Định giải phóng, toàn Đảng bộ chỉ có 3.105 đảng viên."
    assert _scopes(text) == [("3.105", "52")]


def test_the_partys_name_is_the_country_and_a_headline_restating_over_takes_the_bodys():
    text = ("Thứ Ba, 03/02/2015 - 06:30\n\n85 năm Đảng Cộng sản Việt Nam: hơn 4,4 triệu đảng viên"
            "\n\nĐến nay, toàn Đảng có hơn 4,4 triệu đảng viên.")
    assert _scopes(text) == [("hơn 4,4 triệu", "VN")] * 2


def test_a_photo_caption_above_the_headline_is_no_headline():
    text = ("Ảnh: Lễ kết nạp đảng viên tại Chi bộ thôn 2, xã Hòa Bình năm 2021.\n\n"
            "Tân Kỳ: Gần 800 đảng viên mới sau 5 năm\n\nThứ Năm, 02/07/2020 | 10:15\n\n"
            "Từ năm 2015 đến hết năm 2019, Đảng bộ huyện Tân Kỳ đã kết nạp 786 đảng viên.")
    f = extract(text, "x")
    assert f.document["title"].startswith("Tân Kỳ")
    assert [(x["scope_value"], str(x["as_of"])) for x in f.figures] == [
        ("huyện Tân Kỳ", "2019-12-31")] * 2


def test_organisations_named_as_a_kind_in_lower_case_do_not_unscope_the_figure():
    text = "Đảng bộ huyện Mỹ Đức có 22 đảng bộ xã, thị trấn với 10.540 đảng viên."
    assert ("10.540", "huyện Mỹ Đức") in _scopes(text)


def test_the_party_they_join_is_no_scope():
    text = ("Thứ Hai, 01/07/2024 - 08:00\n\nĐảng bộ huyện Nam Đàn tổng kết năm 2023. Năm 2023, "
            "có 42 quần chúng ưu tú vinh dự được đứng vào hàng ngũ của Đảng Cộng sản Việt Nam.")
    assert _scopes(text) == [("42", "huyện Nam Đàn")]


def test_before_any_scoped_figure_the_organisation_the_page_named_is_the_scope():
    text = ("Đảng bộ huyện Nam Đàn tổng kết công tác năm 2023\n\nThứ Hai, 08/01/2024 - 08:00\n\n"
            "Năm 2023, kết nạp 215 đảng viên mới.")
    assert _scopes(text) == [("215", "huyện Nam Đàn")]


def test_a_place_that_only_says_where_is_no_fallback_scope():
    text = ("Thứ Hai, 08/01/2024 - 08:00\n\nChi bộ thôn 3 (xã Hòa Bình) tổ chức hội nghị.\n\n"
            "Năm 2023, kết nạp 2 đảng viên mới.")
    assert _scopes(text) == [("2", "thôn 3")]

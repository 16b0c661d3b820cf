"""Reference data integrity (provinces, crosswalk, aliases, labels) and the chibo.etl.reference API."""

import datetime as dt
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vietnam_provinces import Province

from chibo.etl import reference as ref
from chibo.etl.normalize import UnknownValue, fold

REGIONS6 = {"northern_midlands", "red_river_delta", "north_central_coast", "central_highlands",
            "southeast", "mekong_delta"}
BEFORE, AFTER = dt.date(2025, 6, 30), dt.date(2025, 7, 1)

# domain.md, "Administrative reorganisation of 1 July 2025": new unit → old units merged into it
CROSSWALK = {
    "Tuyên Quang": {"Tuyên Quang", "Hà Giang"}, "Lào Cai": {"Lào Cai", "Yên Bái"},
    "Thái Nguyên": {"Thái Nguyên", "Bắc Kạn"}, "Phú Thọ": {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"},
    "Bắc Ninh": {"Bắc Ninh", "Bắc Giang"}, "Hưng Yên": {"Hưng Yên", "Thái Bình"},
    "Hải Phòng": {"Hải Phòng", "Hải Dương"}, "Ninh Bình": {"Ninh Bình", "Hà Nam", "Nam Định"},
    "Quảng Trị": {"Quảng Trị", "Quảng Bình"}, "Đà Nẵng": {"Đà Nẵng", "Quảng Nam"},
    "Quảng Ngãi": {"Quảng Ngãi", "Kon Tum"}, "Gia Lai": {"Gia Lai", "Bình Định"},
    "Khánh Hòa": {"Khánh Hòa", "Ninh Thuận"}, "Lâm Đồng": {"Lâm Đồng", "Đắk Nông", "Bình Thuận"},
    "Đắk Lắk": {"Đắk Lắk", "Phú Yên"},
    "Hồ Chí Minh": {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"},
    "Đồng Nai": {"Đồng Nai", "Bình Phước"}, "Tây Ninh": {"Tây Ninh", "Long An"},
    "Cần Thơ": {"Cần Thơ", "Sóc Trăng", "Hậu Giang"},
    "Vĩnh Long": {"Vĩnh Long", "Bến Tre", "Trà Vinh"}, "Đồng Tháp": {"Đồng Tháp", "Tiền Giang"},
    "Cà Mau": {"Cà Mau", "Bạc Liêu"}, "An Giang": {"An Giang", "Kiên Giang"},
    **{n: {n} for n in ["Hà Nội", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
                        "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng"]},
    "Huế": {"Thừa Thiên Huế"},
}

PROVINCES = ref.provinces()
OLD = [p for p in PROVINCES if not p["is_current"]]
NEW = [p for p in PROVINCES if p["is_current"]]
ALIASES = ref.table("province_aliases")


def test_counts_and_unique_codes():
    """63 provinces before the merger, 34 after, no code twice."""
    assert (len(OLD), len(NEW)) == (63, 34)
    assert len({p["province_code"] for p in PROVINCES}) == 97
    assert all(len(p["province_code"]) == 2 and p["province_code"].isdigit() for p in OLD)
    assert all(p["province_code"][0] == "N" and p["province_code"][1:].isdigit() for p in NEW)


def test_new_provinces_match_vietnam_provinces_package():
    """Codes, names and city status of the 34 come from the official package."""
    expected = {f"N{p.code.value:02d}": (unicodedata.normalize("NFC", p.name.removeprefix("Thành phố ")),
                                         "thanh_pho" if "THANH_PHO" in p.division_type.name else "tinh")
                for p in Province.iter_all()}
    assert {p["province_code"]: (p["name"], p["kind"]) for p in NEW} == expected


def test_crosswalk_matches_domain_table():
    """Every old province has exactly the successor domain.md gives it."""
    names = {p["province_code"]: p["name"] for p in PROVINCES}
    merged = defaultdict(set)
    for p in OLD:
        merged[names[p["successor_code"]]].add(p["name"])
    assert dict(merged) == CROSSWALK


def test_successor_links():
    """Old → one new province; every new one has ≥1 predecessor and no successor itself."""
    new_codes = {p["province_code"] for p in NEW}
    assert all(p["successor_code"] in new_codes for p in OLD)
    assert {p["successor_code"] for p in OLD} == new_codes
    assert all(p["successor_code"] is None for p in NEW)
    assert ref.successor("02") == "N08" and ref.successor("N08") == "N08"
    assert all(ref.successor(p["province_code"]) == p["successor_code"] for p in OLD)


def test_validity_dates():
    """Old provinces end on 2025-06-30, new ones start on 2025-07-01."""
    assert all(p["valid_to"] == BEFORE and p["valid_from"] is None for p in OLD)
    assert all(p["valid_from"] == AFTER and p["valid_to"] is None for p in NEW)


def test_regions_and_seat_rule():
    """Provinces sit in the six regions (old: GSO's 14/11/14/5/6/13); a new province takes the
    region and seat of one predecessor, and says so in `note` when its predecessors span two."""
    assert {r["region"] for r in ref.regions()} == REGIONS6 | {"central"}
    counts = defaultdict(int)
    for p in OLD:
        counts[p["region"]] += 1
    assert dict(counts) == {"northern_midlands": 14, "red_river_delta": 11,
                            "north_central_coast": 14, "central_highlands": 5, "southeast": 6,
                            "mekong_delta": 13}
    for new in NEW:
        olds = [p for p in OLD if p["successor_code"] == new["province_code"]]
        seat = [p for p in olds if (p["seat_lat"], p["seat_lon"]) == (new["seat_lat"], new["seat_lon"])]
        assert len(seat) == 1 and seat[0]["region"] == new["region"], new["name"]
        assert bool(new["note"]) == (len({p["region"] for p in olds}) > 1), new["name"]


@pytest.mark.parametrize("code,seat", [("N52", "Quy Nhơn"), ("N44", "Đồng Hới"), ("N80", "Tân An"),
                                       ("N82", "Mỹ Tho"), ("N91", "Rạch Giá"), ("N15", "Yên Bái"),
                                       ("N24", "Bắc Giang"), ("N68", "Đà Lạt")])
def test_seats_of_merged_provinces(code, seat):
    """The administrative centres named in the merger resolutions."""
    assert ref.province(code)["seat"] == seat


def test_seats_inside_vietnam_and_names_nfc():
    """Coordinates are plausible and every name is NFC with no stray spaces."""
    for p in PROVINCES:
        assert 8.4 < p["seat_lat"] < 23.5 and 102.1 < p["seat_lon"] < 109.5, p["name"]
        assert p["name"] == unicodedata.normalize("NFC", p["name"]).strip()


def test_every_alias_resolves_to_its_code():
    """Each alias row resolves, on a date in its period, to its own code."""
    codes = {p["province_code"]: p for p in PROVINCES}
    for row in ALIASES:
        assert row["province_code"] in codes
        assert row["period"] == ("new" if codes[row["province_code"]]["is_current"] else "old")
        on = AFTER if row["period"] == "new" else BEFORE
        assert ref.resolve_province(row["alias"], on) == row["province_code"], row


def test_alias_fold_keys_are_unambiguous():
    """Within one period a folded spelling never points to two provinces."""
    seen = defaultdict(set)
    for row in ALIASES:
        seen[(fold(row["alias"]), row["period"])].add(row["province_code"])
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


def test_every_name_and_code_resolves():
    """Names and codes from provinces.csv resolve, old names by default and new ones after."""
    for p in OLD:
        assert ref.resolve_province(p["name"]) == p["province_code"]
        assert ref.resolve_province(p["province_code"]) == p["province_code"]
    for p in NEW:
        assert ref.resolve_province(p["name"], AFTER) == p["province_code"]
        assert ref.resolve_province(p["province_code"]) == p["province_code"]


@pytest.mark.parametrize("text,on,expected", [
    ("Tuyên Quang", None, "08"), ("Tuyên Quang", BEFORE, "08"), ("Tuyên Quang", AFTER, "N08"),
    ("Hà Nội", dt.date(2026, 1, 1), "N01"), ("TP. Hà Nội", None, "01"), ("Hà Giang", AFTER, "02"),
    ("08", None, "08"), ("8", None, "08"), (8, None, "08"), ("N08", None, "N08"), ("n8", None, "N08"),
    ("08", AFTER, "N08"), ("02", AFTER, "02"), ("Huế", None, "46"), ("Huế", AFTER, "N46"),
    ("Thừa Thiên - Huế", None, "46"), ("TP.HCM", None, "79"), ("Sài Gòn", AFTER, "N79"),
    ("BR-VT", None, "77"), ("Đắc Lắc", None, "66"), ("dak nong", None, "67"),
    ("Hoà Bình", None, "17"), ("THANH HOÁ", AFTER, "N38"), ("Khánh Hoà", None, "56"),
    ("Tỉnh Bắc Kạn", None, "06"), ("Thành phố Cần Thơ", AFTER, "N92"), ("Bac Can", None, "06"),
])
def test_resolve_examples(text, on, expected):
    """Common spellings, codes and the date rule for names shared by an old and a new province."""
    assert ref.resolve_province(text, on) == expected


@pytest.mark.parametrize("text", ["Atlantis", "", "Hà", "N99", "99", "Tỉnh", "Quận 1", None])
def test_resolve_unknown_raises(text):
    """Unknown names are refused with a bilingual reason, never guessed."""
    with pytest.raises(UnknownValue) as err:
        ref.resolve_province(text)
    assert err.value.reason_vi and err.value.reason_en


@given(st.sampled_from(PROVINCES), st.sampled_from(["", "Tỉnh ", "tinh ", "Thành phố ", "TP. "]),
       st.sampled_from([str.upper, str.lower, lambda s: s]), st.booleans())
def test_resolve_spelling_variants(p, prefix, case, strip_marks):
    """Case, diacritics and a Tỉnh / Thành phố prefix never change the answer."""
    name = p["name"]
    if strip_marks:
        name = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    on = AFTER if p["is_current"] else None
    assert ref.resolve_province(case(prefix + name), on) == p["province_code"]


@given(st.text(max_size=12))
def test_resolve_arbitrary_text_is_a_code_or_refused(text):
    """Whatever comes in, the answer is a known code or UnknownValue."""
    try:
        code = ref.resolve_province(text)
    except UnknownValue:
        return
    assert ref.province(code)["province_code"] == code


def test_province_lookup():
    """province() returns a copy by exact code and refuses unknown codes."""
    hue = ref.province("N46")
    assert (hue["name"], hue["kind"], hue["region"]) == ("Huế", "thanh_pho", "north_central_coast")
    hue["name"] = "changed"
    assert ref.province("N46")["name"] == "Huế"
    with pytest.raises(UnknownValue):
        ref.province("8")


def test_code_lists_match_readme_contract():
    """Sector, kind and leave-reason codes are exactly the ones the warehouse contract names."""
    assert [s["sector"] for s in ref.sectors()] == [
        "commune", "residential", "agency", "public_service", "state_enterprise",
        "private_enterprise", "mass_association", "armed_forces", "other"]
    assert [k["kind"] for k in ref.kinds()] == [
        "province_committee", "central_committee", "bloc_committee", "upper_committee",
        "partial_committee", "base_committee", "base_cell", "sub_cell"]
    assert {r["reason"] for r in ref.table("leave_reasons")} == {
        "transfer_out", "death", "struck_off", "expelled", "resigned", "other"}
    assert [r["sort_order"] for r in ref.regions()] == list(range(1, 8))


@pytest.mark.parametrize("label,rating", [
    ("Hoàn thành xuất sắc nhiệm vụ", 4), ("hoàn thành tốt nhiệm vụ", 3), ("Hoàn thành nhiệm vụ", 2),
    ("Không hoàn thành nhiệm vụ", 1), ("excellent", 4), ("Not completed", 1), ("3", 3), (2, 2),
    ("Trong sạch vững mạnh", 3), ("TRONG SẠCH VỮNG MẠNH TIÊU BIỂU", 4), ("Yếu kém", 1),
    ("Đủ tư cách hoàn thành xuất sắc nhiệm vụ", 4), ("HTTNV", 3), ("hoan thanh nhiem vu", 2)])
def test_rating_labels(label, rating):
    """Current, older, English, abbreviated and numeric labels map to the 4..1 scale."""
    assert ref.rating_for_label(label) == rating


@pytest.mark.parametrize("label,quality", [("Tốt", 4), ("khá", 3), ("Trung bình", 2), ("kém", 1),
                                           ("good", 4), ("fair", 3), ("average", 2), ("poor", 1),
                                           ("4", 4), (1, 1)])
def test_quality_labels(label, quality):
    """Meeting quality in Vietnamese, English or digits."""
    assert ref.quality_for_label(label) == quality


def test_label_tables_have_one_level_per_folded_label():
    """No label folds to two different levels."""
    for name, column in [("rating_labels", "rating"), ("quality_labels", "quality")]:
        levels = defaultdict(set)
        for row in ref.table(name):
            levels[fold(row["label"])].add(int(row[column]))
            assert 1 <= int(row[column]) <= 4
        assert all(len(v) == 1 for v in levels.values()), name


@pytest.mark.parametrize("func,text", [(ref.rating_for_label, "tuyệt vời"), (ref.rating_for_label, 5),
                                       (ref.quality_for_label, "xuất sắc"), (ref.quality_for_label, ""),
                                       (ref.leave_reason_for, "nghỉ hưu")])
def test_unknown_labels_raise(func, text):
    """Unmapped labels are errors rather than silently dropped."""
    with pytest.raises(UnknownValue):
        func(text)


@pytest.mark.parametrize("text,reason", [
    ("Chuyển sinh hoạt đi", "transfer_out"), ("chết", "death"), ("Từ trần", "death"),
    ("Xoá tên", "struck_off"), ("khai trừ", "expelled"), ("Xin ra khỏi Đảng", "resigned"),
    ("Khác", "other"), ("transfer_out", "transfer_out"), ("Died", "death")])
def test_leave_reasons(text, reason):
    """Vietnamese wordings, English names and the codes themselves."""
    assert ref.leave_reason_for(text) == reason


def test_events():
    """Timeline events are dated, ordered and carry both languages."""
    events = ref.events()
    assert [e["event_on"] for e in events] == sorted(e["event_on"] for e in events)
    assert {"province_merger_63_34", "guidance_12_2018"} <= {e["code"] for e in events}
    merger = next(e for e in events if e["code"] == "province_merger_63_34")
    assert merger["event_on"] == ref.MERGER_DATE
    assert all(e["label_vi"] and e["label_en"] for e in events)


def test_every_csv_is_nfc_utf8_and_loads_with_table():
    """The generic loader reads every reference CSV; text is NFC so fold/SQL joins agree."""
    folder = Path(ref.__file__).parent
    for path in folder.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text), path.name
        rows = ref.table(path.stem)
        assert rows and all(len(r) == len(rows[0]) for r in rows), path.name

"""Value parsers of chibo.etl.normalize: Unicode clean-up, fold keys, Vietnamese numbers and dates,
booleans; and chibo.etl.legacy's detection of legacy TCVN3 / VNI text (samples built by encoders written here)."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chibo.etl.legacy import decode_legacy, detect_legacy_encoding
from chibo.etl.normalize import (
    InvalidValue,
    UnknownValue,
    fold,
    is_blank,
    nfc,
    parse_bool,
    parse_date,
    parse_int,
    parse_number,
)

# --- legacy encoders, built from the published tables, independent of chibo.etl.normalize -------------
TCVN3 = {  # Unicode letter → TCVN3 byte
    "à": 0xB5, "á": 0xB8, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9, "ă": 0xA8, "ằ": 0xBB, "ắ": 0xBE,
    "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6, "â": 0xA9, "ầ": 0xC7, "ấ": 0xCA, "ẩ": 0xC8, "ẫ": 0xC9,
    "ậ": 0xCB, "đ": 0xAE, "è": 0xCC, "é": 0xD0, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1, "ê": 0xAA,
    "ề": 0xD2, "ế": 0xD5, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6, "ì": 0xD7, "í": 0xDD, "ỉ": 0xD8,
    "ĩ": 0xDC, "ị": 0xDE, "ò": 0xDF, "ó": 0xE3, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4, "ô": 0xAB,
    "ồ": 0xE5, "ố": 0xE8, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9, "ơ": 0xAC, "ờ": 0xEA, "ớ": 0xED,
    "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE, "ù": 0xEF, "ú": 0xF3, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ứ": 0xF8, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9, "ỳ": 0xFA, "ý": 0xFD,
    "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE, "Ă": 0xA1, "Â": 0xA2, "Đ": 0xA7, "Ê": 0xA3, "Ô": 0xA4,
    "Ơ": 0xA5, "Ư": 0xA6,
}
TONES_VNI = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
CIRCUMFLEX_VNI = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
BREVE_VNI = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
I_VNI = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 bytes; accented capitals use the lower-case code, as with .VnTimeH fonts."""
    return b"".join(bytes([TCVN3[c]]) if c in TCVN3 else bytes([TCVN3[c.lower()]])
                    if c.lower() in TCVN3 else c.encode("ascii") for c in text)


def _vni_char(c: str) -> str:
    if c in "đĐ":
        return "ñ" if c == "đ" else "Ñ"
    parts = unicodedata.normalize("NFD", c)
    if len(parts) == 1:
        return c
    base, marks = parts[0], parts[1:]
    tone = next((m for m in marks if m in TONES_VNI), "")
    upper = base.isupper()
    low = base.lower()
    if "\u031b" in marks:  # horn: ơ = ô, ư = ö, tone as a trailing mark
        out = {"o": "ô", "u": "ö"}[low] + (TONES_VNI[tone] if tone else "")
    elif "\u0302" in marks:
        out = low + CIRCUMFLEX_VNI[tone]
    elif "\u0306" in marks:
        out = low + BREVE_VNI[tone]
    elif low == "i":
        out = I_VNI[tone]
    elif low == "y" and tone == "\u0323":
        out = "î"
    else:
        out = low + TONES_VNI[tone]
    return out.upper() if upper else out


def to_vni(text: str) -> bytes:
    """Unicode → VNI Windows bytes (base letter followed by its mark byte)."""
    return "".join(_vni_char(c) for c in unicodedata.normalize("NFC", text)).encode("latin-1")


PROSE = (
    "Cả nước hiện có 640 tổ chức cơ sở đảng ở cơ quan hội quần chúng, trong đó có 40 đảng bộ cơ "
    "sở và 599 chi bộ cơ sở, với 10.579 đảng viên. Qua mười lăm năm thực hiện quy định, các đảng "
    "ủy, chi ủy đã quán triệt nghiêm sự lãnh đạo của cấp ủy các cấp, phát huy vai trò hạt nhân "
    "chính trị. Chất lượng sinh hoạt chi bộ được nâng lên; nhiều chi bộ xếp loại hoàn thành xuất "
    "sắc nhiệm vụ. Đồng chí Bí thư Đảng ủy Khối chủ trì hội nghị trực tuyến tại Hà Nội."
)
SHORT_SAMPLES = ["Hà Nội", "Đảng viên", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Đắk Lắk",
                 "chi bộ cơ sở", "Hoàn thành tốt nhiệm vụ", "Trung bình", "Kém", "Nguyễn Thị Hương",
                 "Sóc Trăng", "Quảng Ngãi", "Ủy ban Mặt trận Tổ quốc", "Khối các cơ quan"]
WORDS = sorted(set(PROSE.replace(",", " ").replace(".", " ").replace(";", " ").split())
               - {"640", "40", "599", "10", "579"})


# --- nfc / fold ----------------------------------------------------------------------------------
def test_nfc_composes_and_collapses_whitespace():
    """Decomposed input (macOS, Windows-1258) must compare equal to composed text."""
    assert nfc("  Ha\u0300  N\u00f4\u0323i\u00a0\ufeff ") == "Hà Nội"


def test_fold_examples():
    """Fold keys ignore case, diacritics, đ, spacing and punctuation."""
    assert fold("Thừa Thiên - Huế") == fold("thua thien hue") == "thuathienhue"
    assert fold("ĐẮK LẮK") == fold("Dak Lak") == "daklak"
    assert fold("Hoà Bình") == fold("Hòa Bình")


VI_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
vi_words = st.lists(st.text(alphabet=VI_LETTERS + VI_LETTERS.upper(), min_size=1, max_size=7),
                    min_size=1, max_size=5)


@given(st.text())
def test_fold_is_idempotent(s):
    """Folding a key again must not change it (keys are stored and re-folded)."""
    assert fold(fold(s)) == fold(s)


@given(vi_words, st.sampled_from([" ", "  ", "-", " - ", "\u00a0", ""]))
def test_fold_ignores_case_diacritics_and_spacing(words, sep):
    """Any spelling variant of the same letters gives the same key."""
    plain = "".join(words)
    stripped = "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    assert fold(sep.join(words)) == fold(plain.upper()) == fold(stripped.lower()) == fold(plain)
    assert fold(plain).isascii() and fold(plain).isalnum()


def test_is_blank():
    """Blank cells are None, NaN or invisible text, and nothing else."""
    assert all(map(is_blank, [None, float("nan"), "", "  ", "\u00a0\ufeff"]))
    assert not any(map(is_blank, ["0", 0, "x"]))


# --- numbers -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("10.579", 10579), ("1.234.567", 1234567), ("12,5", 12.5), ("-3", -3), (" 42 ", 42),
    ("1,234", 1.234), ("0.125", 0.125), ("12.5", 12.5), ("1,234.5", 1234.5), ("1 234", 1234),
    ("1\u00a0234,5", 1234.5), (42, 42), (10579.0, 10579), (2.5, 2.5), ("+7", 7), ("\u22125", -5),
])
def test_parse_number_examples(text, expected):
    """Vietnamese separators first; unambiguous English forms still read right."""
    value = parse_number(text)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text", ["abc", "1..2", "", "1.2.3", "12,", ",5", "1.23.456", "--1",
                                  True, float("inf"), "0.123.456"])
def test_parse_number_rejects(text):
    """Malformed numbers raise InvalidValue with both languages."""
    with pytest.raises(InvalidValue) as err:
        parse_number(text)
    assert err.value.reason_vi and err.value.reason_en


def _grouped(n: int, sep: str = ".") -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_parse_int_round_trips_dot_grouping(n):
    """Any integer written with '.' thousands separators reads back exactly."""
    assert parse_int(_grouped(n)) == n
    assert parse_number(str(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=999999),
       st.booleans())
def test_parse_number_round_trips_comma_decimals(whole, frac, negative):
    """'1.234,56' style decimals read back as the same float."""
    text = f"{'-' if negative else ''}{_grouped(whole)},{frac}"
    expected = float(f"{whole}.{frac}") * (-1 if negative else 1)
    assert parse_number(text) == expected


def test_parse_int_rejects_fractions():
    """A count cannot be 12,5."""
    with pytest.raises(InvalidValue):
        parse_int("12,5")
    assert parse_int("12,0") == 12 and parse_int(7.0) == 7


# --- dates ---------------------------------------------------------------------------------------
DATE_FORMATS = ["{d:02d}/{m:02d}/{y}", "{d}/{m}/{y}", "{d:02d}-{m:02d}-{y}", "{d}-{m}-{y}",
                "{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}", "{y}/{m:02d}/{d:02d}",
                "{y}-{m:02d}-{d:02d} 00:00:00", "{y}-{m:02d}-{d:02d}T08:30:00",
                "{d:02d}/{m:02d}/{y} 14:05", "ngày {d} tháng {m} năm {y}", "{y}{m:02d}{d:02d}"]
EPOCH = dt.date(1899, 12, 30)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(DATE_FORMATS))
def test_parse_date_round_trips_every_format(day, fmt):
    """Any date written in an accepted format reads back as itself."""
    assert parse_date(fmt.format(d=day.day, m=day.month, y=day.year)) == day


@given(st.dates(min_value=dt.date(1955, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.floats(min_value=0, max_value=0.99))
def test_parse_date_round_trips_excel_serials(day, time_of_day):
    """Excel serials as int, float (with a time) or digit string give the date back."""
    serial = (day - EPOCH).days
    assert parse_date(serial) == parse_date(serial + time_of_day) == parse_date(str(serial)) == day


def test_parse_date_objects():
    """date and datetime objects (Excel readers return them) pass through as dates."""
    assert parse_date(dt.datetime(2023, 10, 11, 9, 30)) == dt.date(2023, 10, 11)
    assert parse_date(dt.date(2023, 10, 11)) == dt.date(2023, 10, 11)


@pytest.mark.parametrize("text", ["31/02/2020", "29/02/2023", "10/31/2023", "2023-13-01"])
def test_parse_date_rejects_impossible_dates(text):
    """Impossible dates are errors naming day, month and year in both languages."""
    with pytest.raises(InvalidValue) as err:
        parse_date(text)
    assert "không tồn tại" in err.value.reason_vi and "No such date" in err.value.reason_en


@pytest.mark.parametrize("value", ["", "abc", "11/10/23", 123, 99999, "1/1/1800", True, "12345678"])
def test_parse_date_rejects_unreadable(value):
    """Two-digit years, tiny serials and junk are refused rather than guessed."""
    with pytest.raises(InvalidValue):
        parse_date(value)


# --- booleans ------------------------------------------------------------------------------------
@pytest.mark.parametrize("value,expected", [
    ("có", True), ("Có", True), ("co", True), ("x", True), ("X", True), ("yes", True), ("1", True),
    ("TRUE", True), (1, True), (True, True), ("không", False), ("Khong", False), ("no", False),
    ("0", False), ("false", False), (0, False), (False, False)])
def test_parse_bool(value, expected):
    """Yes/no in Vietnamese, English, marks and digits."""
    assert parse_bool(value) is expected


@pytest.mark.parametrize("value", ["maybe", "", 2, "có thể"])
def test_parse_bool_rejects(value):
    """Anything else is an error, not False."""
    with pytest.raises(InvalidValue):
        parse_bool(value)


def test_unknown_value_is_an_invalid_value():
    """Callers catching InvalidValue (or ValueError) also catch unknown reference values."""
    assert issubclass(UnknownValue, InvalidValue) and issubclass(InvalidValue, ValueError)


# --- legacy encodings ----------------------------------------------------------------------------
def test_encoders_reproduce_known_mojibake():
    """The test encoders give the classic mis-decodings quoted in the brief."""
    assert to_tcvn3("Hà Nội").decode("latin-1") == "Hµ Néi"
    assert to_tcvn3("Đảng").decode("latin-1") == "§¶ng"
    assert to_vni("Đảng viên").decode("latin-1") == "Ñaûng vieân"
    assert to_vni("Hà Nội").decode("latin-1") == "Haø Noäi"


@pytest.mark.parametrize("text,expected", [
    ("Hµ Néi", "TCVN3"), ("§¶ng", "TCVN3"), ("Ñaûng vieân", "VNI"), ("Haø Noäi", "VNI")])
def test_detect_legacy_examples(text, expected):
    """Literal samples of each legacy encoding are recognised."""
    assert detect_legacy_encoding(text) == expected


@pytest.mark.parametrize("encoding,encode", [("TCVN3", to_tcvn3), ("VNI", to_vni)])
@pytest.mark.parametrize("codec", ["latin-1", "cp1252", "cp1258"])
def test_detect_legacy_prose(encoding, encode, codec):
    """Real prose typed in a legacy encoding and read with a Western codec is recognised."""
    misread = unicodedata.normalize("NFC", encode(PROSE).decode(codec))
    assert detect_legacy_encoding(misread) == encoding


@pytest.mark.parametrize("encoding,encode", [("TCVN3", to_tcvn3), ("VNI", to_vni)])
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_decode_legacy_repairs_prose(encoding, encode, codec):
    """Repairing the mis-read prose gives the original text back (TCVN3 capitals come back
    lower-case: the encoding has no codes for them)."""
    repaired = decode_legacy(encode(PROSE).decode(codec), encoding)
    assert repaired.lower() == PROSE.lower()


@given(st.lists(st.sampled_from(WORDS + SHORT_SAMPLES), min_size=1, max_size=8),
       st.sampled_from([("TCVN3", to_tcvn3), ("VNI", to_vni)]))
@settings(max_examples=60)
def test_detect_legacy_random_phrases(words, enc):
    """Phrases of real words: Unicode is never flagged; the legacy form is flagged or, when every
    word also reads as Vietnamese, left undecided (never the wrong encoding)."""
    text = " ".join(words)
    assert detect_legacy_encoding(text) is None
    assert detect_legacy_encoding(enc[1](text).decode("latin-1")) in (enc[0], None)


@pytest.mark.parametrize("text", [PROSE, *SHORT_SAMPLES, "Hello world", "Công ty ABC®",
                                  "5µg/ml", "Điều 5 § 2", "© 2024 Sở Nội vụ", "Thanh Hoá", ""])
def test_detect_legacy_leaves_unicode_and_ascii_alone(text):
    """Proper Unicode Vietnamese, ASCII and stray symbols are never flagged."""
    assert detect_legacy_encoding(text) is None


def to_cp1258(text: str) -> bytes:
    """Genuine Windows-1258: precomposed base letters, the five tones as combining bytes."""
    out = b""
    for c in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", c)
        tones = "".join(p for p in parts if p in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


@pytest.mark.parametrize("normal_form", [None, "NFC", "NFD"])
def test_detect_legacy_leaves_genuine_windows_1258_alone(normal_form):
    """A real Windows-1258 file read as Windows-1258 is Unicode Vietnamese, not legacy text."""
    text = to_cp1258(PROSE).decode("cp1258")
    text = unicodedata.normalize(normal_form, text) if normal_form else text
    assert nfc(text) == PROSE
    assert detect_legacy_encoding(text) is None


@pytest.mark.parametrize("encoding,encode", [("TCVN3", to_tcvn3), ("VNI", to_vni)])
def test_decode_legacy_repairs_text_read_as_windows_1258(encoding, encode):
    """The reader falls back to Windows-1258; repair works on its output before NFC."""
    repaired = decode_legacy(encode(PROSE).decode("cp1258"), encoding)
    assert repaired.lower() == PROSE.lower()

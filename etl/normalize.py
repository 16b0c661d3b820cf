"""Pure value parsers for the ETL: Unicode clean-up, matching keys, Vietnamese numbers and dates,
booleans and detection of text typed in the legacy TCVN3 / VNI encodings. No I/O."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from functools import lru_cache

__all__ = ["InvalidValue", "UnknownValue", "decode_legacy", "detect_legacy_encoding", "fold",
           "is_blank", "nfc", "parse_bool", "parse_date", "parse_int", "parse_number"]


class InvalidValue(ValueError):
    """A value that cannot be parsed; carries a Vietnamese and an English reason."""

    def __init__(self, reason_vi: str, reason_en: str):
        super().__init__(f"{reason_vi} / {reason_en}")
        self.reason_vi = reason_vi
        self.reason_en = reason_en


class UnknownValue(InvalidValue):
    """A well-formed value that is not in a reference table (never guessed)."""


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DD = str.maketrans("đĐ", "dD")


def nfc(s: str) -> str:
    """Unicode NFC, invisible characters removed, stripped, inner whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", str(s)).translate(_INVISIBLE).split())


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Matching key: no diacritics (đ → d), lower case, only [a-z0-9] kept."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFD", str(s)).translate(_DD).lower())


def is_blank(value) -> bool:
    """None, NaN, or a string with nothing visible in it."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not nfc(value)


def _bad(value, vi: str, en: str) -> InvalidValue:
    return InvalidValue(f"{vi}: {value!r}", f"{en}: {value!r}")


# --- numbers -----------------------------------------------------------------------------------
_SIGN = r"(?P<sign>[+-]?)"
_NUMBER_FORMS = [  # (pattern, thousands separator, decimal separator) tried in order
    (re.compile(_SIGN + r"(?P<int>\d+)$"), "", ""),
    (re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?:\.\d{3})+)(?:,(?P<frac>\d+))?$"), ".", ","),
    (re.compile(_SIGN + r"(?P<int>\d+)(?:,(?P<frac>\d+))$"), "", ","),
    (re.compile(_SIGN + r"(?P<int>\d+)(?:\.(?P<frac>\d+))$"), "", "."),
    (re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?:,\d{3})+)(?:\.(?P<frac>\d+))?$"), ",", "."),
    (re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?: \d{3})+)(?:,(?P<frac>\d+))?$"), " ", ","),
]
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2212": "-"})


def parse_number(value) -> int | float:
    """Vietnamese-style number: '.' groups thousands, ',' is the decimal mark ('10.579' → 10579,
    '12,5' → 12.5, '1,234' → 1.234). Unambiguous other forms ('12.5', '1,234.5') are accepted."""
    if isinstance(value, bool):
        raise _bad(value, "Không phải số", "Not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _bad(value, "Không phải số hữu hạn", "Not a finite number")
        return int(value) if value.is_integer() else value
    if not isinstance(value, str):
        try:
            return parse_number(float(value))  # Decimal, numpy scalars
        except (TypeError, ValueError):
            raise _bad(value, "Không phải số", "Not a number") from None
    text = " ".join(value.translate(_SPACES).split())
    for pattern, thousands, _decimal in _NUMBER_FORMS:
        m = pattern.match(text)
        if m:
            digits = m["int"].replace(thousands, "") if thousands else m["int"]
            frac = m.groupdict().get("frac")
            sign = -1 if m["sign"] == "-" else 1
            return sign * (float(f"{digits}.{frac}") if frac else int(digits))
    raise _bad(value, "Không đọc được số (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân)",
               "Cannot read the number ('.' separates thousands, ',' is the decimal mark)")


def parse_int(value) -> int:
    """A whole number written the Vietnamese way ('10.579' → 10579); '12,5' is rejected."""
    number = parse_number(value)
    if isinstance(number, float):
        if not number.is_integer():
            raise _bad(value, "Cần một số nguyên", "A whole number is required")
        number = int(number)
    return number


# --- dates -------------------------------------------------------------------------------------
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (20000, 80000)  # 1954-10-03 .. 2119-01-10
_YEAR_RANGE = (1900, 2100)
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})" + _TIME + "$")
_YMD = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})" + _TIME + "$")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?$")
_WORDS = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$", re.IGNORECASE)


def _serial_to_date(serial: float, original) -> dt.date:
    if not _SERIAL_RANGE[0] <= serial < _SERIAL_RANGE[1]:
        raise _bad(original, "Số ngày kiểu Excel ngoài khoảng hợp lý",
                   "Excel date serial out of the plausible range")
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _make_date(year: int, month: int, day: int, original) -> dt.date:
    if not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
        raise _bad(original, f"Năm {year} ngoài khoảng {_YEAR_RANGE[0]}–{_YEAR_RANGE[1]}",
                   f"Year {year} outside {_YEAR_RANGE[0]}–{_YEAR_RANGE[1]}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _bad(original, f"Ngày không tồn tại (ngày {day}, tháng {month}, năm {year}; "
                   "định dạng ngày/tháng/năm)",
                   f"No such date (day {day}, month {month}, year {year}; format day/month/year)"
                   ) from None


def parse_date(value) -> dt.date:
    """A date from dd/mm/yyyy (also '-' or '.'), yyyy-mm-dd, yyyymmdd, 'ngày d tháng m năm y',
    ISO date-times, Excel serial numbers (int, float or digit string), date or datetime objects."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise _bad(value, "Không phải ngày", "Not a date")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise _bad(value, "Không phải ngày", "Not a date")
        return _serial_to_date(value, value)
    text = nfc(value) if isinstance(value, str) else ""
    if m := _DMY.match(text):
        return _make_date(int(m[4]), int(m[3]), int(m[1]), value)
    if m := _YMD.match(text):
        return _make_date(int(m[1]), int(m[3]), int(m[4]), value)
    if m := _COMPACT.match(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), value)
    if m := _SERIAL.match(text):
        return _serial_to_date(float(text), value)
    if m := _WORDS.match(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), value)
    raise _bad(value, "Không đọc được ngày (dùng dd/mm/yyyy hoặc yyyy-mm-dd)",
               "Cannot read the date (use dd/mm/yyyy or yyyy-mm-dd)")


# --- booleans ----------------------------------------------------------------------------------
_TRUE = frozenset({"co", "c", "yes", "y", "true", "t", "x", "1", "dung", "đung"})
_FALSE = frozenset({"khong", "k", "ko", "no", "n", "false", "f", "0", "sai"})


def parse_bool(value) -> bool:
    """có/không, yes/no, true/false, x, 1/0 (any case, with or without diacritics)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = fold(value) if isinstance(value, str) else None
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _bad(value, "Không phải có/không", "Not a yes/no value")


# --- legacy 8-bit Vietnamese encodings ----------------------------------------------------------
# TCVN3 (ABC): one byte per lower-case letter; the string lists the letters for bytes 0xA1..0xFE
# ('?' = unused). Upper-case letters were drawn with separate fonts over the same codes.
_TCVN3_LETTERS = ("ĂÂÊÔƠƯĐăâêôơưđ??????àảãáạ?ằẳẵắ???????ặầẩẫấậè?ẻẽéẹềểễếệìỉ???ĩíịò?ỏõóọồổỗốộ"
                  "ờởỡớợù?ủũúụừửữứựỳỷỹýỵ")
_TCVN3 = {0xA1 + i: ch for i, ch in enumerate(_TCVN3_LETTERS) if ch != "?"}
# VNI Windows: base letter followed by a mark byte; ñ/Ñ = đ/Đ, ô/ö = ơ/ư and a few single-byte i/y.
_VNI_MARKS = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
              "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
              "ã": "\u0302\u0303", "ä": "\u0302\u0323", "ê": "\u0306", "é": "\u0306\u0301",
              "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323"}
_VNI_SINGLE = {"ñ": "đ", "ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
               "î": "ỵ"}
_VNI_MARKS.update({k.upper(): v for k, v in _VNI_MARKS.items()})
_VNI_SINGLE.update({k.upper(): v.upper() for k, v in _VNI_SINGLE.items()})
_VNI_PAIR = re.compile("([aeiouyAEIOUYôöÔÖ])([" + "".join(_VNI_MARKS) + "])")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_TONE_BYTES = {"\u0300": 0xCC, "\u0301": 0xEC, "\u0303": 0xDE, "\u0309": 0xD2, "\u0323": 0xF2}
_OPEN = ("ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ua|ưa|iêu|yêu|oai|oao|oay|oeo|uây|"
         "uôi|ươi|ươu|uyu|uya|uê|uơ|a|e|ê|i|o|ô|ơ|u|ư|y|oa|oe|uy")
_CLOSED = "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|iê|yê|oa|oă|oe|uâ|uê|uô|ươ|uy|uyê|oo"
_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
                       rf"(?:{_OPEN}|(?:{_CLOSED})(?:ch|ng|nh|[cmnptk]))$")
_WORD = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")


@lru_cache(maxsize=65536)
def _is_syllable(token: str) -> bool:
    """True for one well-formed Vietnamese syllable with at most one tone mark on a vowel."""
    base, tones = [], 0
    for ch in unicodedata.normalize("NFD", token.lower()):
        if ch in _TONES:
            if tones or not base or base[-1] not in "aeiouy\u0302\u0306\u031b":
                return False
            tones += 1
        else:
            base.append(ch)
    return bool(_SYLLABLE.match(unicodedata.normalize("NFC", "".join(base))))


def _legacy_bytes(token: str) -> list[bytes]:
    """The byte strings a mis-decoded token may have come from (Latin-1, cp1252, Windows-1258)."""
    found = []
    for codec in ("latin-1", "cp1252"):
        try:
            found.append(token.encode(codec))
        except UnicodeEncodeError:
            pass
    out = bytearray()
    for ch in token:  # Windows-1258 keeps the five tones as combining bytes
        if byte := ch.encode("cp1258", errors="ignore"):
            out += byte
            continue
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        try:
            out += base.encode("cp1258") + bytes(_TONE_BYTES[c] for c in parts if c in _TONES)
        except UnicodeEncodeError:
            return found
    return found + [bytes(out)]


def _decode_bytes(raw: bytes, encoding: str) -> str:
    if encoding == "TCVN3":
        return "".join(_TCVN3.get(b, chr(b)) for b in raw)
    vni = _VNI_PAIR.sub(lambda p: p[1] + _VNI_MARKS[p[2]], raw.decode("latin-1"))
    return unicodedata.normalize("NFC", "".join(_VNI_SINGLE.get(c, c) for c in vni))


def _reading(word: str, encoding: str) -> str | None:
    """The word re-decoded from `encoding` when that gives well-formed Vietnamese, else None."""
    for raw in _legacy_bytes(word):
        fixed = _decode_bytes(raw, encoding)
        if fixed != word and all(_is_syllable(w) for w in fixed.split()):
            return fixed
    return None


def decode_legacy(text: str, encoding: str) -> str:
    """Repair text typed in TCVN3 or VNI and read as Latin-1/cp1252/Windows-1258, word by word."""
    if encoding not in ("TCVN3", "VNI"):
        raise ValueError(f"unknown legacy encoding {encoding!r}")

    def repair(m: re.Match) -> str:
        candidates = _legacy_bytes(m[0])
        return _reading(m[0], encoding) or (
            _decode_bytes(candidates[0], encoding) if candidates else m[0])
    return nfc(_WORD.sub(repair, text))


def detect_legacy_encoding(text: str, max_words: int = 400) -> str | None:
    """'TCVN3' or 'VNI' when more words read as Vietnamese only after re-decoding them from that
    legacy encoding than read as Vietnamese only as they are; None otherwise (Unicode, ASCII).
    Pass the text as decoded, before NFC: Windows-1258 tone bytes are then recovered exactly."""
    if not text or text.isascii():
        return None
    scores = {"TCVN3": 0, "VNI": 0, "unicode": 0}
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    for word in words[:max_words]:
        ok = {"unicode": _is_syllable(word), "TCVN3": bool(_reading(word, "TCVN3")),
              "VNI": bool(_reading(word, "VNI"))}
        if sum(ok.values()) == 1:  # a word readable more than one way proves nothing
            scores[next(k for k, v in ok.items() if v)] += 1
    best = max(("TCVN3", "VNI"), key=scores.get)
    other = "VNI" if best == "TCVN3" else "TCVN3"
    return best if scores[best] > max(scores["unicode"], scores[other]) else None

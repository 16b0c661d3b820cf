"""Pure value parsers for the ETL: Unicode clean-up, matching keys, Vietnamese numbers and dates,
booleans. No I/O. (Legacy TCVN3 / VNI text: chibo.etl.legacy; canonical keys: chibo.etl.canonical.)"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "InvalidValue",
    "UnknownValue",
    "fold",
    "is_blank",
    "nfc",
    "parse_bool",
    "parse_date",
    "parse_int",
    "parse_number",
]


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
# đ/Đ and the letters that look like them (Icelandic eth Ð/ð, African D Ɖ/ɖ) fold to d.
_DD = str.maketrans("đĐðÐɖƉ", "dDdDdD")


def nfc(s: str) -> str:
    """Unicode NFC, invisible characters removed, stripped, inner whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", str(s)).translate(_INVISIBLE).split())


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Matching key: no diacritics (đ and its look-alikes → d), lower case, only [a-z0-9] kept."""
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

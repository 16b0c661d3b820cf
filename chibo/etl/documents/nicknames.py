"""Provinces news call by another name than the reference table's: a nickname after a party prefix
("Đảng bộ xứ Thanh", "Đảng bộ đất Cảng", "Đảng bộ xứ Lạng") and a former name of a city that is
still the province ("Đảng bộ Sài Gòn - Gia Định" in 1975: Thành phố Hồ Chí Minh). A nickname is
taken only after a party prefix (or "toàn Đảng bộ"), where it can name nothing but the
province; one shared by two provinces ("xứ Nghệ", "xứ Quảng", "xứ Đoài") is none.

| written | province |
|---|---|
| xứ Thanh | Thanh Hóa |
| xứ Lạng | Lạng Sơn |
| đất Cảng, thành phố Cảng | Hải Phòng |
| đất Tổ | Phú Thọ |
| đất Mũi | Cà Mau |
| đất Võ | Bình Định |
| xứ Huế | Huế |
| xứ Dừa | Bến Tre |
| Sài Gòn - Gia Định, Sài Gòn – Gia Định | Hồ Chí Minh |
"""
from __future__ import annotations

import re

NICKNAMES = {"xứ Thanh": "Thanh Hóa", "xứ Lạng": "Lạng Sơn", "đất Cảng": "Hải Phòng",
             "thành phố Cảng": "Hải Phòng", "đất Tổ": "Phú Thọ", "đất Mũi": "Cà Mau",
             "đất Võ": "Bình Định", "xứ Huế": "Huế", "xứ Dừa": "Bến Tre"}
_BY_LOWER = {k.lower(): v for k, v in NICKNAMES.items()}
FORMER_NAMES = {"Sài Gòn - Gia Định": "Hồ Chí Minh", "Sài Gòn – Gia Định": "Hồ Chí Minh"}

_NICKNAME_RE = re.compile(r"(?<![\wđ])(?:Đảng bộ|Đảng ủy|Đảng uỷ|Tỉnh ủy|Thành ủy|toàn Đảng bộ) (?P<name>"
                          + "|".join(map(re.escape, NICKNAMES)) + r")(?![\wđ])", re.IGNORECASE)


def nicknamed(text: str) -> list[tuple[int, int, str]]:
    """(start, end, province name) of each province named by its nickname after a party prefix."""
    return [(m.start(), m.end(), _BY_LOWER[m["name"].lower()]) for m in _NICKNAME_RE.finditer(text)]


def current_name(name: str) -> str:
    """The reference table's name of a province written by a former name, else name."""
    return FORMER_NAMES.get(name, name)

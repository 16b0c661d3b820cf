"""Canonical keys for identifiers and names: one spelling for text that staff type two ways.

NFC; letters that only look like Đ/đ (Icelandic eth Ð/ð, African D Ɖ/ɖ) become Đ/đ; the tone mark
of an open syllable ending in oa, oe or uy sits on the first vowel, as in the reference names
("Hoà" → "Hòa", "thuý" → "thúy"; "quý", "hoàng" and "toán" are left alone). No I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LOOK_ALIKES = {"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"}  # → the Vietnamese letter
_LOOK_ALIKE_TABLE = str.maketrans(LOOK_ALIKES)
_LOOK_ALIKE = re.compile("[" + "".join(LOOK_ALIKES) + "]")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# o/u + (a, e / y) carrying the tone, at the end of a word (no final consonant), not after q.
_NEW_STYLE = re.compile(
    rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?![\w])|(?<![qQ])([uU])([yY])([{_TONES}])(?![\w])")


@lru_cache(maxsize=262144)
def canonical(text: str) -> str:
    """The canonical spelling of one identifier or name (see the module docstring)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_LOOK_ALIKE_TABLE))
    moved = _NEW_STYLE.sub(_tone_on_first, decomposed)
    return unicodedata.normalize("NFC", moved)


def _tone_on_first(m: re.Match) -> str:
    first, second, tone = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    return first + tone + second


def look_alike(text: str) -> str | None:
    """The first letter in `text` that only looks like Đ/đ, or None."""
    found = _LOOK_ALIKE.search(text)
    return found[0] if found else None


def look_alike_reason(letter: str) -> tuple[str, str]:
    """The warning for a look-alike letter, in Vietnamese and English."""
    code = f"U+{ord(letter):04X}"
    right = LOOK_ALIKES[letter]
    return (f"Chữ '{letter}' ({code}) chỉ trông giống '{right}' (U+{ord(right):04X}); "
            f"đã đọc thành '{right}'",
            f"The letter '{letter}' ({code}) only looks like '{right}' (U+{ord(right):04X}); "
            f"read as '{right}'")

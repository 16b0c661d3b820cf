"""Text typed in the legacy 8-bit Vietnamese encodings TCVN3 (ABC) and VNI, read as Latin-1,
cp1252 or Windows-1258: detection (for a whole text or for one cell) and repair. No I/O."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from chibo.etl.normalize import nfc

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


@lru_cache(maxsize=65536)
def _word_verdict(word: str) -> str | None:
    """'unicode', 'TCVN3' or 'VNI' when the word reads as Vietnamese in exactly that one way."""
    ok = {"unicode": _is_syllable(word), "TCVN3": bool(_reading(word, "TCVN3")),
          "VNI": bool(_reading(word, "VNI"))}
    if sum(ok.values()) == 1:  # a word readable more than one way proves nothing
        return next(k for k, v in ok.items() if v)
    return None


def detect_legacy_encoding(text: str, max_words: int = 400) -> str | None:
    """'TCVN3' or 'VNI' when more words read as Vietnamese only after re-decoding them from that
    legacy encoding than read as Vietnamese only as they are; None otherwise (Unicode, ASCII).
    Works on a whole text or on one cell (verdicts are cached per word, so cell by cell is cheap).
    Pass the text as decoded, before NFC: Windows-1258 tone bytes are then recovered exactly."""
    if not text or text.isascii():
        return None
    scores = {"TCVN3": 0, "VNI": 0, "unicode": 0}
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    for word in words[:max_words]:
        verdict = _word_verdict(word)
        if verdict:
            scores[verdict] += 1
    best = max(("TCVN3", "VNI"), key=scores.get)
    other = "VNI" if best == "TCVN3" else "TCVN3"
    return best if scores[best] > max(scores["unicode"], scores[other]) else None

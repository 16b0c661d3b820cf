"""Short names of organisations: the form a document gives in brackets after the full name ("Tập
đoàn Điện lực Việt Nam (EVN)", "Bộ Nông nghiệp và Môi trường (NN&MT)", also of a body it names without
a party prefix: "Tổng công ty Hàng hải Việt Nam (VIMC)"; after a legal form: "… - CTCP (Vietnam Airlines)"), and the full name a short
or partial form stands for ("Đảng bộ EVN", "Bộ NN&MT", "Đảng bộ Tổng công ty")."""
from __future__ import annotations

import re

from .institutions import KINDS
from .orgnames import org_name

_SHORT_NAME = (r"\s*\((?:(?:gọi|viết) tắt là |sau đây gọi là )?(?P<short>[A-ZĐ][\w.&-]{1,20}"
               r"(?: [A-ZĐ][\w.&-]{1,20}){0,2})\)")  # "(EVN)", "(Vietnam Airlines)"
# The legal form a company's name may carry before its short name, which the full name drops (orgnames.py):
# "Tổng công ty Hàng không Việt Nam - CTCP (Vietnam Airlines)".
_LEGAL_FORM = r"(?: - (?:CTCP|Công ty cổ phần|Công ty Cổ phần))?"


def short_names(text: str, known: list[str]) -> dict[str, str]:
    """Short names a document gives its organisations in brackets after the full one: "Tập
    đoàn Điện lực Việt Nam (EVN)" → {"EVN": "Tập đoàn Điện lực Việt Nam"}; and the kind of body
    a committee calls itself by ("Đảng bộ Trường", "Đảng bộ Bệnh viện") → the one body of that kind
    the text names without a prefix ("Tin từ Trường Đại học Bách khoa Hà Nội (06/11/2024): …")."""
    out: dict[str, str] = {}
    for full in known:
        for m in re.finditer(re.escape(full) + _LEGAL_FORM + _SHORT_NAME, text):
            out.setdefault(m["short"], full)
    for kind in re.finditer(r"(?<![\wđ])" + KINDS + r" (?=[A-ZĐ])", text):  # a body without a prefix:
        full = org_name(text, kind.start())  # "Tổng công ty Hàng hải Việt Nam (VIMC)"
        if len(full.split()) > 2 and (m := re.compile(_SHORT_NAME).match(text, kind.start() + len(full))):
            out.setdefault(m["short"], full)
    for kind, of in _KIND_ALONE.items():
        if any(full.startswith(of) for full in known) or not re.search(
                r"(?:Đảng bộ|Đảng ủy|Đảng uỷ|Chi bộ) " + kind + r"(?![\wđ])(?! [A-ZĐ])", text):
            continue
        names = {org_name(text, m.start()) for p in of for q in (p, p.upper())  # also a heading in capitals
                 for m in re.finditer(re.escape(q) + r"(?=[A-ZĐ])", text)}
        names = {n for n in names if len(n.split()) > 2}
        if len(names) == 1:
            out[kind] = names.pop()
    return out


def full_name(name: str, short: dict[str, str], known: list[str]) -> str:
    """The full name of a short form: as given in brackets ("EVN"), also after the kind of body
    it is ("Bộ NN&MT" of "Bộ Nông nghiệp và Môi trường (NN&MT)"), else expand_name's."""
    if name in short:
        return short[name]
    kind, _, rest = name.partition(" ")
    full = short.get(rest)
    return full if full and full.startswith(kind + " ") else expand_name(name, known)


# How a body speaks of itself, and the kinds of body it stands for.
_THE_BODY_ITSELF = {"Nhà trường": ("Trường ", "Học viện ")}
_KIND_ALONE = _THE_BODY_ITSELF | {"Trường": ("Trường ",), "Học viện": ("Học viện ",), "Bệnh viện": ("Bệnh viện ",),
                                  "Tổng công ty": ("Tổng công ty ",), "Công ty": ("Công ty ",),
                                  "Tập đoàn": ("Tập đoàn ",)}


def expand_name(name: str, known: list[str]) -> str:
    """The full name a short form stands for ("Liên hiệp Hội" → "Liên hiệp các Hội Khoa học …",
    "Đảng bộ Tổng công ty" → "Tổng công ty Điện lực miền Bắc", "Đảng bộ Nhà trường" → "Trường Sĩ quan
    Lục quân 1")."""
    if name in _THE_BODY_ITSELF:  # "Đảng bộ Nhà trường": the school the document named
        return next((full for full in known if full.startswith(_THE_BODY_ITSELF[name])), name)
    words = name.split()
    for full in known:  # longest first
        fw = full.split()
        if len(fw) <= len(words) or fw[0] != words[0]:
            continue
        it = iter(fw)
        if all(w in it for w in words):
            return full
    return name

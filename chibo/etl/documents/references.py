"""Bare references and names completed from the document: "toàn Đảng bộ tỉnh", "Chi bộ", "Đảng ủy
Khối" stand for the last organisation or province of that level named before; "Đảng bộ Ủy ban nhân dân
tỉnh" after a province was named is that province's committee; a congress named by its number alone
("1. Đại hội I (3/1935): …") is the body named before it, else the Party's."""
from __future__ import annotations

import re

from .names import Mention
from .scope import Scope
from .vocabulary import fold


def resolve_bare(mention: Mention, history: list[Mention]) -> Scope | None:
    """The scope a bare reference stands for: the last one of its level named before."""
    if mention.level == "đại hội":  # "1. Đại hội I (3/1935): …": the body named before, else the Party
        return next((e.scope for e in reversed(history) if e.scope is not None and not e.qualifier),
                    Scope("Đại hội", "country", "VN"))
    for earlier in reversed(history):
        scope = earlier.scope
        if scope is None or earlier.level == "dateline":  # where the page was written: only of_province_named's
            continue
        if mention.level == "thành phố" and scope.kind == "province" and fold(
                scope.text).startswith(("thanh pho", "tp")):
            return scope  # "toàn Đảng bộ Thành phố" after "Thành phố Hồ Chí Minh"
        if mention.level == "tỉnh":
            if scope.kind == "province" and scope.value:
                return scope
            if scope.province_code:
                return Scope(scope.text, "province", scope.province_code,
                             province_code=scope.province_code)
            continue
        if mention.level:
            if scope.kind == "organisation" and fold(scope.value).startswith(fold(mention.level)):
                return scope
            continue
        if mention.party == "Chi bộ" and earlier.party == "Chi bộ" and not earlier.qualifier:
            return scope
        if mention.party == "Đảng bộ" and earlier.party == "Đảng bộ" and not earlier.qualifier:
            return scope
    return None


_LEVEL_ALONE_RE = re.compile(r" (?P<level>tỉnh|thành phố)(?![\wđ])(?! [A-ZĐ])")
_PROVINCE_IN_RE = re.compile(r"[A-ZĐ]\w*(?:(?: | - )[A-ZĐ]\w*)*$")  # "… tỉnh Nghệ An"


def of_province_named(name: str, sentence: str, end: int, history: list[Mention]) -> str:
    """"Đảng bộ Ủy ban nhân dân tỉnh có 212 …" after "Nghệ An" was named (also in the page's dateline, "Bắc
    Giang, 11/9/2023" before "Đảng bộ Cục Thuế tỉnh"): the committee of that province ("Ủy ban nhân dân tỉnh
    Nghệ An"); the name as it is when no province was named."""
    level = None if re.search(r"(?:tỉnh|thành phố) [A-ZĐ]", name) else _LEVEL_ALONE_RE.match(
        sentence, end)  # not "Công an tỉnh Thanh Hóa" again
    named = next((m.scope for m in reversed(history) if m.scope is not None
                  and m.scope.province_code), None) if level else None
    place = _PROVINCE_IN_RE.search(named.text) if named else None
    return f"{name} {level['level']} {place.group(0)}" if place else name

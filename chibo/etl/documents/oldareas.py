"""An old province's area inside the province it merged into (July 2025): on a page after the
merger, a count of the merged province then one of "tỉnh Hòa Bình cũ" ("Trong đó, các đảng bộ xã,
phường trên địa bàn tỉnh Hòa Bình cũ kết nạp 368 đảng viên", "riêng khu vực tỉnh Đắk Nông cũ …")
counts a part of the first, never a total of its own (issue 14). The part takes the merged
province as its place and no dimension: the old province is an area, not a selection the
warehouse counts, and its communes and wards ("các xã, phường thuộc tỉnh … cũ") are all of it,
not the commune sector (corpus README, held-out set 19). Without "cũ" the old name is a place of
its own (a count of another day, or another province), so it stays a total.
"""
from __future__ import annotations

import re

from .scope import merged_on, widened

_OLD_RE = re.compile(r"(?<![\wđ])cũ(?![\wđ])", re.IGNORECASE)


def old_area(whole: dict, part: dict) -> bool:
    """Whether part counts an old province (named "… cũ" before it in its sentence) that merged
    into whole's province."""
    place, of_whole = widened(part.get("_scope")), widened(whole.get("_scope"))
    if place is None or of_whole is None or place.kind != "province" or of_whole.kind != "province" \
            or place.value == of_whole.value or not whole.get("as_of"):
        return False
    sentence = part.get("sentence") or ""
    if not _OLD_RE.search(sentence, 0, part["span_start"]):
        return False
    merged = merged_on(place, whole["as_of"])
    return merged is not None and merged.value == of_whole.value


def as_old_areas(figs: list[dict]) -> list[dict]:
    """Give each part of an old area its whole's place and no dimension (module docstring)."""
    for f in figs:
        whole = f.get("_parent")
        if whole is not None and old_area(whole, f):
            f["_scope"], f["dimension"], f["dimension_value"] = whole["_scope"], None, None
            f["metric"] = whole["metric"]
    return figs

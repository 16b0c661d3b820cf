"""Subsets of a total stated earlier in the passage: a count of organisations or members
restricted by a kind, a place or a sector is a part of the total of the same thing the passage
stated before it, never a second total (issue 14: no subset reported as a total).

| restricted by | written before the count, in its clause | e.g. |
|---|---|---|
| singling out | "riêng", "trong đó", "trong số này", "nổi bật là" | "Riêng các nông trường giáp biên có 5 chi bộ" |
| a kind of unit | "các / những / ở các <kind, lower case>" | "các xã biên giới có 38 chi bộ", "ở những đơn vị sản xuất" |
| a kind of place | "(ở / tại / trong / thuộc) (các) khu vực, vùng, địa bàn …", or places counted ("44 xã biên giới") | "ở khu vực biên giới có 12 chi bộ", "Vùng biên giới có 312 …" |
| a sector | a sector phrase (scope.SECTORS), already the count's dimension | "lực lượng vũ trang 240 tổ chức cơ sở đảng" |

The whole is the nearest earlier total (no dimension, no whole of its own) of the same metric
(cells of any kind for cells) with the same place, the same date (when the count has one of its
own) and a larger value. A count that names a place of its own ("Đảng bộ xã A có 16 chi bộ")
has its own scope, so it is no subset: it stays a total; so does a count named as the whole
("toàn", "tổng số", "cả"). The part keeps the sector that selects it as its dimension; a kind or
a place the vocabulary does not name leaves it without one (corpus README: "các nông trường giáp
biên có 5 chi bộ" is a part of the company's cells without a dimension).
"""
from __future__ import annotations

import re

from .oldareas import old_area
from .parts import CELL_KINDS, can_hold
from .scope import sector_in, widened
from .vocabulary import PARTS

# What restricts the count (table above), in the clause before it.
_SINGLED_RE = re.compile(r"(?<![\wđ])(?:riêng|nổi bật là|trong đó|trong số (?:này|đó))(?![\wđ])", re.IGNORECASE)
# A plural or a place of a kind (lower case), not the organisation's own body ("các chi bộ"
# alone is every cell; "các chi bộ thôn" is a kind).
_KIND_RE = re.compile(
    r"(?<![\wđ])(?:(?:ở|tại|trong|thuộc)\s+)?(?:các|những|một số)\s+(?!(?:chi bộ|đảng bộ|tổ chức"
    r"(?: cơ sở)?(?: đảng)?|đảng viên|đồng chí|cấp ủy|đơn vị trực thuộc)(?:\s+(?:trực thuộc|cơ sở|"
    r"này|đó|đã|đều|có|với|hiện|đang|là)|\s*[,:;]|\s*$))(?-i:[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩị"
    r"òóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ])"
    r"|(?<![\wđ])\d[\d.]*\s+(?:xã|phường|thị trấn|thôn|bản|ấp|xóm|buôn|làng|tổ dân phố|khu phố|huyện|"
    r"đơn vị|đồn|trường|nông trường|lâm trường|công ty|doanh nghiệp|cơ quan)\s+(?-i:[a-zđ])"  # "44 xã biên giới"
    r"|(?<![\wđ])(?<!bộ )(?<!ủy )(?<!uỷ )(?:(?:ở|tại|trong|thuộc)\s+)?(?:các\s+|những\s+)?(?:khu vực|vùng|địa bàn|tuyến|"
    r"khối)\s+"  # "Khối doanh nghiệp có 12 …" (not "Đảng bộ Khối các cơ quan …")
    r"(?-i:[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ])",
    re.IGNORECASE)
# A count named as the whole: no subset.
_WHOLE_WORD_RE = re.compile(r"(?<![\wđ])(?:toàn|tổng số|tổng cộng|cả|tất cả)(?![\wđ])", re.IGNORECASE)
# Cells by the kind of place they are in (parts.py's residential sector): "các chi bộ bản".
_VILLAGE_CELLS_RE = re.compile(r"(?<![\wđ])chi bộ (?:thôn|ấp|bản|xóm|buôn|khóm|làng|khu phố|khối phố|tổ dân "
                               r"phố|khu dân cư)(?![\wđ])(?!\s*(?-i:[A-ZĐ\d]))", re.IGNORECASE)
# Counts joined in one clause: "… có 11 tổ chức cơ sở đảng, 486 đảng viên".
_JOINED_RE = re.compile(r"\s*(?:,|với|và|gồm)\s*(?:có\s+)?", re.IGNORECASE)
_CELLS = frozenset({"cells_total"}) | frozenset(CELL_KINDS)


def _clause_before(sentence: str, f: dict, out: list[dict]) -> str:
    """The text from the last figure of the sentence (or a ";", or the start) to the count; a
    phrase closing that figure's clause is its own ("22 đảng viên thuộc các nông trường, 9 …")."""
    after = max([0] + [g["_noun_end"] for g in out if g["span_end"] <= f["span_start"]])
    start = max(after, sentence.rfind(";", 0, f["span_start"]) + 1)
    own = re.match(r"[^,;]+,", sentence[start:f["span_start"]]) if start == after > 0 else None
    return sentence[start + (own.end() if own else 0):f["span_start"]]


def restricted(sentence: str, f: dict, out: list[dict]) -> tuple[bool, tuple[str, str] | None]:
    """Whether a count without a dimension is restricted by a kind, a place or a sector named in
    its clause (table above), and that sector when the clause names one (code, phrase)."""
    clause = _clause_before(sentence, f, out)
    if _JOINED_RE.fullmatch(clause) and out and out[-1].get("_parent") and not out[-1]["dimension"]:
        clause = _clause_before(sentence, out[-1], out[:-1])  # "Ở các bản … có 11 tổ chức cơ sở
        # đảng, 486 đảng viên": the restriction of the count before
    village = _VILLAGE_CELLS_RE.search(clause)  # "Trong đó, các chi bộ bản kết nạp 97 đảng viên"
    sector = sector_in(clause) or (("residential", village.group(0)) if village else None)
    if _WHOLE_WORD_RE.search(clause) or not (sector or _SINGLED_RE.search(clause) or _KIND_RE.search(
            clause)):
        return False, None
    return True, sector


def _same_thing(whole: dict, part: dict) -> bool:
    if part["metric"] == "_part":  # named by its sector alone ("cơ quan hành chính chiếm 22,1%
        return can_hold(whole, part)  # (302)"): of the total that can hold it
    if part["metric"] in set().union(*PARTS.get(whole["metric"], ())):  # a kind of it: "Tại các
        return True  # đồn biên phòng có 12 chi bộ cơ sở" of the 27 base organisations
    if part["metric"] in _CELLS:
        return whole["metric"] in _CELLS and not (
            part["metric"] in CELL_KINDS and whole["metric"] == "cells_total")
    return whole["metric"] == part["metric"] and part["metric"] != "_same"


def _same_place(whole: dict, part: dict) -> bool:
    place, of_whole = widened(part["_scope"]), widened(whole["_scope"])
    return place is None or of_whole is not None and (place.kind, place.value) == (
        of_whole.kind, of_whole.value) or old_area(whole, part)  # "tỉnh Hòa Bình cũ": oldareas.py


def other_sector(w: dict, f: dict) -> bool:
    """A total of another sector is no whole of f's ("18.420 tổ chức … trong các đơn vị sự nghiệp
    công lập và 1.236 … trong các doanh nghiệp ngoài khu vực nhà nước": two totals, each its sector)."""
    sector = w["_scope"].sector if w["_scope"] is not None else None
    own = f["dimension_value"] if f["dimension"] == "sector" else (f["_scope"].sector if f["_scope"] else None)
    return sector is not None and sector != own


def subset_whole(f: dict, before: list[dict]) -> dict | None:
    """The total f is a subset of: the nearest before it of the same thing, place and date,
    larger than f (module docstring)."""
    if f["value"] is None or f["qualifier"] == "target":
        return None
    for w in reversed(before):
        if w["dimension"] or w.get("_parent") or not w["value"] or w["qualifier"] == "target" or \
                not _same_thing(w, f) or not _same_place(w, f) or other_sector(w, f):
            continue
        if f.get("_dated_here") and (f["as_of"], f["_first"]) != (w["as_of"], w["_first"]):
            return None  # the nearest such total counts another day or period
        return w if f["value"] < w["value"] else None
    return None


def restated_kind(sentence: str, figs: list[dict], before: list[dict]) -> list[dict]:
    """"… có 17 chi bộ trực thuộc …; trong 17 chi bộ có 4 chi bộ quân sự": cells restated as the
    whole of a breakdown ("trong (tổng) (số) N chi bộ") count what the earlier figure of that
    value did (its kind of cell): that figure said again, dropped in its own sentence, not a
    second total."""
    for f in list(figs):
        if f["metric"] != "cells_total" or f["dimension"] or not _INTRO_RE.search(
                sentence, 0, f["span_start"]):
            continue
        said = next((w for w in reversed(before + figs[:figs.index(f)]) if w["value"] == f["value"]
                     and w["metric"] in CELL_KINDS and not w["dimension"]), None)
        if said is not None:
            f["metric"] = said["metric"]
        if said is not None and any(said is g for g in figs):
            figs.remove(f)
    return figs


_INTRO_RE = re.compile(r"(?<![\wđ])trong (?:tổng )?(?:số\s*)?$", re.IGNORECASE)

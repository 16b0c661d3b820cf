"""A count narrowed after its noun is a part of the total its paragraph gave before it, never a
second total (issue 14: no part reported as a total). The guard runs over the document's figures
once they are linked, so it also catches what the sentence rules let through.

A figure still a total becomes a part when all of these hold:

| condition | e.g. |
|---|---|
| its noun is followed by a phrase that selects among those counted, or its label before it is ("Đảng viên là cựu chiến binh có 410 đồng chí", "số đảng viên cao tuổi là 17"; not its place or time: "của xã", "hiện nay"): "là …", "thuộc …", "ở / tại / trong …" (not a date, a number, a named place, the body itself), "đóng trên / tại / ở …", "làm việc / công tác / sinh sống …", a kind ("người …", "trẻ", "vùng …", "nông thôn") | "96 đảng viên là cán bộ, công chức", "29 tổ chức cơ sở đảng đóng trên địa bàn các khu công nghiệp", "8 chi bộ ở các ấp giáp biên giới" |
| nothing before it in its clause names it as a whole ("tổng số", "toàn", "tất cả", "cả") | |
| the nearest earlier total of its paragraph with the same metric and place counts the same day and period and more | "… hiện có 412 đảng viên, …; 96 đảng viên là …" |

Members counted right after admissions in one sentence, with nothing but "trong đó" or "có"
between ("kết nạp tổng cộng 37 đảng viên, trong đó có 12 đảng viên là chủ nhiệm …") are a part of
those admissions (a new stock is named otherwise: "nâng tổng số …", "Đảng bộ hiện có …").

A count opening its sentence (or each clause before it opening with a count) and narrowed so
("22 đảng viên mới thuộc các nông trường, 9 đảng viên mới thuộc khối văn phòng") is read without a
verb (figures.py) and kept only as such a part: with no whole before it, it is dropped, never a
total. Cells of any kind are a part of cells of a kind ("27 chi bộ trực thuộc. … 8 chi bộ thuộc …").

A count with a place of its own ("Đảng bộ xã Tân Lập thuộc huyện có 310 đảng viên") has another
scope, one of another day or period ("Năm 2024, huyện kết nạp 138 đảng viên, là năm thứ năm …")
another dating: both stay totals. The part keeps no dimension (corpus README: "12 đảng viên là chủ
nhiệm, thành viên hợp tác xã" is a part with no dimension).
"""
import re

from .scope import widened

# After the noun: what selects among those counted.
_NARROWING_RE = re.compile(
    r"\s*(?:mới\s+)?(?:(?:hiện|đang)\s+)?(?:là|thuộc|ở|tại|trong|đóng\s+(?:trên|tại|ở)|(?:làm việc|"
    r"công tác|sinh sống|cư trú)(?:\s+(?:ở|tại|trong|thuộc))?|"
    r"(?=(?:người|trẻ|vùng|miền|nông thôn|đô thị)\s))\s*(?!\d)(?!(?-i:[A-ZĐ]))"
    r"(?!(?:\S+\s+)?(?:năm|tháng|quý|nhiệm kỳ|giai đoạn|dịp|đợt|thời gian|thời điểm)(?![\wđ]))"
    r"(?!(?:tổng số|toàn|cả|tất cả|một|mức|con số|số|đảng bộ|chi bộ|đơn vị|tổ chức|địa phương|lần)"
    r"(?![\wđ]))", re.IGNORECASE)
# Before it, its label narrowed ("Đảng viên là cựu chiến binh có 410 đồng chí", "số đảng viên cao tuổi
# là 17"): the noun, then words that are not its place, its time nor a verb of the whole, then "là / có".
_NARROWED_LABEL_RE = re.compile(
    r"(?:^|[;:.]\s*)(?:trong đó,?\s*)?(?:tổng\s+)?(?:số\s+(?:lượng\s+)?)?(?:đảng viên(?:\s+mới)?|"
    r"chi bộ|tổ chức cơ sở đảng)\s+(?!(?:của|toàn|cả|hiện|đến|tính|năm|trong năm|tại|đang|sinh hoạt|được|"
    r"kết nạp|tăng|giảm|nâng|lên|chính thức|dự bị|nữ)(?![\wđ]))(?!\S+\s+(?-i:[A-ZĐ]))"
    r"[^;:()\d]{2,60}?\s+(?:là|có)\s*$", re.IGNORECASE)
_WHOLE_WORD_RE = re.compile(r"(?<![\wđ])(?:toàn|tổng số|tổng cộng|cả|tất cả)(?![\wđ])", re.IGNORECASE)
# Between admissions and members counted as their part: nothing that names a new stock.
_OF_ADMISSIONS_RE = re.compile(r"[\s,;]*(?:(?:trong đó|trong số đó|trong số này)[\s,]*)?(?:có\s+)?",
                               re.IGNORECASE)
# Before a count read without a verb: nothing, or clauses that each open with a count.
_OPENING_RE = re.compile(r"(?:\s*\d[\d.,]*\s[^,;]*[,;])*\s*")
_OPENS_COUNT_RE = re.compile(r"(?:(?:hơn|gần|trên|khoảng|ngót|xấp xỉ|chừng|tròn)\s+)?\d", re.IGNORECASE)
_CELL_KINDS = ("sub_cells", "base_cells")
_METRICS = frozenset({"members_total", "new_admissions", "base_orgs_total", "base_party_committees",
                      "cells_total", "base_cells", "sub_cells", "sub_committees"})


def opening_part(sentence: str, start: int, noun_end: int) -> bool:
    """A count opening its sentence and narrowed after its noun (module docstring)."""
    return bool(_OPENS_COUNT_RE.match(sentence, start) and  # not "Hai đảng viên mới …", a restatement
                _OPENING_RE.fullmatch(sentence, 0, start) and _NARROWING_RE.match(sentence, noun_end))


def _candidate(f: dict) -> bool:
    """A total of a counted metric, narrowed after its noun, not named as a whole before it."""
    if f["dimension"] or f.get("_parent") or f["value"] is None or f["qualifier"] == "target" or \
            f["metric"] not in _METRICS:
        return False
    sentence = f["sentence"]
    if not (_NARROWING_RE.match(sentence, f["_noun_end"])
            or _NARROWED_LABEL_RE.search(sentence, 0, f["span_start"])):
        return False
    clause_start = max(sentence.rfind(c, 0, f["span_start"]) for c in ",;:(") + 1
    return not _WHOLE_WORD_RE.search(sentence, clause_start, f["span_start"])


def _same_place(whole: dict, part: dict) -> bool:
    a, b = widened(whole["_scope"]), widened(part["_scope"])
    return a is None or b is None or (a.kind, a.value) == (b.kind, b.value)


def _of_admissions(whole: dict, f: dict) -> bool:
    """Members counted right after admissions in their sentence (module docstring)."""
    return f["metric"] == "members_total" and whole["metric"] == "new_admissions" and \
        whole["sentence"] == f["sentence"] and whole["span_end"] <= f["span_start"] and bool(
            _OF_ADMISSIONS_RE.fullmatch(f["sentence"], whole["_noun_end"], f["span_start"]))


def _whole(f: dict, before: list[dict]) -> dict | None:
    """The nearest earlier total of the paragraph of f's metric and place, if it is larger and
    counts f's day and period."""
    for w in reversed(before):
        if w.get("_block") != f.get("_block"):
            return None
        if w["dimension"] or w.get("_parent") or not w["value"] or w["qualifier"] == "target" or \
                not _same_place(w, f):
            continue
        if _of_admissions(w, f):
            return w if w["value"] > f["value"] else None
        if w["metric"] != f["metric"] and not (f["metric"] == "cells_total" and w["metric"] in _CELL_KINDS):
            continue
        if (w["as_of"], w["_first"]) != (f["as_of"], f["_first"]) or w["value"] <= f["value"]:
            return None
        return w
    return None


def narrowed_parts(figures: list[dict]) -> None:
    """Make each narrowed count a part of its paragraph's total; drop a count read only as such a
    part that has none (module docstring)."""
    orphans = []
    for k, f in enumerate(figures):
        whole = _whole(f, figures[:k]) if _candidate(f) else None
        if whole is not None:
            f["_parent"], f["metric"] = whole, whole["metric"]
            f.update({key: whole[key] for key in ("as_of", "as_of_source", "year", "_first")})
        elif _candidate(f) and not f.get("_headline") and opening_part(f["sentence"], f["span_start"], f[
                "_noun_end"]) and not any(g.get("_parent") is f for g in figures):  # a headline's is its own
            orphans.append(f)
    figures[:] = [f for f in figures if not any(f is o for o in orphans)]

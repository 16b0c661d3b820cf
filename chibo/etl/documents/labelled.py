"""A smaller count described by a label, after a total of the same thing, is a part of that total,
never a second total (issue 14: a part shown as a total is the one error a reader cannot undo).
The guard runs over the document's figures once they are linked (after narrowed.py), so it also
catches what the sentence rules let through.

A figure still a total becomes a part of a total of its paragraph when all of these hold:

| condition | e.g. |
|---|---|
| the total counts the same metric, place, day and period, and more | "… có 9.842 đảng viên, …" |
| the count carries a share ("chiếm 19,9%", "(12,6%)", a table's "14,2%" column), or a label of its own before it in its clause: the noun with words that describe it ("Đảng viên trẻ (dưới 35 tuổi) có", "đảng viên cao tuổi (từ 61 tuổi trở lên)"), a bracket, "là …", "theo …", a label line ending in ":" | "là phật tử 21 đồng chí", "Số đảng viên là cựu quân nhân: 146 đồng chí" |
| or it is a row of a table whose total row ("Tổng số", "Tổng cộng", "Cộng") is the whole | "18 - 30	412	14,2%" under "Tổng cộng	2.902" |
| it is not the total restated ("vượt mốc 100 nghìn" after 100.326), its clause does not name it as a whole ("tổng số", "toàn", "tất cả", "cả"), nor a body or place of its own ("Đảng bộ thị trấn Yên Lạc", "xã Tân Lập"), nor a time ("năm 2010", "6 tháng", "đến …"; not "30 năm tuổi Đảng") | |

A count the sentence rules made a part of such a count, as the next item of its list after ";"
("Số đảng viên là cựu quân nhân: 146 đồng chí; là giáo viên: 23 đồng chí"), is its sibling: a
part of the same total.

A part right after another part of the same dimension, after "trong đó", is a part of it ("498
đồng chí có trình độ đại học trở lên, trong đó thạc sĩ trở lên 371 đồng chí": of the 498).

A part of people the guards before left with no dimension ("đảng viên là người đồng bào dân tộc
thiểu số tại chỗ (Ê Đê, M'nông) có 1.133 đồng chí", narrowed.py) takes the one its label names.

The part takes the dimension its label names (an age band, a religion, a level …) when the
vocabulary knows it (parts.py), else none (published with no dimension, as the corpus reads a
group no dimension names), and the share quoted beside it. When in doubt between total and part
for a smaller count of the same thing after a total, part: a part shown as a total is the
forbidden error, a total shown as a part only loses a row.
"""
import re

from .parts import dimension_at, part_metric, share_in
from .scope import widened
from .vocabulary import within_tolerance

_METRICS = frozenset({"members_total", "new_admissions", "base_orgs_total", "cells_total",
                      "base_cells", "sub_cells"})
_PEOPLE = ("members_total", "new_admissions")
_WORD_START_RE = re.compile(r"(?<![\wđ])[\wđ]", re.IGNORECASE)
# Words that make a clause name a whole, a body or place of its own, or a time of its own.
_NOT_PART_RE = re.compile(
    r"(?<![\wđ])(?:toàn|tổng số|tổng cộng|tổng|cộng|tất cả|cả|đảng bộ|chi bộ|đảng ủy|"
    r"(?:xã|phường|huyện|tỉnh|quận|thị trấn|thị xã|thành phố|thôn|ấp|bản|khu phố)\s+(?-i:[A-ZĐ\d])|"
    r"năm\s+\d{4}|(?:trong|cuối|đầu|giữa|cả) năm|năm (?:nay|qua|trước|sau)|(?:\d+\s+)?tháng(?:\s+\d)?|quý|"
    r"đến|tính đến|"
    r"nhiệm kỳ|giai đoạn|hiện|hiện nay|nay|kết nạp|nâng|tăng|giảm|"
    r"(?<!trở )lên)(?![\wđ])",
    re.IGNORECASE)
# A label that describes the count: the counted noun with words after it, a bracket, "là …",
# "theo …", or a label line ending in ":".
_NOUN = r"(?:số\s+)?(?:đảng viên(?:\s+mới)?|chi bộ|tổ chức cơ sở đảng)"
_DESCRIBED_RE = re.compile(
    r"\(|(?:^|\s)(?:là|theo)\s+\S|:\s*$|^\s*" + _NOUN + r"\s+(?!(?:có|là)\s*$)[^\d]{2,}$", re.IGNORECASE)
_LEAD_RE = re.compile(r"\s*(?:trong đó|trong số đó|còn lại|riêng)?[\s,:]*", re.IGNORECASE)
_TABLE_ROW_RE = re.compile(r"^(?P<label>[^,]+), [^,:]+: $")
_TABLE_SHARE_RE = re.compile(r",\s*(?P<pct>\d{1,2}(?:,\d+)?|100)\s*%")
# Between two counts of one list: the next item after ";", not a breakdown of the first ("trong đó").
_SIBLING_RE = re.compile(r"[^;]*;(?:(?!trong đó|trong số)[^;])*", re.IGNORECASE)
# Between a part and a part of it: its noun and words, then "trong đó (có)".
_NESTED_RE = re.compile(r"[^;.]{0,60}?[,;]\s*(?:trong đó|trong số (?:đó|này)|(?P<alone>riêng))(?![\wđ])[^;.,\d]{0,40}"
                        r"|[^;.()]{0,60}?\(\s*(?:(?:trong đó|trong số đó|có)\s+)?",  # "… 49 là sinh viên (có 15 …)"
                        re.IGNORECASE)  # "riêng" singles out of the part only what its dimension names again
_TOTAL_ROW_RE = re.compile(r"(?<![\wđ])(?:tổng số|tổng cộng|tổng|cộng|toàn)(?![\wđ])", re.IGNORECASE)


def _clause(f: dict) -> str:
    """The text of f's clause before its number: from the last "," or ";" outside brackets."""
    text, depth = f["sentence"][:f["span_start"]], 0
    for k in range(len(text) - 1, -1, -1):
        c = text[k]
        depth += c == ")"
        depth -= c == "("
        if c in ",;" and depth <= 0:
            return text[k + 1:]
    return text


def _table_label(f: dict) -> str | None:
    m = _TABLE_ROW_RE.match(f["sentence"][:f["span_start"]])
    return m["label"] if m and f["sentence"][f["span_end"]:].strip(" ,%.0123456789") == "" else None


def _eligible(f: dict) -> bool:
    """A total of a counted metric (a headline may be the whole, not the part)."""
    return not (f["dimension"] or f.get("_parent") or f["value"] is None or f["qualifier"] == "target"
                or f["metric"] not in _METRICS)


def _same(w: dict, f: dict) -> bool:
    a, b = widened(w["_scope"]), widened(f["_scope"])
    return _eligible(w) and w["metric"] == f["metric"] and w["value"] > f["value"] and \
        (a is None or b is None or (a.kind, a.value) == (b.kind, b.value)) and \
        (w["as_of"], w["_first"]) == (f["as_of"], f["_first"]) and not (  # "vượt mốc 100 nghìn" of
            f["qualifier"] != "exact" and within_tolerance(f["value"], w["value"], f["qualifier"]))  # 100.326


def _share(f: dict, table: bool) -> float | None:
    post = f["sentence"][f["span_end"]:]
    if table:
        m = _TABLE_SHARE_RE.match(post)
        return round(float(m["pct"].replace(",", ".")) / 100, 6) if m else None
    item = re.search(r";|,(?!\d)(?!\s*(?:chiếm|bằng|tỷ lệ|tỉ lệ))", post)
    return share_in(post[:item.start()] if item else post)


def _dimension(label: str) -> tuple[str, str] | None:
    """The first dimension phrase the label names ("trẻ (dưới 35 tuổi)": age 18_34)."""
    if "tuổi" in label.lower() and not label.rstrip().lower().endswith("tuổi"):
        label += " tuổi"  # a table's "Trên 60" under "Độ tuổi"
    for m in _WORD_START_RE.finditer(label):
        found = dimension_at(label, m.start())
        if found and found[0] != "sector":
            return found[0], found[1]
    return None


def _whole(f: dict, figures: list[dict], k: int, table: bool) -> dict | None:
    """The nearest earlier total of f's paragraph of the same thing; for a table row, the total
    row of its table (before or after it)."""
    block = [w for w in figures if w.get("_block") == f.get("_block") and w is not f]
    if table:
        rows = [w for w in block if (_table_label(w) or "") and _TOTAL_ROW_RE.search(_table_label(w))]
        return next((w for w in rows if _same(w, f)), None)
    for w in reversed(figures[:k]):
        if w.get("_block") != f.get("_block"):
            return None
        if _same(w, f):
            return w
    return None


def _family(f: dict) -> str:
    """Members and their parts are one family (a part of the women may be probationary)."""
    return "members" if f["metric"].startswith("members_") else f["metric"]


def labelled_parts(figures: list[dict]) -> None:
    """Make each smaller, described count after a total of the same thing a part of it
    (module docstring)."""
    for f in figures:  # a part of people the guards left unnamed: the dimension its label names
        if f.get("_parent") is not None and f["dimension"] in (None, "other") and f["metric"] in _PEOPLE and \
                _table_label(f) is None and (dim := _dimension(_clause(f))):
            f["dimension"], f["dimension_value"] = dim
            f["metric"] = part_metric(f["metric"], *dim)
            f["share"] = f["share"] if f["share"] is not None else _share(f, False)
    for g, f in zip(figures, figures[1:]):  # "498 … đại học trở lên, trong đó thạc sĩ trở lên 371",
        if f.get("_parent") is not None and g.get("_parent") is f["_parent"] and f["dimension"] and \
                g["dimension"] not in (None, "other", "sector", "activity") and _family(g) == _family(f) \
                and g["sentence"] == f["sentence"] and (nested := _NESTED_RE.fullmatch(  # "… dân tộc thiểu
                    f["sentence"], g["span_end"], f["span_start"])) and (g["value"] or 0) > (f["value"] or 0) \
                and not (nested["alone"] and g["dimension"] != f["dimension"]):  # số 874 đồng chí (84,4%),
            f["_parent"] = g  # trong đó có 96 đồng chí theo đạo Tin Lành", "…, riêng tiến sĩ 142": a part of a part
    for k, f in enumerate(figures):
        if not _eligible(f) or f.get("_headline"):
            continue
        label = _table_label(f)
        table = label is not None
        if table:
            if _TOTAL_ROW_RE.search(label):
                continue
        else:
            label = _clause(f)
            body = label[_LEAD_RE.match(label).end():]
            if _NOT_PART_RE.search(body):
                continue
            share = _share(f, False)
            if share is None and not (body.strip() and _DESCRIBED_RE.search(body)):
                continue
        whole = _whole(f, figures, k, table)
        if whole is None:
            continue
        dim = _dimension(label)
        f["_parent"] = whole
        f["dimension"], f["dimension_value"] = dim if dim else (None, None)
        f["metric"] = part_metric(whole["metric"], f["dimension"], f["dimension_value"])
        if f["share"] is None:
            f["share"] = _share(f, table)
        for g in figures[k + 1:]:  # "…: 146 đồng chí; là giáo viên: 23": a sibling, not a part of it
            if g.get("_parent") is f and g["sentence"] == f["sentence"] and _SIBLING_RE.fullmatch(
                    f["sentence"], f["span_end"], g["span_start"]):
                g["_parent"], g["metric"] = whole, part_metric(whole["metric"], g["dimension"], g[
                    "dimension_value"])

"""The figures of a document as rows (FIGURE_COLUMNS): numbered, each part pointing at its
whole's id, totals checked against their parts; and a headline that restates a body figure
("Sơn La: 5 năm kết nạp hơn 9 nghìn đảng viên") given the body figure's date and scope.
"""
from .labelled import labelled_parts
from .narrowed import narrowed_parts
from .parts import parts_ok
from .scope import Scope, merged_on, widened
from .sums import later_sums
from .vocabulary import within_tolerance

_FLOW = ("new_admissions",)
_NATIONAL = ("members_total", "new_admissions", "members_female", "members_official", "members_probationary")


def headline_from_body(figures: list[dict]) -> None:
    """A headline restates a figure of the body ("Sơn La: 5 năm kết nạp hơn 9 nghìn đảng viên"
    for "Từ năm 2020 đến năm 2024, … kết nạp 9.126 đảng viên"): without a date or a scope of its
    own it takes the body figure's (same metric, value within the headline's qualifier); a
    headline part ("Gần 1.500 đảng viên, hơn 180 đảng viên là sinh viên") restating a body part
    takes the body part's whole, not the headline's."""
    for f in (f for f in figures if f.get("_headline") and (  # a part of the headline's whole too
            not f["_parent"] or f["_parent"].get("_headline") and f["dimension"])):
        if f["as_of_source"] == "explicit" and f["_scope"] is not None and not f["_first"]:
            continue
        same = [b for b in figures if not b.get("_headline") and b["metric"] == f["metric"] and (
            b["value"] is not None and f["value"] and _restates(f, b)
            or f["value"] is None and b["value"] is None and b["share"] == f["share"])]
        body = next((b for b in same if (b["dimension"], b["dimension_value"]) == (
            f["dimension"], f["dimension_value"])), None)
        if body is None and f["dimension"] is None:  # "… kết nạp hai đảng viên mới" for "Lễ kết
            body = next((b for b in same if b["dimension"] and b["_parent"] is None), None)
            if body is not None:  # nạp hai công nhân ưu tú": the group the body names
                f.update(dimension=body["dimension"], dimension_value=body["dimension_value"])
        if body is None and f["metric"] in _FLOW and f["dimension"] is None:
            body = _two_periods(f, figures)  # "Hơn 1,8 triệu … trong hai nhiệm kỳ": their sum
        if body is None:
            continue
        if f["dimension"] and body["_parent"] is not None:  # a part restated: of the body's whole
            f["_parent"] = body["_parent"]
        if f["as_of_source"] != "explicit" or _within_year(f, body):
            f.update({k: body[k] for k in ("as_of", "as_of_source", "year", "_first")})
        if f["_scope"] is None:
            f["_scope"] = body["_scope"]


def later_wholes(figures: list[dict]) -> None:
    """"… 100% tổ chức cơ sở đảng trực thuộc kết nạp được đảng viên. Hiện Đảng bộ có 18 tổ chức cơ
    sở đảng": a share of organisations by activity with no whole before it is of the first total
    of its metric and scope in the next sentence."""
    for k, f in enumerate(figures):
        if f.pop("_whole_later", False):
            _sector_share_whole(f, figures[k + 1:])
            continue
        if f["dimension"] != "activity" or f["_parent"] or f["value"] is not None:
            continue
        later = next((w for w in figures[k + 1:] if w["sentence"] != f["sentence"]), None)
        if later is not None and later["metric"] == f["metric"] and not later["dimension"] and \
                later["_scope"] == f["_scope"] and later["value"]:
            f["_parent"] = later


def _sector_share_whole(f: dict, after: list[dict]) -> None:
    """"Khu vực doanh nghiệp ngoài nhà nước chiếm 8,5% tổng số tổ chức cơ sở đảng, tương ứng 173
    tổ chức. Đảng bộ thành phố hiện có 2.035 tổ chức cơ sở đảng": a sector's count with its share
    of a whole it names but does not count is a part of the first total of that metric and place
    in the next sentence; with none there, it only narrows its scope to the sector."""
    later = next((w for w in after if w["sentence"] != f["sentence"]), None)
    if later is not None and later["metric"] == f["_whole_metric"] and not later["dimension"] and \
            later["value"] and later["value"] >= f["value"] and _same_place(later, f):
        f["_parent"] = later
    else:
        f["dimension"] = f["dimension_value"] = f["share"] = None


def _same_place(whole: dict, part: dict) -> bool:
    """The part's place (its sector aside) is the whole's, or one of them names none."""
    a, b = widened(whole["_scope"]), widened(part["_scope"])
    return a is None or b is None or (a.kind, a.value) == (b.kind, b.value)


def _within_year(head: dict, body: dict) -> bool:
    """"… kết nạp 402 đảng viên trong năm 2024" over "Từ ngày 1/1 đến ngày 15/12/2024, … 402": the
    headline's year is the body's period, which ends earlier in it."""
    h, b = head["as_of"], body["as_of"]
    return bool(h and b and head["_first"] and head["_first"] == body["_first"]
                and b.year == h.year and b < h)


def _two_periods(head: dict, figures: list[dict]) -> dict | None:
    """A headline flow restating the sum of two body flows over adjacent periods (nhiệm kỳ XII
    2016 - 2020 and XIII 2021 - 2025): the two as one, from the first's start to the second's end."""
    flows = [b for b in figures if not b.get("_headline") and b["metric"] == head["metric"]
             and not b["dimension"] and not b["_parent"] and b["value"] and b["_first"] and b["as_of"]]
    for a, b in zip(flows, flows[1:]):
        if (b["_first"] - a["as_of"]).days == 1 and _restates(head, dict(b, value=a["value"] + b["value"])):
            return dict(b, _first=a["_first"], _parent=None)
    return None


def _restates(head: dict, body: dict) -> bool:
    """The headline's number restates the body's: within its qualifier's tolerance, or rounded
    to its leading digit ("Hơn 1.000 đảng viên mới" for 1.063, "gần 2.000" for 1.940)."""
    h, b, q = head["value"], body["value"], head["qualifier"]
    if within_tolerance(h, b, q) or (b, body["qualifier"]) == (h, q):
        return True
    unit = 10 ** (len(str(int(h))) - 1)
    if h % unit or unit < 100:
        return False
    return {"over": h < b < h + unit, "nearly": h - unit < b < h,
            "approx": abs(b - h) < unit / 2}.get(q, False)


def finish(doc_id: str, figures: list[dict], named: list = ()) -> list[dict]:
    """Number the figures, resolve part-of ids and part checks, drop private keys; a count narrowed
    after its noun is made a part of its paragraph's total first (narrowed.py). A figure the text
    gives no scope takes the one body the whole document names, if it names only one (named: its
    mentions), wherever it names it ("Đảng bộ thành phố có 1.100 …. … Đảng bộ thành phố Hải Phòng")."""
    bodies = {(m.scope.kind, m.scope.value): m.scope for m in named if m.party and not m.qualifier and m.scope is not None
              and m.scope.kind in ("organisation", "province")}
    alone = next(iter(bodies.values())) if len(bodies) == 1 else None
    narrowed_parts(figures)
    labelled_parts(figures)  # a smaller, described count after a total: a part (labelled.py)
    later_sums(figures)  # "31 … chính thức và 3 … dự bị, vị chi 34": parts of the sum after them
    for f in figures:  # "chiếm 316%" (a lost comma) is no share of anything
        f["share"] = f["share"] if f["share"] is None or f["share"] <= 1 else None
    figures[:] = [f for f in figures if f["value"] is not None or f["share"] is not None]
    for ordinal, f in enumerate(figures, start=1):
        f["ordinal"] = ordinal
        f["figure_id"] = f"{doc_id}-{ordinal:03d}"
    out = []
    national = {f["sentence"] for f in figures if f["_scope"] is None and f["metric"] in _NATIONAL
                and (f["value"] or 0) >= 1e6}  # and the unscoped shares beside them ("chiếm khoảng 16%")
    for f in figures:
        parts = [p for p in figures if p.get("_parent") is f]
        scope: Scope | None = (f["_scope"] or alone) if f["metric"] in _FLOW else merged_on(
            f["_scope"] or alone, f["as_of"])  # no old province's stock after July 2025 (its term's admissions keep it)
        if scope is None and f["sentence"] in national:
            scope = Scope("", "country", "VN")  # millions of members: only the whole Party counts so
        out.append({
            "figure_id": f["figure_id"], "doc_id": doc_id, "ordinal": f["ordinal"],
            "metric": f["metric"], "value": f["value"], "qualifier": f["qualifier"],
            "as_of": f["as_of"], "as_of_source": f["as_of_source"],
            "period_from": f["_first"] if f["metric"] in _FLOW else None,
            "scope_text": scope.text if scope else None,
            "scope_kind": scope.kind if scope else None,
            "scope_value": scope.value if scope else None,
            "sector": scope.sector if scope else None,
            "province_code": scope.province_code if scope else None,
            "org_text": scope.org_text if scope else None,
            "sentence": f["sentence"], "span_start": f["span_start"], "span_end": f["span_end"],
            "number_text": f["number_text"],
            "part_of_figure_id": (f.get("_parent") or {}).get("figure_id"),  # None: its whole was dropped
            "dimension": None if f["dimension"] == "other" else f["dimension"],  # unnamed: none
            "dimension_value": f["dimension_value"],
            "share": f["share"],
            "parts_sum_ok": parts_ok(f, parts) if f["value"] is not None else None,
            "year": f["year"],
        })
    return out

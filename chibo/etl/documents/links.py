"""Parts linked to the whole they belong to, across a document. A part (a figure with a
dimension: women, ethnic minorities, a sector, organisations that admitted members …) is never
a total; its whole is, in this order:

| where | when |
|---|---|
| after it | a part written as a ratio of its whole ("612/687") |
| earlier in its sentence | a total of its family before it, with a breakdown word between ("trong đó", "gồm", "chiếm", ":") or of its metric for a sector's count, except for parts of members, which follow their total; none needed after a whole introduced by "trong (tổng) số" |
| a part before it in its sentence | the same whole (a list of parts: "… nữ chiếm 33,3%; dân tộc thiểu số …"), unless the two state different days |
| the sentence before | when this one continues it ("Trong đó", "Trong số này", "Riêng", "Trong số đảng viên mới được kết nạp, …"), for parts of people, and for a sector's admissions |
| earlier in the document | a sentence singling out a sector ("Riêng ở khu vực …, có 63 tổ chức …"): the last total of that metric and place; a part that names its whole ("chiếm 86,2% tổng số đảng viên"), a share of the members named as members ("đảng viên có trình độ sau đại học chiếm 61,4%"), an activity of base organisations: the last total of that metric with the same scope |

Flows and stocks are not mixed: a part of admissions ("đảng viên được kết nạp", "kết nạp 2
đảng viên là đoàn viên") belongs to admissions only; a part named as members belongs to the
members unless the text links it to admissions explicitly. A part with no date of its own in
its sentence counts over its whole's period; organisations that did or did not admit members,
over the admissions reported before them. A part that gets no whole keeps its dimension (never a
total); a sector with no whole only narrows the scope. Of the sentence before, a whole of its day first.
"""
import re

from .groups import restated_group, said_of_all
from .oldareas import as_old_areas, old_area
from .parts import CELL_KINDS, CONTINUES_RE, can_hold, part_metric
from .scope import narrowed, sector_in, widened
from .subsets import other_sector, restated_kind, restricted, subset_whole
from .vocabulary import BREAKDOWN_RE, IN_WHICH_RE, ORGS, PARTS, fold, folded

# "trong tổng số 742 tổ chức cơ sở đảng …, loại hình xã … có 91 tổ chức": what follows is parts.
_INTRO_WHOLE_RE = re.compile(r"(?<![\wđ])trong (?:tổng )?(?:số\s*)?$", re.IGNORECASE)  # "trong 482 tổ chức …"
# A sentence opening with the whole it breaks down: "Trong số đảng viên mới được kết nạp, …".
_OPENS_WITH_WHOLE_RE = folded(r"\s*trong (?:tổng )?số (?:các |những )?(?P<noun>đảng viên (?:mới )?"
                              r"(?:được )?kết nạp|đảng viên mới|đảng viên|tổ chức cơ sở đảng)")
_LIST_OPEN_RE = re.compile(r"(?<![\wđ])(?:bao gồm|gồm có|gồm)(?![\wđ])|[:(]", re.IGNORECASE)
# "… 4.652 chi bộ; riêng chi bộ thôn, khối phố là 1.987 chi bộ": the count singled out is a part.
_SINGLED_OUT_RE = re.compile(r"(?<![\wđ])(?:riêng|nổi bật là|lần lượt)(?![\wđ])", re.IGNORECASE)
# A period between a count and the next: "… 887 …, trong đó năm 2024 là 463", "…; Đại hội XXII (2010) 4.986".
_SINGLE_PERIOD_RE = re.compile(r"(?<![\wđ])(?:năm \d{4}|quý [IV\d]+|tháng \d{1,2})(?![\wđ/])|\((?:tháng \d{1,2}/)?"
                               r"(?:19|20)\d\d\)", re.IGNORECASE)
_GROWTH_RE = re.compile(r"(?<![\wđ])(?:lên|xuống)(?![\wđ])", re.IGNORECASE)  # "từ A (năm X) lên B"
# A new stock named after admissions ("…, Đảng bộ Trường có 210 …"), not "trong đó, có".
_STOCK_CUE_RE = re.compile(r"(?<![\wđ])(?<!đó )(?<!đó, )(?:có|tổng số|nâng|đưa)(?![\wđ])",
                           re.IGNORECASE)
STOCK_PARTS = frozenset({"members_total", "members_female", "members_official",
                         "members_probationary"})
_CELLS_OF = {("cells_total", kind) for kind in CELL_KINDS}  # "chi bộ …" among the sub-cells
_DATING = ("as_of", "as_of_source", "year", "_first")
_HOLDING_RE = re.compile(r"[^,;.()]{1,40}\s(?:có|với)\s+", re.IGNORECASE)  # "… chi bộ thôn có "
_WHERE_RE = re.compile(r"\s*(?:(?:đang |hiện )?(?:làm việc|công tác|sinh sống|cư trú)\s+(?:ở|trong|tại|thuộc)\s+các\s|(?:ở|trong|tại|thuộc)\s)", re.IGNORECASE)
_MIXED_PLACES_RE = re.compile(_WHERE_RE.pattern + r"[^,;.()]{1,40}(?:,\s*(?!\s|(?:với|có|gồm|trong|chiếm|là|sinh hoạt|tổng)\s)|\s+và\s+)\D", re.IGNORECASE)  # "ở các A, B"
# A list item ("+ Xã, phường, thị trấn: 207 (chiếm 21,7%)"): its whole is its block's total.
ITEM_RE = re.compile(r"\s*(?:[-+•*–]|[a-eđ]\)|\d{1,2}[.)])\s")  # also "a) …", "1. …", "2) …"


def _fits(whole: dict, part: dict, explicit: bool, outside: bool = False) -> bool:
    """can_hold, with flows kept apart from stocks (module docstring); a part dated otherwise
    than the admissions before it is not of them ("Năm 2022, … kết nạp 218 …. Tính chung từ năm
    2015 đến hết năm 2022, … kết nạp 142 … Công giáo"; "… kết nạp 1.020 đảng viên mới; đến nay tỷ
    lệ đảng viên nữ chiếm 41,5%")."""
    if not can_hold(whole, part) or part.get("_own_stock") and whole["metric"] == "new_admissions" or (
            part["value"] or 0) > (whole["value"] or float("inf")):  # no part larger than its whole
        return False
    period = (part["as_of"], part["_first"])
    if (outside or part["metric"] in STOCK_PARTS) and whole["metric"] == "new_admissions" and \
            part.get("_dated_here") and period != (whole["as_of"], whole["_first"]):
        return False
    wants = part.get("_whole_metric")
    if wants and whole["metric"] != wants:
        return False
    if part["metric"] == "new_admissions":
        return whole["metric"] == "new_admissions"
    return explicit or not (part["metric"] in STOCK_PARTS and whole["metric"] == "new_admissions")


def _new_stock(sentence: str, whole: dict, part: dict) -> bool:
    """"Với 25 tân đảng viên, Đảng bộ Trường có 210 đảng viên là sinh viên": members counted
    after a new stock cue are no part of the admissions before it."""
    return part["metric"] in STOCK_PARTS and whole["metric"] == "new_admissions" and bool(
        _STOCK_CUE_RE.search(sentence, whole["span_end"], part["span_start"])) and not \
        _INTRO_WHOLE_RE.search(sentence, 0, whole["span_start"])  # "Trong số 2.158 …, có 1.617"


def _opening_whole(sentence: str) -> str | None:
    """The metric of the whole a sentence opens with ("Trong số đảng viên mới được kết nạp, …")."""
    m = _OPENS_WITH_WHOLE_RE.match(fold(sentence))
    if not m:
        return None
    noun = m["noun"]
    return "base_orgs_total" if noun.startswith("to chuc") else (
        "new_admissions" if "ket nap" in noun or "moi" in noun else "members_total")


def _same_scope(a: dict, b: dict) -> bool:
    sa, sb = a.get("_scope"), b.get("_scope")
    return sa is None or sb is None or (sa.kind, sa.value) == (sb.kind, sb.value) or old_area(a, b)


def _no_other_place(whole: dict, part: dict) -> bool:
    """A count singled out names no place other than its whole's (a sector alone is no place:
    "riêng các chi bộ khối phố có …", but not "riêng huyện Mường Lát kết nạp …")."""
    place, of_whole = widened(part["_scope"]), widened(whole["_scope"])
    return place is None or of_whole is not None and (place.kind, place.value) == (
        of_whole.kind, of_whole.value) or old_area(whole, part)


def sector_of(whole: dict, part: dict) -> bool:
    """A sector's count after a total of the same metric in the sentence is a part of it
    ("… 5.900 đảng viên; đảng viên làm việc trong doanh nghiệp tư nhân là 1.700 người"), unless
    that total is another sector's (subsets.other_sector)."""
    return part["dimension"] == "sector" and part["metric"] == whole["metric"] and not other_sector(whole, part)


def _whole(sentence: str, part: dict, earlier: list[dict], previous: list[dict],
           document: list[dict]) -> dict | None:
    """The whole a part belongs to."""
    loose = part["dimension"] not in (None, "sector", "activity")
    if part["metric"] == "_part":  # "56 tổ chức … (34 đảng bộ cơ sở, 22 chi bộ cơ sở), trong đó 24
        earlier = [w for w in earlier if w.get("_parent")] + [  # ở xã": a total first, not a part
            w for w in earlier if not w.get("_parent")]
    for whole in reversed(earlier):
        if _fits(whole, part, True) and not _new_stock(sentence, whole, part) and (
                loose or sector_of(whole, part) or part["dimension"] == "activity" or BREAKDOWN_RE.search(
                    sentence, whole["span_end"], part["span_start"]) or _INTRO_WHOLE_RE.search(
                    sentence, 0, whole["span_start"])):
            return whole
    for sibling in reversed(earlier):  # not of another stated day: another whole's part
        if sibling.get("_parent") and _fits(sibling["_parent"], part, True) and not (sibling["as_of"] != part[
                "as_of"] and sibling["as_of_source"] == part["as_of_source"] == "explicit"):
            return sibling["_parent"]
    opening = _opening_whole(sentence)
    explicit = bool(CONTINUES_RE.match(sentence) or opening)
    flow_sector = part["dimension"] == "sector" and part["metric"] == "new_admissions"
    if explicit or ((loose or flow_sector or ITEM_RE.match(sentence)) and previous):
        for whole in sorted(reversed(previous), key=lambda w: w["as_of"] != part["as_of"]):  # its day's first
            if (opening is None or whole["metric"] == opening) and _fits(whole, part, explicit,
                                                                          True) and not (
                    not explicit and not part.get("_dated_here") and (_singled_out(whole, previous) or (
                        whole.get("_parent") and not whole["dimension"]))):  # "Riêng các xã … có 604 …"
                return whole
        for sibling in reversed(previous):
            if sibling.get("_parent") and _fits(sibling["_parent"], part, explicit, True):
                return sibling["_parent"]
    if opening:  # "Trong số đảng viên mới, có 109 người …": the last such total, sentences before
        return next((w for w in reversed(document) if w["metric"] == opening and not w["dimension"]
                     and w["value"] and _fits(w, part, True, True)), None)
    if part.get("_whole_metric") or part["metric"] in STOCK_PARTS and part["value"] is None or \
            part["dimension"] == "activity":
        for whole in reversed(document):
            if _same_scope(whole, part) and _fits(whole, part, False, True):
                return whole
    return None


def _singled_out(whole: dict, others: list[dict]) -> bool:
    """A count singled out after another of its metric in its sentence ("Giai đoạn 2016 - 2020,
    … kết nạp 8.945 …; riêng năm 2020, … kết nạp 1.824"): narrower, so not the whole of a later
    part with no period of its own that does not continue it ("Tỷ lệ đảng viên mới là đoàn viên …
    đạt trên 85%"; but "Trong đó, …" does)."""
    return any(w is not whole and w["metric"] == whole["metric"] and w["sentence"] == whole[
        "sentence"] and w["span_end"] <= whole["span_start"] and any(rx.search(
        whole["sentence"], w["span_end"], whole["span_start"]) for rx in (_SINGLED_OUT_RE, _SINGLE_PERIOD_RE))
        for w in others)


def _sector_whole(sentence: str, f: dict, document: list[dict]) -> dict | None:
    """"Riêng ở khu vực doanh nghiệp ngoài nhà nước, … có 63 tổ chức cơ sở đảng": a sentence
    singling out a sector counts a part of the document's last total of that metric and place."""
    scope = f["_scope"]
    if not (CONTINUES_RE.match(sentence) and scope and scope.sector and scope.kind in (
            "province", "organisation")):
        return None
    return next((w for w in reversed(document) if w["metric"] == f["metric"] and not w["dimension"]
                 and w["value"] and w["_scope"] and w["_scope"].sector is None
                 and (w["_scope"].kind, w["_scope"].value) == (scope.kind, scope.value)), None)


def _same_metric_whole(sentence: str, f: dict, earlier: list[dict]) -> dict | None:
    """"… 42 đảng viên, trong đó 3 đồng chí …", "23 chi bộ (17 chi bộ khu phố, 6 …)": a second
    count of the same thing after "trong đó", "riêng", "gồm", ":" or "(" (not "từ A (năm X) lên
    B") is a part of the first (never larger), even when what selects it is not in the vocabulary; not when it
    counts another place ("riêng khối các cơ quan Trung ương có …") or another day or period
    ("khoảng 500 đảng viên khi thành lập (3/2/1930), đến năm 1965, … có 76 vạn", "Chín tháng
    qua … kết nạp 118 …, riêng quý III kết nạp 47 …")."""
    for whole in reversed(earlier):
        same = whole["metric"] == f["metric"] or (f["metric"], whole["metric"]) in _CELLS_OF
        if (same and not whole["dimension"] and whole["value"] and (f["value"] or 0) <= whole["value"]
                and _same_scope(whole, f) and not (f.get("_dated_here") and (f["as_of"], f["_first"]) != (
                    whole["as_of"], whole["_first"]))
                and (IN_WHICH_RE.search(sentence, whole["span_end"], f["span_start"])
                     or _SINGLED_OUT_RE.search(sentence, whole["span_end"], f["span_start"])
                     and _no_other_place(whole, f)
                     or _LIST_OPEN_RE.search(sentence, whole["span_end"], f["span_start"])
                     and not _GROWTH_RE.search(sentence, whole["span_end"], f["span_start"]))):
            return whole
    return None


def _dated_by_admissions(part: dict, whole: dict | None, before: list[dict]) -> None:
    """Organisations that did or did not admit members, undated in their sentence, count over
    the admissions the text reported before them (and so does the whole of a ratio "612/687")."""
    admissions = [a for a in before if a["metric"] == "new_admissions" and not a["dimension"]
                  and a["value"] and a["qualifier"] != "target"]
    if admissions:
        dating = {k: admissions[-1][k] for k in ("as_of", "as_of_source", "year")}
        part.update(dating)
        if whole is not None and not whole.get("_dated_here"):
            whole.update(dating)


def _members_of_part(sentence: str, f: dict, out: list[dict], before: list[dict]) -> dict | None:
    """"riêng 38 chi bộ thôn có 729 đảng viên": the members of organisations singled out as a
    sector's part are that sector's part of the members (the last members total before)."""
    orgs = out[-1] if out else None
    if not (orgs and orgs["dimension"] == "sector" and orgs.get("_parent") and orgs["metric"] in
            ORGS and f["metric"] == "members_total" and f["dimension"] is None and
            _HOLDING_RE.fullmatch(sentence, orgs["span_end"], f["span_start"])):
        return None
    return next((w for w in reversed(before) if w["metric"] == "members_total" and not
                 w["dimension"] and w["value"] and _same_scope(w, orgs["_parent"])), None)


def link(sentence: str, figs: list[dict], previous: list[dict], document: list[dict]
         ) -> list[dict]:
    """Link the sentence's parts to their wholes (module docstring); a part needing a whole
    that has none is dropped; a sector that is not a part of anything only narrows the scope.
    document: the figures of the document before this sentence."""
    if len(figs) < 2:  # "… kết nạp 2 quần chúng ưu tú. Hai đảng viên mới đều là người dân tộc Dao."
        said_of_all(sentence, previous, figs)
    figs = restated_kind(sentence, figs, document + previous)  # "…; trong 17 chi bộ có 4 chi bộ …"
    out = []
    for k, f in enumerate(figs):
        members = _members_of_part(sentence, f, out, document + previous + out)
        if members is not None:
            f["dimension"], f["dimension_value"] = "sector", out[-1]["dimension_value"]
        is_part = f["dimension"] is not None or any(f["metric"] in a | b for a, b in PARTS.values())
        whole = members or (figs[k + 1] if f["_whole_next"] and k + 1 < len(figs) else (
            _whole(sentence, f, out, previous, document) if is_part else None))
        if whole is None and f["dimension"] == "sector":  # "… 1.366 tổ chức cơ sở đảng. … lực
            whole = subset_whole(f, document + out)  # lượng vũ trang 240 tổ chức cơ sở đảng"
        elif whole is None and f["dimension"] is None and not _same_metric_whole(sentence, f, out):
            subset, sector = restricted(sentence, f, out)  # "Riêng các nông trường … có 5 chi bộ"
            whole = subset_whole(f, document + out) if subset else None
            if whole is not None and sector:  # "Riêng khu vực … kết nạp 318 đảng viên, chiếm 9,3%"
                f["dimension"], f["dimension_value"], f["share"] = "sector", sector[0], f["_post_share"]
        if whole is not None:
            f["_parent"] = whole
            if not any(whole is g for g in out) and not f.get("_dated_here"):
                f.update({k: whole[k] for k in _DATING})
            elif f["_first"] is None and f["as_of"] == whole["as_of"]:
                f["_first"] = whole["_first"]  # "Lễ kết nạp 12 …, trong đó 7 …": its ceremony's day
            if f["dimension"] == "activity" and not f.get("_dated_here"):
                _dated_by_admissions(f, whole if f["_whole_next"] else None,
                                     document + previous + out)
            if f["dimension"] == "sector":
                f["_scope"] = narrowed(f["_scope"], (f["dimension_value"], f["dimension_value"]))
            f["metric"] = part_metric(whole["metric"], f["dimension"], f["dimension_value"]) \
                if whole["metric"] in ("members_total", "new_admissions") and f["dimension"] \
                and f["metric"] in ("members_total", "members_female", "members_official",
                                    "members_probationary", "_part", "new_admissions") \
                else f["metric"]
            if f["metric"] == "cells_total" and whole["metric"] in CELL_KINDS or f["metric"] == "_part":
                f["metric"] = whole["metric"]  # a part named by its sector alone counts its whole's
        elif f["metric"] == "_part":
            sibling = next((g for g in reversed(out) if g["dimension"] and not g.get("_parent")), None)
            if sibling is None:
                continue
            f["metric"] = sibling["metric"]  # "nữ 210 đồng chí; dân tộc thiểu số 85 đồng chí"
        elif f["dimension"] == "activity" and not f.get("_dated_here"):
            _dated_by_admissions(f, None, document + previous + out)  # no whole: still their period
        elif f["dimension"] == "sector" and f["value"] is None:
            continue  # "100% chi bộ thôn, tổ dân phố có đảng viên": a share of nothing counted
        elif f["dimension"] == "sector" and f["_whole_metric"] and f["share"] is not None:
            f["_whole_later"] = True  # "… chiếm 8,5% tổng số tổ chức …, tương ứng 173 tổ chức": rows.py
        elif f["dimension"] == "sector":  # no whole stated: the scope's figure in that sector (README)
            if f["metric"] not in ORGS and f["value"] is not None and not (
                    f["_scope"] and f["_scope"].sector):  # "512 đảng viên là chủ doanh nghiệp tư nhân"
                f["_scope"] = narrowed(f["_scope"], sector_in(sentence[f["_noun_end"]:]))
            f["dimension"] = f["dimension_value"] = f["share"] = None
        elif f["dimension"] is None and (whole := _sector_whole(sentence, f, document)):
            f["_parent"], f["dimension"], f["dimension_value"] = whole, "sector", f["_scope"].sector
        elif f["dimension"] is None and f["qualifier"] != "target" and (
                whole := _same_metric_whole(sentence, f, out)):
            # a part we cannot name ("other"), unless a sector selects it ("trong đó, khu vực kinh tế tư nhân kết nạp 212")
            gap = sentence[whole["span_end"]:f["span_start"]]
            if any(g is not whole and whole["span_end"] <= g["span_start"] for g in out):
                gap = re.split(r",|\svà\s", gap)[-1]  # not a sibling's ("40 … xã, phường và 472")
            if _SINGLE_PERIOD_RE.search(gap):  # "887 … (2023 và 2024), trong đó năm 2024 là 463": a
                out.append(f)  # period singled out of a longer one is its own figure, no part
                continue
            sector = sector_in(gap)
            if not sector and (f["metric"] in ORGS or not IN_WHICH_RE.search(gap)) and (_MIXED_PLACES_RE if f["metric"] in ORGS else _WHERE_RE).match(sentence, f["_noun_end"]):
                continue  # "472 tổ chức … ở các cơ quan, đơn vị, …": mixed places ("12 chi bộ ở các nông trường": a part)
            f["_parent"], f["dimension"] = whole, "sector" if sector else (  # organisations of a
                None if f["metric"] in ORGS else "other")  # kind no sector names: a part, no dimension
            f["metric"], f["share"] = whole["metric"], f["_post_share"]
            if sector:
                f["dimension_value"] = sector[0]
                f["_scope"] = narrowed(f["_scope"], sector)
        out.append(f)
    return restated_group(sentence, as_old_areas(out))

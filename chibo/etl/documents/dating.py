"""How a figure is dated in its sentence and its document (periods.py's table and the README's
"As-of" rule): the time expression that is its own (right after its noun, else the nearest
before it, else one glossed or reckoned after it), the reference day relative expressions count
up to (a date before it in the sentence, the event the paragraph reports, a heading's date, the
review reported earlier, the congress held), and a restated figure's first dating.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import periods
from .figures import Candidate
from .frames import list_frame, stats_frame  # noqa: F401 (extract.py's)
from .occasions import said_at, so_far
from .periods import When, day_of
from .vocabulary import fold, folded

# Whether a figure's time expression (after its noun) applies to it: "10.405 đảng viên (tính đến
# hết tháng 9/2024)", "264 tổ chức cơ sở đảng (tính đến ngày 31/3/2024)", "3.116 đảng viên (số liệu
# ngày 30/6/2025)", "hơn ba triệu người hiện nay", "41 tổ chức cơ sở đảng trong năm …".
_ADJACENT_RE = re.compile(r"\s*\(?\s*(?:số liệu\s+|cập nhật\s+)?(?:tính\s+)?(?:(?:đến|tới)\s+)?(?:hết\s+|cuối\s+)?(?:ngày\s+)?$",
                          re.IGNORECASE)
# A time that labels the next count, not the one before it: "kết nạp 98 đảng viên (năm 2024: 81)".
_NEXT_LABEL_RE = re.compile(r"\s*(?::|là|có)?\s*")
# "khoảng 500 đảng viên khi thành lập (3/2/1930)": a day glossed a few words after the noun.
_GLOSS_RE = re.compile(r"[^,;.()]{0,25}\(\s*")
# "4 đảng viên mới được kết nạp tại buổi lễ sáng 2/9": the day of the ceremony named after the noun.
_AT_CEREMONY_RE = re.compile(r"[^,;.()]{0,20}?(?:kết nạp\s+)?(?:tại|trong)\s+(?:buổi\s+)?lễ(?:\s+kết nạp)?\s+", re.IGNORECASE)
_TO = r"tính\s+(?:đến|tới)\s+(?:hết\s+)?(?:thời điểm\s+)?(?:ngày\s+)?"
# "46.928 đảng viên của Đảng bộ tỉnh Hà Nam tính đến ngày 31/12/2023": the day it is reckoned to.
_RECKONED_RE = folded(r"[^,;.()]{0,60}?\s" + _TO)  # also "tinh den ngay"
# "Toàn huyện có 9.400 đảng viên sinh hoạt tại 212 chi bộ tính đến ngày 31/12/2023.": the day a
# sentence ends on reckons every figure of it without a time expression of its own.
_RECKONS_ALL_RE = folded(_TO + r"$")
# "Với 196 tổ chức cơ sở đảng, 538 chi bộ trực thuộc và 9.740 đảng viên (tính đến ngày 30/4/2024),
# …": a bracket after a list of figures reckons each of them, also a data note or a month ("… 34 chi
# bộ trực thuộc với 1.126 đảng viên (số liệu ngày 20/10/2025)", "… và 4.315 đảng viên (tháng 9/2025)").
_LIST_RECKONED_RE = folded(r"[^;()]{0,150}\(\s*(?:" + _TO + r"|số liệu\s+(?:ngày\s+)?)")
# before a day or a month alone; not one a part's clause dates ("23 đồng chí, trong đó từ sau Đại hội (tháng 8/2025)")
_LIST_DAY_RE = folded(r"(?:(?!, trong đó)[^;()]){0,150}\(\s*")


def in_year_of(w: When | None, found: list[When]) -> When | None:
    """A month, a quarter, the year's first months or the year's end without its year in a sentence
    that names a year before it ("Năm 2023, … riêng tháng 12 kết nạp 40", "…; đến cuối năm, … có"):
    of that year; the first months also of a quarter's or a month's ("Quý III/2025, … lũy kế 9
    tháng đạt 2.870", "Tháng 6/2024, … cộng dồn 6 tháng đạt 118")."""
    if w is None or w.kind not in ("month", "quarter", "year_end", "months") or w.y is not None:
        return w
    kinds = ("year", "year_end") + (("quarter", "month") if w.kind == "months" else ())
    years = [o.y for o in found if o.end <= w.start and o.y and o.kind in kinds]
    return replace(w, y=years[-1]) if years else w


# "tăng từ 3.486 đồng chí (năm 2020) lên 4.102 đồng chí": the bracketed year dates the first
# stock of a change only.
_OF_FIRST_STOCK_RE = re.compile(r"\s*\)\s*,?\s*(?:lên|xuống)\s", re.IGNORECASE)
# "chiếm 38,2% (tăng 2,1% so với năm 2020), …": the year of a change noted in brackets dates nothing after.
_CHANGE_NOTE_RE = re.compile(r"\((?:[^()]*\sso với\s|\s*(?:tăng|giảm)\s)[^()]*$", re.IGNORECASE)
_ITEM_LABEL_RE = re.compile(r"\s*(?:[-+•*–]|\d{1,2}[.)])\s[^:;]*$")  # "- Tổng số đảng viên đến "
_DATA_NOTE_RE = re.compile(r"\(\s*số liệu\s+(?:tính\s+)?(?:(?:đến|tới)\s+)?(?:hết\s+)?(?:ngày\s+)?$|^\s*Tính (?:đến|tới)\s+(?:hết\s+)?ngày\s+$", re.IGNORECASE)  # also a sentence's cut-off
# "…; tính đến 30/11/2025, toàn Đảng bộ có 1.986 …": a clause's cut-off before its counts is no event either
_CUT_OFF_CLAUSE_RE = re.compile(r"(?<![\wđ])tính (?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE)
_NOTED_RE = re.compile(r"\(\s*(?:số liệu|tính)\s+(?:(?:đến|tới)\s+)?(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE)
_FROM_STOCK_RE = re.compile(r"(?<![\wđ])(?:tăng|giảm)\s+từ\s+$", re.IGNORECASE)
_TO_STOCK_RE = re.compile(r"\s*(?:đảng viên|đồng chí|người)?\s*,?\s*(?:lên|xuống)\s", re.IGNORECASE)
_UP_TO_DAY_RE = re.compile(r"(?<![\wđ])(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE)
# "Sau khi sáp nhập xã Vinh Quang và xã Kroong vào (1/7/2025), Đảng bộ xã … hiện có …": the day of a change
# the clause glosses, not the day "hiện" is (the page's, as after "Sau hợp nhất,").
_SINCE_CHANGE_RE = re.compile(r"(?<![\wđ])(?:[Ss]au(?: khi)?|[Kk]ể từ khi|[Tt]ừ khi) [^,;.()]{3,80}\(\s*(?:ngày\s+)?$")
_THIS_POINT_RE = re.compile(r"\s*(?:đến|tới) (?:thời điểm|lúc) (?:này|đó|ấy|trên)(?![\wđ])", re.IGNORECASE)
# An estimate of the whole year after a count to a cut-off ("…; ước (tính, thực hiện) cả năm kết nạp 28"), on folded text.
_ESTIMATE_RE = re.compile(r"(?<!\w)(?:uoc|du kien)(?: tinh| thuc hien| dat)?\s+$")
# The year's plan named right before its count ("đạt 90,8% kế hoạch năm (2.400 …)", "chỉ tiêu cả năm là 30"), folded.
_YEAR_PLAN_RE = re.compile(r"(?<!\w)(?:ke hoach|chi tieu)(?: ca)? nam(?:\s+la|\s*:)?\s*\(?\s*$")
_OCCASION_DAY_RE = re.compile(r"(?<![\wđ])(?:dịp|chào mừng|hướng tới)(?![\wđ])[^.;()]{3,90}?\(ngày \d{1,2}/\d{1,2}$", re.IGNORECASE)
_SPAN_RE = re.compile(r"từ\s+(?:ngày\s+)?(?P<d0>\d{1,2})\s+(?:đến|tới)\s+(?:ngày\s+)?$", re.IGNORECASE)


def period_bound_or_gloss(text: str, w: When, found: list[When], session: date | None = None) -> bool:
    """No event the paragraph reports: a date ending a period ("từ đầu năm 2024 đến ngày 30/11"), a
    gloss ("khi thành lập (3/2/1930)"), a list item's label dating its own count ("- Tổng số đảng
    viên đến 30/11/2024: 1.472"), the end of a congress's span around the session reported
    ("Sáng 19/1, … khai mạc. Đại hội làm việc từ ngày 19 đến 23/1/2026")."""
    inside = any(o is not w and o.start <= w.start and w.end <= o.end for o in found)
    span, day = _SPAN_RE.search(text, 0, w.start), day_of(w)
    around = bool(span and session and day and date(day.year, day.month, min(
        int(span["d0"]), day.day)) <= session <= day)
    own_label = _ITEM_LABEL_RE.match(text[:w.start]) and text[w.end:].lstrip().startswith(":")
    noted = _DATA_NOTE_RE.search(text, 0, w.start) or _CUT_OFF_CLAUSE_RE.search(text, 0, w.start) and re.search(
        r"\d", text[w.end:])  # "(số liệu ngày 30/6/2025)": a count's day (a table's title "(tính đến …)" frames it)
    return inside or around or bool(own_label or noted) or text[max(0, w.start - 1):w.start] == "(" and \
        text[w.end:w.end + 1] == ")" and not _OCCASION_DAY_RE.search(text, 0, w.end)  # "dịp … (ngày 19/5)": held then


def _reckons_all(sentence: str, whens: list[When]) -> When | None:
    """The time expression a sentence ends on after "tính đến" (module docstring)."""
    last = whens[-1] if whens else None
    return last if last and not sentence[last.end:].strip(" .;)") and _RECKONS_ALL_RE.search(
        fold(sentence), 0, last.start) else None


def date_figure(sentence: str, c: Candidate, whens: list, nxt: int, ctx,
            restated: dict | None, event: date | None, headline: bool = False) -> dict:
    """as_of, as_of_source, year and period_from of a figure (periods.py's table); event: the day of the event the
    paragraph (or the congress the sentence speaks of) reports. A headline not dated in itself is no first mention
    a restatement could take (the body's is)."""
    pub = ctx.published
    event = event or said_at(sentence, whens, c.end)  # "“… hiện có 1.426 …”, … cho biết tại hội nghị ngày 15/1/2026"
    before = [w for w in whens if w.end <= c.start and not _OF_FIRST_STOCK_RE.match(sentence, w.end)
              and not (_CHANGE_NOTE_RE.search(sentence, 0, w.start) and ")" in sentence[w.end:c.start])]
    after = [w for w in whens if c.noun_end <= w.start < nxt and (
        (w.kind in ("year", "range", "month_range") or w.kind in ("month", "quarter", "months") and w.y)  # "… khi Cách
        # mạng Tháng Tám năm 1945", "kết nạp 26 đảng viên mới trong quý III/2025", "… trong 9 tháng đầu năm 2024"
        and not re.search(r"[,;]", sentence[c.noun_end:w.start])
        or _RECKONED_RE.fullmatch(fold(sentence), c.noun_end, w.start)
        or w.kind == "date" and (_GLOSS_RE.fullmatch(sentence, c.noun_end, w.start) or _AT_CEREMONY_RE.fullmatch(
            sentence, c.noun_end, w.start))
        or _ADJACENT_RE.fullmatch(sentence, c.noun_end, w.start)) and not (
        nxt < len(sentence) and _NEXT_LABEL_RE.fullmatch(sentence, w.end, nxt))]  # "98 … (năm 2024: 81)": the next's
    adjacent = [w for w in after if _ADJACENT_RE.fullmatch(sentence, c.noun_end, w.start) or w.kind == "date"
                and _AT_CEREMONY_RE.fullmatch(sentence, c.noun_end, w.start)
                or _RECKONED_RE.fullmatch(fold(sentence), c.noun_end, w.start)]
    years = [w for w in before if w.kind == "year"][-c.nth[1]:] if c.nth else []
    if c.nth and len(years) == c.nth[1]:  # "các năm 2023, 2024 và 2025 kết nạp lần lượt …"
        own = years[c.nth[0]]
    elif adjacent:
        own = adjacent[0]
    elif before:
        own = max(before, key=lambda x: (x.end, -x.start))
    else:
        own = after[0] if after else next((x for x in whens if x.start > c.end and (_LIST_RECKONED_RE.fullmatch(
            fold(sentence), c.noun_end, x.start) or x.kind in ("date", "month") and _LIST_DAY_RE.fullmatch(
            fold(sentence), c.noun_end, x.start))), None) or sentence_default(sentence, whens) or _reckons_all(
            sentence, whens)
    if own is not None and own.kind == "range" and own.y0 and _FROM_STOCK_RE.search(sentence, 0, c.start) and \
            _TO_STOCK_RE.match(sentence, c.noun_end):  # "Từ năm 1997 đến năm 2022, … tăng từ hơn 2 vạn lên …":
        own = replace(own, kind="year", y=own.y0)  # the first stock is of the range's first year
    if own is not None and own.kind == "school_ytd":  # "tổng kết năm học 2024 - 2025 (…): trong năm học, …"
        own = _school_year_so_far(own, whens, ctx.event or ctx.published)
    if own is None and c.qualifier == "target":  # a plan dated only by its own sentence
        return {"as_of": None, "as_of_source": "unknown", "year": None, "_first": None,
                "_dated_here": False}
    w = in_year_of(own, whens) or ctx.frame
    if own is None and w is not None and w.admissions_only and c.metric != "new_admissions":
        w = None  # a January report of the year before ("… tổng kết năm 2023", 09/01/2024): stocks at its day
    if own is not None and own.kind == "today" and not event and ctx.frame is not None and ctx.frame.start < 0:
        w = ctx.frame  # "(số liệu tính đến 30/4/2025)" over "Đến nay, …": the report's note's day
    if own is not None and own.kind == "ytd" and own.y is None and (upto := next((x for x in reversed(
            whens) if x.kind in ("months", "month") and (x.y or _THIS_POINT_RE.match(sentence, own.end))
            and x.m and x.end <= own.start), None)):  # "Tính đến cuối tháng 10 vừa qua, …; từ đầu năm đến thời điểm này"
        w = replace(upto, kind="months")  # "Tính đến hết quý III/2025, … kết nạp 29 đảng viên từ đầu năm":
        # to the quarter's end; "Trong tháng 11/2025, … nâng tổng số … kết nạp từ đầu năm lên 96": the month's
    if w is own and own is not None and own.y is None and own.kind in ("months", "month", "quarter", "year_end") and \
            ctx.frame is not None and ctx.frame.kind == "year":  # "Năm 2025, …. Trong 6 tháng đầu năm, …"
        w = replace(own, y=ctx.frame.y)  # of the year framing the paragraph
    if w is own and own is not None and own.kind == "span" and ctx.frame is not None and ctx.frame.kind == "year" \
            and pub and ctx.frame.y + own.n - 1 < pub.year:  # "Năm 2022, 2023 và 2024, … Tính chung 3 năm, …"
        w = periods.When("range", own.start, own.end, y=ctx.frame.y + own.n - 1, y0=ctx.frame.y, text=own.text)
    if own is None and w is ctx.frame and c.metric != "new_admissions" and any(
            f.get("_now") for f in ctx.block):  # "Hiện … có 28 …. Năm 2024, … kết nạp …. … có 612":
        w = None  # a year framing admissions in a paragraph of current stocks leaves its stocks current
    days = [periods.day_of(x) for x in before if x.kind == "date" and not any(  # not a bound
        o.kind != "date" and o.start <= x.start and x.end <= o.end for o in whens)  # of a range
        and not (w is not None and w.kind == "now" and pub and _SINCE_CHANGE_RE.search(sentence, 0, x.start))]
    reference = next((d for d in reversed(days) if d), None) or event or (
        periods.day_of(ctx.frame) if ctx.frame else None)  # "(tính đến ngày 31/12/2023)" heading
    if w is not None and w.kind == "now" and reference and pub and (pub - reference).days > 366:
        reference = None  # "… đến ngày 24-3-1975, …. Hiện nay, …": history, not the event reported
    if w is not None and w.kind == "now" and not days and not event and ctx.frame is not None and \
            ctx.frame.kind == "date" and pub and reference and reference < pub:
        reference = None  # "Tính đến ngày 31/12/2025, … có 3.905 …. Hiện …": a count's cut-off, not today
    if reference is None and w is not None and w.kind == "now" and ctx.reported and not ctx.frame:
        reference = ctx.reported  # "Ngày 15/4, Chi bộ … tổ chức Đại hội …." then "Chi bộ hiện có 14 …": that day
    if reference is None and w is not None and w.kind == "ytd" and w.y is None and \
            "nay" not in w.text:  # "Trong năm" at a review reported earlier: up to the review
        reference = ctx.last_event
    if reference is None and (pub is None or w is not None and ctx.congress_held and (
            w.kind == "range" or w.kind == "vague" and "nhiem ky" in fold(w.text))):
        # "Nhiệm kỳ qua", "Nhiệm kỳ 2022 - 2025" on a page that reports a congress held (or on
        # an undated page): the term ends at the congress, not at the page's day
        reference = ctx.congress_day
    if reference is None and w is not None and w.kind == "year_end" and w.y is None and (prior := next((
            f["as_of"] for f in reversed(ctx.block) if f["as_of"]), None)):  # "… đến ngày 31/12/2025, … kết nạp
        w = replace(w, y=prior.year)  # 38. Đến cuối năm, …": the year the paragraph's last dated figure counts
    whole_year = own is not None and own.kind == "ytd" and own.y is None and fold(own.text) == "ca nam" and (
        c.qualifier == "target" or _ESTIMATE_RE.search(fold(sentence), 0, own.start))  # a plan or an estimate
    if whole_year and (y := next((x.y for x in reversed(whens) if x.y and x.end <= own.start),
                                 None) or (reference or pub or date.min).year) > 1:
        w = replace(own, y=y)  # "…, phấn đấu (ước tính) cả năm kết nạp 120": the year's, to its 31/12
    elif c.qualifier == "target" and own is not None and own.y and _YEAR_PLAN_RE.search(fold(sentence), 0, c.start):
        w = replace(own, kind="year", y0=None)  # "… đạt 90,8% kế hoạch năm (2.400 đảng viên)": the plan of own's year
    source = "explicit"
    event = event or ctx.reported  # a stock after the paragraph of a congress held: its day
    if w is None and event:
        as_of, year, first = event, event.year, None
    elif w is None:
        if restated:
            return dict(restated)
        as_of, year, first = pub, pub.year if pub else None, None
        source = "publication" if pub else "unknown"
        prior = next((f for f in ctx.previous if f["as_of"] and f["as_of_source"] == "explicit"), None)
        noted = next((w for w in whens if w.kind == "date" and w.start > c.end and _NOTED_RE.search(
            sentence, 0, w.start)), None) if pub is None and c.metric != "new_admissions" else None
        if noted is not None:  # an undated page: "… có 31 chi bộ trực thuộc; tổng số 1.205 đảng viên (số liệu
            as_of, year, source = day_of(noted), noted.y, "explicit"  # ngày 30/9/2025)": its only day
        elif pub is None and prior is not None and c.metric != "new_admissions":  # "… có 186 tổ
            as_of, year, source = prior["as_of"], prior["year"], "explicit"  # chức (tháng 6/2025). Riêng … có …"
    else:
        as_of, year, first = periods.resolve(w, pub, reference, c.qualifier == "target")
        if c.qualifier == "target" and w.kind == "year_end" and as_of and "het" in fold(w.text):  # "phấn đấu đến
            first = date(as_of.year, 1, 1)  # hết năm kết nạp 120": the year's (a target "đến cuối năm" is of that day)
        if w.kind == "today" and first is None and as_of and c.metric == "new_admissions" and any(
                o.kind == "year" and o.y == as_of.year for o in before):  # "Chỉ tiêu năm 2025 …,
            first = date(as_of.year, 1, 1)  # đến nay đã kết nạp 24": since January of that year
        if w is own and w.kind == "date" and first is None and as_of and c.metric == "new_admissions" and \
                _UP_TO_DAY_RE.search(sentence, 0, w.start):  # "Tính đến 30/11/2024, … đã kết nạp 24":
            first = date(as_of.year, 1, 1)  # admitted from January to the cut-off day
        relative = w.kind in ("now", "today", "vague") or w.kind == "ytd" and w.y is None
        if relative and (reference is None or w.kind == "today"):  # "Từ đầu năm": to the page
            source = "publication" if as_of else "unknown"
            if restated and restated["as_of_source"] == "explicit":
                return dict(restated)
        said = next((d for d in reversed(days) if d), None) or event
        if said and pub and as_of == pub and said < pub and (pub - said).days <= 366 and so_far(w.text):
            as_of, year, first = said, said.year, first if w.kind == "since" else date(said.year, 1, 1)  # occasions.py
        if w.kind == "today" and as_of is None and reference:  # an undated page: "Tại buổi nói chuyện ngày
            as_of, year, source = reference, reference.year, "explicit"  # 19/5/2025, …: … đến nay …": that day
    if c.ceremony and as_of or first is None and admitted_on_the_day(sentence, c, whens, as_of):
        first = as_of
    source = source if as_of else "unknown"
    if first is None and restated and restated["as_of"] == as_of:  # "Với 12 đảng viên mới, …"
        first = restated["_first"]  # after the ceremony that admitted them: its period
    out = {"as_of": as_of, "as_of_source": source, "year": year, "_first": first,
           "_dated_here": own is not None, "_now": own is not None and own.kind == "now"}
    if not headline or own is not None:
        ctx.seen.setdefault((c.metric, c.value), out)
    return out


# Admitted at a ceremony on the day the sentence gives ("Sáng 18/11, Chi bộ … tổ chức kết nạp ba quần
# chúng vào Đảng", "Sáng nay, Chi bộ ấp … kết nạp 2 đồng chí vào Đảng!", "… vừa được kết nạp vào Đảng
# tại Lễ kết nạp … sáng nay"): the period is that day, as after "Lễ kết nạp".
_ADMITTED_RE = re.compile(r"(?:tổ chức|long trọng)\s+(?:lễ\s+)?kết nạp|lễ kết nạp|kết nạp\s+(?:tại|trong)\s+(?:buổi\s+)?lễ|(?P<into>kết nạp[^.;!?]{0,80}?vào Đảng)",
                          re.IGNORECASE)
# "Ngày 30/6, Đảng bộ tổng kết: đã kết nạp 1.200 quần chúng vào Đảng": a review's count, no ceremony.
_REVIEW_RE = re.compile(r"(?<![\wđ])(?:tổng kết|sơ kết|hội nghị|báo cáo|đại hội)(?![\wđ])", re.IGNORECASE)
_CUT_OFF_RE = re.compile(r"(?:đến|tới|hết|từ|trước|sau)\s+(?:ngày\s+)?$", re.IGNORECASE)


def admitted_on_the_day(sentence: str, c: Candidate, whens: list[When], as_of: date | None) -> bool:
    """Admissions dated by a day of the sentence that is no bound ("Tính đến ngày 30/9, … kết nạp
    … vào Đảng" is a cut-off) at a ceremony said in other words than "Lễ kết nạp" (see above)."""
    cue = _ADMITTED_RE.search(sentence)
    return bool(c.metric == "new_admissions" and as_of and cue and not (cue["into"] and _REVIEW_RE.search(sentence)) and any(
        w.kind == "date" and day_of(w) == as_of and not _CUT_OFF_RE.search(sentence, 0, w.start)
        and not any(o is not w and o.start <= w.start and w.end <= o.end for o in whens) for w in whens))


def _school_year_so_far(own: When, whens: list[When], day: date | None) -> When | None:
    """"trong năm học", "năm học qua": from 1 September of the school year named before in the sentence
    (else of the day's) to the day reported, or to the school year's 31 August when it is over."""
    named = next((w for w in reversed(whens) if w.kind == "school_year" and w.end <= own.start), None)
    days = [d for w in whens if w.kind == "date" and (d := day_of(w))]
    day = days[-1] if days else day
    y0 = named.y0 if named else day and day.year - (day.month < 9)
    if y0 is None:
        return None
    end = min(day or date(y0 + 1, 8, 31), date(y0 + 1, 8, 31))
    return When("day_range", own.start, own.end, end.year, end.month, end.day, y0, own.text, m0=9, d0=1)


def crossed_dating(c, before: list[dict], seen: dict) -> dict | None:
    """"Đến hết tháng 10/2024, … có 100.326 đảng viên. … số đảng viên của tỉnh vượt mốc 100
    nghìn": a mark crossed is dated by the stock counted before it that crossed it."""
    if not c.value or not fold(c.text).startswith("vuot"):
        return None
    return next((seen.get((c.metric, p["value"])) for p in reversed(before)
                 if p["metric"] == c.metric and (p["value"] or 0) > c.value), None)


def sentence_default(text: str, found: list[When]) -> When | None:
    """A date the whole sentence is given in ("… (số liệu năm 2021)")."""
    for m in periods.SENTENCE_DATE_RE.finditer(text):
        later = [w for w in found if w.start >= m.start() and w.start - m.end() < 5]
        if later:
            return later[0]
    return None

"""Document → published figures: for each sentence its candidate figures (figures.py), dated
(periods.py), scoped (names.py, scope.py) and linked part → whole (parts.py); the document's
context carries across sentences: the organisations and provinces named so far (for "toàn Đảng
bộ tỉnh", "Chi bộ"), the date of the event a paragraph reports, a year that frames a paragraph.
"""
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import periods
from .clean import repair
from .dates import find_publication_date
from .figures import Candidate
from .links import link
from .names import BARE_RE, Mention, find_mentions, resolve_bare
from .rows import finish, headline_from_body
from .scope import (
    Scope,
    attached_sector,
    expand_name,
    known_organisations,
    merged_on,
    narrowed,
    province_on,
    sector_in,
    widened,
)
from .sentences import blocks, sentences, title
from .shares import sentence_candidates

_ATTACH_RE = re.compile(r"(?:của|trong|thuộc|tại|ở)\s+(?:toàn\s+|cả\s+)?$", re.IGNORECASE)
_SUBJECT_RE = re.compile(r"\s+\w")  # a place named later is a scope when a verb follows it
_ITEM_RE = re.compile(r"\s*[-+•*–]\s")
_CONGRESS_RE = re.compile(r"(?<![\wđ])(?:[Đđ]ại hội|đại biểu)(?![\wđ])")
_NATIONAL_CONGRESS_RE = re.compile(r"[Đđ]ại hội[^.;]{0,40}?(?:toàn quốc|của Đảng(?! bộ))")
# Whether a figure's time expression (after its noun) applies to it: "10.405 đảng viên (tính đến
# hết tháng 9/2024)", "hơn ba triệu người hiện nay", "41 tổ chức cơ sở đảng trong năm …".
_ADJACENT_RE = re.compile(r"\s*\(?\s*(?:tính\s+)?(?:(?:đến|tới)\s+)?(?:hết\s+|cuối\s+)?$",
                          re.IGNORECASE)
# "khoảng 500 đảng viên khi thành lập (3/2/1930)": a day glossed a few words after the noun.
_GLOSS_RE = re.compile(r"[^,;.()]{0,25}\(\s*")


@dataclass
class DocumentResult:
    document: dict
    figures: list[dict] = field(default_factory=list)

    def summary(self) -> str:
        """One line per document for the command line: date, figure count by metric."""
        counts: dict[str, int] = {}
        for f in self.figures:
            counts[f["metric"]] = counts.get(f["metric"], 0) + 1
        what = ", ".join(f"{m} {n}" for m, n in sorted(counts.items())) or "—"
        bad = sum(1 for f in self.figures if f["parts_sum_ok"] is False)
        d = self.document
        return (f"{d['source_name']}: {d['published_on'] or 'không rõ ngày / no date'}; "
                f"{len(self.figures)} số liệu / figures ({what})"
                + (f"; {bad} tổng không khớp / totals not matching parts" if bad else ""))


@dataclass
class _Context:
    """What a document has said so far."""
    published: date | None
    known: list[str]
    history: list[Mention] = field(default_factory=list)
    seen: dict = field(default_factory=dict)        # (metric, value) → dating of first mention
    event: date | None = None                        # the day the paragraph's event happened
    frame: periods.When | None = None                # "Năm 2023, …" framing the paragraph
    carried: Scope | None = None
    previous: list[dict] = field(default_factory=list)  # the figures of the sentence before
    block: list[dict] = field(default_factory=list)     # the figures of the block so far
    congress: Scope | None = None                    # who holds the congress the text reports
    congress_day: date | None = None                 # and the day it was reported to open
    figures: list[dict] = field(default_factory=list)  # the document's figures so far
    scope: Scope | None = None                       # the last scope a figure had


def extract(text: str, source_name: str, doc_id: str | None = None) -> DocumentResult:
    """Figures of party organisation and membership published in a document's text. doc_id
    defaults to the sha256 of text; pass the raw file's hash to key rows by the file instead."""
    text = repair(text)
    doc_id = doc_id or hashlib.sha256(text.encode("utf-8")).hexdigest()
    published, published_text = find_publication_date(text)
    headline = title(text)
    document = {"doc_id": doc_id, "source_name": source_name, "title": headline,
                "published_on": published, "published_on_text": published_text,
                "n_chars": len(text)}
    ctx = _Context(published, known_organisations(text))
    figures: list[dict] = []
    for block in blocks(text):
        ctx.event, ctx.frame, ctx.carried, ctx.previous, ctx.block = None, None, None, [], []
        for i, sentence in enumerate(s for para in block for s in sentences(para)):
            is_headline = i == 0 and block[0] == headline
            figs = _sentence(sentence, ctx, headline=is_headline)
            for f in figs:
                f["_headline"] = is_headline
            figures.extend(figs)
            ctx.figures.extend(figs)
    headline_from_body(figures)
    return DocumentResult(document, finish(doc_id, figures))


def _mentions(sentence: str, ctx: _Context, headline: bool) -> list[Mention]:
    """The sentence's mentions with bare references resolved; added to the document's history."""
    out = []
    for m in find_mentions(sentence, ctx.published, headline, tuple(ctx.known)):
        scope = m.scope or merged_on(resolve_bare(m, ctx.history + out), ctx.published)
        if scope is not None and scope.kind == "organisation" and m.scope is not None:
            scope = Scope(scope.text, scope.kind, expand_name(scope.value, ctx.known),
                          province_code=scope.province_code, org_text=scope.org_text or scope.text)
        m = Mention(m.start, m.end, scope, m.level, m.party, m.qualifier)
        out.append(m)
    ctx.history.extend(m for m in out if m.scope is not None)
    return out


def _sentence(sentence: str, ctx: _Context, headline: bool) -> list[dict]:
    mentions = _mentions(sentence, ctx, headline)
    whens = periods.find(sentence, ctx.published)
    cands = sentence_candidates(sentence)
    named = [m.scope for m in mentions if m.scope is not None and not m.qualifier]
    congress = _CONGRESS_RE.search(sentence)
    days = [d for w in whens if (d := periods.day_of(w))]
    if congress and named and (named[0].kind != "country" or _NATIONAL_CONGRESS_RE.search(
            sentence)):
        same = ctx.congress is not None and (ctx.congress.kind, ctx.congress.value) == (
            named[0].kind, named[0].value)  # the congress named again: its day stays
        ctx.congress, ctx.congress_day = named[0], days[-1] if days else (
            ctx.event or (ctx.congress_day if same else None))
    carried = ctx.carried or (ctx.congress if congress else None)
    event = ctx.event or (ctx.congress_day if congress else None)
    figs: list[dict] = []
    floor, scope = 0, None
    restated = next((ctx.seen[k] for c in cands if (k := (c.metric, c.value)) in ctx.seen), None)
    for k, c in enumerate(cands):
        if c.metric == "_same":  # "con số này …": the metric of the last total before
            prior = next((f for f in reversed(ctx.figures + figs) if not f["dimension"]), None)
            if prior is None:
                continue
            c.metric = prior["metric"]
        nxt = cands[k + 1].start if k + 1 < len(cands) else len(sentence)
        if k and cands[k - 1].whole_next:  # the whole after its part: not the part's sector
            scope = widened(scope)
        scope = _with_document(_scope(sentence, c, mentions, floor, nxt, scope or carried),
                               ctx.scope or (None if headline else _named_before(ctx.history)))
        f = {"metric": c.metric, "value": c.value, "qualifier": c.qualifier,
             "number_text": c.text, "span_start": c.start, "span_end": c.end,
             "sentence": sentence, "_scope": scope, "dimension": c.dimension,
             "dimension_value": c.dimension_value, "share": c.share, "_parent": None,
             "_whole_metric": c.whole_metric, "_whole_next": c.whole_next,
             "_post_share": c.post_share, "_own_stock": c.own_stock}
        own = whens if scope is not None and scope.kind == "country" else [
            replace(w, kind="unknown") if w.kind == "founding" else w for w in whens]
        # "khi mới thành lập": the Party's day; another organisation's is not known
        f.update(_dating(sentence, c, own, nxt, ctx, restated, event, headline))
        f["_scope"] = province_on(f["_scope"], f["as_of"], ctx.published)
        figs.append(f)
        floor = c.noun_end
    figs = link(sentence, figs, ctx.block if _ITEM_RE.match(sentence) else ctx.previous,
                ctx.figures)
    _group_restated(figs, ctx.figures)
    ctx.block.extend(figs)
    for w in whens:
        if w.kind == "date" and not periods.period_bound_or_gloss(sentence, w, whens, ctx.event):
            ctx.event = periods.day_of(w) or ctx.event
    if congress and ctx.event is None:  # "Theo báo cáo trình Đại hội, …": the paragraph reports it
        ctx.event = ctx.congress_day
    if periods.frames(sentence) and whens:
        ctx.frame = whens[0]
    if figs:
        last = figs[-1]  # a sector part's sector is its own, not the next sentence's
        ctx.carried = widened(last["_scope"]) if last["dimension"] == "sector" else last["_scope"]
        ctx.previous = figs
        ctx.scope = next((f["_scope"] for f in reversed(figs) if f["_scope"] is not None
                          and f["_scope"].sector is None), ctx.scope)
    elif named:  # the last named, not a reference back ("…, là đại hội điểm của huyện")
        written = [m.scope for m in mentions if m.scope is not None and not m.qualifier
                   and not BARE_RE.fullmatch(sentence, m.start, m.end)]
        ctx.carried = (written or named)[-1]
    return figs


def _group_restated(figs: list[dict], document: list[dict]) -> None:
    """"lễ kết nạp 37 sinh viên ưu tú … Với 37 đảng viên mới, …": admissions restated without
    their group are the group the text first counted (same value, a group of no whole)."""
    for f in figs:
        if f["metric"] != "new_admissions" or f["dimension"] or f["_parent"]:
            continue
        first = next((g for g in document if not g["_headline"] and g["metric"] == f["metric"]
                      and g["value"] == f["value"] and g["_parent"] is None
                      and g["dimension"] not in (None, "sector", "activity")), None)
        if first is not None:
            f["dimension"], f["dimension_value"] = first["dimension"], first["dimension_value"]


def _scope(sentence: str, c: Candidate, mentions: list[Mention], floor: int, nxt: int,
           carried: Scope | None) -> Scope | None:
    """Nearest scope named before the figure (since the previous one); else one attached after
    its noun ("… của Đảng bộ xã Hải Nhân"); else the previous figure's; else the first named later
    in the sentence. Narrowed by a sector named before the number or attached to the noun."""
    usable = [m for m in mentions if m.scope is not None and not m.qualifier]
    before = [m for m in usable if floor <= m.start and m.end <= c.start]
    after = [m for m in mentions if m.scope is not None and c.noun_end <= m.start < nxt
             and _ATTACH_RE.search(sentence[c.noun_end:m.start])]
    clause_end = sentence.find(";", c.end) % (len(sentence) + 1)  # not past a ";"
    later = [m for m in usable if c.end <= m.start < clause_end and _SUBJECT_RE.match(sentence, m.end)]
    other = [m for m in mentions if m.scope is None and m.party and sentence[m.start].isupper()
             and floor <= m.start and m.end <= c.start
             and before and m.start >= before[-1].end and m.level and _level(m) != _level(before[-1])]
    if before and not other:  # not "Bình Thuận: Đảng bộ Khối các cơ quan tỉnh có …"
        scope = before[-1].scope
    elif before:
        scope = None  # an organisation named after the place, not known yet: not the place
    elif after:
        scope = after[0].scope
    elif carried is not None:
        scope = carried
    else:
        scope = later[0].scope if later else None
    after_figure = floor > 0 and floor > sentence.rfind(";", 0, c.start)
    floor = max(floor, sentence.rfind(";", 0, c.start) + 1)  # before a ";": another clause
    region = list(sentence[floor:c.start])
    for m in mentions:
        for i in range(max(m.start, floor), min(m.end, c.start)):
            region[i - floor] = " "
    text = "".join(region)
    if after_figure and (attached := re.match(r"[^,;]*,", text)):
        text = text[attached.end():]  # "5 chi bộ trường học, với 486 …": the cells' sector
    scope = narrowed(scope, sector_in(text))
    return narrowed(scope, attached_sector(sentence[c.noun_end:nxt]))


def _level(m: Mention) -> str | None:
    """The level a mention names, a province and a centrally-run city alike."""
    return "tỉnh" if m.level == "thành phố" or m.scope is not None and m.scope.kind == "province" \
        else m.level


def _named_before(history: list[Mention]) -> Scope | None:
    """Before any figure has a scope: the organisation or place the document named last (a
    headline "Đảng bộ huyện Nam Đàn tổng kết …"), not one that only says where another is."""
    return next((m.scope for m in reversed(history) if not m.qualifier), None)


def _with_document(scope: Scope | None, document: Scope | None) -> Scope | None:
    """No scope: the document's last; a sector named without a place ("Riêng ở khu vực doanh
    nghiệp ngoài nhà nước, …") narrows the document's province or organisation."""
    if scope is None or document is None:
        return scope or document
    if scope.kind == "sector" and " … " not in scope.text and document.kind in (
            "province", "organisation"):
        return narrowed(document, (scope.value, scope.text))
    return scope


def _dating(sentence: str, c: Candidate, whens: list, nxt: int, ctx: _Context,
            restated: dict | None, event: date | None, headline: bool = False) -> dict:
    """as_of, as_of_source, year and period_from of a figure (periods.py's table); event: the
    day of the event the paragraph (or the congress the sentence speaks of) reports. A headline
    not dated in itself is no first mention a restatement could take (the body's is)."""
    pub = ctx.published
    before = [w for w in whens if w.end <= c.start]
    after = [w for w in whens if c.noun_end <= w.start < nxt and (
        w.kind in ("year", "range") and not re.search(r"[,;]", sentence[c.noun_end:w.start])
        or w.kind == "date" and _GLOSS_RE.fullmatch(sentence, c.noun_end, w.start)
        or _ADJACENT_RE.fullmatch(sentence, c.noun_end, w.start))]
    adjacent = [w for w in after if _ADJACENT_RE.fullmatch(sentence, c.noun_end, w.start)]
    if adjacent:
        own = adjacent[0]
    elif before:
        own = max(before, key=lambda x: (x.end, -x.start))
    else:
        own = after[0] if after else periods.sentence_default(sentence, whens)
    if own is None and c.qualifier == "target":  # a plan dated only by its own sentence
        return {"as_of": None, "as_of_source": "unknown", "year": None, "_first": None,
                "_dated_here": False}
    w = periods.in_year_of(own, whens) or ctx.frame
    days = [periods.day_of(x) for x in before if x.kind == "date" and not any(  # not a bound
        o.kind != "date" and o.start <= x.start and x.end <= o.end for o in whens)]  # of a range
    reference = next((d for d in reversed(days) if d), None) or event or (
        periods.day_of(ctx.frame) if ctx.frame else None)  # "(tính đến ngày 31/12/2023)" heading
    if reference is None and pub is None:  # "Nhiệm kỳ qua", "5 năm qua" on an undated page
        reference = ctx.congress_day       # that reports a congress: up to its congress
    source = "explicit"
    if w is None and event:
        as_of, year, first = event, event.year, None
    elif w is None:
        if restated:
            return dict(restated)
        as_of, year, first = pub, pub.year if pub else None, None
        source = "publication" if pub else "unknown"
    else:
        as_of, year, first = periods.resolve(w, pub, reference, c.qualifier == "target")
        relative = w.kind in ("now", "today", "vague") or w.kind == "ytd" and w.y is None
        if relative and (reference is None or w.kind == "today"):  # "Từ đầu năm": to the page
            source = "publication" if as_of else "unknown"
            if restated and restated["as_of_source"] == "explicit":
                return dict(restated)
    if c.ceremony and as_of:
        first = as_of
    source = source if as_of else "unknown"
    out = {"as_of": as_of, "as_of_source": source, "year": year, "_first": first,
           "_dated_here": own is not None}
    if not headline or own is not None:
        ctx.seen.setdefault((c.metric, c.value), out)
    return out

"""Document → published figures: for each sentence its candidate figures (figures.py), dated
(periods.py), scoped (names.py, scope.py) and linked part → whole (parts.py); the document's
context carries across sentences: the organisations and provinces named so far (for "toàn Đảng
bộ tỉnh", "Chi bộ"), the date of the event a paragraph reports, a year that frames a paragraph.
"""
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from . import periods
from .clean import repair
from .dates import dates_in_digits, find_publication_date, inline_footnotes
from .dating import crossed_dating, date_figure, list_frame, period_bound_or_gloss, stats_frame
from .figures import Candidate
from .founded import founding_whens
from .links import ITEM_RE, link
from .names import BARE_RE, Mention, find_mentions
from .references import of_province_named, resolve_bare
from .respective import respective_scope
from .rows import finish, headline_from_body, later_wholes
from .scope import (
    Scope,
    attached_sector,
    known_organisations,
    merged_on,
    narrowed,
    province_on,
    sector_in,
    widened,
)
from .sentences import DATED_ITEM_RE, OVER_TIME_RE, blocks, sentences, title, with_noun
from .shares import sentence_candidates
from .shortnames import full_name, short_names

_ATTACH_RE = re.compile(r"(?:của|trong|thuộc|tại|ở)\s+(?:toàn\s+|cả\s+)?$", re.IGNORECASE)
# "…, là một trong những đảng bộ lớn của Đảng bộ Chính phủ": the body it belongs to, not its scope
_ONE_OF_RE = re.compile(r"(?<![\wđ])một trong (?:những|các|số)(?![\wđ])", re.IGNORECASE)
_MERGED_FROM_RE = re.compile(r"(?<![\wđ])(?:hợp nhất|sáp nhập)(?![\wđ])", re.IGNORECASE)
_SUBJECT_RE = re.compile(r"\s+\w")  # a place named later is a scope when a verb follows it
_COMMUNE_LEVEL_RE = re.compile(r"(?:xã|phường|thị trấn|đặc khu)(?:(?:, | và |, và )(?:xã|phường|thị trấn|"
                               r"đặc khu))*", re.IGNORECASE)
_CONGRESS_RE = re.compile(r"(?<![\wđ])(?:[Đđ]ại hội|đại biểu)(?![\wđ])")
_NATIONAL_CONGRESS_RE = re.compile(r"[Đđ]ại hội[^.;]{0,40}?(?:toàn quốc|của Đảng(?! bộ))")
# A meeting that prepares a congress, not the congress held ("họp chuẩn bị Đại hội").
_PREPARING_RE = re.compile(r"(?:chuẩn bị|tiến tới|hướng tới|trước thềm)\s+(?:tổ chức\s+)?[Đđ]ại hội",
                           re.IGNORECASE)
# A paragraph opening at the meeting the text reported before: "Tại hội nghị, …".
_FROM_DAY_RE = re.compile(r"(?<![\wđ])(?:kể )?từ\s+(?:ngày\s+)?$", re.IGNORECASE)  # a start, no event
_AT_EVENT_RE = re.compile(r"\s*(?:Tại|Phát biểu tại|Báo cáo tại|Trong khuôn khổ)\s+(?:buổi\s+|cuộc\s+)?"
                          r"(?:hội nghị|đại hội|lễ|phiên|kỳ họp|họp|làm việc|gặp mặt)(?![\wđ])",
                          re.IGNORECASE)


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
    short: dict = field(default_factory=dict)       # "EVN" → "Tập đoàn Điện lực Việt Nam"
    history: list[Mention] = field(default_factory=list)
    seen: dict = field(default_factory=dict)        # (metric, value) → dating of first mention
    event: date | None = None                        # the day the paragraph's event happened
    last_event: date | None = None                   # the last such day of the document
    frame: periods.When | None = None                # "Năm 2023, …" framing the paragraph
    carried: Scope | None = None
    previous: list[dict] = field(default_factory=list)  # the figures of the sentence before
    block: list[dict] = field(default_factory=list)     # the figures of the block so far
    congress: Scope | None = None                    # who holds the congress the text reports
    congress_day: date | None = None                 # and the day it was reported to open
    congress_held: bool = False                      # not a meeting preparing it
    reported: date | None = None                     # its day, for the stocks of later paragraphs
    figures: list[dict] = field(default_factory=list)  # the document's figures so far
    scope: Scope | None = None                       # the last scope a figure had
    list_noun: str = ""                              # "Số đảng viên … qua các năm": " đảng viên"


def extract(text: str, source_name: str, doc_id: str | None = None) -> DocumentResult:
    """Figures of party organisation and membership published in a document's text. doc_id
    defaults to the sha256 of text; pass the raw file's hash to key rows by the file instead."""
    text = inline_footnotes(dates_in_digits(repair(text)))  # dates in words: wordsdates.py
    doc_id = doc_id or hashlib.sha256(text.encode("utf-8")).hexdigest()
    published, published_text = find_publication_date(text)
    headline = title(text)
    document = {"doc_id": doc_id, "source_name": source_name, "title": headline, "published_on": published,
                "published_on_text": published_text, "n_chars": len(text)}
    known = known_organisations(text)
    ctx = _Context(published, known, short_names(text, known))
    ctx.list_noun = " " + over["noun"] if headline and (over := OVER_TIME_RE.match(headline)) else ""
    figures: list[dict] = []
    framing, note = stats_frame(headline, published, text)  # a note frames the blocks from it on
    for n, block in enumerate(blocks(text)):
        note = None if note is None or any(note in para for para in block) else note
        ctx.event, ctx.carried, ctx.previous, ctx.block = None, None, [], []
        ctx.frame = None if note else framing  # the note not reached yet: no frame
        ctx.reported = ctx.congress_day if ctx.congress_held else None
        for i, sentence in enumerate(s for para in block for s in sentences(para)):
            is_headline = i == 0 and block[0] == headline
            figs = _sentence(sentence, ctx, headline=is_headline)
            for f in figs:
                f["_headline"], f["_block"] = is_headline, n
            figures.extend(figs)
            ctx.figures.extend(figs)
    headline_from_body(figures)
    later_wholes(figures)
    return DocumentResult(document, finish(doc_id, figures, ctx.history))


def _mentions(sentence: str, ctx: _Context, headline: bool) -> list[Mention]:
    """The sentence's mentions with bare references resolved; added to the document's history."""
    out = []
    for m in find_mentions(sentence, ctx.published, headline, tuple(ctx.known)):
        scope = m.scope or merged_on(resolve_bare(m, ctx.history + out), ctx.published)
        if scope is not None and scope.kind == "organisation" and m.scope is not None:
            full = full_name(scope.value, ctx.short, ctx.known)
            full = of_province_named(full, sentence, m.end, ctx.history + out)
            scope = Scope(scope.text, scope.kind, full,
                          province_code=scope.province_code, org_text=scope.org_text or scope.text)
        m = Mention(m.start, m.end, scope, m.level, m.party, m.qualifier)
        out.append(m)
    ctx.history.extend(m for m in out if m.scope is not None)
    return out


def _sentence(sentence: str, ctx: _Context, headline: bool) -> list[dict]:
    if ctx.event is None and _AT_EVENT_RE.match(sentence):  # "Tại hội nghị, …": the one reported
        ctx.event = ctx.last_event
    mentions = _mentions(sentence, ctx, headline)
    whens = periods.find(sentence, ctx.published)
    listed = DATED_ITEM_RE.fullmatch(sentence)  # "- Năm 2005: 52.304" under "Số đảng viên … qua các năm"
    cands = sentence_candidates(with_noun(sentence, ctx.list_noun) if listed else sentence)
    named = [m.scope for m in mentions if m.scope is not None and not m.qualifier]
    congress = _CONGRESS_RE.search(sentence)
    days = [d for w in whens if (d := periods.day_of(w))]
    if congress and _MERGED_FROM_RE.search(sentence):  # "Đại hội đầu tiên sau khi hợp nhất A và B":
        congress = None                                  # the old bodies hold no congress
    if congress and named and (named[0].kind != "country" or _NATIONAL_CONGRESS_RE.search(
            sentence)):
        same = ctx.congress is not None and (ctx.congress.kind, ctx.congress.value) == (
            named[0].kind, named[0].value)  # the congress named again: its day stays
        ctx.congress, ctx.congress_day = named[0], days[-1] if days else (
            ctx.event or (ctx.congress_day if same else None))
        ctx.congress_held = not _PREPARING_RE.search(sentence)
    carried = ctx.carried or (ctx.congress if congress else None)
    event = ctx.event or (ctx.congress_day if congress else None)
    figs: list[dict] = []
    floor, scope = 0, None
    restated = next((ctx.seen[k] for c in cands if (k := (c.metric, c.value)) in ctx.seen), None)
    for k, c in enumerate(cands):
        if c.value == 0 and c.metric != "fulltime_staff":  # "chưa có đảng viên là nữ": no figure
            continue  # (corpus README); "không có cán bộ chuyên trách" is the seed's published 0
        if c.metric == "_same":  # "con số này …": the metric of the last total before
            prior = next((f for f in reversed(ctx.figures + figs) if not f["dimension"]), None)
            if prior is None:
                continue
            c.metric = prior["metric"]
        nxt = cands[k + 1].start if k + 1 < len(cands) else len(sentence)
        if k and (cands[k - 1].whole_next or cands[k - 1].dimension == "sector" and re.search(r";|,\s*với\s", sentence[
                cands[k - 1].end:c.start])):  # the whole after its part, a clause after a sector's part ("…
            scope = widened(scope)  # ngoài nhà nước 46; năm 2018 kết nạp 325", "…, với 5.124"): not its sector
        scope = respective_scope(sentence, mentions, cands, k) or _with_document(_scope(
            sentence, c, mentions, floor, nxt, scope or carried),
            ctx.scope or (None if headline else _named_before(ctx.history)))
        f = {"metric": c.metric, "value": c.value, "qualifier": c.qualifier,
             "number_text": c.text, "span_start": c.start, "span_end": c.end,
             "sentence": sentence, "_scope": _of_level(sentence, c, scope), "dimension": c.dimension,
             "dimension_value": c.dimension_value, "share": c.share, "_parent": None,
             "_whole_metric": c.whole_metric, "_whole_next": c.whole_next,
             "_post_share": c.post_share, "_own_stock": c.own_stock, "_noun_end": c.noun_end}
        own = founding_whens(sentence, whens, scope, ctx.published)  # "khi mới thành lập": the Party's
        # day, a unit formed at the merger's; another organisation's is not known (founded.py)
        crossed = crossed_dating(c, ctx.figures + figs, ctx.seen)  # "… vượt mốc 100 nghìn"
        f.update(date_figure(sentence, c, own, nxt, ctx, crossed or restated, event, headline))
        f["_scope"] = province_on(f["_scope"], f["as_of"], ctx.published)
        figs.append(f)
        floor = c.noun_end
    figs = link(sentence, figs, ctx.block if ITEM_RE.match(sentence) else ctx.previous,
                ctx.figures)
    _group_restated(figs, ctx.figures)
    ctx.block.extend(figs)
    for w in whens:
        if w.kind == "date" and not period_bound_or_gloss(sentence, w, whens, ctx.event) and not \
                _FROM_DAY_RE.search(sentence, 0, w.start):  # "… kết thúc hoạt động từ ngày 1/7/2025"
            ctx.event = periods.day_of(w) or ctx.event
            ctx.last_event = ctx.event
    if congress and ctx.event is None:  # "Theo báo cáo trình Đại hội, …": the paragraph reports it
        ctx.event = ctx.congress_day
    if whens and (periods.frames(sentence) or sentence.endswith(":")):  # also a list's intro
        ctx.frame = whens[0] if periods.frames(sentence) else list_frame(sentence, whens)  # "… 2020 - 2025:"
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
             and _ATTACH_RE.search(sentence[c.noun_end:m.start])
             and not _ONE_OF_RE.search(sentence, c.noun_end, m.start)]
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
    if after_figure and (attached := re.match(r"[^,;]*(?:,|\svà\s)", text)):  # "5 chi bộ trường học,
        text = text[attached.end():]  # với 486 …", "40 đảng bộ xã, phường và 472": the first's sector
    scope = narrowed(scope, sector_in(text))
    return narrowed(scope, attached_sector(sentence[c.noun_end:nxt]))


def _of_level(sentence: str, c: Candidate, scope: Scope | None) -> Scope | None:
    """"24 đảng bộ xã, thị trấn trực thuộc": committees of one level, the sector commune (of this
    figure only)."""
    level = _COMMUNE_LEVEL_RE.search(sentence, c.end, c.noun_end) if c.metric == "sub_committees" \
        else None
    return narrowed(scope, ("commune", level.group(0))) if level else scope


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

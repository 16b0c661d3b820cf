"""Sentences → published figures: metric, value, qualifier, scope, as-of date, span; breakdown parts
linked to their total ("640 …, trong đó 40 …, 1 …, 599 …") with a check that the parts add up.
"""
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from . import vocabulary as voc
from .dates import carries_as_of, explicit_as_of, find_publication_date
from .numbers import find_quantities
from .scope import Scope, find_scope, known_organisations, with_attached_sector
from .sentences import paragraphs, sentences, title

_CLAUSE_SEP = re.compile(r"[,;:(]")
_DONE_RE = re.compile(r"(?<!\w)(?:đã|hiện|đạt|có)(?!\w)", re.IGNORECASE)


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


def _metric_after(sentence: str, end: int) -> tuple[str, int] | None:
    """Metric named right after a number, and where that noun ends."""
    m = re.compile(r"\s+").match(sentence, end)
    pos = m.end() if m else end
    for metric, rx in voc.METRIC_RES:
        found = rx.match(sentence, pos)
        if found:
            return metric, found.end()
    return None


def _metric_from_head(sentence: str, start: int, end: int) -> tuple[str, int] | None:
    """For "… số cán bộ chuyên trách … có 1.300 đồng chí": the metric of the head noun."""
    counter = voc.COUNTER_RE.match(sentence, end + 1)
    if not counter or sentence[end:end + 1] != " ":
        return None
    heads = list(voc.HEAD_RE.finditer(sentence, 0, start))
    if not heads:
        return None
    found = _metric_after(sentence, heads[-1].start("noun"))
    return (found[0], counter.end()) if found else None


def _clause(sentence: str, start: int, floor: int) -> str:
    seps = [m.end() for m in _CLAUSE_SEP.finditer(sentence, 0, start)]
    return sentence[max([floor] + seps):start]


def _sentence_figures(sentence: str, known: list[str], carried: Scope | None,
                      on: date | None = None) -> list[dict]:
    """Candidate figures of one sentence with metric, qualifier, scope and span."""
    out: list[dict] = []
    floor = 0  # end of the previous figure's phrase
    scope = None
    for q in find_quantities(sentence):
        found = _metric_after(sentence, q.end)
        if found is None and not q.is_words:
            found = _metric_from_head(sentence, q.start, q.end)
        if found is None:
            continue
        metric, noun_end = found
        clause = _clause(sentence, q.start, floor)
        if voc.POST_BLOCK_RE.match(sentence, noun_end) or voc.PRE_BLOCK_RE.search(clause):
            continue
        if not voc.CUE_RE.search(sentence, 0, q.start) and not voc.HEAD_RE.search(
                sentence, 0, q.start):
            continue
        admitted = voc.ADMISSION_RE.search(clause)
        if metric in ("members_total", "members_female", "_candidates") and admitted:
            metric = "new_admissions"
        elif metric == "_candidates":
            continue
        qualifier = q.qualifier
        if voc.TARGET_RE.search(clause) or (out and out[-1]["qualifier"] == "target"
                                            and not _DONE_RE.search(clause)):
            qualifier = "target"
        own = find_scope(sentence[floor:q.start], known, on)
        scope = own or scope or carried
        scope = with_attached_sector(scope, sentence[noun_end:])
        out.append({"metric": metric, "value": float(q.value), "qualifier": qualifier,
                    "number_text": q.text, "span_start": q.start, "span_end": q.end,
                    "sentence": sentence, "_scope": scope, "_noun_end": noun_end})
        attached = re.match(r"[^,;]*", sentence[noun_end:])
        floor = noun_end + (attached.end() if attached and scope and scope.sector else 0)
    return out


def _link_breakdowns(figs: list[dict], previous: list[dict]) -> None:
    """Set _parent on parts that follow "trong đó/gồm/:" after a total in the same sentence
    (or a sentence opening with "Trong đó" after the total's sentence)."""
    for i, part in enumerate(figs):
        sentence = part["sentence"]
        for total in reversed(figs[:i]):
            partition, subset = voc.PARTS.get(total["metric"], (frozenset(), frozenset()))
            if part["metric"] in partition | subset and voc.BREAKDOWN_RE.search(
                    sentence, total["span_end"], part["span_start"]):
                part["_parent"] = total
                break
        else:
            if re.match(r"\s*Trong đó", sentence):
                for total in reversed(previous):
                    partition, subset = voc.PARTS.get(total["metric"], (frozenset(), frozenset()))
                    if part["metric"] in partition | subset:
                        part["_parent"] = total
                        break


def _parts_ok(total: dict, parts: list[dict]) -> bool | None:
    """Partition parts (two or more) add up to the total; subset parts do not exceed it."""
    if not parts:
        return None
    partition, _ = voc.PARTS[total["metric"]]
    split = [p for p in parts if p["metric"] in partition]
    ok = all(p["value"] <= total["value"] for p in parts)
    if len(split) >= 2:
        exact = all(p["qualifier"] == "exact" for p in split + [total])
        tol = 0 if exact else 0.05 * total["value"]
        ok = ok and abs(sum(p["value"] for p in split) - total["value"]) <= tol
    return ok


def extract(text: str, source_name: str, doc_id: str | None = None) -> DocumentResult:
    """Figures of party organisation and membership published in a document's text. doc_id
    defaults to the sha256 of text; pass the raw file's hash to key rows by the file instead."""
    doc_id = doc_id or hashlib.sha256(text.encode("utf-8")).hexdigest()
    published, published_text = find_publication_date(text)
    known = known_organisations(text)
    document = {"doc_id": doc_id, "source_name": source_name, "title": title(text),
                "published_on": published, "published_on_text": published_text,
                "n_chars": len(text)}
    figures: list[dict] = []
    seen: dict[tuple[str, float], tuple] = {}
    for para in paragraphs(text):
        carried_scope, prev_sentence, prev_figs = None, "", []
        for sentence in sentences(para):
            figs = _sentence_figures(sentence, known, carried_scope, published)
            if not figs:
                prev_sentence = sentence
                continue
            _link_breakdowns(figs, prev_figs)
            restated = next((seen[k] for f in figs if (k := (f["metric"], f["value"])) in seen),
                            None)
            for f in figs:
                dating = _dating(sentence[:f["span_start"]], prev_sentence, published, restated)
                f["as_of"], f["year"], f["as_of_source"] = dating
                seen.setdefault((f["metric"], f["value"]), dating)
            figures.extend(figs)
            carried_scope, prev_sentence, prev_figs = figs[-1]["_scope"], sentence, figs
    return DocumentResult(document, _finish(doc_id, figures))


def _dating(prefix: str, prev_sentence: str, published: date | None, restated: tuple | None
            ) -> tuple[date | None, int | None, str]:
    """(as_of, year, source) of a figure: a date or year stated before it in its sentence (or
    in the previous sentence when that one says "tính đến …"); else the dating of a figure the
    sentence restates from earlier in the document; else the publication date; else unknown."""
    when, year, _ = explicit_as_of(prefix, published)
    if year is None and carries_as_of(prev_sentence):
        when, year, _ = explicit_as_of(prev_sentence, published)
    if year is not None:
        return when, year, "explicit"
    if restated:
        return restated
    if published:
        return published, published.year, "publication"
    return None, None, "unknown"


def _finish(doc_id: str, figures: list[dict]) -> list[dict]:
    """Number the figures, resolve parent ids and part checks, drop private keys."""
    for ordinal, f in enumerate(figures, start=1):
        f["ordinal"] = ordinal
        f["figure_id"] = f"{doc_id}-{ordinal:03d}"
    out = []
    for f in figures:
        parts = [p for p in figures if p.get("_parent") is f]
        scope: Scope | None = f["_scope"]
        out.append({
            "figure_id": f["figure_id"], "doc_id": doc_id, "ordinal": f["ordinal"],
            "metric": f["metric"], "value": f["value"], "qualifier": f["qualifier"],
            "as_of": f["as_of"], "as_of_source": f["as_of_source"],
            "scope_text": scope.text if scope else None,
            "scope_kind": scope.kind if scope else None,
            "scope_value": scope.value if scope else None,
            "sector": scope.sector if scope else None,
            "province_code": scope.province_code if scope else None,
            "org_text": scope.org_text if scope else None,
            "sentence": f["sentence"], "span_start": f["span_start"], "span_end": f["span_end"],
            "number_text": f["number_text"],
            "parent_figure_id": f["_parent"]["figure_id"] if f.get("_parent") else None,
            "parts_sum_ok": _parts_ok(f, parts) if f["metric"] in voc.PARTS else None,
            "year": f["year"],
        })
    return out

"""The day a body was founded, for "khi (mới) thành lập", "Từ khi thành lập đến nay", "Kể từ khi
thành lập, …": the Party's (3/2/1930) for the country's figures; 1 July 2025 for a commune, ward or
special zone and a province of the merger (code "N…"), formed that day, on a page written after it
(corpus README, heldout17: "Từ khi thành lập đến nay" of a special zone counts from 1/7/2025); no
day known for any other organisation.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .when import When

MERGER_DAY = date(2025, 7, 1)
_NEW_UNIT_RE = re.compile(r"(?:xã|phường|đặc khu)\s", re.IGNORECASE)
_SINCE_RE = re.compile(r"(?:kể\s+)?từ\s", re.IGNORECASE)
_TO_NOW_RE = re.compile(r"\s*,?\s*(?:(?:tính\s+)?(?:đến|tới)\s+nay)?", re.IGNORECASE)


def _formed_at_merger(scope, published: date | None) -> bool:
    if scope is None or published is None or published < MERGER_DAY or published.year > 2026:
        return False
    if scope.kind == "province":
        return str(scope.value or "").startswith("N")
    return scope.kind == "organisation" and bool(_NEW_UNIT_RE.match(str(scope.value or "") + " "))


def founding_whens(sentence: str, whens: list[When], scope, published: date | None) -> list[When]:
    """The sentence's time expressions for a figure of this scope: the founding is the Party's
    for the country, 1/7/2025 for a unit formed at the merger ("Từ khi thành lập (đến nay)": since
    that day, to the page's), unknown otherwise."""
    if scope is not None and scope.kind == "country":
        return whens
    if not any(w.kind == "founding" for w in whens) or not _formed_at_merger(scope, published):
        return [replace(w, kind="unknown") if w.kind == "founding" else w for w in whens]
    out, drop = [], set()
    for w in whens:
        if w.kind != "founding":
            continue
        y, m, d = MERGER_DAY.year, MERGER_DAY.month, MERGER_DAY.day
        if _SINCE_RE.match(w.text):  # "Từ khi thành lập đến nay": from that day to the page's
            end = _TO_NOW_RE.match(sentence, w.end).end()
            drop.update(id(o) for o in whens if o.kind == "today" and w.end <= o.start and o.end <= end)
            out.append((w, When("since", w.start, max(end, w.end), y, text=sentence[w.start:end],
                                m0=m, d=d)))
        else:  # "khi mới thành lập, …": the stock of that day
            out.append((w, When("date", w.start, w.end, y, m, d, text=w.text)))
    new = dict((id(a), b) for a, b in out)
    return [new.get(id(w), w) for w in whens if id(w) not in drop]

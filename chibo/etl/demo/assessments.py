"""Yearly assessments of base organisations and members, with the labels of their time (the
pre-2018 "trong sạch vững mạnh" scheme for some rows up to 2017) and the 20 % cap on excellent
members within each base organisation.
"""

from __future__ import annotations

import numpy as np

from chibo.etl.demo.common import day

ORG_LABELS_NOW = ("không hoàn thành nhiệm vụ", "hoàn thành nhiệm vụ", "hoàn thành tốt nhiệm vụ",
                  "hoàn thành xuất sắc nhiệm vụ")
ORG_LABELS_OLD = ("yếu kém", "hoàn thành nhiệm vụ", "trong sạch vững mạnh",
                  "trong sạch vững mạnh tiêu biểu")
MEMBER_LABELS_OLD = ("vi phạm tư cách", "đủ tư cách hoàn thành nhiệm vụ",
                     "đủ tư cách hoàn thành tốt nhiệm vụ", "đủ tư cách hoàn thành xuất sắc nhiệm vụ")
LABELS = ORG_LABELS_NOW + ORG_LABELS_OLD[:1] + ORG_LABELS_OLD[2:] + MEMBER_LABELS_OLD + ("HTTNV",)
FIRST_YEAR, LAST_YEAR = 2010, 2025
STREAM = 13  # the assessments' random streams: (seed, STREAM, 0 organisations | 1 members)


def _label_index(label: str) -> int:
    return LABELS.index(label)


def _labels(rng, rating: np.ndarray, year: np.ndarray, old: tuple[str, ...]) -> np.ndarray:
    """Index into LABELS for each rating (1..4): old scheme for about half the rows up to 2017."""
    now_idx = np.array([_label_index(x) for x in ORG_LABELS_NOW])
    old_idx = np.array([_label_index(x) for x in old])
    use_old = (year <= 2017) & ((rng.random(len(year)) < 0.5) | (rating == 4) | (rating == 1))
    out = np.where(use_old, old_idx[rating - 1], now_idx[rating - 1])
    abbrev = (year >= 2018) & (rating == 3) & (rng.random(len(year)) < 0.05)
    return np.where(abbrev, _label_index("HTTNV"), out)


def org_ratings(rng, org) -> dict[str, np.ndarray]:
    """One rating per base organisation existing on 31 December of each year."""
    base = np.flatnonzero(np.isin(org["kind"], ("base_cell", "base_committee")))
    years = np.arange(FIRST_YEAR, LAST_YEAR + 1)
    ends = np.array([day(int(y), 12, 31) for y in years])
    ok = (org["founded"][base][:, None] <= ends) & (org["dissolved"][base][:, None] > ends)
    bi, yi = np.nonzero(ok)
    year = years[yi]
    p = np.where(year[:, None] >= 2018, [[0.02, 0.14, 0.66, 0.18]], [[0.03, 0.17, 0.65, 0.15]])
    rating = (rng.random(len(bi))[:, None] > np.cumsum(p, axis=1)).sum(axis=1) + 1
    return {"org": base[bi], "year": year,
            "label": _labels(rng, rating, year, ORG_LABELS_OLD)}


def member_ratings(rng, org, sp, cells_mask: np.ndarray, years: tuple[int, int]):
    """One rating per member in a `cells_mask` cell on 31 December, years inclusive."""
    person, base, year = [], [], []
    for y in range(years[0], years[1] + 1):
        end = day(y, 12, 31)
        alive = cells_mask[sp.cell] & (sp.joined <= end) & (sp.left > end)
        person.append(sp.person[alive])
        base.append(org["base"][sp.cell[alive]])
        year.append(np.full(int(alive.sum()), y, np.int64))
    person, base, year = np.concatenate(person), np.concatenate(base), np.concatenate(year)
    n = len(person)
    rating = (rng.random(n)[:, None] > np.cumsum([[0.015, 0.095, 0.76, 0.13]], axis=1)).sum(1) + 1
    rating = _cap_excellent(rng, rating, base, year)
    labels_old = MEMBER_LABELS_OLD
    return {"person": person, "year": year, "label": _labels(rng, rating, year, labels_old)}


def _cap_excellent(rng, rating, base, year) -> np.ndarray:
    """Excellent members may not exceed 20 % of those rated good, per base org and year; a few
    base organisations keep a violation so the data-quality check has something to find."""
    group = base.astype(np.int64) * 100 + (year - 2000)
    _, g = np.unique(group, return_inverse=True)
    good = np.bincount(g, weights=(rating == 3)).astype(np.int64)
    allowed = np.floor(0.2 * good).astype(np.int64)
    exc = np.flatnonzero(rating == 4)
    order = exc[np.lexsort((rng.random(len(exc)), g[exc]))]
    gs = g[order]
    first = np.r_[True, gs[1:] != gs[:-1]]
    start = np.maximum.accumulate(np.where(first, np.arange(len(gs)), 0))
    rank = np.arange(len(gs)) - start
    over = order[rank >= allowed[gs]]
    tolerated = np.isin(g[over], np.unique(g[over])[:3])  # a few deliberate violations
    rating = rating.copy()
    rating[over[~tolerated]] = 3
    return rating

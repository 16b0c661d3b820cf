"""Cell meetings 2010-01 → 2026-10, vectorised per chunk of cells: monthly regular meetings (a few
missed), thematic ones at least quarterly, quality rising after the July 2018 guidance, online
meetings peaking in the 2020-2021 COVID months. A few cells fall silent in 2025-2026 while they
still exist (the data-quality view must see them).
"""

from __future__ import annotations

import numpy as np

from chibo.etl.demo.common import END, N_MONTHS, NEVER, day, month_index, month_start

KINDS = ("regular", "thematic")
FORMATS = ("in_person", "online", "hybrid")
QUALITY_WORDS = ("kém", "trung bình", "khá", "tốt")  # quality 1..4
CHUNK_CELLS = 6_000  # a worker's memory: about 0,3 GB
SILENT_SHARE = 0.004  # cells that stop meeting from a month of 2025-2026
HELD_MIN = -(2**30)  # below any meeting day (the sort key's offset)


def monthly_stock(cells: np.ndarray, n_orgs: int, sp_cell, sp_joined, sp_left) -> np.ndarray:
    """Members in each of `cells` on the first day of each month (cells × months)."""
    pos = np.full(n_orgs, -1, np.int64)
    pos[cells] = np.arange(len(cells))
    p = pos[sp_cell]
    keep = p >= 0
    p, j, lft = p[keep], sp_joined[keep], sp_left[keep]
    # first month whose first day is on/after the date
    mj = month_index(j)
    mj = np.where(month_start(mj) < j, mj + 1, mj)
    ml = np.where(lft >= NEVER, N_MONTHS, month_index(np.minimum(lft, END + 1)))
    ml = np.where((lft < NEVER) & (month_start(ml) < lft), ml + 1, ml)
    mj, ml = np.clip(mj, 0, N_MONTHS), np.clip(ml, 0, N_MONTHS)
    diff = np.zeros((len(cells), N_MONTHS + 1), np.int32)
    np.add.at(diff, (p, mj), 1)
    np.add.at(diff, (p, ml), -1)
    return np.cumsum(diff[:, :N_MONTHS], axis=1)


def _time_curves() -> dict[str, np.ndarray]:
    m = np.arange(N_MONTHS)
    t = 2010 + m / 12.0
    base = np.interp(t, [2010, 2018.5, 2021, 2025.8, 2027], [85.6, 87.0, 89.6, 91.9, 92.2])
    online = np.interp(t, [2010, 2019.9, 2020.2, 2020.4, 2020.6, 2021.4, 2021.6, 2021.9, 2022.3,
                           2027], [0.002, 0.004, 0.01, 0.30, 0.05, 0.08, 0.38, 0.30, 0.04, 0.025])
    hybrid = np.interp(t, [2010, 2019.9, 2020.3, 2021.7, 2022.5, 2027],
                       [0.0, 0.002, 0.06, 0.12, 0.05, 0.04])
    return {"base": base, "online": online, "hybrid": hybrid, "t": t}


STREAM = 12  # the meetings' random streams: (seed, STREAM, chunk number)


def jobs(n_cells: int) -> list[tuple[int, int, int]]:
    """(chunk number, first, end) positions into the meeting cells, one per chunk of cells."""
    return [(i, lo, min(lo + CHUNK_CELLS, n_cells))
            for i, lo in enumerate(range(0, n_cells, CHUNK_CELLS))]


def chunk(shared: dict, number: int, lo: int, hi: int) -> dict[str, np.ndarray]:
    """Meeting rows (column arrays, compact types) of meeting cells lo..hi-1, from shared["org"],
    ["meet_cells"], ["stock"] and ["since"] (cell i meets from day since[i] on)."""
    rng = np.random.default_rng([shared["seed"], STREAM, number])
    return _chunk(rng, shared["org"], shared["meet_cells"][lo:hi], shared["stock"][lo:hi],
                  _time_curves(), shared["since"][lo:hi])


def _chunk(rng, org, cells, stock, curves, since) -> dict[str, np.ndarray]:
    n_c = len(cells)
    # only the months from the chunk's earliest start (a quarter boundary) are drawn
    m0 = int(np.clip(month_index(np.array([since.min()]))[0], 0, N_MONTHS - 1)) // 3 * 3
    n_m = N_MONTHS - m0
    stock = stock[:, m0:]
    curves = {k: v[m0:] for k, v in curves.items()}
    months = month_start(np.arange(m0, N_MONTHS))
    f, d = org["founded"][cells], org["dissolved"][cells]
    valid = (f[:, None] <= months[None, :] + 20) & (d[:, None] > months[None, :] + 27)
    valid &= (stock > 0) & (months[None, :] >= since[:, None])
    silent = rng.random(n_c) < SILENT_SHARE
    silent_from = month_start(rng.integers(month_index(np.array([day(2025, 1, 1)]))[0], N_MONTHS,
                                           n_c))
    valid &= ~silent[:, None] | (months[None, :] < silent_from[:, None])
    # regular meetings: monthly, ~2% missed
    reg = valid & (rng.random((n_c, n_m)) > 0.02)
    # thematic: one month per quarter (3% of quarters skipped) plus a few extra
    q_month = rng.integers(0, 3, (n_c, (n_m + 2) // 3)) + 3 * np.arange((n_m + 2) // 3)
    q_take = rng.random(q_month.shape) > 0.03
    them = np.zeros((n_c, n_m + 3), bool)
    rows = np.repeat(np.arange(n_c), q_month.shape[1])
    them[rows[q_take.ravel()], q_month.ravel()[q_take.ravel()]] = True
    them = (them[:, :n_m] | (rng.random((n_c, n_m)) < 0.06)) & valid
    cell_eff = rng.normal(0.0, 4.0, n_c)
    falling = rng.random(n_c) < 0.02  # cells whose meetings decline from 2024
    out = []
    for kind, mask in ((0, reg), (1, them)):
        ci, mi = np.nonzero(mask)
        out.append((kind, ci, mi))
    kind = np.concatenate([np.full(len(c), k, np.int8) for k, c, _ in out])
    ci = np.concatenate([c for _, c, _ in out])
    mi = np.concatenate([m for _, _, m in out])
    n = len(ci)
    reg_day = rng.integers(1, 12, (n_c, n_m))  # regular meetings early in the month
    shared = (kind == 1) & (rng.random(n) < 0.45)  # thematic in the same session
    day_ = np.where((kind == 0) | shared, reg_day[ci, mi], rng.integers(12, 29, n))
    held = months[mi] + day_ - 1
    held = np.clip(held, f[ci], np.minimum(d[ci] - 1, END))
    t = curves["t"][mi]
    u = rng.random(n)
    fmt = np.where(u < curves["online"][mi], 1,
                   np.where(u < curves["online"][mi] + curves["hybrid"][mi], 2, 0)).astype(np.int8)
    members = stock[ci, mi]
    exempt = rng.binomial(members, 0.03)
    expected = np.maximum(members - exempt, 1)
    covid = (t > 2020.2) & (t < 2021.9)
    excused = rng.binomial(expected, np.where(covid, 0.09, 0.05))
    absent = rng.binomial(expected - excused, 0.01)
    present = expected - excused - absent
    late = np.clip((t - 2024.0) / 2.0, 0, 1) * falling[ci]
    score = (curves["base"][mi] + cell_eff[ci] - 9.0 * late + rng.normal(0, 5.5, n)
             - 1.5 * (fmt == 1))
    bad = rng.random(n) < 0.015
    score = np.where(bad, rng.normal(58, 12, n), score)
    score = np.clip(np.round(score), 0, 100).astype(np.int16)
    quality = np.select([score >= 90, score >= 70, score >= 50], [4, 3, 2], 1).astype(np.int8)
    mode = rng.random(n)  # what the cell wrote down: score only / score + word / word only
    word_only = mode < np.where(t < 2015, 0.4, 0.1)
    with_word = (~word_only) & (mode > 0.82)
    dur_mean = np.where(kind == 1, 120.0, np.where(t < 2018.5, 95.0, 105.0))
    dur_mean = np.where(shared, 135.0, np.where(t > 2025.83, dur_mean + 12, dur_mean))
    duration = np.clip(np.round(rng.normal(dur_mean, 14.0) / 5) * 5, 45, 210).astype(np.int16)
    # by cell, day and kind: two runs already ordered by cell and month, merged by a stable sort
    order = np.argsort((ci.astype(np.int64) << 32) | ((held - HELD_MIN) << 1) | kind, kind="stable")
    cols = {
        "cell": cells[ci].astype(np.int32), "held_on": held.astype(np.int32), "kind": kind,
        "format": fmt, "expected": expected.astype(np.int32), "present": present.astype(np.int32),
        "excused": excused.astype(np.int32), "score": score, "score_null": word_only,
        "quality": quality, "quality_null": ~(word_only | with_word), "duration": duration,
    }
    return {k: v[order] for k, v in cols.items()}

"""Members as people and their cell spells, generated with numpy: the stock of 2010, admissions,
deaths and other exits, transfers between cells and the moves forced by dissolved cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from chibo.etl.demo.common import END, HISTORY_START, N_MONTHS, NEVER, month_start, year_of

REASONS = ("", "transfer_out", "death", "struck_off", "expelled", "resigned", "other")
TRANSFER, DEATH = 1, 2
ADMISSION_RATE = 0.0034  # admissions per member of the 2018-level stock and month
GOMPERTZ_A, GOMPERTZ_B = 5.0e-5, 0.097  # death hazard a·exp(b·age) per year
OTHER_EXIT = 0.003  # struck off, expelled, resigned, other (per year)
TRANSFER_RATE = 0.022  # moves between cells per year, members under 55


@dataclass
class People:
    birth: np.ndarray
    female: np.ndarray
    admitted: np.ndarray
    official: np.ndarray  # NEVER = still probationary / never made full

    def __len__(self) -> int:
        return len(self.birth)


@dataclass
class Spells:
    person: np.ndarray
    cell: np.ndarray
    joined: np.ndarray
    left: np.ndarray  # NEVER = still in the cell
    reason: np.ndarray  # index into REASONS


def by_person_and_day(person: np.ndarray, days: np.ndarray) -> np.ndarray:
    """The stable order by person, then day (as np.lexsort((days, person)), on one int64 key)."""
    key = (person.astype(np.int64) << 32) | (days.astype(np.int64) + 2**31)
    return np.argsort(key, kind="stable")


def _cat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, np.int64)


def _month_weights() -> np.ndarray:
    m = np.arange(N_MONTHS)
    year = 2010 + m // 12
    season = np.array([0.7, 1.35, 1.0, 0.9, 1.25, 0.9, 0.85, 1.1, 1.2, 0.85, 0.85, 1.05])
    yearly = np.select([year <= 2017, year <= 2019, year == 2020, year == 2021, year <= 2025],
                       [1.0, 0.96, 0.88, 0.82, 0.9], 0.86)
    return season[m % 12] * yearly


def _sample_days(rng, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    return lo + np.floor(rng.random(len(lo)) * np.maximum(hi - lo, 1)).astype(np.int64)


def _admissions(rng, cells, start, stop, size):
    """New admissions per cell: month weights by season and year, Poisson counts."""
    w = _month_weights()
    cum = np.concatenate([[0.0], np.cumsum(w)])
    m0 = np.clip((start - HISTORY_START) // 30.44, 0, N_MONTHS).astype(np.int64)
    m1 = np.clip((stop - HISTORY_START) // 30.44 + 1, 0, N_MONTHS).astype(np.int64)
    lam = size * ADMISSION_RATE * np.maximum(cum[m1] - cum[m0], 0)
    n = rng.poisson(lam)
    cell = np.repeat(cells, n)
    u = np.repeat(cum[m0], n) + rng.random(n.sum()) * np.repeat(cum[m1] - cum[m0], n)
    month = np.clip(np.searchsorted(cum, u, side="right") - 1, 0, N_MONTHS - 1)
    d = month_start(month) + rng.integers(0, 28, n.sum())
    ok = (d >= np.repeat(start, n)) & (d < np.repeat(stop, n))
    return cell[ok], d[ok]


def generate(rng, org: dict[str, np.ndarray]) -> tuple[People, Spells]:
    """People and spells for every cell with a target size."""
    cells = np.flatnonzero(org["is_cell"] & (org["size"] > 0))
    f, d, size = org["founded"][cells], org["dissolved"][cells], org["size"][cells]
    resid = org["resid"][cells]  # residential cells: older members
    start = np.maximum(f, HISTORY_START)
    stop = np.minimum(d, END + 1)
    # 1. the stock on 2010-01-01 (cells existing then) and arrivals into cells founded later
    old = (f < HISTORY_START) & (d > HISTORY_START)
    n0 = np.where(old, rng.poisson(0.83 * size), rng.poisson(0.75 * size))
    n0 = np.where((stop > start) & (org["tag"][cells] != "successor"), n0, 0)  # heirs: handed over
    c0 = np.repeat(cells, n0)
    working0 = ~np.repeat(resid, n0)  # working members are below retirement age in 2010
    seniority = rng.uniform(0, 1, len(c0)) * np.where(working0, 30.0, 50.0)
    entry0 = np.repeat(start, n0)
    adm0 = (entry0 - seniority * 365.25 - rng.integers(0, 365, len(c0))).astype(np.int64)
    adm0 = np.maximum(adm0, -14_000)  # not before 1931
    join0 = np.where(rng.random(len(c0)) < 0.45,
                     adm0 + (rng.random(len(c0)) * (entry0 - adm0)).astype(np.int64), adm0)
    join0 = np.where(np.repeat(old, n0), np.maximum(join0, np.repeat(f, n0)), entry0)
    # 2. admissions from 2010 on
    c1, adm1 = _admissions(rng, cells, start, stop, size)
    cell = np.concatenate([c0, c1])
    admitted = np.concatenate([adm0, adm1])
    joined = np.concatenate([join0, adm1])
    n = len(cell)
    adm_year = year_of(admitted)
    age_adm = np.clip(rng.normal(28.0, 6.0, n), 18, 58).round().astype(np.int64)
    age_adm[:len(c0)] = np.where(working0, np.minimum(age_adm[:len(c0)], 30), age_adm[:len(c0)])
    birth = adm_year - age_adm
    female_p = np.where(adm_year < 2010, 0.3, 0.38 + 0.008 * (adm_year - 2010))
    female = rng.random(n) < female_p
    official = admitted + 365 + rng.integers(0, 3, n)  # made full when the 12 months end
    # 3. exits: Gompertz deaths from the entry date, other exits, probation failures
    entry = np.maximum(joined, HISTORY_START)
    age_entry = year_of(entry) - birth
    t_death = np.log1p(rng.exponential(1.0, n) * GOMPERTZ_B /
                       (GOMPERTZ_A * np.exp(GOMPERTZ_B * age_entry))) / GOMPERTZ_B
    t_other = rng.exponential(1.0 / OTHER_EXIT, n)
    exit_ = entry + (np.minimum(t_death, t_other) * 365.25).astype(np.int64) + 1
    reason = np.where(t_death <= t_other, DEATH,
                      rng.choice([3, 4, 5, 6], n, p=[0.45, 0.15, 0.2, 0.2]))
    failed = (admitted >= HISTORY_START) & (rng.random(n) < 0.008)
    fail_day = official + rng.integers(0, 60, n)
    take = failed & (fail_day < exit_) & (fail_day > joined) & (fail_day <= END)
    exit_ = np.where(take, fail_day, exit_)
    reason = np.where(take, 3, reason)
    official = np.where(take | (official >= exit_) | (official > END), NEVER, official)
    exit_ = np.where(exit_ > END, NEVER, exit_)
    reason = np.where(exit_ == NEVER, 0, reason)
    people = People(birth.astype(np.int64), female, admitted, official)
    spells = _transfers(rng, org, people, cell, joined, exit_, reason, entry)
    return people, spells


def stable_cells(org: dict[str, np.ndarray]) -> np.ndarray:
    """Cells that exist through the whole history: the targets of transfers and moves."""
    return np.flatnonzero(org["is_cell"] & (org["founded"] < HISTORY_START)
                          & (org["dissolved"] == NEVER) & (org["size"] > 0))


def _key(org, cells: np.ndarray, by: str = "group") -> np.ndarray:
    """Transfer pools: working cells move among working cells, residential among residential."""
    return org[by][cells].astype(np.int64) * 2 + org["resid"][cells]


def _random_in_group(rng, org, stable: np.ndarray, keys: np.ndarray, by: str = "group"
                     ) -> np.ndarray:
    """A random stable cell with each requested pool key (−1 where there is none)."""
    g_stable = _key(org, stable, by)
    order = np.argsort(g_stable, kind="stable")
    sg = g_stable[order]
    lo = np.searchsorted(sg, keys, side="left")
    hi = np.searchsorted(sg, keys, side="right")
    pick = lo + (rng.random(len(keys)) * np.maximum(hi - lo, 1)).astype(np.int64)
    return np.where(hi > lo, stable[order][np.minimum(pick, len(sg) - 1)], -1)


def _year_start(years: np.ndarray) -> np.ndarray:
    return (np.asarray(years) - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)


def _transfers(rng, org, people, cell, joined, exit_, reason, entry) -> Spells:
    n = len(cell)
    stable = stable_cells(org)
    # members of working cells retire (55-57 women, 60-61 men) to a residential cell of their
    # province, or out of the data when the province has none here
    ret_age = np.where(people.female, 55 + rng.integers(0, 3, n), 60 + rng.integers(0, 2, n))
    retire = _year_start(people.birth + ret_age) + rng.integers(0, 365, n)
    retiring = ~org["resid"][cell] & (retire > entry) & (retire < np.minimum(exit_, END + 1))
    retiring &= people.official < retire
    work_end = np.where(retiring, retire, exit_)
    lo = np.maximum(entry, np.where(people.official < NEVER, people.official, NEVER))
    hi = np.minimum(work_end, END)
    years = np.maximum(hi - lo, 0) / 365.25
    age = year_of(np.minimum(lo, END)) - people.birth
    rate = np.where(age < 55, TRANSFER_RATE, 0.004)
    k = np.minimum(rng.poisson(rate * years), 3)
    total = n + k.sum()
    person = np.repeat(np.arange(n), k + 1)
    first = np.concatenate([[0], np.cumsum(k + 1)[:-1]])
    rank = np.arange(total) - np.repeat(first, k + 1)
    t = np.repeat(lo, k + 1) + (rng.random(total) * np.repeat(hi - lo, k + 1)).astype(np.int64)
    t = np.where(rank == 0, np.repeat(joined, k + 1), t)
    t = t[by_person_and_day(person, t)]  # stable: the arrival spell stays first
    s_cell = np.repeat(cell, k + 1)
    moved = rank > 0
    target = _random_in_group(rng, org, stable, _key(org, s_cell[moved]))
    s_cell[moved] = np.where(target >= 0, target, s_cell[moved])
    last = np.r_[person[1:] != person[:-1], True]
    left = np.where(last, np.repeat(work_end, k + 1), np.r_[t[1:], 0])
    why = np.where(last, np.repeat(np.where(retiring, TRANSFER, reason), k + 1), TRANSFER)
    r = np.flatnonzero(retiring)
    home = _random_in_group(rng, org, stable[org["resid"][stable]],
                            org["prov"][cell[r]].astype(np.int64) * 2 + 1, by="prov")
    r, home = r[home >= 0], home[home >= 0]
    spells = Spells(np.r_[person, r], np.r_[s_cell, home], np.r_[t, retire[r]],
                    np.r_[left, exit_[r]], np.r_[why, reason[r]].astype(np.int8))
    order = by_person_and_day(spells.person, spells.joined)
    spells = Spells(*(a[order] for a in (spells.person, spells.cell, spells.joined, spells.left,
                                         spells.reason)))
    spells = _dissolution_moves(rng, org, people, spells, stable)
    return _dedupe(rng, org, spells, stable)


def _dissolution_moves(rng, org, people, sp: Spells, stable) -> Spells:
    """Members of a cell dissolved while they were in it move to a sibling (else group) cell."""
    dis = org["dissolved"][sp.cell]
    hit = (dis < NEVER) & (sp.joined < dis) & (sp.left > dis)
    idx = np.flatnonzero(hit)
    heir = _heirs(rng, org, stable, sp.cell[idx])
    keep = heir >= 0
    idx, heir = idx[keep], heir[keep]
    when = dis[idx]
    who = sp.person[idx]
    late = people.official[who] > when  # still probationary: date the admission earlier
    people.admitted[who[late]] = np.minimum(people.admitted[who[late]], when[late] - 400)
    people.official[who[late]] = when[late] - 30
    new = Spells(who, heir, when, sp.left[idx], sp.reason[idx])
    sp.left[idx] = when
    sp.reason[idx] = TRANSFER
    out = Spells(*(np.concatenate([a, b]) for a, b in zip(
        (sp.person, sp.cell, sp.joined, sp.left, sp.reason),
        (new.person, new.cell, new.joined, new.left, new.reason))))
    order = by_person_and_day(out.person, out.joined)
    return Spells(*(a[order] for a in (out.person, out.cell, out.joined, out.left, out.reason)))


def _heirs(rng, org, stable, cells: np.ndarray) -> np.ndarray:
    """The cell's successor when it has one; else a sibling stable cell under the same parent where
    there is one, else any in the group."""
    parent = org["parent"]
    sib_parent = parent[stable]
    order = np.argsort(sib_parent, kind="stable")
    sp = sib_parent[order]
    want = np.where(org["kind"][cells] == "sub_cell", parent[cells], -2)
    lo = np.searchsorted(sp, want, side="left")
    hi = np.searchsorted(sp, want, side="right")
    pick = lo + (rng.random(len(cells)) * np.maximum(hi - lo, 1)).astype(np.int64)
    sib = np.where(hi > lo, stable[order][np.minimum(pick, len(sp) - 1)], -1)
    any_ = _random_in_group(rng, org, stable, _key(org, cells))
    return np.where(org["heir"][cells] >= 0, org["heir"][cells], np.where(sib >= 0, sib, any_))


def _dedupe(rng, org, sp: Spells, stable) -> Spells:
    """A member has at most one row per cell: re-draw repeated targets, else drop the move."""
    for _ in range(6):
        key = sp.person.astype(np.int64) * 10_000_000 + sp.cell
        order = np.argsort(key, kind="stable")
        dup_sorted = np.r_[False, key[order][1:] == key[order][:-1]]
        dup = order[dup_sorted]
        if len(dup) == 0:
            return sp
        redraw = _random_in_group(rng, org, stable, _key(org, sp.cell[dup]))
        sp.cell[dup] = np.where(redraw >= 0, redraw, sp.cell[dup])
    # give up on the remaining repeats: merge them into the previous spell
    key = sp.person.astype(np.int64) * 10_000_000 + sp.cell
    order = np.argsort(key, kind="stable")
    dup = order[np.r_[False, key[order][1:] == key[order][:-1]]]
    keep = np.ones(len(sp.person), bool)
    keep[dup] = False
    prev = dup - 1  # spells are sorted by person and date: extend the previous one
    sp.left[prev] = sp.left[dup]
    sp.reason[prev] = sp.reason[dup]
    return Spells(*(a[keep] for a in (sp.person, sp.cell, sp.joined, sp.left, sp.reason)))

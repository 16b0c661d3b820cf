"""Make the member counts of the seed figures exact, and plant a few deliberate charter warnings.

Fixed in an order that never disturbs an earlier count: VUSTA, mass associations, agency blocs.
"""

from __future__ import annotations

import numpy as np

from chibo.etl.demo.common import (
    ANCHOR_BLOC,
    ANCHOR_MASS,
    ANCHOR_VUSTA,
    BLOC_MEMBERS,
    MASS_MEMBERS,
    NEVER,
    VUSTA_MEMBERS,
    Orgs,
    day,
    year_of,
)
from chibo.etl.demo.members import People, Spells

FIELDS_P = ("birth", "female", "admitted", "official")
FIELDS_S = ("person", "cell", "joined", "left", "reason")


def alive(sp: Spells, cells: np.ndarray, when: int) -> np.ndarray:
    return cells[sp.cell] & (sp.joined <= when) & (sp.left > when)


def append(people: People, sp: Spells, new_p: dict, new_s: dict) -> tuple[People, Spells]:
    """Add people (arrays) and their spells (person = index into new_p)."""
    offset = len(people)
    new_s = dict(new_s, person=np.asarray(new_s["person"]) + offset)
    p = People(*(np.concatenate([getattr(people, k), np.asarray(new_p[k]).astype(
        getattr(people, k).dtype)]) for k in FIELDS_P))
    s = Spells(*(np.concatenate([getattr(sp, k), np.asarray(new_s[k]).astype(
        getattr(sp, k).dtype)]) for k in FIELDS_S))
    return p, s


def _remove(people: People, sp: Spells, drop_people: np.ndarray) -> tuple[People, Spells]:
    keep_p = np.ones(len(people), bool)
    keep_p[drop_people] = False
    new_index = np.cumsum(keep_p) - 1
    keep_s = keep_p[sp.person]
    p = People(*(getattr(people, k)[keep_p] for k in FIELDS_P))
    s = Spells(*(getattr(sp, k)[keep_s] for k in FIELDS_S))
    s.person = new_index[s.person]
    return p, s


def _veterans(rng, n: int, cells: np.ndarray, founded: np.ndarray, when: int) -> tuple[dict, dict]:
    """n full members who joined the given cells before `when` and are still there."""
    admitted = when - 400 - rng.integers(0, 9000, n)
    joined = np.maximum(admitted, founded)
    joined = np.minimum(np.maximum(joined, admitted + rng.integers(0, 3000, n)), when)
    people = {"birth": year_of(admitted) - rng.integers(22, 40, n),
              "female": rng.random(n) < 0.4, "admitted": admitted,
              "official": admitted + 365 + rng.integers(0, 40, n)}
    spells = {"person": np.arange(n), "cell": cells, "joined": joined,
              "left": np.full(n, NEVER), "reason": np.zeros(n, np.int8)}
    return people, spells


def adjust(rng, org, people, sp, count: np.ndarray, pool: np.ndarray, when: int, target: int):
    """Add or remove whole members in `pool` cells until `count` cells hold `target` on `when`."""
    delta = target - int(alive(sp, count, when).sum())
    usable = pool & (org["founded"] <= when) & (org["dissolved"] == NEVER)
    if delta > 0:
        cells = np.flatnonzero(usable)
        weight = np.maximum(org["size"][cells], 1.0)
        chosen = rng.choice(cells, delta, p=weight / weight.sum())
        new_p, new_s = _veterans(rng, delta, chosen, org["founded"][chosen], when)
        return append(people, sp, new_p, new_s)
    if delta < 0:
        single = np.bincount(sp.person, minlength=len(people)) == 1
        cand = np.flatnonzero(alive(sp, usable, when) & single[sp.person])
        if len(cand) < -delta:
            raise RuntimeError("not enough members to remove for calibration")
        drop = sp.person[rng.choice(cand, -delta, replace=False)]
        return _remove(people, sp, drop)
    return people, sp


def calibrate(rng, org, people, sp, bloc_mask: np.ndarray, sector_of_base: np.ndarray):
    """Exact member counts for VUSTA, the mass associations and the agency blocs."""
    is_cell = org["is_cell"]
    vusta = is_cell & (org["tag"] == "vusta")
    mass = is_cell & (sector_of_base[org["base"]] == "mass_association")
    bloc = is_cell & bloc_mask
    people, sp = adjust(rng, org, people, sp, vusta, vusta, ANCHOR_VUSTA, VUSTA_MEMBERS)
    people, sp = adjust(rng, org, people, sp, mass, mass & ~vusta, ANCHOR_MASS, MASS_MEMBERS)
    people, sp = adjust(rng, org, people, sp, bloc, bloc & ~mass, ANCHOR_BLOC, BLOC_MEMBERS)
    return people, sp


def add_special_orgs(o: Orgs, commune: int, district: int) -> tuple[int, int]:
    """Two cells for deliberate warnings: one with 2 full members, one base cell with 34."""
    cid, did = o.cols["org_id"][commune], o.cols["org_id"][district]
    prov = o.cols["province"][commune]
    group = o.cols["group"][commune]
    small = o.add(f"{cid}-MOI", "Chi bộ khu dân cư mới", "sub_cell", commune,
                  sector="residential", province=prov, founded=day(2023, 3, 1), group=group,
                  meet=True, tag="special")
    big = o.add(f"{did}-LON", "Chi bộ Trường Trung học phổ thông Chuyên", "base_cell", district,
                sector="public_service", province=prov, founded=day(2008, 9, 1), group=group,
                meet=True, tag="special")
    return small, big


def plant_warnings(rng, org, people, sp, small: int, big: int, residential: int):
    """Few members breaking charter rules, so the data-quality view has something to show."""
    n_big = 34
    p1, s1 = _veterans(rng, n_big, np.full(n_big, big), np.full(n_big, org["founded"][big]),
                       day(2020, 6, 1))
    people, sp = append(people, sp, p1, s1)
    p2, s2 = _veterans(rng, 2, np.full(2, small), np.full(2, org["founded"][small]),
                       day(2023, 3, 1))
    s2["joined"] = np.full(2, day(2023, 3, 1))
    people, sp = append(people, sp, p2, s2)
    # probationary for more than 12 months, never made full members
    adm = np.array([day(2024, 5, 10), day(2024, 11, 2), day(2025, 3, 19)])
    people, sp = append(people, sp, {
        "birth": np.array([1995, 1998, 1990]), "female": np.array([True, False, True]),
        "admitted": adm, "official": np.full(3, NEVER)},
        {"person": np.arange(3), "cell": np.full(3, residential), "joined": adm,
         "left": np.full(3, NEVER), "reason": np.zeros(3, np.int8)})
    # admitted younger than 18 or older than 60
    adm = np.array([day(2016, 9, 2), day(2019, 5, 19), day(2021, 2, 3), day(2022, 12, 22)])
    ages = np.array([17, 62, 64, 67])
    people, sp = append(people, sp, {
        "birth": year_of(adm) - ages, "female": np.array([False, True, False, False]),
        "admitted": adm, "official": adm + 366},
        {"person": np.arange(4), "cell": np.full(4, residential), "joined": adm,
         "left": np.full(4, NEVER), "reason": np.zeros(4, np.int8)})
    return people, sp

"""The always-full-size structure behind the seed figures: provincial and central committees, the
64 agency blocs, the mass associations and VUSTA; counts on the seed dates are exact (fillers).
"""

from __future__ import annotations

import numpy as np

from chibo.etl.demo import names as nm
from chibo.etl.demo.common import (
    ANCHOR_BLOC,
    BLOC_BASE_ORGS,
    BLOC_CELLS,
    BLOC_END,
    MERGER,
    NEVER,
    NEW_CENTRAL,
    Orgs,
    day,
)
from chibo.etl.demo.provinces import Province

PROVINCIAL_BLOC_BASE = 3880  # base organisations in the 63 provincial blocs before the fillers


def _rand_day(rng: np.random.Generator, lo: int, hi: int) -> int:
    return int(rng.integers(lo, hi))


def _committee(o: Orgs, rng, oid: str, name: str, parent: int, n_sub: int, *, sector, province,
               group: int, meet: bool, size=(7, 16), tag: str = "", upper: bool = False,
               units=nm.SUB_UNITS, founded: int | None = None) -> int:
    """A base committee with n_sub sub-cells (sector inherited)."""
    f = founded if founded is not None else _rand_day(rng, day(1980), day(2008))
    i = o.add(oid, name, "base_committee", parent, sector=sector, province=province, founded=f,
              upper=upper, group=group, meet=meet, tag=tag)
    for j in range(n_sub):
        unit = units[j % len(units)] + ("" if j < len(units) else f" {j // len(units) + 1}")
        o.add(f"{oid}-{j + 1:02d}", f"Chi bộ {unit}", "sub_cell", i, province=province,
              founded=f, size=float(rng.uniform(*size)), group=group, meet=meet, tag=tag)
    return i


def _cell(o: Orgs, rng, oid: str, name: str, parent: int, *, sector, province, group: int,
          meet: bool, size=(8, 17), tag: str = "", founded: int | None = None,
          dissolved: int = NEVER) -> int:
    f = founded if founded is not None else _rand_day(rng, day(1980), day(2008))
    return o.add(oid, name, "base_cell", parent, sector=sector, province=province, founded=f,
                 dissolved=dissolved, size=float(rng.uniform(*size)), group=group, meet=meet,
                 tag=tag)


def build_tops(o: Orgs, old: list[Province], new: dict[str, Province]) -> dict[str, int]:
    """Provincial committees (63 old, 34 new) and the central committees of February 2025."""
    tops = {}
    for code, p in new.items():
        tops[code] = o.add(f"T{code}", f"Đảng bộ {p.title}", "province_committee", None,
                           province=code, founded=MERGER)
    for p in old:
        tops[p.code] = o.add(f"T{p.code}", f"Đảng bộ {p.title}", "province_committee", None,
                             province=p.code, founded=day(1976, 1, 1), dissolved=MERGER,
                             successor=f"T{p.successor}")
    for oid, name in (("TW-CQD", "Đảng ủy các cơ quan Đảng Trung ương"),
                      ("TW-QH", "Đảng ủy Quốc hội"), ("TW-CP", "Đảng ủy Chính phủ"),
                      ("TW-MT", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương")):
        tops[oid] = o.add(oid, name, "central_committee", None, founded=NEW_CENTRAL)
    for code, p in new.items():  # the committees replacing the provincial blocs, after the merger
        o.add(f"T{code}-CQD", f"Đảng ủy các cơ quan Đảng {p.title}", "upper_committee",
              tops[code], province=code, founded=MERGER)
        o.add(f"T{code}-UB", f"Đảng ủy Ủy ban nhân dân {p.title}", "upper_committee",
              tops[code], province=code, founded=MERGER)
    return tops


def build_central_bloc(o: Orgs, rng, group: int, meet_mass: bool, meet_all: bool) -> int:
    """Central agency bloc: ministries' committees, central mass associations and VUSTA."""
    k = o.add("TW-K", "Đảng ủy Khối các cơ quan Trung ương", "bloc_committee", None,
              founded=day(2007, 12, 1), dissolved=BLOC_END, successor="TW-CQD")
    # VUSTA: 58 sub-cells on 2022-12-31 (57 old + 1 from 2016; 2 dissolved before, 1 founded after)
    v = o.add("VUSTA", "Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "base_committee",
              k, sector="mass_association", founded=day(1996, 6, 1), upper=True, group=group + 1,
              meet=meet_mass, tag="vusta")
    special = {58: (day(2016, 5, 1), NEVER), 59: (day(2001, 3, 1), day(2019, 6, 30)),
               60: (day(2003, 9, 1), day(2021, 12, 31)), 61: (day(2023, 6, 1), NEVER)}
    for j in range(1, 62):
        f, d = special.get(j, (_rand_day(rng, day(1996, 6, 1), day(2009)), NEVER))
        unit = nm.VUSTA_UNITS[(j - 1) % len(nm.VUSTA_UNITS)]
        unit += "" if j <= len(nm.VUSTA_UNITS) else f" {(j - 1) // len(nm.VUSTA_UNITS) + 1}"
        o.add(f"VUSTA-C{j:02d}", f"Chi bộ {unit}", "sub_cell", v, founded=f, dissolved=d,
              size=float(rng.uniform(8, 18)), group=group + 1, meet=meet_mass, tag="vusta")
    for j, name in enumerate(nm.CENTRAL_MASS_COMMITTEES):
        _committee(o, rng, f"TW-K-M{j + 1:02d}", f"Đảng bộ cơ quan {name}", k,
                   int(rng.integers(3, 8)), sector="mass_association", province=None,
                   group=group, meet=meet_mass, size=(7, 17), tag="mass")
    for j in range(25):
        _cell(o, rng, f"TW-K-MC{j + 1:02d}", f"Chi bộ cơ quan {nm.CENTRAL_MASS_CELLS[j]}", k,
              sector="mass_association", province=None, group=group, meet=meet_mass,
              size=(7, 17), tag="mass")
    for j, name in enumerate(("Ủy ban Trung ương MTTQ Việt Nam", "Trung ương Hội Liên hiệp Phụ nữ",
                              "Trung ương Hội Nông dân", "Trung ương Hội Cựu chiến binh",
                              "Trung ương Đoàn TNCS Hồ Chí Minh")):
        _committee(o, rng, f"TW-K-D{j + 1}", f"Đảng bộ cơ quan {name}", k, int(rng.integers(6, 14)),
                   sector="agency", province=None, group=group, meet=meet_all)
    for j, ministry in enumerate(nm.MINISTRIES):
        m = o.add(f"TW-K-B{j + 1:02d}", f"Đảng bộ {ministry}", "upper_committee", k,
                  founded=day(2007, 12, 1), group=group)
        for u in range(int(rng.integers(12, 28))):
            unit = nm.MINISTRY_UNITS[u % len(nm.MINISTRY_UNITS)]
            unit += "" if u < len(nm.MINISTRY_UNITS) else f" {u // len(nm.MINISTRY_UNITS) + 1}"
            sector = "public_service" if unit.split()[0] in (
                "Viện", "Trường", "Trung", "Tạp", "Báo", "Nhà", "Học") else "agency"
            oid = f"TW-K-B{j + 1:02d}-{u + 1:02d}"
            if rng.random() < 0.45:
                _committee(o, rng, oid, f"Đảng bộ {unit}", m, int(rng.integers(4, 22)),
                           sector=sector, province=None, group=group, meet=meet_all)
            else:
                _cell(o, rng, oid, f"Chi bộ {unit}", m, sector=sector, province=None,
                      group=group, meet=meet_all)
    return k


def build_province_bloc(o: Orgs, rng, p: Province, top: int, n_base: int, mass_cells: int,
                        mass_committees: int, group: int, meet_mass: bool, meet_all: bool) -> int:
    """One provincial agency bloc with n_base base organisations valid on the 2018 seed date."""
    code = p.code
    k = o.add(f"T{code}-K", f"Đảng ủy Khối các cơ quan {p.title}", "bloc_committee", top,
              province=code, founded=day(1997, 1, 1), dissolved=BLOC_END,
              successor=f"T{code}-CQD")
    o.add(f"T{code}-CQD", f"Đảng ủy các cơ quan Đảng {p.title}", "upper_committee", top,
          province=code, founded=NEW_CENTRAL, dissolved=MERGER,
          successor=f"T{p.successor}-CQD")
    o.add(f"T{code}-UB", f"Đảng ủy Ủy ban nhân dân {p.title}", "upper_committee", top,
          province=code, founded=NEW_CENTRAL, dissolved=MERGER, successor=f"T{p.successor}-UB")
    n = 0
    kw = dict(province=code, group=group)
    for j in range(mass_committees):
        _committee(o, rng, f"T{code}-K-M{j + 1:02d}",
                   f"Đảng bộ cơ quan {nm.PROVINCIAL_MASS[j]} {p.title}", k, int(rng.integers(3, 8)),
                   sector="mass_association", meet=meet_mass, size=(7, 17), tag="mass", **kw)
        n += 1
    for j in range(mass_cells):
        assoc = nm.PROVINCIAL_MASS[(mass_committees + j) % len(nm.PROVINCIAL_MASS)]
        _cell(o, rng, f"T{code}-K-MC{j + 1:02d}", f"Chi bộ cơ quan {assoc} {p.title}", k,
              sector="mass_association", meet=meet_mass, size=(7, 17), tag="mass", **kw)
        n += 1
    for j, unit in enumerate(nm.DOAN_THE):
        _cell(o, rng, f"T{code}-K-D{j + 1}", f"Chi bộ cơ quan {unit} {p.title}", k,
              sector="agency", meet=meet_all, **kw)
        n += 1
    units = list(nm.DEPARTMENTS) + [u for u in nm.PUBLIC_UNITS]
    u = 0
    while n < n_base:
        unit = units[u] if u < len(units) else f"{nm.pick(rng, nm.REGIONAL_UNITS)} {nm.place(rng)}"
        sector = nm.unit_sector(unit)
        oid = f"T{code}-K-{u + 1:03d}"
        if rng.random() < 0.45:
            _committee(o, rng, oid, f"Đảng bộ {unit} {p.title}", k, int(rng.integers(4, 22)),
                       sector=sector, meet=meet_all, **kw)
        else:
            _cell(o, rng, oid, f"Chi bộ {unit} {p.title}", k, sector=sector, meet=meet_all, **kw)
        u += 1
        n += 1
    # churn: one unit dissolved before the 2018 seed date, one founded after it
    _cell(o, rng, f"T{code}-K-X1", f"Chi bộ Ban Quản lý dự án {p.title}", k, sector="agency",
          meet=meet_all, dissolved=_rand_day(rng, day(2011), day(2017, 12, 31)), **kw)
    _cell(o, rng, f"T{code}-K-X2", f"Chi bộ Trung tâm Phục vụ hành chính công {p.title}", k,
          sector="agency", meet=meet_all, founded=_rand_day(rng, day(2019), day(2023)), **kw)
    return k


def mass_allocation(old: list[Province]) -> dict[str, tuple[int, int]]:
    """(base cells, committees) of mass associations per old province: 574 cells, 30 committees."""
    ranked = sorted(old, key=lambda p: -p.weight)
    alloc = {p.code: [9, 0] for p in old}
    for i, p in enumerate(ranked):
        alloc[p.code][1] = 2 if i < 10 else (1 if i < 20 else 0)
        if 20 <= i < 27:
            alloc[p.code][0] += 1
    return {c: (a[0], a[1]) for c, a in alloc.items()}


def build_seed(o: Orgs, rng, old: list[Province], new: dict[str, Province],
               meet_province) -> dict[str, int]:
    """Everything the seed figures need; returns the index of every province committee/bloc."""
    tops = build_tops(o, old, new)
    blocs = {"TW": build_central_bloc(o, rng, 0, True, meet_province(None))}
    alloc = mass_allocation(old)
    total_w = sum(p.weight for p in old)
    for i, p in enumerate(old):
        cells, committees = alloc[p.code]
        n_base = max(cells + committees + 12, round(PROVINCIAL_BLOC_BASE * p.weight / total_w))
        blocs[p.code] = build_province_bloc(o, rng, p, tops[p.code], n_base, cells, committees,
                                            2 + i, True, meet_province(p.code))
    # mass churn: one cell dissolved in 2021 (counts in 2018, not 2023), one founded in 2024
    first = old[0]
    _cell(o, rng, f"T{first.code}-K-MX1", f"Chi bộ cơ quan Hội Sinh vật cảnh {first.title}",
          blocs[first.code], sector="mass_association", province=first.code, group=2,
          meet=True, size=(6, 12), tag="mass", dissolved=day(2021, 3, 31))
    _cell(o, rng, f"T{first.code}-K-MX2", f"Chi bộ cơ quan Hội Làm vườn {first.title}",
          blocs[first.code], sector="mass_association", province=first.code, group=2,
          meet=True, size=(6, 12), tag="mass", founded=day(2024, 3, 1))
    _fill_blocs(o, rng, old, blocs, meet_province)
    return blocs


def in_subtree(o: Orgs, roots: list[int]) -> np.ndarray:
    """Mask of organisations at or below any of the roots."""
    parent = np.array(o.cols["parent"], dtype=np.int64)
    mask = np.zeros(len(parent), dtype=bool)
    mask[roots] = True
    cur = parent.copy()
    for _ in range(8):
        hit = (cur >= 0) & mask[np.maximum(cur, 0)]
        mask |= hit
        cur = np.where(cur >= 0, parent[np.maximum(cur, 0)], -1)
    return mask


def valid_on(o: Orgs, when: int) -> np.ndarray:
    f = np.array(o.cols["founded"], dtype=np.int64)
    d = np.array(o.cols["dissolved"], dtype=np.int64)
    return (f <= when) & (d > when)


def _fill_blocs(o: Orgs, rng, old: list[Province], blocs: dict[str, int], meet_province) -> None:
    """Top the bloc subtrees up to exactly BLOC_BASE_ORGS base orgs and BLOC_CELLS cells."""
    kind = np.array(o.cols["kind"])
    sub = in_subtree(o, list(blocs.values())) & valid_on(o, ANCHOR_BLOC)
    n_base = int((sub & np.isin(kind, ("base_cell", "base_committee"))).sum())
    n_cells = int((sub & np.isin(kind, ("base_cell", "sub_cell"))).sum())
    add_base = BLOC_BASE_ORGS - n_base
    add_sub = BLOC_CELLS - n_cells - add_base

    if add_base < 0 or add_sub < 0:
        raise RuntimeError(f"bloc structure too large: {n_base} base orgs, {n_cells} cells")
    tags = np.array(o.cols["tag"])
    committees = np.flatnonzero(sub & (kind == "base_committee") & (tags == ""))
    for j in range(add_base):
        p = old[int(rng.integers(len(old)))]
        _cell(o, rng, f"T{p.code}-K-F{j + 1:03d}", f"Chi bộ {nm.pick(rng, nm.PUBLIC_UNITS)} "
              f"{p.title}", blocs[p.code], sector="public_service", province=p.code,
              group=2 + old.index(p), meet=meet_province(p.code))
    for j in range(add_sub):
        c = int(committees[rng.integers(len(committees))])
        cid = o.cols["org_id"][c]
        o.add(f"{cid}-F{j + 1:04d}", f"Chi bộ {nm.pick(rng, nm.SUB_UNITS)} {j % 7 + 2}", "sub_cell",
              c, province=o.cols["province"][c], founded=o.cols["founded"][c],
              size=float(rng.uniform(7, 16)), group=o.cols["group"][c], meet=o.cols["meet"][c])

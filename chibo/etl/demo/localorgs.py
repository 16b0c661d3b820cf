"""The local structure of a fully populated province: districts, communes with their residential,
agency, school and police cells, and district base organisations (schools, agencies, firms). At
the merger of 1 July 2025 a quarter of the district base cells are dissolved and their members
handed over that day to a new cell of the new province; one new cell founded after it has no
predecessor (old-boundary views place it only when its new province continues one old one).
"""

from __future__ import annotations

from chibo.etl.demo import names as nm
from chibo.etl.demo.common import MERGER, NEVER, Orgs, day
from chibo.etl.demo.provinces import Province, Scale

SIZE_FACTOR = 0.955  # calibrates the national totals (about 4.93 M members at the end of 2017)


def _founded(rng) -> int:
    return int(rng.integers(day(1976), day(2008)))


def _commune(o: Orgs, rng, oid: str, d_index: int, p: Province, group: int, urban: bool) -> None:
    name = nm.place(rng)
    word = "phường" if urban else ("thị trấn" if rng.random() < 0.06 else "xã")
    f = _founded(rng)
    c = o.add(oid, f"Đảng bộ {word} {name}", "base_committee", d_index, sector="commune",
              province=p.code, founded=f, group=group, meet=True)
    n_res = int(rng.integers(10, 20))
    northern = p.region == "northern_midlands"
    for j in range(n_res):
        if urban:
            label = f"tổ dân phố số {j + 1}"
        elif northern and rng.random() < 0.4:
            label = f"bản {nm.pick(rng, nm.SYLLABLES)} {j + 1}"
        else:
            label = f"thôn {j + 1}"
        new = rng.random() < 0.05
        o.add(f"{oid}-R{j + 1:02d}", f"Chi bộ {label}", "sub_cell", c, sector="residential",
              province=p.code, founded=int(rng.integers(day(2011), day(2025))) if new else f,
              size=float(rng.uniform(10, 40)), group=group, meet=True)
    # the commune agency cell, dissolved in 2018-2019 (members moved to residential cells)
    o.add(f"{oid}-CQ", f"Chi bộ cơ quan {word} {name}", "sub_cell", c, sector="agency",
          province=p.code, founded=f, dissolved=int(rng.integers(day(2018, 4, 1), day(2019, 12, 31))),
          size=float(rng.uniform(5, 13)), group=group, meet=True, tag="commune_agency")
    if rng.random() < 0.5:
        o.add(f"{oid}-TH", f"Chi bộ {nm.pick(rng, nm.SCHOOLS)} {name}", "sub_cell", c,
              sector="public_service", province=p.code, founded=f, size=float(rng.uniform(6, 14)),
              group=group, meet=True)
    if rng.random() < 0.3:
        o.add(f"{oid}-QS", f"Chi bộ Quân sự {word} {name}", "sub_cell", c, sector="armed_forces",
              province=p.code, founded=f, size=float(rng.uniform(6, 11)), group=group, meet=True)
    if rng.random() < 0.6:  # regular police posted to communes from 2019-2020
        o.add(f"{oid}-CA", f"Chi bộ Công an {word} {name}", "sub_cell", c, sector="armed_forces",
              province=p.code, founded=int(rng.integers(day(2019, 6, 1), day(2020, 12, 31))),
              size=float(rng.uniform(6, 11)), group=group, meet=True)


def _handed_over(o: Orgs, i: int, p: Province) -> None:
    """Dissolve base cell i at the merger; a new cell of the new province takes its members."""
    c = o.cols
    heir = o.add(f"{c['org_id'][i]}-N", c["name"][i], "base_cell", o.index[f"T{p.successor}-UB"],
                 sector=c["sector"][i], province=p.successor, founded=MERGER, size=c["size"][i],
                 group=c["group"][i], meet=True, tag="successor")
    o.set(i, dissolved=MERGER, successor_id=c["org_id"][heir], heir=heir)


def _district_orgs(o: Orgs, rng, did: str, d_index: int, dname: str, p: Province, group: int,
                   mean: float) -> None:
    n_total = max(8, int(rng.poisson(mean)))
    kw = dict(province=p.code, group=group, meet=True)
    fixed = nm.DISTRICT_FIXED if mean >= 30 else nm.DISTRICT_FIXED[:5] + nm.DISTRICT_FIXED[-2:]
    for j, (pattern, kind, sector, subs) in enumerate(fixed):
        oid = f"{did}-D{j + 1:02d}"
        name = pattern.format(d=dname, p=nm.place(rng))
        f = _founded(rng)
        i = o.add(oid, name, kind, d_index, sector=sector, founded=f,
                  size=0.0 if subs else float(rng.uniform(8, 22)), **kw)
        if subs:
            for s in range(int(rng.integers(*subs))):
                o.add(f"{oid}-{s + 1:02d}", f"Chi bộ {nm.SUB_UNITS[s % len(nm.SUB_UNITS)]}",
                      "sub_cell", i, founded=f, size=float(rng.uniform(6, 18)), **kw)
    for j in range(n_total - len(fixed)):
        oid = f"{did}-E{j + 1:03d}"
        f, d = _founded(rng), NEVER
        if rng.random() < 0.62:
            name, sector = f"Chi bộ {nm.pick(rng, nm.SCHOOLS)} {nm.place(rng)}", "public_service"
        else:
            kind_word = nm.pick(rng, nm.ENTERPRISES)
            name = f"Chi bộ {kind_word} {nm.pick(rng, nm.ENTERPRISE_WORDS)} {nm.place(rng)}"
            sector = "state_enterprise" if kind_word.endswith("MTV") else "private_enterprise"
            if rng.random() < 0.3:
                f = int(rng.integers(day(2011), day(2025)))
            if rng.random() < 0.12:
                d = int(rng.integers(max(f, day(2010)) + 400, day(2026, 6, 1)))
        if rng.random() < 0.1:  # a larger unit organised as a committee
            i = o.add(oid, name.replace("Chi bộ", "Đảng bộ", 1), "base_committee", d_index,
                      sector=sector, founded=f, dissolved=d, **kw)
            for s in range(int(rng.integers(3, 9))):
                o.add(f"{oid}-{s + 1:02d}", f"Chi bộ {nm.SUB_UNITS[s % len(nm.SUB_UNITS)]}",
                      "sub_cell", i, founded=f, dissolved=d, size=float(rng.uniform(6, 16)), **kw)
        else:
            i = o.add(oid, name, "base_cell", d_index, sector=sector, founded=f, dissolved=d,
                      size=float(rng.uniform(6, 21)), **kw)
            if d == NEVER and f < MERGER - 400 and rng.random() < 0.25:
                _handed_over(o, i, p)


def build_local(o: Orgs, rng, p: Province, top: int, scale: Scale, group: int) -> None:
    """Districts (dissolved with the district level on 2025-07-01, their last day 30/06) and
    everything below them."""
    n_districts = max(scale.min_districts, round(scale.districts * p.weight))
    first = len(o)
    for j in range(n_districts):
        dname = nm.place(rng)
        if p.city:
            word = "quận" if j < n_districts // 2 else "huyện"
        else:
            word = "thành phố" if j == 0 else ("thị xã" if j == 1 and n_districts > 6 else "huyện")
        did = f"T{p.code}-H{j + 1:02d}"
        d = o.add(did, f"Đảng bộ {word} {dname}", "upper_committee", top, province=p.code,
                  founded=_founded(rng), dissolved=MERGER, successor=f"T{p.successor}",
                  group=group)
        urban = word in ("quận", "thành phố", "thị xã")
        for k in range(int(rng.integers(scale.communes[0], scale.communes[1] + 1))):
            _commune(o, rng, f"{did}-X{k + 1:02d}", d, p, group,
                     urban and rng.random() < 0.7)
        _district_orgs(o, rng, did, d, f"{word} {dname}", p, group, scale.district_orgs)
    o.add(f"T{p.successor}-UB-{p.code}", f"Chi bộ Trung tâm Chuyển đổi số {p.name}", "base_cell",
          o.index[f"T{p.successor}-UB"], sector="public_service", province=p.successor,
          founded=day(2025, 9, 1), size=float(rng.uniform(8, 14)), group=group, meet=True,
          tag="successor")
    sizes = o.cols["size"]
    for i in range(first, len(o)):
        sizes[i] *= SIZE_FACTOR

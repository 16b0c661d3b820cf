"""The member structure of the demo (issue 15): birth date, ethnic group, religion, general
education, professional level and political theory of every person, with realistic national
shares: ethnic minorities around a tenth of members nationally and far more in the northern
mountains and the Central Highlands, few religious believers, most members with a university
degree in agencies and less in residential cells, most new admissions with elementary theory.

Drawn from a random stream of its own (seeded from the demo seed), after everything else, so the
calibrated people and spells, hence every seed figure, are exactly those of a demo without them.
A few values are left blank on purpose, as in real files (not recorded).
"""

from __future__ import annotations

import csv

import numpy as np

from chibo.etl.demo.common import NEVER, year_of
from chibo.etl.demo.provinces import PROVINCES_CSV

STREAM = 15  # the issue that added the structure: any fixed number keeps it apart
NOT_RECORDED = 0.02  # share of blanks per attribute

# share of ethnic minorities among members by region, and the groups drawn there (weights)
MINORITY_SHARE = {"northern_midlands": 0.52, "central_highlands": 0.22, "north_central_coast": 0.07,
                  "mekong_delta": 0.05, "southeast": 0.03, "red_river_delta": 0.01, "": 0.06}
GROUPS = {
    "northern_midlands": {"Tày": 30, "Thái": 14, "Nùng": 14, "Mông": 12, "Dao": 12, "Mường": 8,
                          "Giáy": 3, "Hà Nhì": 2, "Lô Lô": 2, "Pà Thẻn": 1, "Bố Y": 1, "Pu Péo": 1},
    "central_highlands": {"Ê Đê": 22, "Gia Rai": 24, "Ba Na": 16, "Xơ Đăng": 12, "M'Nông": 8,
                          "Tày": 8, "Nùng": 6, "Cơ Ho": 4},
    "north_central_coast": {"Thái": 35, "Mường": 30, "Khơ Mú": 10, "Bru - Vân Kiều": 10,
                            "Cơ Tu": 8, "Chứt": 3, "Tà Ôi": 4},
    "mekong_delta": {"Khmer": 80, "Hoa": 12, "Chăm": 8},
    "southeast": {"Hoa": 45, "Khmer": 20, "Xtiêng": 15, "Chơ Ro": 10, "Mạ": 10},
}
OTHER_GROUPS = {"Tày": 25, "Thái": 20, "Mường": 20, "Khmer": 15, "Hoa": 10, "Nùng": 10}
RELIGIONS = {"không": 97.6, "Phật giáo": 1.0, "Công giáo": 0.8, "Tin Lành": 0.3, "Cao Đài": 0.1,
             "Hòa Hảo": 0.1, "Hồi giáo": 0.05, "khác": 0.05}
PROFESSIONAL = ("chưa qua đào tạo", "trung cấp", "cao đẳng", "đại học", "thạc sĩ", "tiến sĩ")
PROFESSIONAL_P = {"working": (0.03, 0.08, 0.07, 0.62, 0.17, 0.03),
                  "residential": (0.32, 0.30, 0.08, 0.27, 0.03, 0.0)}
THEORY = ("chưa qua đào tạo", "sơ cấp", "trung cấp", "cao cấp")
THEORY_P = {"new": (0.15, 0.85, 0.0, 0.0), "working": (0.05, 0.55, 0.32, 0.08),
            "residential": (0.08, 0.70, 0.18, 0.04)}
EDUCATION = ("tiểu học", "trung học cơ sở", "12/12")


def _regions() -> dict[str, str]:
    with PROVINCES_CSV.open(encoding="utf-8", newline="") as fh:
        return {r["province_code"]: r["region"] for r in csv.DictReader(fh)}


def _org_regions(cols: dict) -> tuple[list[str], np.ndarray]:
    """(region names, sorted; the region of every organisation as an index into them): its own
    province's or its nearest ancestor's ("" when none, as for the central blocs)."""
    regions = _regions()
    region = np.array([regions.get(p or "", "") for p in cols["province"]], dtype=object)
    parent = np.array(cols["parent"], dtype=np.int64)
    for _ in range(12):  # deeper than any tree of the demo
        gap = (region == "") & (parent >= 0)
        if not gap.any():
            break
        region[gap] = region[parent[gap]]
    names = sorted(set(region) | {""})
    return names, np.searchsorted(np.array(names, dtype=object), region)


def _pick(rng, words, weights, n: int) -> np.ndarray:
    p = np.asarray(weights, dtype=float)
    return np.asarray(words, dtype=object)[rng.choice(len(words), n, p=p / p.sum())]


def _blank(rng, values: np.ndarray) -> np.ndarray:
    values = values.astype(object)
    values[rng.random(len(values)) < NOT_RECORDED] = None
    return values


def draw(seed: int, cols: dict, org: dict, people, sp) -> dict[str, np.ndarray]:
    """Per person: birth_date (day number, NEVER = not recorded), ethnicity, religion, education,
    professional_level, political_theory (words as staff type them, None = not recorded)."""
    rng = np.random.default_rng([seed, STREAM])
    n = len(people)
    first = np.full(n, -1, np.int64)
    first[sp.person[::-1]] = sp.cell[::-1]  # the cell of each person's first spell
    names, org_region = _org_regions(cols)
    region = np.where(first >= 0, org_region[np.maximum(first, 0)], names.index(""))
    resid = np.where(first >= 0, org["resid"][np.maximum(first, 0)], False)

    ethnicity = np.full(n, "Kinh", dtype=object)
    share = np.array([MINORITY_SHARE.get(name, 0.06) for name in names])
    minority = rng.random(n) < share[region]
    for k, name in enumerate(names):
        groups = GROUPS.get(name, OTHER_GROUPS)
        hit = minority & (region == k)
        ethnicity[hit] = _pick(rng, list(groups), list(groups.values()), int(hit.sum()))
    ethnicity[rng.random(n) < 0.0003] = "người nước ngoài gốc Việt"

    religion = _pick(rng, list(RELIGIONS), list(RELIGIONS.values()), n)
    highlands = names.index("central_highlands") if "central_highlands" in names else -1
    believers = (region == highlands) & minority & (rng.random(n) < 0.12)
    religion[believers] = "Tin Lành"

    born = people.birth
    education = np.where(born < 1960, _pick(rng, EDUCATION, (0.05, 0.25, 0.70), n),
                         _pick(rng, EDUCATION, (0.0, 0.03, 0.97), n))
    professional = np.where(resid, _pick(rng, PROFESSIONAL, PROFESSIONAL_P["residential"], n),
                            _pick(rng, PROFESSIONAL, PROFESSIONAL_P["working"], n))
    recent = year_of(people.admitted) >= 2024
    theory = np.where(recent, _pick(rng, THEORY, THEORY_P["new"], n),
                      np.where(resid, _pick(rng, THEORY, THEORY_P["residential"], n),
                               _pick(rng, THEORY, THEORY_P["working"], n)))

    jan1 = (born - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
    birth_date = jan1 + rng.integers(0, 365, n)
    dated = (born >= 1901) & (year_of(people.admitted) - born >= 15) & (rng.random(n) >= 0.25)
    birth_date = np.where(dated, birth_date, NEVER)  # a quarter of the files give the year only
    return {"birth_date": birth_date,
            "ethnicity": _blank(rng, ethnicity), "religion": _blank(rng, religion),
            "education": _blank(rng, education), "professional_level": _blank(rng, professional),
            "political_theory": _blank(rng, theory)}

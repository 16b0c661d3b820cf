"""Provinces for the demo (read from chibo/etl/reference/provinces.csv) and the three demo scales."""

from __future__ import annotations

import csv
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from chibo.etl.demo.common import day

PROVINCES_CSV = Path(__file__).resolve().parents[1] / "reference" / "provinces.csv"
CITY_WEIGHT = {"01": 2.8, "79": 2.6}  # the two largest party organisations


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    successor: str | None
    region: str
    city: bool
    weight: float  # relative size; mean 1 over the 63 old provinces

    @property
    def title(self) -> str:
        """"tỉnh Hà Giang" / "thành phố Hà Nội"."""
        return f"{'thành phố' if self.city else 'tỉnh'} {self.name}"


@dataclass(frozen=True)
class Scale:
    """How much of the country gets its full local structure (districts, communes, schools…)."""

    featured: tuple[str, ...] | None  # old province codes fully populated; None = all
    districts: float  # districts per featured province and unit of weight (weights average 1)
    min_districts: int
    communes: tuple[int, int]  # communes per district (low, high)
    district_orgs: float  # mean base organisations per district outside communes
    member_assessment_years: tuple[int, int]
    meetings_from: int | None  # cells outside the featured provinces meet from this day (None: never)


# Hà Nội and Hồ Chí Minh City are featured at every scale, so they stay the largest, as in the
# public figures; the other provinces keep their weight through their agency blocs.
SCALES = {
    "small": Scale(("01", "79", "02", "08"), 0.8, 1, (5, 7), 16, (2016, 2025), day(2026, 1, 1)),
    "province": Scale(("01", "79"), 11, 3, (14, 24), 52, (2016, 2025), day(2026, 1, 1)),
    "national": Scale(None, 11, 3, (11, 21), 55, (2022, 2025), None),
}


def _read() -> list[dict[str, str]]:
    with PROVINCES_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _base_weight(code: str) -> float:
    """A fixed pseudo-random size per province (the reference data carries no population)."""
    rng = np.random.default_rng(zlib.crc32(code.encode()))
    return float(CITY_WEIGHT.get(code, np.exp(rng.normal(0.0, 0.3))))


def load() -> tuple[list[Province], dict[str, Province]]:
    """(old provinces in code order, new provinces by code)."""
    rows = _read()
    old_rows = [r for r in rows if r["is_current"].strip().lower() in ("false", "0", "")]
    new_rows = [r for r in rows if r["is_current"].strip().lower() in ("true", "1")]
    raw = {r["province_code"]: _base_weight(r["province_code"]) for r in old_rows}
    mean = sum(raw.values()) / max(len(raw), 1)

    def make(r: dict[str, str], weight: float) -> Province:
        return Province(r["province_code"], r["name"], r.get("successor_code") or None,
                        r["region"], r.get("kind") == "thanh_pho", weight)

    old = [make(r, raw[r["province_code"]] / mean) for r in old_rows]
    new = {r["province_code"]: make(r, 0.0) for r in new_rows}
    old.sort(key=lambda p: p.code)
    return old, new

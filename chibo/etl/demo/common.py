"""Shared pieces of the demo generator: day numbers, the calibration dates and the org builder.

Dates are integer day numbers since 1970-01-01 throughout; NEVER marks an open end.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

EPOCH = dt.date(1970, 1, 1)
NEVER = 2**30  # "no end date"


def day(y: int, m: int = 1, d: int = 1) -> int:
    """Day number of a calendar date."""
    return (dt.date(y, m, d) - EPOCH).days


def to_date(n: int) -> dt.date | None:
    return None if n >= NEVER else EPOCH + dt.timedelta(days=int(n))


HISTORY_START = day(2010, 1, 1)
END = day(2026, 10, 31)  # last day of generated history (inputs refuse future dates)
GUIDANCE_2018 = day(2018, 7, 6)
# Dissolution days are the first day an organisation no longer exists (dissolved_on = valid_to):
# the blocs' last day is 31/01/2025, the old provinces' and districts' 30/06/2025.
BLOC_END = day(2025, 2, 1)  # bloc committees dissolved, replaced the same day
NEW_CENTRAL = day(2025, 2, 1)
MERGER = day(2025, 7, 1)  # old provinces and districts dissolved, new provinces founded

# The seed figures (from the five news reports the project started from): (date, target).
ANCHOR_BLOC = day(2018, 8, 24)
BLOC_BASE_ORGS = 4561
BLOC_CELLS = 25588
BLOC_MEMBERS = 293_400
ANCHOR_VUSTA = day(2022, 12, 31)
VUSTA_CELLS = 58
VUSTA_MEMBERS = 787
ANCHOR_MASS = day(2023, 10, 11)
MASS_COMMITTEES = 40
MASS_BASE_CELLS = 599
MASS_MEMBERS = 10_579

BASE_KINDS = ("base_cell", "base_committee")
CELL_KINDS = ("base_cell", "sub_cell")

FIELDS = ("org_id", "name", "kind", "parent_id", "sector", "province", "founded", "dissolved",
          "successor_id", "upper_powers")
# generation-only attributes: parent index, target member stock, transfer group, meetings wanted,
# tag (seed role), heir (cell index taking over the members when the cell is dissolved)
EXTRA = ("parent", "size", "group", "meet", "tag", "heir")


class Orgs:
    """Organisations built row by row (columnar lists), with generation attributes."""

    def __init__(self) -> None:
        self.cols: dict[str, list] = {k: [] for k in FIELDS + EXTRA}
        self.index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.cols["org_id"])

    def add(self, org_id: str, name: str, kind: str, parent: int | None, *, sector=None,
            province=None, founded: int = day(1990), dissolved: int = NEVER, successor=None,
            upper: bool = False, size: float = 0.0, group: int = -1, meet: bool = False,
            tag: str = "", heir: int = -1) -> int:
        if org_id in self.index:
            raise ValueError(f"duplicate org id {org_id}")
        c = self.cols
        i = len(self)
        self.index[org_id] = i
        c["org_id"].append(org_id)
        c["name"].append(name)
        c["kind"].append(kind)
        c["parent"].append(-1 if parent is None else parent)
        c["parent_id"].append(None if parent is None else c["org_id"][parent])
        c["sector"].append(sector)
        c["province"].append(province)
        c["founded"].append(founded)
        c["dissolved"].append(dissolved)
        c["successor_id"].append(successor)
        c["upper_powers"].append(upper)
        c["size"].append(size)
        c["group"].append(group)
        c["meet"].append(meet)
        c["tag"].append(tag)
        c["heir"].append(heir)
        return i

    def set(self, i: int, **values) -> None:
        for k, v in values.items():
            self.cols[k][i] = v

    def arrays(self) -> dict[str, np.ndarray]:
        """Numeric views used by the vectorised member and meeting generation."""
        c = self.cols
        kind = np.array(c["kind"])
        parent = np.array(c["parent"], dtype=np.int64)
        is_cell = np.isin(kind, CELL_KINDS)
        base = np.where(kind == "sub_cell", parent, np.arange(len(kind)))
        return {
            "kind": kind, "parent": parent, "is_cell": is_cell, "base": base,
            "founded": np.array(c["founded"], dtype=np.int64),
            "dissolved": np.array(c["dissolved"], dtype=np.int64),
            "size": np.array(c["size"], dtype=np.float64),
            "group": np.array(c["group"], dtype=np.int64),
            "meet": np.array(c["meet"], dtype=bool),
            "tag": np.array(c["tag"]),
            "heir": np.array(c["heir"], dtype=np.int64),
            "resid": np.array([s == "residential" for s in c["sector"]], dtype=bool),
            "prov": np.unique(np.array([p or "" for p in c["province"]]), return_inverse=True)[1],
        }


def month_index(days: np.ndarray) -> np.ndarray:
    """Months since 2010-01 of day numbers (negative before)."""
    d = np.asarray(days).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return d - (2010 - 1970) * 12


def month_start(months: np.ndarray) -> np.ndarray:
    """Day number of the first day of month index (since 2010-01)."""
    m = (np.asarray(months) + (2010 - 1970) * 12).astype("datetime64[M]")
    return m.astype("datetime64[D]").astype(np.int64)


def year_of(days: np.ndarray) -> np.ndarray:
    return np.asarray(days).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


N_MONTHS = int(month_index(np.array([END]))[0]) + 1

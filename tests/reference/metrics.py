"""An independent recomputation of the metric registry (chibo/etl/reference/metrics.csv) in plain pandas,
straight from the input files the demo writes (organisations.csv, members.parquet,
meetings.parquet, assessments.xlsx, assessments_members.parquet): never from the warehouse, and
without the ETL's code. Each metric follows the registry's one-sentence definition.

`Inputs.read(folder)` reads the files; a `Scope` picks organisations (country, a current province,
an old province in the boundaries before 1 July 2025, a sector); `stocks`, `flows`,
`admission_rate`, `meetings`, `structure` and `ratings` return {metric: value}.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

HISTORY_START = pd.Timestamp("2010-01-01")
CELLS, BASE = ("base_cell", "sub_cell"), ("base_cell", "base_committee")
REASONS = ("death", "struck_off", "expelled", "resigned", "other")
QUALITY_WORDS = {"tốt": 4, "khá": 3, "trung bình": 2, "kém": 1}
RATING_WORDS = {  # the current scheme (2018-), and the organisations' and members' of 2008-2017
    "hoàn thành xuất sắc nhiệm vụ": 4, "hoàn thành tốt nhiệm vụ": 3, "hoàn thành nhiệm vụ": 2,
    "không hoàn thành nhiệm vụ": 1, "httnv": 3,
    "trong sạch vững mạnh tiêu biểu": 4, "trong sạch vững mạnh": 3, "yếu kém": 1,
    "đủ tư cách hoàn thành xuất sắc nhiệm vụ": 4, "đủ tư cách hoàn thành tốt nhiệm vụ": 3,
    "đủ tư cách hoàn thành nhiệm vụ": 2, "vi phạm tư cách": 1,
}


@dataclass(frozen=True)
class Scope:
    """kind: country | province (current code) | old_province (old boundaries) | sector."""

    kind: str
    value: str | None = None

    def mask(self, orgs: pd.DataFrame) -> pd.Series:
        if self.kind == "country":
            return pd.Series(True, index=orgs.index)
        column = {"province": "province_current", "old_province": "province_old",
                  "sector": "sector_inh"}[self.kind]
        return orgs[column] == self.value


def _dates(df: pd.DataFrame, columns) -> pd.DataFrame:
    for c in columns:
        df[c] = pd.to_datetime(df[c], errors="coerce")
    return df


@dataclass
class Inputs:
    orgs: pd.DataFrame
    members: pd.DataFrame
    meetings: pd.DataFrame
    org_ratings: pd.DataFrame
    member_ratings: pd.DataFrame

    @classmethod
    def read(cls, folder: Path) -> Inputs:
        orgs = pd.read_csv(folder / "organisations.csv", dtype=str, keep_default_na=False)
        orgs = _dates(orgs, ["founded_on", "dissolved_on"])
        members = _dates(pd.read_parquet(folder / "members.parquet"),
                         ["admitted_on", "official_on", "joined_on", "left_on"])
        members["joined_on"] = members["joined_on"].fillna(members["admitted_on"])
        meetings = pd.read_parquet(folder / "meetings.parquet")
        meetings["held_on"] = pd.to_datetime(meetings["held_on"])
        book = pd.read_excel(folder / "assessments.xlsx", sheet_name="danh_gia", engine="calamine")
        book.columns = ["org_id", "year", "label"]
        people = pd.read_parquet(folder / "assessments_members.parquet")
        return cls(_with_places(orgs), members, meetings, book, people)


def _provinces() -> pd.DataFrame:
    path = Path(__file__).resolve().parents[2] / "chibo" / "etl" / "reference" / "provinces.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _txt(value) -> str | None:
    """A text value, or None for an empty or missing one (pandas reads those as '' or NaN)."""
    return value if isinstance(value, str) and value else None


def _with_places(orgs: pd.DataFrame) -> pd.DataFrame:
    """Sector and province inherited from the nearest ancestor having them; the current province;
    the old province (recorded, else through the crosswalk when the new province continues one
    old one, the predecessors, or the nearest ancestor recorded with an old one)."""
    parent = {o: _txt(p) for o, p in zip(orgs["org_id"], orgs["parent_id"])}
    own = {c: {o: _txt(v) for o, v in zip(orgs["org_id"], orgs[c])}
           for c in ("sector", "province", "kind")}

    def nearest(org, column, test=lambda v: v is not None):
        while org is not None:
            if test(own[column][org]):
                return own[column][org], org
            org = parent[org]
        return None, None

    prov = _provinces()
    successor = {r.province_code: (r.successor_code or r.province_code) for r in prov.itertuples()}
    is_old = {r.province_code: r.is_current != "true" for r in prov.itertuples()}
    olds_of = prov[prov.is_current != "true"].groupby("successor_code")["province_code"].agg(list)
    out = orgs.copy()
    out["sector_inh"] = [nearest(o, "sector")[0] for o in orgs["org_id"]]
    out["province_inh"] = [nearest(o, "province")[0] for o in orgs["org_id"]]
    out["province_current"] = [successor.get(p) if _txt(p) else None for p in out["province_inh"]]
    out["base_org"] = [nearest(o, "kind", lambda k: k in BASE)[1] for o in orgs["org_id"]]
    recorded = {o: p for o, p in zip(out["org_id"], out["province_inh"]) if _txt(p) and is_old[p]}
    preds: dict[str, set] = {}
    for o, s in zip(out["org_id"], out["successor_id"]):
        if _txt(s) and o in recorded:
            preds.setdefault(s, set()).add(recorded[o])

    def old_place(org, p):
        if not _txt(p):
            return None
        if is_old[p]:
            return p
        olds = olds_of.get(p, [])
        if len(olds) == 1:
            return olds[0]
        mine = {q for q in preds.get(org, ()) if successor[q] == p}
        if len(mine) == 1:
            return mine.pop()
        a = parent[org]
        while a is not None:
            q = own["province"][a]
            if q is not None and is_old[q] and successor[q] == p:
                return q
            a = parent[a]
        return None

    out["province_old"] = [old_place(o, p) for o, p in zip(out["org_id"], out["province_inh"])]
    return out


def _alive(orgs: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    return ((orgs["founded_on"].isna() | (orgs["founded_on"] <= day))
            & (orgs["dissolved_on"].isna() | (orgs["dissolved_on"] > day)))


def _in_scope(inp: Inputs, scope: Scope, rows: pd.DataFrame) -> pd.DataFrame:
    """Member or meeting rows whose cell is in the scope."""
    ids = set(inp.orgs.loc[scope.mask(inp.orgs), "org_id"])
    return rows[rows["org_id"].isin(ids)]


def stocks(inp: Inputs, scope: Scope, day: dt.date) -> dict[str, float]:
    """members, official, probationary, female, cells, base_orgs, cells_lt3, members_per_cell."""
    d = pd.Timestamp(day)
    m = _in_scope(inp, scope, inp.members)
    m = m[(m["joined_on"] <= d) & (m["left_on"].isna() | (m["left_on"] > d))]
    full = m["official_on"].notna() & (m["official_on"] <= d)
    orgs = inp.orgs[scope.mask(inp.orgs) & _alive(inp.orgs, d)]
    cells = orgs[orgs["kind"].isin(CELLS)]
    per_cell = pd.DataFrame({"org_id": m["org_id"], "full": full}).groupby("org_id")["full"].agg(
        ["size", "sum"])
    per_cell = per_cell.reindex(cells["org_id"], fill_value=0)
    out = {"members": len(m), "official": int(full.sum()), "probationary": int((~full).sum()),
           "female": int((m["gender"] == "female").sum()), "cells": len(cells),
           "base_orgs": int(orgs["kind"].isin(BASE).sum()),
           "cells_lt3": int(((per_cell["size"] > 0) & (per_cell["sum"] < 3)).sum())}
    out["members_per_cell"] = out["members"] / out["cells"] if out["cells"] else None
    return out


def flows(inp: Inputs, scope: Scope, first: dt.date, last: dt.date) -> dict[str, float]:
    """admitted, transferred_in, transferred_out, left_party, left_<reason>, left, net_change."""
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    m = _in_scope(inp, scope, inp.members)
    joined = m[(m["joined_on"] >= a) & (m["joined_on"] <= b)]
    left = m[(m["left_on"] >= a) & (m["left_on"] <= b)]
    admission = joined["joined_on"] == joined["admitted_on"]
    out = {"admitted": int(admission.sum()), "transferred_in": int((~admission).sum()),
           "transferred_out": int((left["leave_reason"] == "transfer_out").sum())}
    for reason in REASONS:
        out[f"left_{reason}"] = int((left["leave_reason"] == reason).sum())
    out["left_party"] = sum(out[f"left_{r}"] for r in REASONS)
    out["left"] = out["transferred_out"] + out["left_party"]
    out["net_change"] = (out["admitted"] + out["transferred_in"] - out["transferred_out"]
                         - out["left_party"])
    return out


def admission_rate(inp: Inputs, scope: Scope, year: int) -> float | None:
    """Admissions in the year over members on 31 December of the year before."""
    start = stocks(inp, scope, dt.date(year - 1, 12, 31))["members"]
    admitted = flows(inp, scope, dt.date(year, 1, 1), dt.date(year, 12, 31))["admitted"]
    return admitted / start if start else None


def _levels(meetings: pd.DataFrame) -> pd.Series:
    """The recorded quality, else the score's level with thresholds 90/70/50."""
    score = meetings["score"].astype("float64")
    derived = pd.cut(score, [-1, 49.999999, 69.999999, 89.999999, 101], labels=[1, 2, 3, 4])
    given = meetings["quality"].map(QUALITY_WORDS)
    return given.fillna(derived.astype("float64"))


def meetings(inp: Inputs, scope: Scope, first: dt.date, last: dt.date) -> dict[str, float]:
    """regular_held, thematic_held, meetings_by_quality (good, fair, average, poor),
    good_fair_share, good_share, attendance, mean_score, mean_duration, online_share."""
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    m = _in_scope(inp, scope, inp.meetings)
    m = m[(m["held_on"] >= a) & (m["held_on"] <= b)]
    level = _levels(m)
    rated = int(level.notna().sum())
    counts = {name: int((level == q).sum()) for name, q in
              (("good", 4), ("fair", 3), ("average", 2), ("poor", 1))}
    return {"regular_held": int((m["kind"] == "regular").sum()),
            "thematic_held": int((m["kind"] == "thematic").sum()), **counts,
            "good_fair_share": (counts["good"] + counts["fair"]) / rated if rated else None,
            "good_share": counts["good"] / rated if rated else None,
            "attendance": m["present"].sum() / m["expected"].sum() if len(m) else None,
            "mean_score": float(m["score"].dropna().mean()) if m["score"].notna().any() else None,
            "mean_duration": float(m["duration_minutes"].dropna().mean()) if len(m) else None,
            "online_share": float(m["format"].isin(["online", "hybrid"]).mean()) if len(m) else None}


def structure(inp: Inputs, scope: Scope, day: dt.date) -> dict[tuple[str, str], int]:
    """Members by (gender, age band) on the day; age = the day's year minus the birth year."""
    d = pd.Timestamp(day)
    m = _in_scope(inp, scope, inp.members)
    m = m[(m["joined_on"] <= d) & (m["left_on"].isna() | (m["left_on"] > d))]
    age = d.year - m["birth_year"]
    band = pd.cut(age, [0, 30, 40, 50, 60, 200], labels=["18_30", "31_40", "41_50", "51_60",
                                                         "61_plus"]).astype(str)
    band = band.where(age.notna(), "unknown")
    return {k: int(v) for k, v in m.groupby([m["gender"].fillna("unknown"), band]).size().items()}


def ratings(inp: Inputs, scope: Scope, year: int) -> dict[str, dict[int, int]]:
    """org_rating: organisations of the scope by rating; member_rating: members by rating,
    counted in the cell they were in on 31 December (else the last cell they joined that year)."""
    orgs = inp.org_ratings[inp.org_ratings["year"] == year]
    orgs = orgs[orgs["org_id"].isin(set(inp.orgs.loc[scope.mask(inp.orgs), "org_id"]))]
    org_counts = orgs["label"].str.lower().map(RATING_WORDS).value_counts().to_dict()
    people = inp.member_ratings[inp.member_ratings["year"] == year]
    m = inp.members
    end, start = pd.Timestamp(year, 12, 31), pd.Timestamp(year, 1, 1)
    spells = m[(m["joined_on"] <= end) & (m["left_on"].isna() | (m["left_on"] >= start))]
    placed = spells.sort_values("joined_on").groupby("member_id").tail(1)[["member_id", "org_id"]]
    rated = people.merge(placed, on="member_id")
    rated = _in_scope(inp, scope, rated)
    member_counts = rated["rating"].str.lower().map(RATING_WORDS).value_counts().to_dict()
    return {"org_rating": {int(k): int(v) for k, v in org_counts.items()},
            "member_rating": {int(k): int(v) for k, v in member_counts.items()}}


def missed_regular(inp: Inputs, scope: Scope, month: dt.date) -> dict[str, int]:
    """cells_missed_regular for one month: cells existing through the whole month, with members
    at its start and at its end, holding no regular meeting, when the month lies within the span
    of meeting data of the cells of its province (as recorded) and sector."""
    first = pd.Timestamp(month)
    end = first + pd.offsets.MonthEnd(0)
    orgs = inp.orgs[scope.mask(inp.orgs) & inp.orgs["kind"].isin(CELLS)]
    orgs = orgs[(orgs["founded_on"].isna() | (orgs["founded_on"] <= first))
                & (orgs["dissolved_on"].isna() | (orgs["dissolved_on"] > end))]
    key = inp.orgs["province_inh"].fillna("-") + "/" + inp.orgs["sector_inh"].fillna("-")
    key_of = dict(zip(inp.orgs["org_id"], key))
    held = inp.meetings.assign(key=inp.meetings["org_id"].map(key_of))
    span = held.groupby("key")["held_on"].agg(["min", "max"])
    m = inp.members

    def members_on(day):
        alive = m[(m["joined_on"] <= day) & (m["left_on"].isna() | (m["left_on"] > day))]
        return alive.groupby("org_id").size()

    before, after = members_on(first - pd.Timedelta(days=1)), members_on(end)
    regular = set(held.loc[(held["kind"] == "regular") & (held["held_on"] >= first)
                           & (held["held_on"] <= end), "org_id"])
    count = 0
    for org in orgs["org_id"]:
        prov = key_of[org]
        if prov not in span.index or not (span.at[prov, "min"].to_period("M") <= first.to_period("M")
                                          <= span.at[prov, "max"].to_period("M")):
            continue
        if before.get(org, 0) > 0 and after.get(org, 0) > 0 and org not in regular:
            count += 1
    return {"cells_missed_regular": count}


# The words the demo writes for the member structure (chibo/etl/demo/structure.py), read here by hand;
# ethnic groups by their official names in chibo/etl/reference/ethnicities.csv.
STRUCTURE_WORDS = {
    "religion": {"không": "none", "phật giáo": "buddhism", "công giáo": "catholicism",
                 "tin lành": "protestantism", "cao đài": "cao_dai", "hòa hảo": "hoa_hao",
                 "hồi giáo": "islam", "khác": "other"},
    "education": {"tiểu học": "primary", "trung học cơ sở": "lower_secondary",
                  "12/12": "upper_secondary"},
    "professional_level": {"chưa qua đào tạo": "none", "trung cấp": "vocational",
                           "cao đẳng": "college", "đại học": "university", "thạc sĩ": "master",
                           "tiến sĩ": "doctorate"},
    "political_theory": {"chưa qua đào tạo": "none", "sơ cấp": "elementary",
                         "trung cấp": "intermediate", "cao cấp": "advanced"},
}
AGE_BANDS = ([0, 30, 40, 50, 60, 200], ["18_30", "31_40", "41_50", "51_60", "61_plus"])


def _ethnic_groups() -> pd.DataFrame:
    path = Path(__file__).resolve().parents[2] / "chibo" / "etl" / "reference" / "ethnicities.csv"
    groups = pd.read_csv(path, dtype=str, keep_default_na=False)
    return groups.set_index(groups["name_vi"].str.lower())


def _by_dimension(m: pd.DataFrame, year: pd.Series) -> dict[tuple[str, str], int]:
    """{(dimension, value): members} over the rows `m`; age = `year` minus the birth year."""
    groups = _ethnic_groups()
    ethnic = m["ethnicity"].str.lower()
    birth = m["birth_year"].astype("float64").fillna(pd.to_datetime(m["birth_date"]).dt.year)
    age = year - birth
    band = pd.cut(age, AGE_BANDS[0], labels=AGE_BANDS[1]).astype(str).where(age.notna(), "unknown")
    columns = {
        "gender": m["gender"],
        "age_band": band,
        "ethnic_group": ethnic.map(groups["ethnicity"]),
        "ethnicity": ethnic.map(groups["ethnic_class"]),
        **{dim: m[dim].str.lower().map(words) for dim, words in STRUCTURE_WORDS.items()},
    }
    if "status" in m:
        columns["status"] = m["status"]
    out = {}
    for dim, values in columns.items():
        for value, n in values.fillna("unknown").value_counts().items():
            out[(dim, value)] = int(n)
    return out


def member_structure(inp: Inputs, scope: Scope, day: dt.date) -> dict[tuple[str, str], int]:
    """members_by_structure: members on the day by (dimension, value), every dimension."""
    d = pd.Timestamp(day)
    m = _in_scope(inp, scope, inp.members)
    m = m[(m["joined_on"] <= d) & (m["left_on"].isna() | (m["left_on"] > d))].copy()
    full = m["official_on"].notna() & (m["official_on"] <= d)
    m["status"] = full.map({True: "official", False: "probationary"})
    return _by_dimension(m, pd.Series(d.year, index=m.index))


def admission_structure(inp: Inputs, scope: Scope, first: dt.date, last: dt.date
                        ) -> dict[tuple[str, str], int]:
    """admissions_by_structure: admissions from first to last by (dimension, value); age in the
    year of admission."""
    m = _in_scope(inp, scope, inp.members)
    m = m[(m["joined_on"] == m["admitted_on"]) & (m["joined_on"] >= pd.Timestamp(first))
          & (m["joined_on"] <= pd.Timestamp(last))]
    return _by_dimension(m, m["admitted_on"].dt.year)

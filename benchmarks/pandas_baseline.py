"""The plain-pandas baseline of bench_dashboard.py: three representative answers (members trend,
quality levels, province ranking) computed with pandas over the fact tables, loaded into memory
once beforehand (the load is not timed), for the same filter states as the callbacks."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

ORG_COLS = "org_id, province_code_current, province_code_old, region, sector"


def load(warehouse: str) -> dict[str, pd.DataFrame]:
    """The facts and the organisations, as DataFrames (what a pandas dashboard would hold)."""
    with duckdb.connect(warehouse, read_only=True) as con:
        return {
            "org": con.execute(f"SELECT {ORG_COLS} FROM marts.dim_org").fetch_df(),
            "members": con.execute("SELECT month, org_id, official, probationary "
                                   "FROM marts.fct_membership_monthly").fetch_df(),
            "meetings": con.execute("SELECT month, org_id, good, fair, average, poor "
                                    "FROM marts.fct_meetings_monthly").fetch_df(),
        }


def _orgs(frames: dict, state: dict) -> pd.DataFrame:
    org = frames["org"]
    col = "province_code_old" if state.get("old") else "province_code_current"
    mask = pd.Series(True, index=org.index)
    for key, column in (("region", "region"), ("province", col), ("sector", "sector")):
        if state.get(key):
            mask &= org[column] == state[key]
    return org.loc[mask, ["org_id", col]].rename(columns={col: "province"})


def _window(df: pd.DataFrame, state: dict) -> pd.DataFrame:
    start = pd.Timestamp(dt.date.fromisoformat(state["start"]))
    end = pd.Timestamp(dt.date.fromisoformat(state["end"]))
    month = pd.to_datetime(df["month"])
    return df[(month >= start) & (month <= end)]


def members_trend(frames: dict, state: dict) -> pd.DataFrame:
    """Members (official + probationary) per month in the period."""
    df = _window(frames["members"], state).merge(_orgs(frames, state), on="org_id")
    out = df.groupby("month", as_index=False)[["official", "probationary"]].sum()
    out["members"] = out["official"] + out["probationary"]
    return out


def quality_levels(frames: dict, state: dict) -> pd.DataFrame:
    """Meetings rated good / fair / average / poor per month in the period."""
    df = _window(frames["meetings"], state).merge(_orgs(frames, state), on="org_id")
    return df.groupby("month", as_index=False)[["good", "fair", "average", "poor"]].sum()


def province_ranking(frames: dict, state: dict) -> pd.DataFrame:
    """Members per province at the period's last month with data, largest first."""
    df = _window(frames["members"], state).merge(_orgs(frames, state), on="org_id")
    last = df[df["month"] == df["month"].max()]
    out = last.groupby("province", as_index=False)[["official", "probationary"]].sum()
    out["members"] = out["official"] + out["probationary"]
    return out.sort_values("members", ascending=False)


ANSWERS = {"chart:members-stock": members_trend, "chart:quality-levels": quality_levels,
           "chart:regions-ranking": province_ranking}

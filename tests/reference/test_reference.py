"""The marts against an independent recomputation from the demo's input files: every metric of the
registry (chibo/etl/reference/metrics.csv), for the whole country, three provinces (two current ones and
an old one in the boundaries before 1 July 2025), one sector, on three as-of days (mid-month, the
merger day, a cell's dissolution day) and over date ranges cut inside months. Every difference
fails. The marts are read both through the rollups and through the per-cell facts
(tests/reference/marts.py); a comparison with the dashboard's query functions plugs in the same way
(tests/reference/dashboard.py, compared in test_dashboard_reference.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from pathlib import Path

import pytest

from tests.reference import marts
from tests.reference import metrics as ref
from tests.reference.metrics import Scope

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SCOPES = [Scope("country"), Scope("province", "N01"), Scope("province", "N79"),
          Scope("old_province", "08"), Scope("sector", "mass_association")]
VIAS = ("rollup", "cells")


def days(dissolution: dt.date) -> list[dt.date]:
    return [dt.date(2023, 10, 11), dt.date(2025, 6, 30), dt.date(2025, 7, 1), dissolution]


def same(expected: dict, actual: dict, what: str) -> None:
    """Exactly equal counts; rates equal to 1e-9 (relative); keys of `expected` only."""
    wrong = {}
    for key, want in expected.items():
        got = actual.get(key)
        if want is None or got is None:
            ok = want is None and got is None
        elif isinstance(want, float) or isinstance(got, float):
            ok = math.isclose(float(want), float(got), rel_tol=1e-9, abs_tol=1e-12)
        else:
            ok = want == got
        if not ok:
            wrong[key] = (want, got)
    assert not wrong, f"{what}: (reference, marts) {wrong}"


@pytest.mark.parametrize("scope", SCOPES, ids=str)
@pytest.mark.parametrize("via", VIAS)
def test_stocks_on_exact_days(inputs, con, dissolution_day, scope, via):
    for day in days(dissolution_day):
        same(ref.stocks(inputs, scope, day), marts.stocks(con, scope, day, via), f"{scope} {day}")


@pytest.mark.parametrize("scope", SCOPES, ids=str)
@pytest.mark.parametrize("via", VIAS)
def test_flows_over_exact_dates(inputs, con, dissolution_day, scope, via):
    ranges = [(dt.date(2023, 1, 1), dt.date(2023, 10, 11)), (dt.date(2025, 1, 1), dt.date(2025, 7, 1)),
              (dt.date(2024, 2, 15), dt.date(2025, 7, 1)),
              (dt.date(dissolution_day.year, 1, 1), dissolution_day)]
    for a, b in ranges:
        expected = ref.flows(inputs, scope, a, b)
        same(expected, marts.flows(con, scope, a, b, via), f"{scope} {a}..{b}")


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_net_change_equals_the_stock_change(inputs, con, scope):
    """Over [a, b]: net change = members on b - members on the day before a (marts, both paths)."""
    a, b = dt.date(2025, 1, 1), dt.date(2025, 7, 1)
    for via in VIAS:
        net = marts.flows(con, scope, a, b, via)["net_change"]
        change = (marts.stocks(con, scope, b, via)["members"]
                  - marts.stocks(con, scope, a - dt.timedelta(days=1), via)["members"])
        assert net == change == ref.flows(inputs, scope, a, b)["net_change"]


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_admission_rate(inputs, con, scope):
    for year in (2023, 2025):
        want = ref.admission_rate(inputs, scope, year)
        for via in VIAS:
            same({"rate": want}, {"rate": marts.admission_rate(con, scope, year, via)},
                 f"{scope} {year} {via}")


@pytest.mark.parametrize("scope", SCOPES, ids=str)
@pytest.mark.parametrize("via", VIAS)
def test_meeting_metrics(inputs, con, scope, via):
    for a, b in ((dt.date(2023, 1, 1), dt.date(2023, 10, 31)), (dt.date(2025, 1, 1), dt.date(2025, 6, 30))):
        same(ref.meetings(inputs, scope, a, b), marts.meetings(con, scope, a, b, via), f"{scope} {a}")


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_structure_and_ratings(inputs, con, scope):
    assert ref.structure(inputs, scope, dt.date(2023, 12, 31)) == marts.structure(con, scope, 2023)
    for year in (2015, 2023):
        assert ref.ratings(inputs, scope, year) == marts.ratings(con, scope, year), year


@pytest.mark.parametrize("scope", SCOPES, ids=str)
@pytest.mark.parametrize("via", VIAS)
def test_member_structure_on_31_12(inputs, con, scope, via):
    """Every dimension and value on 31-12-2023 and 31-12-2024 (the days agg_member_structure
    holds); the cells path also on the merger day. The shares leaders quote follow."""
    days = [dt.date(2023, 12, 31), dt.date(2024, 12, 31)] + ([dt.date(2025, 7, 1)] if via == "cells"
                                                             else [])
    for day in days:
        want = ref.member_structure(inputs, scope, day)
        got = marts.member_structure(con, scope, day, via)
        assert {k: v for k, v in got.items() if v} == want, f"{scope} {day}"
        members = ref.stocks(inputs, scope, day)["members"]
        assert sum(n for (d, _), n in got.items() if d == "ethnicity") == members
        same({"female_share": want.get(("gender", "female"), 0) / members,
              "minority_share": want.get(("ethnicity", "minority"), 0) / members},
             {"female_share": got.get(("gender", "female"), 0) / members,
              "minority_share": got.get(("ethnicity", "minority"), 0) / members}, f"{scope} {day}")


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_admission_structure(inputs, con, scope):
    for a, b in ((dt.date(2023, 1, 1), dt.date(2023, 12, 31)), (dt.date(2025, 2, 15), dt.date(2025, 7, 1))):
        want = ref.admission_structure(inputs, scope, a, b)
        got = marts.admission_structure(con, scope, a, b)
        assert got == want, f"{scope} {a}..{b}"
        admitted = ref.flows(inputs, scope, a, b)["admitted"]
        assert sum(n for (d, _), n in got.items() if d == "gender") == admitted
        if admitted:
            same({"young": want.get(("age_band", "18_30"), 0) / admitted},
                 {"young": got.get(("age_band", "18_30"), 0) / admitted}, f"{scope} {a}")


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_admissions_by_age_band_and_month(inputs, con, scope):
    """marts.agg_admissions_age_monthly summed over whole months (a year; March to December of
    another) is the recomputed admissions by age band at admission; a month less differs."""
    cond, p = marts._where(scope)

    def summed(a: dt.date, b: dt.date) -> dict:
        return {v: int(n) for v, n in con.execute(
            f"""SELECT age_band, sum(admitted) FROM marts.agg_admissions_age_monthly
                WHERE month BETWEEN ? AND ? AND {cond} GROUP BY 1""", [a, b, *p]).fetchall()}

    missed = 0
    for a, b in ((dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
                 (dt.date(2025, 3, 1), dt.date(2025, 12, 31))):
        want = {v: n for (d, v), n in ref.admission_structure(inputs, scope, a, b).items()
                if d == "age_band"}
        assert summed(a, b) == want, f"{scope} {a}..{b}"
        missed += summed(a.replace(month=a.month + 1), b) != want
    assert missed or scope.kind != "country"


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_cells_without_a_regular_meeting(inputs, con, scope):
    cond, p = marts._where(scope, "o.")
    for month in (dt.date(2023, 10, 1), dt.date(2026, 3, 1)):
        got = con.execute(f"""SELECT count(*) FROM marts.data_quality d JOIN marts.dim_org o
                              USING (org_id) WHERE rule = 'missed_regular_meeting' AND month = ?
                              AND {cond}""", [month, *p]).fetchone()[0]
        assert ref.missed_regular(inputs, scope, month) == {"cells_missed_regular": got}, month


# Every metric of the registry and the test above that compares it.
COVERED = {
    "members": "stocks", "official": "stocks", "probationary": "stocks", "female": "stocks",
    "base_orgs": "stocks", "cells": "stocks", "cells_lt3": "stocks", "members_per_cell": "stocks",
    "admitted": "flows", "transferred_in": "flows", "transferred_out": "flows",
    "left_party": "flows", "left_death": "flows", "left_struck_off": "flows",
    "left_expelled": "flows", "left_resigned": "flows", "left_other": "flows", "left": "flows",
    "net_change": "flows", "admission_rate": "admission_rate", "regular_held": "meetings",
    "thematic_held": "meetings", "online_share": "meetings", "meetings_by_quality": "meetings",
    "good_fair_share": "meetings", "good_share": "meetings", "attendance": "meetings",
    "mean_score": "meetings", "mean_duration": "meetings",
    "cells_missed_regular": "missed_regular", "members_by_age_gender": "structure",
    "org_rating": "ratings", "member_rating": "ratings",
    "members_by_structure": "member_structure_on_31_12", "female_share": "member_structure_on_31_12",
    "minority_share": "member_structure_on_31_12", "admissions_by_structure": "admission_structure",
    "young_admission_share": "admission_structure",
}


def test_every_registry_metric_is_recomputed():
    with open(ROOT / "chibo" / "etl" / "reference" / "metrics.csv", encoding="utf-8", newline="") as fh:
        registry = {row["metric"] for row in csv.DictReader(fh)}
    assert registry == set(COVERED)


def test_the_days_are_the_ones_the_issue_names(dissolution_day):
    """Mid-month, the merger day, and a dissolution day on which members were handed over."""
    assert dissolution_day.day != 1 or dissolution_day.month != 7
    assert dt.date(2025, 7, 1) in days(dissolution_day)

"""The demo's member structure (chibo/etl/demo/structure.py) has the shares reports quote, through the
normal load path: women around a third, ethnic minorities a minority overall but near half in the
northern mountains, few religious believers, most new admissions aged 30 or younger, every
characteristic present, a few values not recorded."""

from __future__ import annotations

import datetime as dt

from tests.etl.helpers import query

DAY = dt.date(2024, 12, 31)


def shares(warehouse, dimension: str, where: str = "TRUE") -> dict[str, float]:
    rows = query(warehouse, f"""SELECT value, sum(members) FROM marts.agg_member_structure
                               WHERE day = ? AND dimension = ? AND {where} GROUP BY 1""",
                 [DAY, dimension])
    total = sum(n for _, n in rows)
    return {v: n / total for v, n in rows}


def test_shares_as_reports_quote_them(demo_warehouse):
    assert 0.28 < shares(demo_warehouse, "gender")["female"] < 0.42
    ethnicity = shares(demo_warehouse, "ethnicity")
    assert 0.05 < ethnicity["minority"] < 0.2 and ethnicity["kinh"] > 0.75
    north = shares(demo_warehouse, "ethnicity", "region = 'northern_midlands'")["minority"]
    delta = shares(demo_warehouse, "ethnicity", "region = 'red_river_delta'")["minority"]
    assert north > 0.3 > 0.03 > delta
    assert 0.005 < 1 - shares(demo_warehouse, "religion")["none"] < 0.08
    assert shares(demo_warehouse, "professional_level")["university"] > 0.4


def test_every_characteristic_is_present_with_a_few_gaps(demo_warehouse):
    for dim in ("ethnicity", "religion", "education", "professional_level", "political_theory"):
        values = shares(demo_warehouse, dim)
        assert len(values) >= 3 and 0 < values.get("unknown", 0) < 0.05, dim
    dated = query(demo_warehouse, "SELECT avg((birth_date IS NOT NULL)::INT) FROM core.members")[0][0]
    assert 0.5 < dated < 0.95  # some files give the birth year only


def test_most_new_admissions_are_30_or_younger(demo_warehouse):
    rows = dict(query(demo_warehouse, """SELECT value, sum(members)
        FROM marts.admission_structure_long_between(DATE '2024-01-01', DATE '2024-12-31')
        WHERE dimension = 'age_band' GROUP BY 1"""))
    assert rows["18_30"] / sum(rows.values()) > 0.55

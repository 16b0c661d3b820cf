"""The registry's metrics as read from the published marts, in the shapes of tests/reference/
metrics.py, two ways each: through the province × sector rollups (`via="rollup"`) and through the
per-cell facts joined to dim_org (`via="cells"`), the two paths the dashboard's queries take.
Scopes filter the columns the dashboard filters: province_code_current, province_code_old, sector.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from tests.reference.metrics import Scope

FLOWS = ("admitted", "transferred_in", "transferred_out", "left_party", "left_death",
         "left_struck_off", "left_expelled", "left_resigned", "left_other", "left")


def _where(scope: Scope, alias: str = "") -> tuple[str, list]:
    column = {"country": None, "province": "province_code_current",
              "old_province": "province_code_old", "sector": "sector"}[scope.kind]
    return ("TRUE", []) if column is None else (f"{alias}{column} = ?", [scope.value])


def _one(con, sql: str, params: list) -> tuple:
    return con.execute(sql, params).fetchone()


def stocks(con: duckdb.DuckDBPyConnection, scope: Scope, day: dt.date, via: str) -> dict:
    cond, p = _where(scope, "o." if via == "cells" else "")
    if via == "rollup":
        row = _one(con, f"""SELECT sum(members), sum(official), sum(probationary), sum(female),
                                   sum(cells), sum(base_orgs), sum(cells_lt3)
                            FROM marts.stocks_on(?) WHERE {cond}""", [day, *p])
    else:
        row = _one(con, f"""SELECT sum(members), sum(official), sum(probationary), sum(female),
                                   sum(cells), (SELECT count(*) FROM marts.dim_org o
                                     WHERE {cond} AND kind IN ('base_cell', 'base_committee')
                                       AND coalesce(valid_from <= ?, TRUE)
                                       AND coalesce(valid_to > ?, TRUE)), sum(cells_lt3)
                            FROM marts.cell_stocks_on(?) s JOIN marts.dim_org o USING (org_id)
                            WHERE {cond}""", [*p, day, day, day, *p])
    keys = ("members", "official", "probationary", "female", "cells", "base_orgs", "cells_lt3")
    out = {k: int(v or 0) for k, v in zip(keys, row)}
    out["members_per_cell"] = out["members"] / out["cells"] if out["cells"] else None
    return out


def flows(con: duckdb.DuckDBPyConnection, scope: Scope, first: dt.date, last: dt.date,
          via: str) -> dict:
    cond, p = _where(scope, "o." if via == "cells" else "")
    sums = ", ".join(f'sum("{c}")' for c in FLOWS)
    source = ("marts.flows_between(?, ?)" if via == "rollup" else
              "marts.cell_flows_between(?, ?) f JOIN marts.dim_org o USING (org_id)")
    row = _one(con, f"SELECT {sums} FROM {source} WHERE {cond}", [first, last, *p])
    out = {k: int(v or 0) for k, v in zip(FLOWS, row)}
    out["net_change"] = (out["admitted"] + out["transferred_in"] - out["transferred_out"]
                         - out["left_party"])
    return out


def admission_rate(con: duckdb.DuckDBPyConnection, scope: Scope, year: int, via: str):
    start = stocks(con, scope, dt.date(year - 1, 12, 31), via)["members"]
    admitted = flows(con, scope, dt.date(year, 1, 1), dt.date(year, 12, 31), via)["admitted"]
    return admitted / start if start else None


def meetings(con: duckdb.DuckDBPyConnection, scope: Scope, first: dt.date, last: dt.date,
             via: str) -> dict:
    """Whole months only (the meeting marts are monthly): first = a month's first day, last = a
    month's last day."""
    cond, p = _where(scope, "o." if via == "cells" else "")
    source = ("marts.agg_meetings_province_monthly" if via == "rollup"
              else "marts.fct_meetings_monthly f JOIN marts.dim_org o USING (org_id)")
    row = _one(con, f"""SELECT sum(regular_held), sum(thematic_held), sum(good), sum(fair),
                               sum(average), sum(poor), sum(present), sum(expected),
                               sum(score_sum) / sum(scored), sum(online_held + hybrid_held)
                        FROM {source} WHERE {cond} AND month BETWEEN ? AND ?""",
               [*p, first, last])
    reg, them, good, fair, avg, poor, present, expected, mean, online = row
    cond, p = _where(scope)  # durations are kept at the rollup's grain only (not per cell)
    dur = _one(con, f"""SELECT sum(duration_sum) / sum(timed) FROM marts.agg_meetings_province_monthly
                        WHERE {cond} AND month BETWEEN ? AND ?""", [*p, first, last])[0]
    rated = (good or 0) + (fair or 0) + (avg or 0) + (poor or 0)
    held = (reg or 0) + (them or 0)
    return {"regular_held": int(reg or 0), "thematic_held": int(them or 0), "good": int(good or 0),
            "fair": int(fair or 0), "average": int(avg or 0), "poor": int(poor or 0),
            "good_fair_share": (good + fair) / rated if rated else None,
            "good_share": good / rated if rated else None,
            "attendance": present / expected if expected else None,
            "mean_score": mean, "mean_duration": dur,
            "online_share": online / held if held else None}


def structure(con: duckdb.DuckDBPyConnection, scope: Scope, year: int) -> dict:
    cond, p = _where(scope, "o.")
    rows = con.execute(f"""SELECT gender, age_band, sum(members) FROM marts.fct_member_structure_yearly
                           s JOIN marts.dim_org o USING (org_id) WHERE {cond} AND year = ?
                           GROUP BY ALL""", [*p, year]).fetchall()
    return {(g, a): int(n) for g, a, n in rows}


def ratings(con: duckdb.DuckDBPyConnection, scope: Scope, year: int) -> dict:
    cond, p = _where(scope, "o.")
    orgs = con.execute(f"""SELECT rating, count(*) FROM marts.fct_assessment_yearly a
                           JOIN marts.dim_org o USING (org_id) WHERE {cond} AND year = ?
                           GROUP BY 1""", [*p, year]).fetchall()
    people = con.execute(f"""SELECT rating, sum(members) FROM marts.fct_member_assessment_yearly a
                             JOIN marts.dim_org o USING (org_id) WHERE {cond} AND year = ?
                             GROUP BY 1""", [*p, year]).fetchall()
    return {"org_rating": {int(r): int(n) for r, n in orgs},
            "member_rating": {int(r): int(n) for r, n in people}}


def member_structure(con: duckdb.DuckDBPyConnection, scope: Scope, day: dt.date, via: str) -> dict:
    """members_by_structure: agg_member_structure (31-12 and the last loaded day) or the macro
    marts.structure_long_on(D) per cell."""
    cond, p = _where(scope, "o." if via == "cells" else "")
    if via == "rollup":
        sql, params = (f"SELECT dimension, value, sum(members) FROM marts.agg_member_structure "
                       f"WHERE day = ? AND {cond} GROUP BY ALL", [day, *p])
    else:
        sql, params = (f"SELECT dimension, value, sum(members) FROM marts.structure_long_on(?) s "
                       f"JOIN marts.dim_org o USING (org_id) WHERE {cond} GROUP BY ALL", [day, *p])
    return {(d, v): int(n) for d, v, n in con.execute(sql, params).fetchall()}


def admission_structure(con: duckdb.DuckDBPyConnection, scope: Scope, first: dt.date,
                        last: dt.date) -> dict:
    cond, p = _where(scope, "o.")
    rows = con.execute(f"""SELECT dimension, value, sum(members)
                           FROM marts.admission_structure_long_between(?, ?) s
                           JOIN marts.dim_org o USING (org_id) WHERE {cond} GROUP BY ALL""",
                       [first, last, *p]).fetchall()
    return {(d, v): int(n) for d, v, n in rows}

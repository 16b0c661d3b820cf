"""Exact-day stocks and exact-range flows (the marts' table macros) beside the month-end reads they
replace, on a real warehouse: median milliseconds per query, one DuckDB thread like a dashboard
worker.

    .venv/bin/python benchmarks/bench_exact_days.py --warehouse data/warehouse.duckdb [--repeat 9]

Baseline rows read the month-end marts (the dashboard's reads before exact days); the others
answer the same question for the exact day or dates.
"""

from __future__ import annotations

import argparse
import statistics
import time

import duckdb

QUERIES = {
    "baseline: members at month end, by sector (rollup)":
        "SELECT sector, sum(official + probationary) FROM marts.agg_members_monthly "
        "WHERE month = DATE '{m}' GROUP BY 1",
    "members, cells, base orgs on the day, by sector (stocks_on)":
        "SELECT sector, sum(members), sum(cells), sum(base_orgs) FROM marts.stocks_on(DATE '{d}') "
        "GROUP BY 1",
    "baseline: members at month end, one province's subtree (facts)":
        "SELECT sum(official + probationary) FROM marts.fct_membership_monthly f JOIN marts.dim_org o "
        "USING (org_id) WHERE month = DATE '{m}' AND o.province_code_current = '{p}'",
    "members and cells_lt3 on the day, one province's subtree (cell_stocks_on)":
        "SELECT sum(members), sum(cells_lt3) FROM marts.cell_stocks_on(DATE '{d}') s "
        "JOIN marts.dim_org o USING (org_id) WHERE o.province_code_current = '{p}'",
    "baseline: flows of whole months, by sector (rollup)":
        "SELECT sector, sum(admitted), sum(\"left\") FROM marts.agg_members_monthly "
        "WHERE month BETWEEN DATE '{a}' AND DATE '{m}' GROUP BY 1",
    "flows over exact dates, by sector (flows_between)":
        "SELECT sector, sum(admitted), sum(left_party) FROM marts.flows_between(DATE '{a}', "
        "DATE '{d}') GROUP BY 1",
    "flows over exact dates, one province's subtree (cell_flows_between)":
        "SELECT sum(admitted), sum(left_party) FROM marts.cell_flows_between(DATE '{a}', DATE '{d}') f "
        "JOIN marts.dim_org o USING (org_id) WHERE o.province_code_current = '{p}'",
}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--warehouse", default="data/warehouse.duckdb")
    args.add_argument("--repeat", type=int, default=9)
    args.add_argument("--day", default="2025-10-11")
    opts = args.parse_args()
    con = duckdb.connect(opts.warehouse, read_only=True, config={"threads": 1})
    province = con.execute("SELECT province_code_current FROM marts.dim_org WHERE "
                           "province_code_current IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC "
                           "LIMIT 1").fetchone()[0]
    d = opts.day
    values = {"d": d, "m": d[:8] + "01", "a": d[:4] + "-01-01", "p": province}
    print(f"{opts.warehouse}: day {d}, province {province}, median of {opts.repeat} runs")
    for name, sql in QUERIES.items():
        sql = sql.format(**values)
        times = []
        for _ in range(opts.repeat):
            start = time.perf_counter()
            con.execute(sql).fetchall()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{statistics.median(times):9.1f} ms  {name}")


if __name__ == "__main__":
    main()

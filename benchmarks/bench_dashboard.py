"""Server time of every dashboard callback on a real warehouse: median and p95 per callback.

    .venv/bin/python benchmarks/bench_dashboard.py --warehouse data/warehouse.duckdb [--repeat 7]
        [--pandas] [--only orgs-hierarchy --only org_search] [--view org]

Each round clears the query caches, re-warms only what survives a filter change (filter choices,
bounds, events, warehouse info), and times every callback: the server time of a filter change,
from the state to the JSON Dash sends (a chart card's figure through the answer cache, as its
callback draws it; every answer serialised as Dash does, its size printed as "kB max"); and
each page's layout, which Dash draws on every navigation. Grids are timed by the block of rows
they ask for (`table_calls`).
With --pandas, three representative answers (members trend, quality levels, province ranking)
are also computed with plain pandas over the fact tables (benchmarks/pandas_baseline.py) for the
same views, and each callback's time is printed beside that baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the working tree's dashboard, whatever the install looks like


def scenarios(ch, urlstate, org: str | None = None) -> dict[str, dict]:
    """A few typical views: defaults, all years (by month, and by year where a chart has a grain),
    five years, one province, one sector, old boundaries, one provincial committee picked in the
    organisation filter (its subtree over the succession)."""
    out = {"default": urlstate.parse("", ch)[0], "all": urlstate.parse("?period=all", ch)[0],
           "5y": urlstate.parse("?period=5y", ch)[0],
           "years": urlstate.parse("?period=all&grain=year", ch)[0]}
    if org:
        out["org"] = urlstate.parse(f"?org={org}", ch)[0]
    if ch.provinces_current:
        out["province"] = urlstate.parse(f"?province={sorted(ch.provinces_current)[0]}", ch)[0]
    if ch.sectors:
        out["sector"] = urlstate.parse(f"?sector={sorted(ch.sectors)[0]}", ch)[0]
    if ch.provinces_old:
        out["old"] = urlstate.parse(f"?old=1&province={sorted(ch.provinces_old)[0]}", ch)[0]
    return out


def warm(data, urlstate, access, state) -> None:
    """Answers that stay cached across filter changes (per generation): filter choices, bounds,
    rollup presence, events, warehouse info, the metric registry, the picked organisation's
    label."""
    from chibo.dashboard.queries import lookup, metrics

    scope = access.current_scope()
    urlstate.choices_for(scope)
    metrics.registry(scope)
    data.warehouse_info(scope)
    data.events(scope)
    for table in ("agg_members_monthly", "agg_meetings_province_monthly", "agg_base_org_monthly"):
        data.table_exists(scope, table)
    if state.get("org"):
        lookup.org_label(scope, state["org"])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", default=str(ROOT / "data" / "warehouse.duckdb"))
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--pandas", action="store_true", help="the plain-pandas baseline as well")
    p.add_argument("--only", action="append", default=[],
                   help="time only the callbacks whose name contains this (repeatable)")
    p.add_argument("--view", action="append", default=[],
                   help="time only this view of the scenarios (default, all, 5y, years, org, "
                        "province, sector, old; repeatable)")
    args = p.parse_args()
    from chibo.dashboard import runtime, settings
    from chibo.dashboard.app import create_app

    app = create_app(settings.load(warehouse=args.warehouse), open_access=True)  # no login
    with runtime.bound(runtime.of(app.server)):
        measure(args)


def measure(args) -> None:
    """Time every callback over the scenarios and print the table."""
    import importlib

    import dash
    from plotly.io.json import to_json_plotly as to_json  # Dash's serialiser

    from chibo.dashboard import data, urlstate
    from chibo.dashboard.auth import access
    from chibo.dashboard.charts import registry, tables
    from chibo.dashboard.components import filter_bar

    overview = importlib.import_module("chibo.dashboard.pages.overview")
    data_status = importlib.import_module("chibo.dashboard.pages.data_status")
    slides = importlib.import_module("chibo.dashboard.pages.slides")
    structure = importlib.import_module("chibo.dashboard.components.structure_section")
    ch = urlstate.choices_for(access.current_scope())
    scope = access.current_scope()
    calls = {f"chart:{k}": (lambda s, k=k: registry.card_answer(k, s, "light", scope))
             for k in registry.CHARTS}
    calls.update(table_calls(tables, scope))
    calls["overview:kpi_cards"] = lambda s: overview.kpi_cards(s, "light")
    calls["members:structure_kpis"] = lambda s: structure.kpi_cards(s, "light")
    calls["data:info_cards"] = data_status.info_cards
    calls["filter:options"] = lambda s: filter_bar.fill_options(s["lang"], s)
    calls["filter:org_search"] = lambda s: filter_bar.search_orgs("chi bo", None)
    for deck in ("tong-quan", "chat-luong-quy"):  # the slides page draws a whole deck at once
        calls[f"slides:{deck}"] = lambda s, d=deck: slides.payload(
            {**s, "params": {**(s.get("params") or {}), "deck": f"builtin:{d}"}})
    for page in dash.page_registry.values():  # each page's layout, drawn on navigation
        if not page["path"].startswith("/quan-tri"):  # the admin pages hold no data
            calls[f"page:{page['module'].rsplit('.', 1)[-1]}"] = \
                lambda s, p=page: p["layout"](lang=s.get("lang", "vi"))
    if args.only:
        calls = {k: fn for k, fn in calls.items() if any(o in k for o in args.only)}
    times: dict[str, list[float]] = {k: [] for k in calls}
    cpu: dict[str, list[float]] = {k: [] for k in calls}  # CPU time: robust on a busy machine
    sent: dict[str, list[int]] = {k: [] for k in calls}  # bytes of the JSON answer
    with duckdb.connect(args.warehouse, read_only=True) as con:  # a current provincial committee
        org = con.execute("""SELECT org_id FROM marts.dim_org WHERE kind = 'province_committee'
            AND valid_to IS NULL ORDER BY org_id LIMIT 1""").fetchone()
    states = scenarios(ch, urlstate, org[0] if org else None)
    if args.view:
        states = {k: v for k, v in states.items() if k in args.view}
    for _ in range(args.repeat):
        for state in states.values():
            data.clear_caches()
            warm(data, urlstate, access, state)
            for name, fn in calls.items():
                t0, c0 = time.perf_counter(), time.process_time()
                body = to_json(fn(state))  # what Dash sends
                times[name].append((time.perf_counter() - t0) * 1000)
                cpu[name].append((time.process_time() - c0) * 1000)
                sent[name].append(len(body.encode()))
    print(f"warehouse: {args.warehouse}; {len(states)} views × {args.repeat} rounds, cold caches")
    print(f"{'callback':45s} {'median ms':>10s} {'p95 ms':>10s} {'CPU med':>8s} {'CPU p95':>8s}"
          f" {'kB max':>8s}")
    for name, ts in sorted(times.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"{name:45s} {statistics.median(ts):10.1f} {p95(ts):10.1f} "
              f"{statistics.median(cpu[name]):8.1f} {p95(cpu[name]):8.1f}"
              f" {max(sent[name]) / 1000:8.1f}")
    if args.pandas:
        pandas_beside(args, states, times)


def table_calls(tables, scope) -> dict:
    """The grids' requests: `table:` the first block a grid asks for on a filter change (on a
    commit before paged grids: every row the grid was sent at once); `block:` a later block
    sorted by the table's first number column, `sorted:` one sorted by its first text column
    (the cells' and organisations' names: every row named before the cut)."""
    if not hasattr(tables, "page"):  # before paged grids: all rows in one answer
        return {f"table:{k}": (lambda s, k=k: tables.rows(k, s, scope)) for k in tables.TABLES}
    calls = {}
    for k, table in tables.TABLES.items():
        first = {"startRow": 0, "endRow": tables.BLOCK, "sortModel": [], "filterModel": {}}
        calls[f"table:{k}"] = lambda s, k=k, r=first: tables.page(k, s, scope, r)
        for view, kinds in (("block", ("int", "dec")), ("sorted", ("text",))):
            col = next((c for c, _h, kind in table.columns if kind in kinds), None)
            if col:
                later = {"startRow": 10 * tables.BLOCK, "endRow": 11 * tables.BLOCK,
                         "sortModel": [{"colId": col, "sort": "desc"}], "filterModel": {}}
                calls[f"{view}:{k}"] = lambda s, k=k, r=later: tables.page(k, s, scope, r)
    return calls


def p95(ts: list[float]) -> float:
    return statistics.quantiles(ts, n=20)[-1] if len(ts) > 1 else ts[0]


def pandas_beside(args, states: dict, times: dict) -> None:
    """The same views answered by plain pandas over the fact tables (loaded beforehand)."""
    import pandas_baseline

    t0 = time.perf_counter()
    frames = pandas_baseline.load(args.warehouse)
    print(f"pandas baseline (facts loaded in {time.perf_counter() - t0:.1f} s, not counted):")
    print(f"{'callback':45s} {'pandas p95':>10s} {'callback':>10s} {'faster':>8s}")
    for name, fn in pandas_baseline.ANSWERS.items():
        if name not in times:  # left out by --only
            continue
        ts = []
        for _ in range(args.repeat):
            for state in states.values():
                t = time.perf_counter()
                fn(frames, state)
                ts.append((time.perf_counter() - t) * 1000)
        print(f"{name:45s} {p95(ts):10.1f} {p95(times[name]):10.1f} "
              f"{p95(ts) / p95(times[name]):7.1f}×")


if __name__ == "__main__":
    main()

"""The registry's metrics as the dashboard's own query functions return them: the third reader,
beside tests/reference/marts.py, in the shapes of tests/reference/metrics.py. Each figure is read
from the function a page shows it with: the overview's KPI cards (`members.overview_kpis`), the
members page (`members.flows`, `members.admission_rate`), the regions page
(`regions.metric_trend`) and the exact-day helpers behind them (`exact.stocks_on`).

`via="rollup"` reads as a viewer who sees everything (the province × sector rollups);
`via="cells"` as a viewer scoped to every root organisation (the per-cell facts joined to
dim_org), the two paths the queries take. Call inside `runtime.bound(...)` of the warehouse.
"""

from __future__ import annotations

import datetime as dt

from chibo.dashboard.data import Filters, Scope, query
from chibo.dashboard.queries import exact, regions
from chibo.dashboard.queries import members as q
from tests.reference.metrics import Scope as RefScope

FLOWS = ("admitted", "transferred_in", "transferred_out", "left_party", "left_death",
         "left_struck_off", "left_expelled", "left_resigned", "left_other", "left", "net_change")


def viewer(via: str) -> Scope:
    if via == "rollup":
        return Scope.everything()
    roots = query("SELECT org_id FROM marts.dim_org WHERE parent_id IS NULL")["org_id"]
    return Scope(org_roots=frozenset(roots))


def filters(scope: RefScope, first: dt.date, last: dt.date, as_of: dt.date) -> Filters:
    """The filter bar's state for a reference scope: a current province, an old province with
    the old-boundaries switch on, or a sector."""
    province = scope.value if scope.kind in ("province", "old_province") else None
    return Filters(start=first, end=last, as_of=as_of, province=province,
                   old_boundaries=scope.kind == "old_province",
                   sector=scope.value if scope.kind == "sector" else None)


def stocks(scope: RefScope, day: dt.date, via: str) -> dict:
    """Stocks on `day`: the overview's cards, the members page's stock chart (official,
    probationary), the regions page's members per cell."""
    v, f = viewer(via), filters(scope, day, day, day)
    kpis = q.overview_kpis(v, f)
    out = {k: int(kpis[k]["value"]) for k in ("members", "cells", "base_orgs", "cells_lt3")}
    row = q.flows(v, f, "month").iloc[-1]
    out.update(official=int(row["official"]), probationary=int(row["probationary"]),
               female=exact.stocks_on(v, f, day)["female"])
    trend = regions.metric_trend(v, f).iloc[-1]
    out["members_per_cell"] = None if out["cells"] == 0 else float(trend["members_per_cell"])
    out["regions_cells"] = int(trend["cells"])
    return out


def flows(scope: RefScope, first: dt.date, last: dt.date, via: str) -> dict:
    """Flows over [first, last]: the members page's yearly series summed over the years the
    dates touch (each cut to them); `admitted_card` the overview's admissions card."""
    v, f = viewer(via), filters(scope, first, last, last)
    df = q.flows(v, f, "year")
    out = {k: int(df[k].sum()) for k in FLOWS}
    out["stock_change"] = int(df["members"].iloc[-1] - df["members_before"].iloc[0])
    monthly = q.flows(v, f, "month")  # every month of the chart adds up on its own
    out["months_add_up"] = bool((monthly["net_change"]
                                 == monthly["members"] - monthly["members_before"]).all())
    out["admitted_card"] = int(q.overview_kpis(v, f)["admitted"]["value"])
    return out


def admission_rate(scope: RefScope, year: int, via: str) -> float | None:
    """The members page's admission rate of a whole year."""
    f = filters(scope, dt.date(year, 1, 1), dt.date(year, 12, 31), dt.date(year, 12, 31))
    rate = q.admission_rate(viewer(via), f)["rate"].iloc[0]
    return None if rate != rate else float(rate)


def meetings(scope: RefScope, first: dt.date, last: dt.date, via: str) -> dict:
    """The overview's meeting cards over whole months."""
    kpis = q.overview_kpis(viewer(via), filters(scope, first, last, last))
    return {k: kpis[k]["value"] for k in ("good_fair_share", "attendance")}

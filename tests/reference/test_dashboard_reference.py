"""The dashboard's query functions against the independent pandas recomputation from the demo's
input files (tests/reference/metrics.py): the figures the overview's cards, the members page and
the regions page return, for the whole country, three provinces (two current, one old in the
boundaries before 1 July 2025), one sector, on the as-of days of test_reference.py (mid-month,
the day before and the day of the merger, a dissolution day) and over date ranges cut inside
months, through the rollups and through the per-cell facts. Every difference fails.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chibo.dashboard import runtime
from tests.helpers import runtime_for
from tests.reference import dashboard as dash
from tests.reference import metrics as ref
from tests.reference.test_reference import SCOPES, VIAS, days, same

pytestmark = pytest.mark.slow
RANGES = [(dt.date(2023, 1, 1), dt.date(2023, 10, 11)), (dt.date(2025, 1, 1), dt.date(2025, 7, 1)),
          (dt.date(2024, 2, 15), dt.date(2025, 7, 1))]


@pytest.fixture(scope="module", autouse=True)
def bound(demo_warehouse):
    with runtime.bound(runtime_for(demo_warehouse)):
        yield


@pytest.mark.parametrize("scope", SCOPES, ids=str)
@pytest.mark.parametrize("via", VIAS)
def test_stocks_the_pages_show(inputs, dissolution_day, scope, via):
    """Overview cards, the members page's stock and the regions page's members per cell; the
    regions page counts the same cells on the as-of day as the overview."""
    for day in days(dissolution_day):
        got = dash.stocks(scope, day, via)
        same(ref.stocks(inputs, scope, day), got, f"{scope} {day} {via}")
        assert got["regions_cells"] == got["cells"]


@pytest.mark.parametrize("scope", SCOPES, ids=str)
@pytest.mark.parametrize("via", VIAS)
def test_flows_the_members_page_shows(inputs, dissolution_day, scope, via):
    """Each flow over exactly the chosen dates; the net change equals the stock change over the
    dates and in every month of the chart; the overview's admissions card agrees."""
    for a, b in [*RANGES, (dt.date(dissolution_day.year, 1, 1), dissolution_day)]:
        want, got = ref.flows(inputs, scope, a, b), dash.flows(scope, a, b, via)
        same(want, got, f"{scope} {a}..{b} {via}")
        assert got["net_change"] == got["stock_change"] and got["months_add_up"]
        assert got["admitted_card"] == got["admitted"]


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_admission_rate_the_members_page_shows(inputs, scope):
    for year in (2023, 2025):
        want = ref.admission_rate(inputs, scope, year)
        for via in VIAS:
            same({"rate": want}, {"rate": dash.admission_rate(scope, year, via)},
                 f"{scope} {year} {via}")


@pytest.mark.parametrize("scope", SCOPES, ids=str)
def test_meeting_cards(inputs, scope):
    for a, b in ((dt.date(2023, 1, 1), dt.date(2023, 10, 31)),
                 (dt.date(2025, 1, 1), dt.date(2025, 6, 30))):
        want = ref.meetings(inputs, scope, a, b)
        for via in VIAS:
            same({k: want[k] for k in ("good_fair_share", "attendance")},
                 dash.meetings(scope, a, b, via), f"{scope} {a} {via}")

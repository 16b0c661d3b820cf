"""A paged grid in a real browser on the demo data (the organisation table, thousands of rows):
it says how many rows the table holds, asks the server for one block at a time as it scrolls
(a later block arrives holding the rows the table has there), a click on a column header sorts
every row on the server, not only the block already loaded, and a filter change (back in the
browser's history) asks again under the new filters."""

from __future__ import annotations

import json

import pytest

from chibo.dashboard import data, urlstate
from chibo.dashboard.charts import tables
from chibo.dashboard.data import Scope
from chibo.dashboard.i18n import fmt_num
from tests.helpers import runtime_for, serving

pytestmark = pytest.mark.browser
KEY, VIEW = "orgs-table", "?from=2024-01-01&to=2025-09-30"
GRID = f"[id='{json.dumps({'key': KEY, 'type': 'table-grid'}, separators=(',', ':'))}']"
NOTE = f"[id='{json.dumps({'key': KEY, 'type': 'table-note'}, separators=(',', ':'))}']"
ROW = 3 * tables.BLOCK + 7  # a row of the fourth block


@pytest.fixture
def on_demo(demo_warehouse, dash_app):
    """The app serves the demo warehouse for this test (and the test's own calls read it)."""
    with serving(dash_app, runtime_for(demo_warehouse)):
        yield


def cell(row: int, col: str) -> str:
    return f"{GRID} .ag-center-cols-container .ag-row[row-index='{row}'] .ag-cell[col-id='{col}']"


def scroll_to(page, row: int) -> None:
    page.eval_on_selector(f"{GRID} .ag-body-viewport", """(el, row) => {
        const first = el.querySelector('.ag-row');
        el.scrollTop = row * (first ? first.getBoundingClientRect().height : 42); }""", row)


def test_a_grid_asks_for_later_blocks_as_it_scrolls_and_sorts_on_the_server(page, on_demo):
    state = urlstate.parse(VIEW, urlstate.choices_for(Scope.everything()))[0]
    every = tables.rows(KEY, state, Scope.everything())
    assert len(every) > ROW + tables.BLOCK  # more than four blocks
    asked = []
    page.on("request", lambda r: r.method == "POST" and "getRowsRequest" in (r.post_data or "")
            and asked.append(json.loads(r.post_data)))
    page.goto(page.base + "/to-chuc" + VIEW)
    page.locator(GRID).scroll_into_view_if_needed()
    page.wait_for_selector(cell(0, "org_id"), timeout=120000)
    page.wait_for_function("([s, t]) => document.querySelector(s).innerText === t",
                           arg=[NOTE, f"{fmt_num(len(every), 'vi')} dòng"], timeout=60000)
    assert page.inner_text(cell(0, "org_id")) == every[0]["org_id"]
    assert page.locator(cell(ROW, "org_id")).count() == 0  # not there before the grid asks

    scroll_to(page, ROW)
    page.wait_for_function("([s, t]) => (document.querySelector(s) || {}).innerText === t",
                           arg=[cell(ROW, "org_id"), every[ROW]["org_id"]], timeout=60000)
    starts = [e["value"]["startRow"] for body in asked for e in body["inputs"]
              if e.get("property") == "getRowsRequest" and e.get("value")]
    assert 0 in starts and ROW // tables.BLOCK * tables.BLOCK in starts
    assert max(starts) < len(every)  # block by block, never the whole table at once

    header = page.locator(f"{GRID} .ag-header-cell[col-id='members'] .ag-header-cell-label")
    header.click()  # ascending: the smallest base organisations of the whole table first
    fewest = tables.page(KEY, state, Scope.everything(), {
        "startRow": 0, "endRow": 1, "sortModel": [{"colId": "members", "sort": "asc"}],
        "filterModel": {}})[0][0]
    assert fewest["members"] < every[tables.BLOCK - 1]["members"]  # not in the first block
    scroll_to(page, 0)
    page.wait_for_function("([s, t]) => (document.querySelector(s) || {}).innerText === t",
                           arg=[cell(0, "org_id"), fewest["org_id"]], timeout=60000)
    assert page.inner_text(cell(0, "members")) == fmt_num(fewest["members"], "vi")

    provinces = data.filter_choices(Scope.everything())["provinces"]
    province = provinces[provinces["is_current"]].set_index("name").loc[
        every[0]["province"], "province_code"]
    narrowed = urlstate.parse(f"{VIEW}&province={province}",
                              urlstate.choices_for(Scope.everything()))[0]
    theirs = tables.rows(KEY, narrowed, Scope.everything())
    assert 0 < len(theirs) < len(every)
    page.evaluate("""url => { history.pushState({}, '', url);
                              window.dispatchEvent(new PopStateEvent('popstate')); }""",
                  f"/to-chuc{VIEW}&province={province}")
    page.wait_for_function("([s, t]) => document.querySelector(s).innerText === t",
                           arg=[NOTE, f"{fmt_num(len(theirs), 'vi')} dòng"], timeout=60000)
    first = sorted(theirs, key=lambda r: r["members"])[0]  # still sorted by the grid's header
    page.wait_for_function("([s, t]) => (document.querySelector(s) || {}).innerText === t",
                           arg=[cell(0, "members"), fmt_num(first["members"], "vi")],
                           timeout=60000)

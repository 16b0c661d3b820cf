"""Grids paged on the server (charts/tables.page, queries/paging.py) on the demo warehouse: the
blocks a grid asks for, one after the other, are the table's rows in its order; a block sorted
by any column, or filtered by ag-grid's text and number filters, is the block of every row
sorted and filtered as the exports do it (charts/grid_view.apply); a column not the table's own
is refused; a viewer limited to a province gets only its rows, and every statement binds that
scope; only the block's cells are named unless the grid sorts by a name."""

from __future__ import annotations

import pytest

from chibo.dashboard import runtime, urlstate
from chibo.dashboard.charts import grid_view, tables
from chibo.dashboard.data import Scope
from chibo.dashboard.gateway import tracing
from tests.helpers import runtime_for
from tests.test_architecture import PER_ORG

pytestmark = pytest.mark.slow
ALL = Scope.everything()
PAGED = ("orgs-table", "data-quality", "quality-missed", "quality-falling", "quality-poor")
VIEW = "?from=2024-01-01&to=2025-09-30"


@pytest.fixture(scope="module")
def demo_runtime(demo_warehouse):
    return runtime_for(demo_warehouse)


@pytest.fixture
def state(demo_runtime, dash_app):  # the app: every table registered
    with runtime.bound(demo_runtime):
        yield urlstate.parse(VIEW, urlstate.choices_for(ALL))[0]


def ask(start: int, end: int, sort=(), filters=None) -> dict:
    return {"startRow": start, "endRow": end, "filterModel": filters or {},
            "sortModel": [{"colId": c, "sort": d} for c, d in sort]}


def shown(key: str, rows: list[dict]) -> list[dict]:
    """The rows as the grid gets them: the table's columns only (shares to 9 decimals: a sum of
    fractions over other rows may differ in its last bits)."""
    cols = [c for c, _h, _k in tables.TABLES[key].columns]
    return [{c: round(r.get(c), 9) if isinstance(r.get(c), float) else r.get(c) for c in cols}
            for r in rows]


def every(key: str, state: dict, scope: Scope = ALL, sort=(), filters=None) -> list[dict]:
    """Every row sorted and filtered by pandas, as the CSV and XLSX files are."""
    grid = {"filter": filters or {},
            "sort": [{"colId": c, "sort": d, "sortIndex": i} for i, (c, d) in enumerate(sort)]}
    df = grid_view.apply(tables.table_frame(key, state, scope), tables.TABLES[key].columns, grid)
    return shown(key, tables.records(df))


@pytest.mark.parametrize("key", PAGED)
def test_blocks_one_after_the_other_are_the_rows_in_order(state, key):
    """Blocks of 3 (or of 499 for the long lists; and a block past the end) put together are
    every row, and each says the number of rows; a block one row off would not match."""
    full = shown(key, tables.rows(key, state, ALL))
    size = 3 if len(full) < 300 else 499
    assert len(full) > size, key  # more than one block
    got = []
    for start in range(0, len(full) + size, size):
        rows, count = tables.page(key, state, ALL, ask(start, start + size))
        assert count == len(full)
        got += shown(key, rows)
    assert got == full
    assert shown(key, tables.page(key, state, ALL, ask(1, 4))[0]) == full[1:4] != full[0:3]


@pytest.mark.parametrize("key", PAGED)
def test_a_sorted_block_is_the_block_of_every_row_sorted(state, key):
    """For every column, up and down: the block at row 3 of the rows sorted in SQL is the same
    block of every row sorted by pandas (ties in the table's own order; code columns by their
    words)."""
    columns = [c for c, _h, _k in tables.TABLES[key].columns if c not in grid_view.FREE_TEXT]
    differs = False
    for col in columns:
        for d in ("asc", "desc"):
            want = every(key, state, sort=[(col, d)])
            rows, count = tables.page(key, state, ALL, ask(3, 11, [(col, d)]))
            assert (shown(key, rows), count) == (want[3:11], len(want)), (key, col, d)
            differs |= want[3:11] != shown(key, tables.rows(key, state, ALL))[3:11]
    assert differs  # some sort changes the block


def test_filters_are_applied_in_sql_as_the_exports_apply_them(state):
    """Number, text and code-word filters (one and two conditions) on the organisation table."""
    key = "orgs-table"
    rows = tables.rows(key, state, ALL)
    members = sorted(r["members"] for r in rows)[len(rows) // 2]
    kind = rows[0]["kind"]  # a word as the grid shows it, not the code stored
    cases = [
        {"members": {"filterType": "number", "type": "greaterThan", "filter": members}},
        {"members": {"filterType": "number", "type": "inRange", "filter": 1, "filterTo": members}},
        {"name": {"filterType": "text", "type": "contains", "filter": "XÃ"}},
        {"kind": {"filterType": "text", "type": "equals", "filter": kind}},
        {"kind": {"filterType": "text", "operator": "OR", "conditions": [
            {"filterType": "text", "type": "equals", "filter": kind},
            {"filterType": "text", "type": "startsWith", "filter": "đảng"}]},
         "rating": {"filterType": "text", "type": "notBlank"}},
    ]
    for filters in cases:
        want = every(key, state, sort=[("members", "desc")], filters=filters)
        assert 0 < len(want) < len(rows), filters
        got, count = tables.page(key, state, ALL, ask(0, 1000, [("members", "desc")], filters))
        assert (shown(key, got), count) == (want[:1000], len(want)), filters


@pytest.mark.parametrize("request_", [
    ask(0, 10, [("members; DROP TABLE x", "asc")]),
    ask(0, 10, [("org_name", "asc")]),  # a column of another table
    ask(0, 10, [("members", "sideways")]),
    ask(0, 10, filters={"org_name": {"filterType": "text", "type": "contains", "filter": "a"}}),
    ask(0, 10, filters={"members": {"filterType": "number", "type": "contains", "filter": 1}}),
    ask(0, 10, filters={"members": {"filterType": "number", "type": "lessThan", "filter": "x"}}),
    ask(0, 10, filters={"members": {"filterType": "number", "type": "lessThan", "filter": "nan"}}),
    ask(0, 10, filters={"name": {"filterType": "text", "type": "regex", "filter": "a"}}),
    ask(-5, 10), ask(10, 10), ask(0, grid_view.MAX_BLOCK + 1), {"startRow": "0", "endRow": 9},
])
def test_a_request_outside_the_tables_columns_is_refused(state, request_):
    with pytest.raises(ValueError):
        tables.page("orgs-table", state, ALL, request_)


def test_the_same_requests_on_known_columns_are_answered(state):
    """The near misses of the refusals: the table's own columns, ag-grid's own filter types."""
    for request_ in (ask(0, 10, [("members", "asc")]), ask(0, grid_view.MAX_BLOCK),
                     ask(0, 10, filters={"name": {"filterType": "text", "type": "contains",
                                                  "filter": "a"}})):
        rows, count = tables.page("orgs-table", state, ALL, request_)
        assert rows and count >= len(rows)
    assert tables.page("data-quality", state, ALL, ask(0, 10, [("month", "asc")]))[0]
    with pytest.raises(ValueError):  # worded piece by piece from codes: neither sorted nor filtered
        tables.page("data-quality", state, ALL, ask(0, 10, [("detail", "asc")]))


@pytest.mark.parametrize("key", PAGED)
def test_a_province_viewer_gets_its_rows_only_and_every_statement_binds_it(state, key):
    """The first province (by code) with some of the table's rows, not all of them."""
    everyone = len(tables.rows(key, state, ALL))
    for province in sorted(urlstate.choices_for(ALL).provinces_current):
        mine = Scope(provinces=frozenset({province}))
        full = shown(key, tables.rows(key, state, mine))
        if 0 < len(full) < everyone:
            break
    assert 0 < len(full) < everyone, key
    with tracing() as seen:
        rows, count = tables.page(key, state, mine, ask(0, 5, [("name" if key != "data-quality"
                                                                  else "org_name", "asc")]))
    assert count == len(full) and shown(key, rows) == every(key, state, mine, [(
        "name" if key != "data-quality" else "org_name", "asc")])[:5]
    per_org = [s for s in seen if any(t in s.sql for t in PER_ORG)
               and "max(as_of_month)" not in s.sql]  # the one date of the trend mart
    assert per_org and all(s.params.get("scope_prov") == [province] for s in per_org), key


@pytest.mark.parametrize("key", ("quality-missed", "quality-poor", "data-quality"))
def test_only_the_blocks_organisations_are_named(state, key):
    """In the table's own order the names are read for the block alone: the warnings' by the
    block's statement (`pg`), the cells' (several columns) by a statement over the block's ids
    bound as a list (a filter on the scan, not a join with every organisation); sorted by a
    name, for every row (`k`) before the cut, in the block's own statement."""
    name = "org_name" if key == "data-quality" else "name"
    with tracing() as seen:
        tables.page(key, state, ALL, ask(0, 5))
    if key == "data-quality":
        assert "FROM pg)" in seen[-1].sql and "FROM k)" not in seen[-1].sql
    else:
        assert 0 < len(seen[-1].params["listed"]) <= 5
        assert "FROM k)" not in seen[-1].sql and "JOIN marts.dim_org b" not in seen[-1].sql
    with tracing() as seen:
        tables.page(key, state, ALL, ask(0, 5, [(name, "asc")]))
    assert "FROM k)" in seen[-1].sql and all("listed" not in s.params for s in seen)

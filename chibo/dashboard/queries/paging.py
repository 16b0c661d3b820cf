"""Grids paged in SQL: one block of a table's rows (a `data.Page`: offset, limit, the grid's sort
and column filters) cut by the query itself, with the number of rows the table holds.

A paged query first lists its rows by key and unnamed columns (`keys`: every row in the
viewer's scope and the filters), then names only the block it keeps (`names`: a CTE `c`
giving each listed org_id its names; for names read from several columns, in a second
statement over the block's ids bound as a list, so the organisations are found by a filter on
the scan and not by joining every organisation), unless the grid sorts or filters by a named
column: then every row is named before the cut. Columns come from the table's own list (the
caller's `exprs`), code columns are sorted and filtered by the words the grid shows
(`labels.vocabulary`), and every value is a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from chibo.dashboard import labels
from chibo.dashboard.data import Page, Scope, query

TOTAL = "rows_total"  # the count of the rows the page is cut from, on every row of the page
EVERY = 2 ** 62  # the limit of a page without one
LISTED = "$listed"  # the block's ids, bound as a list (`among`)


def among(listed: str, column: str) -> str:
    """The condition that `column` is one of the org_ids of `listed`: a relation with org_id, or
    LISTED, the block's ids bound as a list (a filter on the scan of the named table, not a join
    with every row of it)."""
    if listed == LISTED:
        return f"list_contains($listed::VARCHAR[], {column})"
    return f"{column} IN (SELECT org_id FROM {listed})"


@dataclass(frozen=True)
class Block:
    """A block's statements: `sql` its rows (org_id and the unnamed columns, with TOTAL) in
    order, `names` the statement naming the org_ids bound as $listed, `columns` the block's
    columns in order."""

    sql: str
    names: str
    columns: tuple


def needs(page: Page, columns) -> bool:
    """Whether the page's sort or filters read one of `columns`."""
    return any(c in columns for c, _desc in page.order) or any(w[0] in columns for w in page.where)


def expression(column: str, p: dict, lang: str) -> str:
    """The SQL of a column as the grid shows it: a code column as its words in `lang` (a CASE
    over bound parameters), any other column as itself."""
    words = labels.vocabulary(column, lang)
    if not words:
        return column
    whens = []
    for i, (code, word) in enumerate(sorted(words.items())):
        p[f"{column}_c{i}"], p[f"{column}_w{i}"] = code, word
        whens.append(f"WHEN ${column}_c{i} THEN ${column}_w{i}")
    return f"(CASE {column} {' '.join(whens)} ELSE CAST({column} AS VARCHAR) END)"


def order_by(page: Page, default: tuple, p: dict, lang: str) -> str:
    """ORDER BY list: the grid's sort (ascending with empty values first, as the grid and the
    exports sort), then the table's own order `default` (SQL terms; the last one unique)."""
    return ", ".join([f"{expression(c, p, lang)} {'DESC NULLS LAST' if d else 'ASC NULLS FIRST'}"
                      for c, d in page.order] + list(default))


_TEXT = {"contains": "contains({x}, ${v})", "notContains": "NOT contains({x}, ${v})",
         "equals": "{x} = ${v}", "notEqual": "{x} <> ${v}",
         "startsWith": "starts_with({x}, ${v})", "endsWith": "ends_with({x}, ${v})"}
_NUMBER = {"equals": "{x} = ${v}", "notEqual": "{x} <> ${v}", "lessThan": "{x} < ${v}",
           "lessThanOrEqual": "{x} <= ${v}", "greaterThan": "{x} > ${v}",
           "greaterThanOrEqual": "{x} >= ${v}", "inRange": "{x} BETWEEN ${v} AND ${w}"}


def where(page: Page, p: dict, lang: str) -> str:
    """The grid's column filters as one condition (TRUE without any), as charts/grid_view.py
    applies them to a frame: text compared in lower case on the words shown, an empty value
    never matching a number."""
    conds = []
    for i, (column, joint, parts) in enumerate(page.where):
        x = expression(column, p, lang)
        text = f"lower(coalesce(CAST({x} AS VARCHAR), ''))"
        each = []
        for j, (kind, op, a, b) in enumerate(parts):
            v, w = f"w{i}_{j}a", f"w{i}_{j}b"
            if op in ("blank", "notBlank"):
                each.append(f"({'' if op == 'blank' else 'NOT '}coalesce(CAST({x} AS VARCHAR),"
                            " '') = '')")
            elif kind == "text":
                p[v] = str(a).lower()
                each.append("coalesce(" + _TEXT[op].format(x=text, v=v) + ", FALSE)")
            else:
                p[v] = float(a)
                if op == "inRange":
                    p[w] = float(b)
                each.append("coalesce(" + _NUMBER[op].format(x=f"CAST({x} AS DOUBLE)", v=v,
                                                              w=w) + ", FALSE)")
        conds.append("(" + f" {joint} ".join(each) + ")")
    return " AND ".join(conds) or "TRUE"


def window(page: Page, p: dict) -> str:
    """LIMIT and OFFSET of the block, as parameters (every row when the page has no limit)."""
    p.update(page_offset=page.offset, page_limit=EVERY if page.limit is None else page.limit)
    return "LIMIT $page_limit OFFSET $page_offset"


def block(page: Page, *, ctes: str, keys: str, names: Callable[[str], str] | None,
          named: tuple, default: tuple, columns: str, p: dict, lang: str,
          apart: bool = False, total: int | None = None) -> str | Block:
    """The SQL of one block: `keys` (a SELECT with org_id as text and the unnamed columns, in
    scope: a coded id joined to the names as text would cast the names to the whole dictionary)
    after the CTEs `ctes`, cut to the block by the page's filters, sort (then `default`) and
    window, `names(listed)` (the CTE `c` naming the org_ids of the relation `listed`) joined
    before the cut when the page reads a `named` column, else after (with `apart`, by a second
    statement over the block's ids: a `c` reading several columns of every organisation to
    find the block's few costs more than a scan filtered by a bound list); `columns` the SELECT
    list (unqualified names), with TOTAL (`total` when the caller counted the rows already)."""
    early = names is not None and needs(page, named)
    order = order_by(page, default, p, lang)
    # keys read straight from a table are counted by a second, narrow read of them (k inlined
    # in both, not materialised); a window count would hold every row with all its columns
    # before the cut (a million warnings: 80 ms of 140). Named keys (naming every row twice
    # costs more) and keys built on CTEs (a CTE of coded ids read twice is materialised, each
    # chunk with the whole dictionary) keep the window; a count the caller knows is bound.
    cond = where(page, p, lang)
    if total is not None and not page.where:
        p["rows_counted"], count = total, "$rows_counted"
    elif not early and not ctes:
        count = f"(SELECT count(*) FROM k WHERE {cond})"
    else:
        count = "count(*) OVER ()"
    hint = "MATERIALIZED " if early else "NOT MATERIALIZED " if "FROM k" in count else ""
    head = f"WITH {ctes + ',' if ctes else ''} k AS {hint}({keys}),"
    if early:
        head += f" {names('k')}, kc AS (SELECT * FROM k JOIN c USING (org_id)),"
    cut = (f" pg AS (SELECT *, {count} AS {TOTAL} FROM {'kc' if early else 'k'}"
           f" WHERE {cond} ORDER BY {order} {window(page, p)})")
    late = names is not None and not early
    if late and apart:  # named after the cut, by a second statement
        return Block(head + cut + f" SELECT * FROM pg ORDER BY {order}",
                     f"WITH {names(LISTED)} SELECT * FROM c",
                     tuple(c.strip() for c in columns.split(",")))
    return (head + cut + (f", {names('pg')}" if late else "")
            + f" SELECT {columns}, pg.{TOTAL} FROM pg"
            + (" LEFT JOIN c USING (org_id)" if late else "") + f" ORDER BY {order}")


def run(scope: Scope, block: str | Block, p: dict, page: Page) -> pd.DataFrame:
    """The block's rows (without TOTAL) with the count in attrs['rows'], its org_ids named by
    the block's second statement when it has one. A block past the last row has no row to carry
    the count: it is read again at offset 0."""
    sql = block.sql if isinstance(block, Block) else block
    df = query(sql, p)
    if df.empty and page.offset > 0:
        again = query(sql, {**p, "page_offset": 0, "page_limit": 1})
        total = 0 if again.empty else int(again[TOTAL].iloc[0])
    else:
        total = 0 if df.empty else int(df[TOTAL].iloc[0])
    if isinstance(block, Block):
        bound = {k: v for k, v in p.items() if re.search(rf"\${k}\b", block.names)}
        listed = sorted(set(df["org_id"].dropna()))
        if listed:
            names = query(block.names, {**bound, "listed": listed})
            df = df.merge(names, on="org_id", how="left", validate="many_to_one")
        df = df.reindex(columns=[*block.columns, TOTAL])
    out = df.drop(columns=[TOTAL])
    out.attrs["rows"] = total
    return out

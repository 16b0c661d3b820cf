"""The table registry: every table the dashboard can show, by key, its rows for a state and a
viewer's scope (code columns as readable labels), the block of rows a grid asks for with the
number of rows, and its CSV and XLSX files (every row).

A table is defined (and registered) in charts/catalogue/; a page shows it with its key. A grid
asks for one block of rows at a time (ag-grid's infinite row model); a `paged` table's data
cuts that block in SQL (queries/paging.py), any other is cut from its frame here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from chibo.dashboard import data, labels, urlstate
from chibo.dashboard.charts import grid_view, spreadsheets
from chibo.dashboard.charts.captions import file_stem
from chibo.dashboard.data import Page, Scope
from chibo.dashboard.i18n import t

BLOCK = 100  # rows a grid asks for at a time
TABLES: dict[str, Table] = {}


@dataclass(frozen=True)
class Table:
    """key: unique, prefixed by the page; title: i18n key; data(scope, filters) -> DataFrame;
    columns: ((field, header i18n key, kind text|int|dec|pct|date|month|datetime), ...);
    code columns (rule, rating, kind, sector, …) are shown as labels (chibo/dashboard/labels.py);
    filters.extra always holds ('lang', …) so data may pick a language column; `paged`: data cuts
    the block filters.extra `page` asks for (data.grid_page) in SQL and gives the number of rows
    it is cut from as attrs['rows']."""

    key: str
    title: str
    data: Callable
    columns: tuple[tuple[str, str, str], ...]
    params: tuple[str, ...] = ()
    paged: bool = False


def register(table: Table) -> Table:
    if table.key in TABLES and TABLES[table.key] != table:
        raise KeyError(f"table key registered twice: {table.key}")
    TABLES[table.key] = table
    return table


def table_frame(key: str, state: dict, scope: Scope, page: Page | None = None) -> pd.DataFrame:
    """The table's rows under `state`: every row, or the block `page` of a `paged` table (with
    the number of rows in attrs['rows'])."""
    table = TABLES[key]
    params = state.get("params") or {}
    extra = {p: params.get(p, urlstate.param_default(p)) for p in table.params}
    if page is not None and table.paged:
        extra["page"] = page
    f = urlstate.to_filters(state, lang=state.get("lang", "vi"), **extra)
    df = table.data(scope, f)
    rows = df.attrs.get("rows", len(df))
    out = labels.translate_values(df, state.get("lang", "vi"))
    out.attrs["rows"] = rows
    return out


def page(key: str, state: dict | None, scope: Scope, request) -> tuple[list[dict], int]:
    """(the block of rows a grid asks for as JSON-able records, the number of rows the table
    holds under its filters): `request` is ag-grid's getRowsRequest, checked against the
    table's columns (grid_view.page_of raises ValueError for an unknown column or anything else
    it cannot apply)."""
    table = TABLES[key]
    block = grid_view.page_of(request, table.columns)
    if not state or data.signature() is None:
        return [], 0
    if table.paged:
        df = table_frame(key, state, scope, block)
        count = int(df.attrs["rows"])
    else:
        grid = {"filter": request.get("filterModel"), "sort": [
            {**s, "sortIndex": i} for i, s in enumerate(request.get("sortModel") or [])]}
        df = grid_view.apply(table_frame(key, state, scope), table.columns, grid)
        df, count = df.iloc[block.offset:block.offset + block.limit], len(df)
    return records(df[[c for c, _h, _k in table.columns if c in df.columns]]), count


def records(df: pd.DataFrame) -> list[dict]:
    """The rows of `df` as JSON-able dicts: missing values None, timestamps as
    'YYYY-MM-DDTHH:MM:SS', numbers as Python numbers (what `to_dict("records")` of the frame as
    objects gives), built column by column: 5,000 rows in a few milliseconds, where pandas boxes
    every cell one by one."""
    names, columns = list(df.columns), []
    for name in names:
        col = df[name]
        missing = col.isna().to_numpy()
        if pd.api.types.is_datetime64_any_dtype(col) and col.dt.tz is None:
            values = np.datetime_as_string(col.to_numpy(dtype="datetime64[s]"), unit="s").tolist()
        elif pd.api.types.is_datetime64_any_dtype(col):
            values = col.dt.strftime("%Y-%m-%dT%H:%M:%S").tolist()
        else:
            values = col.astype(object).tolist()
        if missing.any():
            values = [None if m else v for v, m in zip(values, missing.tolist())]
        columns.append(values)
    return [dict(zip(names, row)) for row in zip(*columns)]


def rows(key: str, state: dict | None, scope: Scope) -> list[dict]:
    """Every row of the table as records, in its own order (what the grid shows block by block)."""
    if not state or data.signature() is None:
        return []
    return records(table_frame(key, state, scope))


FORMATS = ("csv", "csv;", "xlsx")  # csv; = semicolons and decimal commas (Vietnamese Excel)


def export(key: str, state: dict, scope: Scope, fmt: str,
           grid: dict | None = None) -> tuple[bytes, str]:
    """(file content, file name) with headers in the state's language; fmt one of FORMATS;
    `grid` the grid's own filter and sort (grid_view.apply), so the file holds what is shown."""
    table = TABLES[key]
    lang = state.get("lang", "vi")
    df = grid_view.apply(table_frame(key, state, scope), table.columns, grid)
    df = df[[c for c, _h, _k in table.columns if c in df.columns]]
    kinds = {t(h, lang): k for c, h, k in table.columns if c in df.columns}
    df = df.rename(columns={c: t(h, lang) for c, h, _k in table.columns}).convert_dtypes()
    name = f"{file_stem(t(table.title, lang), state, lang, scope)}.{fmt.rstrip(';')}"
    if fmt.startswith("csv"):  # all formula-safe (charts/spreadsheets.py); CSV with a BOM
        return spreadsheets.csv_bytes(df, kinds, semicolon=fmt == "csv;"), name
    return spreadsheets.xlsx_bytes(df, t(table.title, lang), kinds), name

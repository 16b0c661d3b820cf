"""The table registry: every table the dashboard can show, by key, its rows for a state and a
viewer's scope (code columns as readable labels), and its CSV and XLSX files.

A table is defined (and registered) in charts/catalogue/; a page shows it with its key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from chibo.dashboard import data, labels, urlstate
from chibo.dashboard.charts import grid_view, spreadsheets
from chibo.dashboard.charts.captions import file_stem
from chibo.dashboard.data import Scope
from chibo.dashboard.i18n import t

MAX_ROWS = 5000  # rows a grid shows; the files hold them all
TABLES: dict[str, Table] = {}


@dataclass(frozen=True)
class Table:
    """key: unique, prefixed by the page; title: i18n key; data(scope, filters) -> DataFrame;
    columns: ((field, header i18n key, kind text|int|dec|pct|date|month|datetime), ...);
    code columns (rule, rating, kind, sector, …) are shown as labels (chibo/dashboard/labels.py);
    filters.extra always holds ('lang', …) so data may pick a language column."""

    key: str
    title: str
    data: Callable
    columns: tuple[tuple[str, str, str], ...]
    params: tuple[str, ...] = ()


def register(table: Table) -> Table:
    if table.key in TABLES and TABLES[table.key] != table:
        raise KeyError(f"table key registered twice: {table.key}")
    TABLES[table.key] = table
    return table


def table_frame(key: str, state: dict, scope: Scope, limit: int | None = None) -> pd.DataFrame:
    """The table's rows under `state`; at most `limit` rows when given (data functions may read
    `limit` from filters.extra to cut in SQL; the frame is cut here too)."""
    table = TABLES[key]
    params = state.get("params") or {}
    extra = {p: params.get(p, urlstate.param_default(p)) for p in table.params}
    if limit is not None:
        extra["limit"] = limit
    f = urlstate.to_filters(state, lang=state.get("lang", "vi"), **extra)
    df = table.data(scope, f)
    return labels.translate_values(df if limit is None else df.head(limit), state.get("lang", "vi"))


def grid_rows(key: str, state: dict | None, scope: Scope) -> tuple[list[dict], bool]:
    """(at most MAX_ROWS rows as JSON-able records, whether there are more)."""
    if not state or data.signature() is None:
        return [], False
    df = table_frame(key, state, scope, limit=MAX_ROWS + 1)
    more, df = len(df) > MAX_ROWS, df.head(MAX_ROWS)
    return records(df), more


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
    """The grid's rows: at most MAX_ROWS (the files hold them all)."""
    return grid_rows(key, state, scope)[0]


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

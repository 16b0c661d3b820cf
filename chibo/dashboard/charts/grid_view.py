"""The grid's own view of a table (ag-grid's filter model and sort) on the server: applied to
the table's rows for an export, so a CSV or XLSX holds what the grid shows (anything not
understood is ignored: the file then holds more rows, never other data); and `page_of`, the
block a grid asks for (its getRowsRequest) checked into a data.Page, refused (ValueError) unless
every column is the table's own and every filter one of ag-grid's text and number filters."""

from __future__ import annotations

import math

import pandas as pd

from chibo.dashboard.data import Page

_TEXT = {
    "contains": lambda s, v: s.str.contains(v, regex=False),
    "notContains": lambda s, v: ~s.str.contains(v, regex=False),
    "equals": lambda s, v: s == v, "notEqual": lambda s, v: s != v,
    "startsWith": lambda s, v: s.str.startswith(v), "endsWith": lambda s, v: s.str.endswith(v),
}
_NUMBER = {
    "equals": lambda s, a, b: s == a, "notEqual": lambda s, a, b: s != a,
    "lessThan": lambda s, a, b: s < a, "lessThanOrEqual": lambda s, a, b: s <= a,
    "greaterThan": lambda s, a, b: s > a, "greaterThanOrEqual": lambda s, a, b: s >= a,
    "inRange": lambda s, a, b: (s >= a) & (s <= b),
}
MAX_CONDITIONS = 4
MAX_BLOCK = 1000  # the most rows one request may ask for
MAX_TEXT = 200  # the longest text a filter may compare
FREE_TEXT = {"detail"}  # worded piece by piece from its codes: a grid neither sorts nor filters it


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _one(col: pd.Series, m: dict) -> pd.Series | None:
    """One condition of ag-grid's filter model as a row mask (None: not understood)."""
    kind = m.get("type")
    blank = col.isna() | (col.astype("string").fillna("") == "")
    if kind in ("blank", "notBlank"):
        return blank if kind == "blank" else ~blank
    if m.get("filterType") == "text" and kind in _TEXT and isinstance(m.get("filter"), str):
        text = col.astype("string").fillna("").str.lower()
        return _TEXT[kind](text, m["filter"].lower()).fillna(False).astype(bool)
    if m.get("filterType") == "number" and kind in _NUMBER:
        a, b = _number(m.get("filter")), _number(m.get("filterTo"))
        if a is None or (kind == "inRange" and b is None):
            return None
        nums = pd.to_numeric(col, errors="coerce")
        return _NUMBER[kind](nums, a, b).fillna(False).astype(bool)
    return None


def _condition(col: pd.Series, m: dict) -> pd.Series | None:
    """A column's filter: one condition, or up to MAX_CONDITIONS joined by AND or OR."""
    parts = m.get("conditions")
    if not isinstance(parts, list):
        return _one(col, m)
    masks = [x for x in (_one(col, p) for p in parts[:MAX_CONDITIONS] if isinstance(p, dict))
             if x is not None]
    if not masks:
        return None
    out = masks[0]
    for x in masks[1:]:
        out = (out | x) if m.get("operator") == "OR" else (out & x)
    return out


def apply(df: pd.DataFrame, columns, grid: dict | None) -> pd.DataFrame:
    """The rows of `df` the grid shows, in its order: grid = {'filter': filterModel,
    'sort': columnState} as the browser sent them; columns: the table's (field, header, kind)."""
    if not isinstance(grid, dict) or df is None or df.empty:
        return df
    known = {c for c, _h, _k in columns if c in df.columns}
    filters = grid.get("filter") if isinstance(grid.get("filter"), dict) else {}
    mask = pd.Series(True, index=df.index)
    for col, model in filters.items():
        part = _condition(df[col], model) if col in known and isinstance(model, dict) else None
        if part is not None:
            mask &= part
    out = df[mask]
    state = grid.get("sort") if isinstance(grid.get("sort"), list) else []
    order = sorted((s for s in state if isinstance(s, dict) and s.get("colId") in known
                    and s.get("sort") in ("asc", "desc")),
                   key=lambda s: s.get("sortIndex") if isinstance(s.get("sortIndex"), int) else 0)
    for s in reversed(order):  # stable sorts, last key first: the first key decides
        out = out.sort_values(s["colId"], ascending=s["sort"] == "asc", kind="stable",
                              na_position="first" if s["sort"] == "asc" else "last")
    return out


def page_of(request, columns) -> Page:
    """The block ag-grid's getRowsRequest asks for (startRow, endRow, sortModel, filterModel) as
    a data.Page over the table's `columns` ((field, header, kind), …); ValueError for a column
    not among them, a block that is not 1..MAX_BLOCK rows from a row >= 0, or a sort or filter
    it cannot apply."""
    if not isinstance(request, dict):
        raise ValueError("getRowsRequest")
    start, end = request.get("startRow"), request.get("endRow")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)) \
            or not 0 <= start < end <= start + MAX_BLOCK:
        raise ValueError(f"rows {start!r}..{end!r}")
    known = {c for c, _h, _k in columns} - FREE_TEXT
    sorts, filters = request.get("sortModel") or [], request.get("filterModel") or {}
    if not isinstance(sorts, list) or not isinstance(filters, dict):
        raise ValueError("sortModel / filterModel")
    order = []
    for s in sorts:
        if not isinstance(s, dict) or s.get("colId") not in known \
                or s.get("sort") not in ("asc", "desc"):
            raise ValueError(f"sort {s!r}")
        order.append((s["colId"], s["sort"] == "desc"))
    where = []
    for col, model in filters.items():
        if col not in known or not isinstance(model, dict):
            raise ValueError(f"filter {col!r}")
        parts = model.get("conditions", [model])
        if not isinstance(parts, list) or not 0 < len(parts) <= MAX_CONDITIONS:
            raise ValueError(f"filter {col!r}")
        where.append((col, "OR" if model.get("operator") == "OR" else "AND",
                      tuple(_checked(col, m) for m in parts)))
    return Page(offset=start, limit=end - start, order=tuple(order), where=tuple(where))


def _checked(col: str, m) -> tuple:
    """One condition of a column's filter as (filter type, type, value, value to)."""
    kind = m.get("type") if isinstance(m, dict) else None
    if kind in ("blank", "notBlank"):
        return ("text", kind, None, None)
    if m.get("filterType") == "text" and kind in _TEXT and isinstance(m.get("filter"), str) \
            and len(m["filter"]) <= MAX_TEXT:
        return ("text", kind, m["filter"], None)
    a, b = _number(m.get("filter")), _number(m.get("filterTo"))
    if m.get("filterType") == "number" and kind in _NUMBER and a is not None \
            and math.isfinite(a) and (kind != "inRange" or (b is not None and math.isfinite(b))):
        return ("number", kind, a, b)
    raise ValueError(f"filter {col!r}: {m!r}")

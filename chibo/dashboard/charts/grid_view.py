"""The grid's own view of a table (ag-grid's filter model and column sort, sent with an export
request) applied on the server to the table's rows, so a CSV or XLSX holds what the grid shows.
The client's model is validated: only the table's columns and ag-grid's text and number filter
types count; anything else is ignored (the file then holds more rows, never other data)."""

from __future__ import annotations

import pandas as pd

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

"""Spreadsheet-safe files for tables and chart data: CSV (UTF-8 with BOM, so Excel shows the
diacritics; comma-separated, or semicolon-separated with decimal commas for Excel in a
Vietnamese locale) and XLSX (typed cells: counts as integers, percentages as numbers shown as
percentages, dates as dates; a bold frozen header with filters).

Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
return) get a leading apostrophe; numbers, and text that is just a number ('-12'), stay as they are.
"""

from __future__ import annotations

import io
import re

import pandas as pd

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|\d*[.,]\d+)([eE][+-]?\d+)?%?$")


def safe_cell(value):
    """One cell: a dangerous text gets a leading "'"; anything else comes back unchanged."""
    if not isinstance(value, str) or not value.startswith(DANGEROUS):
        return value
    if _NUMBER.match(value):  # '-12', '+3,5': a number written as text, not a formula
        return value
    return "'" + value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and text header) passed through `safe_cell`."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype):
            out[col] = s.map(safe_cell, na_action="ignore").astype(s.dtype)
    return out.rename(columns={c: safe_cell(c) for c in out.columns if isinstance(c, str)})


XLSX_FORMATS = {"int": "#,##0", "dec": "#,##0.0", "pct": "0.0%", "date": "dd/mm/yyyy",
                "month": "mm/yyyy", "datetime": "dd/mm/yyyy hh:mm"}
DATES = ("date", "month", "datetime")


def typed(df: pd.DataFrame, kinds: dict | None) -> pd.DataFrame:
    """Columns as their kinds ('int', 'dec', 'pct', 'date', 'month', 'datetime'; by column
    name): dates parsed, counts as integers, the rest as they are."""
    out = df.copy()
    for col, kind in (kinds or {}).items():
        if col not in out:
            continue
        if kind in DATES:
            out[col] = pd.to_datetime(out[col], errors="coerce")
            if getattr(out[col].dt, "tz", None):
                out[col] = out[col].dt.tz_localize(None)
        elif kind == "int":
            out[col] = pd.to_numeric(out[col], errors="coerce").round().astype("Int64")
        elif kind in ("dec", "pct"):
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("Float64")
    return out


def csv_bytes(df: pd.DataFrame, kinds: dict | None = None, semicolon: bool = False) -> bytes:
    """CSV, UTF-8 with BOM, formula-safe. With `semicolon`: ';' between fields and ',' as the
    decimal mark (Excel with Vietnamese regional settings), dates as dd/mm/yyyy; else ISO dates.
    Percentages ('pct' columns) are written as percentages ('99,3%'), which Excel reads as
    numbers."""
    df = typed(df, kinds)
    dec = "," if semicolon else "."
    for col, kind in (kinds or {}).items():
        if col not in df:
            continue
        if kind == "pct":
            df[col] = [None if pd.isna(v) else f"{100 * v:.1f}".replace(".", dec) + "%"
                       for v in df[col]]
        elif kind in DATES:
            fmt = {"date": "%d/%m/%Y" if semicolon else "%Y-%m-%d",
                   "month": "%m/%Y" if semicolon else "%Y-%m",
                   "datetime": "%d/%m/%Y %H:%M" if semicolon else "%Y-%m-%d %H:%M"}[kind]
            df[col] = df[col].dt.strftime(fmt)
    return safe_frame(df).to_csv(index=False, sep=";" if semicolon else ",",
                                 decimal=dec).encode("utf-8-sig")


def xlsx_bytes(df: pd.DataFrame, sheet: str = "Sheet1", kinds: dict | None = None) -> bytes:
    """XLSX, formula-safe: text is written as text (xlsxwriter would turn '=…' into a formula);
    `kinds` columns typed and formatted (XLSX_FORMATS); header bold, frozen, with filters."""
    df = safe_frame(typed(df, kinds))
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]) and getattr(df[col].dt, "tz", None):
            df[col] = df[col].dt.tz_localize(None)
    buf = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False}
    name = safe_sheet(sheet)
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": options},
                        date_format="dd/mm/yyyy", datetime_format="dd/mm/yyyy") as xw:
        df.to_excel(xw, index=False, sheet_name=name)
        _finish(xw, xw.sheets[name], df, kinds or {})
    return buf.getvalue()


def _finish(xw, ws, df: pd.DataFrame, kinds: dict) -> None:
    """Number formats per column, readable widths, a frozen header row with filters. Cells of
    date kinds are rewritten with their format (pandas gives every date one format)."""
    book = xw.book
    for i, col in enumerate(df.columns):
        kind = kinds.get(col)
        fmt = book.add_format({"num_format": XLSX_FORMATS[kind]}) if kind in XLSX_FORMATS else None
        longest = max([len(str(col)), *(len(str(v)) for v in df[col].head(200))])
        ws.set_column(i, i, min(max(10, longest + 2), 60), fmt)
        if kind in DATES:
            for r, v in enumerate(df[col], start=1):
                if not pd.isna(v):
                    ws.write_datetime(r, i, v.to_pydatetime(), fmt)
    ws.freeze_panes(1, 0)
    if len(df.columns):
        ws.autofilter(0, 0, max(len(df), 1), len(df.columns) - 1)


def safe_sheet(name: str) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\ ."""
    return (re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "Sheet1")[:31]

"""Spreadsheet-safe files for tables and chart data: CSV (UTF-8 with BOM, so Excel shows the diacritics) and XLSX.

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


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV, UTF-8 with BOM, formula-safe."""
    return safe_frame(df).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(df: pd.DataFrame, sheet: str = "Sheet1") -> bytes:
    """XLSX, formula-safe: text is written as text (xlsxwriter would turn '=…' into a formula)."""
    df = safe_frame(df)
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]) and getattr(df[col].dt, "tz", None):
            df[col] = df[col].dt.tz_localize(None)
    buf = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": options}) as xw:
        df.to_excel(xw, index=False, sheet_name=safe_sheet(sheet))
    return buf.getvalue()


def safe_sheet(name: str) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\ ."""
    return (re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "Sheet1")[:31]

"""Renderer-neutral chart specs: what a chart shows, built from scoped rows: its kind, categories,
series, whether values are percentages, their decimals and whether the value axis starts at
zero. The Plotly builders (charts/figures.py) draw a spec on screen; the PowerPoint export
(exports/pptx.py) writes the same spec as a native, editable chart."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from dashboard.i18n import fmt_num, fmt_pct, t
from dashboard.labels import age_band

KINDS = ("line", "area", "column", "column_stacked", "column_stacked_100", "bar")
COLORS = ["#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9", "#f59f00", "#0ca678", "#e03131",
          "#5c7cfa", "#868e96"]
PERIOD_FORMATS = {"month": "%m/%Y", "quarter": "Q%q/%Y", "year": "%Y"}


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple  # floats or None, one per category
    color: str | None = None


@dataclass(frozen=True)
class ChartSpec:
    """kind in KINDS (bar = horizontal); categories: dates (the first day of each `period`) or
    labels; percent: values are fractions (0.25 = 25%); keys: one per category (a ranking's
    province codes); mirrored: the first series is drawn leftwards (an age pyramid)."""

    kind: str
    categories: tuple
    series: tuple[Series, ...]
    percent: bool = False
    decimals: int = 0
    zero_based: bool = True
    period: str | None = None
    keys: tuple | None = None
    mirrored: bool = False

    def labels(self) -> list[str]:
        """The categories as the axis writes them ('03/2025', 'Q1/2025', '2025', or the label)."""
        return [category_label(c, PERIOD_FORMATS.get(self.period or "month")) for c in self.categories]

    def fmt(self, value, lang: str) -> str:
        return fmt_pct(value, lang, 1) if self.percent else fmt_num(value, lang, self.decimals)

    def values(self) -> list[float]:
        """Every value of every series (None left out)."""
        return [v for s in self.series for v in s.values if v is not None]

    def recoloured(self, mapping) -> ChartSpec:
        """The same spec with each series colour passed through `mapping(colour)`."""
        return replace(self, series=tuple(replace(s, color=mapping(s.color)) for s in self.series))


def category_label(v, fmt: str) -> str:
    """A date as the axis shows it ('%m/%Y' → '03/2025', 'Q%q/%Y' → 'Q1/2025', '%Y'); else str."""
    if not isinstance(v, (dt.date, np.datetime64, pd.Timestamp)):
        return str(v)
    ts = pd.Timestamp(v)
    if "%q" in fmt:
        return fmt.replace("%q", str((ts.month - 1) // 3 + 1)).replace("%Y", str(ts.year))
    return ts.strftime(fmt)


def _num(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _decimals(series: list[Series], percent: bool) -> int:
    """0 for percentages and whole numbers, else 1."""
    flat = [v for s in series for v in s.values if v is not None]
    return 0 if percent or all(float(v).is_integer() for v in flat) else 1


def _spec(kind, categories, series, percent=False, decimals=None, **more) -> ChartSpec:
    decimals = _decimals(series, percent) if decimals is None else decimals
    return ChartSpec(kind, tuple(categories), tuple(series), percent, decimals, **more)


def over_time(df: pd.DataFrame | None, x: str, series: list[tuple[str, str]], *,
              kind: str = "line", stacked: bool = False, percent: bool = False,
              period: str = "month", colors: list[str] | None = None,
              decimals: int | None = None, zero_based: bool = True) -> ChartSpec | None:
    """Lines, areas or columns over time: series = [(column, display name)]; kind line|area|bar
    (stacked: areas or stacked columns); None when there is nothing to draw."""
    if df is None or df.empty or all(df[c].isna().all() for c, _ in series):
        return None
    palette = colors or COLORS
    drawn = [Series(name, tuple(_num(v) for v in df[col]), palette[i % len(palette)])
             for i, (col, name) in enumerate(series)]
    shape = {"line": "area" if stacked else "line", "area": "area",
             "bar": "column_stacked" if stacked else "column"}[kind]
    return _spec(shape, df[x], drawn, percent, decimals, zero_based=zero_based, period=period)


def shares(df: pd.DataFrame | None, x: str, series: list[tuple[str, str, str]], *,
           period: str = "month") -> ChartSpec | None:
    """100% stacked columns: series = [(column, name, colour)] of counts; each column is split
    by its total; periods without any count are left out."""
    if df is None or df.empty:
        return None
    df = df[sum(df[c] for c, _, _ in series) > 0]
    if df.empty:
        return None
    drawn = [Series(name, tuple(_num(v) for v in df[col]), color) for col, name, color in series]
    return _spec("column_stacked_100", df[x], drawn, period=period)


def ranking(df: pd.DataFrame | None, label: str, value: str, *, percent: bool = False,
            decimals: int = 0, key: str = "province_code") -> ChartSpec | None:
    """Horizontal bars sorted by `value`, largest last (drawn at the top); rows without a value
    are left out; keys = the rows' `key` (for clicks)."""
    if df is None or df.empty or df[value].isna().all():
        return None
    df = df[df[value].notna()].sort_values([value, label], ascending=[True, False])
    drawn = [Series("", tuple(_num(v) for v in df[value]), COLORS[0])]
    return _spec("bar", df[label], drawn, percent, 0 if percent else decimals,
                 keys=tuple(df[key]))


def composition(df: pd.DataFrame | None, label: str, value: str, *, percent: bool = False
                ) -> ChartSpec | None:
    """Horizontal bars in the rows' order (the first drawn at the top): the parts of a whole,
    such as members by age band; keys = the labels."""
    if df is None or df.empty or df[value].isna().all():
        return None
    df = df.iloc[::-1]
    drawn = [Series("", tuple(_num(v) for v in df[value]), COLORS[0])]
    return _spec("bar", df[label], drawn, percent, 0, keys=tuple(df[label]))


def pyramid(df: pd.DataFrame | None, lang: str) -> ChartSpec | None:
    """Age and gender structure: one category per age band, males (drawn leftwards) and females."""
    if df is None or df.empty:
        return None
    bands = sorted(df["age_band"].unique())
    drawn = []
    for gender, color in (("male", COLORS[0]), ("female", COLORS[1])):
        part = df[df["gender"] == gender].set_index("age_band").reindex(bands)["members"].fillna(0)
        drawn.append(Series(t(f"gender.{gender}", lang), tuple(_num(v) for v in part.values),
                            color))
    return _spec("bar", [age_band(b) for b in bands], drawn, mirrored=True)

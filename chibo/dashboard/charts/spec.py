"""Renderer-neutral chart specs: what a chart shows, built from scoped rows: its kind, categories,
series, whether values are percentages, their decimals and whether the value axis starts at
zero, which periods are only partly inside the data. The value axis every renderer draws comes
from here too (`value_axis`: a baseline, a tick step whose labels never repeat, whether the axis
is cut); the Plotly builders (charts/figures.py) draw a spec on screen; the PowerPoint export
(exports/pptx.py) writes the same spec as a native, editable chart."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from chibo.dashboard.i18n import fmt_num, fmt_pct, t
from chibo.dashboard.labels import age_band

KINDS = ("line", "area", "column", "column_stacked", "column_stacked_100", "bar")
COLORS = ["#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9", "#f59f00", "#0ca678", "#e03131",
          "#5c7cfa", "#868e96"]
PERIOD_FORMATS = {"month": "%m/%Y", "quarter": "Q%q/%Y", "year": "%Y"}
MIN_SPAN_PCT = 0.10  # a fitted percentage axis spans at least 10 points…
MIN_SPAN_SHARE = 0.10  # …any other at least 10% of its largest value: 0,3 points never look like a crash
TICKS = 5  # about this many intervals on a value axis


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
    months: tuple | None = None  # months of data in each period (quarters, years)
    partial: tuple | None = None  # per category: a period only partly inside the data

    def part_labels(self, lang: str, sep: str = " ") -> list[str]:
        """The labels, a partial period saying its months ('Q4/2026 (1 tháng)')."""
        marks = self.partial or (False,) * len(self.categories)
        return [f"{x}{sep}({t('chart.months', lang, n=int(m))})" if p else x
                for x, p, m in zip(self.labels(), marks, self.months or marks)]

    def labels(self) -> list[str]:
        """The categories as the axis writes them ('03/2025', 'Q1/2025', '2025', or the label)."""
        return [category_label(c, PERIOD_FORMATS.get(self.period or "month")) for c in self.categories]

    def fmt(self, value, lang: str) -> str:
        return fmt_pct(value, lang, 1) if self.percent else fmt_num(value, lang, self.decimals)

    def values(self) -> list[float]:
        """Every value of every series (None left out)."""
        return [v for s in self.series for v in s.values if v is not None]

    def stacked(self) -> bool:
        return self.kind in ("area", "column_stacked")

    def extent(self) -> tuple[float, float]:
        """(smallest, largest) value drawn: per-category sums for stacked kinds."""
        if self.stacked():
            sums = [sum(s.values[i] or 0 for s in self.series) for i in range(len(self.categories))]
            return min([0.0, *sums]), max([0.0, *sums])
        vals = self.values() or [0.0]
        return min(vals), max(vals)

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


FULL_MONTHS = {"quarter": 3, "year": 12}


def _spec(kind, categories, series, percent=False, decimals=None, **more) -> ChartSpec:
    decimals = _decimals(series, percent) if decimals is None else decimals
    return ChartSpec(kind, tuple(categories), tuple(series), percent, decimals, **more)


def _parts(df: pd.DataFrame, period: str) -> dict:
    """months and partial for quarters and years whose rows say their months of data (and,
    when they say it, whether the chosen dates cover them whole: a year cut by days is partial)."""
    if period not in FULL_MONTHS or "months" not in df:
        return {}
    months = tuple(int(m) for m in df["months"].fillna(0))
    partial = (tuple(not bool(f) for f in df["full"]) if "full" in df
               else tuple(m < FULL_MONTHS[period] for m in months))
    return {"months": months, "partial": partial}


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
    return _spec(shape, df[x], drawn, percent, decimals, zero_based=zero_based, period=period,
                 **_parts(df, period))


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
    return _spec("column_stacked_100", df[x], drawn, period=period, **_parts(df, period))


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


@dataclass(frozen=True)
class Axis:
    """A value axis: from lo to hi by step; labels with `decimals` (percentage points for a
    percent axis) so that no two labels are the same; cut: it does not start at 0."""

    lo: float
    hi: float
    step: float
    decimals: int
    percent: bool = False

    @property
    def cut(self) -> bool:
        return self.lo > 0

    def ticks(self) -> list[float]:
        n = int(round((self.hi - self.lo) / self.step))
        return [round(self.lo + i * self.step, 12) for i in range(n + 1)]

    def label(self, v: float, lang: str) -> str:
        if self.percent:
            return fmt_num(v * 100, lang, self.decimals) + "%"
        return fmt_num(v, lang, self.decimals)

    def plotly_format(self) -> str:
        return f",.{self.decimals}%" if self.percent else f",.{self.decimals}f"


def nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least `raw`."""
    if raw <= 0:
        return 1
    p = 10 ** math.floor(math.log10(raw))
    return next(m * p for m in (1, 2, 5, 10) if m * p >= raw * (1 - 1e-9))


def _step_decimals(step: float, percent: bool) -> int:
    shown = step * 100 if percent else step
    return max(0, -math.floor(math.log10(shown) + 1e-9)) if shown < 1 else 0


def value_axis(spec: ChartSpec) -> Axis:
    """The one rule for value axes, read by every renderer. Zero-based specs run from 0 (or the
    smallest negative value). A fitted axis (zero_based=False) spans at least MIN_SPAN_* around
    its data, so a small change looks small; it starts at 0 when that costs little (the fitted
    bottom would be under a third of the top), else it is cut, and renderers mark the cut.
    The step is 1, 2 or 5 × 10^k (whole numbers for whole-number data) and the labels carry the
    decimals the step needs, so no tick label repeats."""
    if spec.kind == "column_stacked_100":
        return Axis(0.0, 1.0, 0.2, 0, True)
    lo, hi = spec.extent()
    whole = not spec.percent and all(float(v).is_integer() for v in spec.values())
    if spec.zero_based or spec.kind == "bar":
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    else:
        least = MIN_SPAN_PCT if spec.percent else MIN_SPAN_SHARE * max(abs(hi), abs(lo), 1e-9)
        span = max(hi - lo, least)
        mid = (hi + lo) / 2
        lo, hi = mid - span * 0.6, mid + span * 0.6  # the data in the middle, room at both ends
        if spec.percent:
            lo, hi = (max(lo, 0.0), min(hi, 1.0)) if hi - lo < 1 else (lo, hi)
        if lo >= 0 and lo < hi / 3:
            lo = 0.0
    if hi <= lo:
        hi = lo + (1.0 if not spec.percent else 0.1)
    step = nice_step((hi - lo) / TICKS)
    if whole:
        step = max(step, 1.0)
    lo, hi = math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step
    if hi <= lo:
        hi = lo + step
    return Axis(lo, hi, step, _step_decimals(step, spec.percent), spec.percent)

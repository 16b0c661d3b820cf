"""A built Plotly chart read back as plain chart data (kind, categories, series) for a native,
editable PowerPoint chart and for the slide's key number; maps, heatmaps and hierarchies → None."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import fmt_num, fmt_pct, t

KINDS = ("line", "area", "column", "column_stacked", "column_stacked_100", "bar", "pie",
         "doughnut")


@dataclass
class Series:
    name: str
    values: list  # floats or None, one per category
    color: str | None = None


@dataclass
class NativeChart:
    """kind in KINDS; percent: values are fractions (0.25 = 25%); decimals for the labels."""

    kind: str
    categories: list[str]
    series: list[Series] = field(default_factory=list)
    percent: bool = False
    decimals: int = 0
    zero_based: bool = True  # the value axis starts at 0 (lines may zoom to their data)

    def fmt(self, value, lang: str) -> str:
        return (fmt_pct(value, lang, 1) if self.percent
                else fmt_num(value, lang, self.decimals))


def _num(v):
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _is_date(v) -> bool:
    if isinstance(v, (dt.date, np.datetime64, pd.Timestamp)):
        return True
    return isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-" and v[:4].isdigit()


def category_label(v, tickformat: str | None) -> str:
    """A date as the axis shows it ('%m/%Y' → '03/2025', 'Q%q/%Y' → 'Q1/2025', '%Y'); else str."""
    if not _is_date(v):
        return str(v)
    ts = pd.Timestamp(v)
    fmt = tickformat or "%m/%Y"
    if "%q" in fmt:
        return fmt.replace("%q", str((ts.month - 1) // 3 + 1)).replace("%Y", str(ts.year))
    return ts.strftime(fmt if "%" in fmt else "%m/%Y")


def _values(arr) -> list:
    return [] if arr is None else list(np.asarray(arr, dtype=object).ravel())


def _aligned(traces, cat_attr: str, val_fn, tickformat) -> tuple[list[str], list[list]]:
    """Union of categories (dates in time order), each trace's values aligned on it."""
    keys: list = []
    for tr in traces:
        for c in _values(getattr(tr, cat_attr)):
            if c not in keys:
                keys.append(c)
    if keys and all(_is_date(k) for k in keys):
        keys.sort(key=pd.Timestamp)
    columns = []
    for tr in traces:
        by = dict(zip(_values(getattr(tr, cat_attr)), val_fn(tr)))
        columns.append([_num(by.get(k)) for k in keys])
    return [category_label(k, tickformat) for k in keys], columns


def _color(tr):
    c = tr.marker.color if tr.marker is not None else None
    if tr.type == "scatter" and tr.line is not None and tr.line.color:
        c = tr.line.color
    if isinstance(c, (list, tuple)) and c and all(isinstance(x, str) for x in c):
        c = max(set(c), key=list(c).count)  # per-bar colours (a highlighted ranking): the usual
    return c if isinstance(c, str) else None


def from_figure(fig: go.Figure) -> NativeChart | None:
    """The figure's data as a native chart, or None when it has no bar, line or pie traces (or
    has a heatmap, map or hierarchy, which are exported as images)."""
    types = {tr.type for tr in fig.data}
    if not types or types - {"bar", "scatter", "pie"}:
        return None
    if "pie" in types:
        tr = next(tr for tr in fig.data if tr.type == "pie")
        return NativeChart("doughnut" if (tr.hole or 0) > 0 else "pie",
                           [str(c) for c in _values(tr.labels)],
                           [Series(tr.name or "", [_num(v) for v in _values(tr.values)])])
    bars = [tr for tr in fig.data if tr.type == "bar"]
    traces = bars or list(fig.data)
    horizontal = bool(bars) and bars[0].orientation == "h"
    value_axis = fig.layout.xaxis if horizontal else fig.layout.yaxis
    cat_axis = fig.layout.yaxis if horizontal else fig.layout.xaxis
    percent = "%" in (value_axis.tickformat or "")
    barmode = fig.layout.barmode or "group"
    kind = "line"
    if horizontal:
        kind = "bar"
    elif bars:
        kind = "column_stacked" if barmode in ("stack", "relative") else "column"
    elif any(tr.stackgroup for tr in traces):
        kind = "area"
    shares = kind == "column_stacked" and percent and all(tr.customdata is not None for tr in bars)
    signed = horizontal and any((_num(v) or 0) < 0 for tr in bars for v in _values(tr.x))

    def vals(tr):
        if shares or (signed and tr.customdata is not None):
            return _values(tr.customdata)  # counts behind 100% bars; |x| of a pyramid
        return _values(tr.x if horizontal else tr.y)

    cats, columns = _aligned(traces, "y" if horizontal else "x", vals, cat_axis.tickformat)
    if shares:
        kind, percent = "column_stacked_100", False
    series = [Series(tr.name or "", col, _color(tr)) for tr, col in zip(traces, columns)]
    flat = [v for s in series for v in s.values if v is not None]
    decimals = 0 if percent or all(float(v).is_integer() for v in flat) else 1
    zero = kind != "line" or value_axis.rangemode == "tozero"
    return NativeChart(kind, cats, series, percent, decimals, zero)


def key_number(chart: NativeChart | None, lang: str) -> tuple[str, str]:
    """(label, formatted value) for the slide's big number: the last value of the first series;
    the top bar of a ranking; the total of a multi-series horizontal chart; the first series'
    share in the last period of 100% bars; the largest slice of a pie."""
    if chart is None or not chart.series or not chart.categories:
        return "", ""
    first = chart.series[0]
    if chart.kind in ("pie", "doughnut"):
        pairs = [(c, v) for c, v in zip(chart.categories, first.values) if v is not None]
        if not pairs:
            return "", ""
        cat, v = max(pairs, key=lambda p: p[1])
        return cat, chart.fmt(v, lang)
    if chart.kind == "bar" and len(chart.series) > 1:
        total = sum(v for s in chart.series for v in s.values if v is not None)
        return t("slides.total", lang), fmt_num(total, lang, chart.decimals)
    if chart.kind == "bar":
        pairs = [(c, v) for c, v in zip(chart.categories, first.values) if v is not None]
        return (pairs[-1][0], chart.fmt(pairs[-1][1], lang)) if pairs else ("", "")
    idx = [i for i, v in enumerate(first.values) if v is not None]
    if not idx:
        return "", ""
    i = idx[-1]
    if chart.kind == "column_stacked_100":
        total = sum(s.values[i] or 0 for s in chart.series)
        share = first.values[i] / total if total else None
        return f"{first.name} · {chart.categories[i]}", fmt_pct(share, lang, 1)
    label = f"{first.name} · {chart.categories[i]}" if first.name else chart.categories[i]
    return label, chart.fmt(first.values[i], lang)


def notes_lines(chart: NativeChart | None, lang: str) -> list[str]:
    """One line per category: '03/2025: Chính thức 40; Dự bị 5' (Vietnamese number format)."""
    if chart is None:
        return []
    lines = []
    for i, cat in enumerate(chart.categories):
        parts = [(f"{s.name} " if s.name and len(chart.series) > 1 else "")
                 + chart.fmt(s.values[i], lang) for s in chart.series]
        lines.append(f"{cat}: {'; '.join(parts)}")
    return lines

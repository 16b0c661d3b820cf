"""Plotly builders: a chart spec (charts/spec.py) drawn with the shared theme, and the pictures
that have no spec (heatmap, sparkline), as plain figures (charts/plain.py: the dict the browser
receives, without graph_objects' validation, which cost most of a chart's CPU). Empty data gives
a message, never an empty axis.
"""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.charts import plain
from chibo.dashboard.charts.events import event_marks
from chibo.dashboard.charts.spec import COLORS, Axis, ChartSpec, nice_step, value_axis
from chibo.dashboard.charts.theme import (
    THEMES,
    Drawing,
    FigContext,
    align_footnote,
    empty,
    frame,
    sort_key_vi,
)
from chibo.dashboard.i18n import fmt_num, t


def plot(spec: ChartSpec | None, ctx: FigContext, *, events: pd.DataFrame | None = None,
         ref_lines: list[tuple[float, str]] = (), selected: str | None = None) -> Drawing:
    """The spec drawn: lines, areas and columns over time (with reference `events` and
    `ref_lines`), 100% columns, a ranking (the `selected` key highlighted) or a pyramid."""
    if spec is None:
        return Drawing(empty(ctx))
    if spec.kind == "column_stacked_100":
        fig = _shares(spec, ctx, events)
    elif spec.kind == "bar":
        fig = _pyramid(spec, ctx) if spec.mirrored else _ranking(spec, ctx, selected)
    else:
        fig = _over_time(spec, ctx, events, ref_lines)
    return Drawing(fig, spec)


def _x_format(spec: ChartSpec) -> str:
    return {"year": "%Y", "quarter": "Q%q/%Y"}.get(spec.period, "%m/%Y")


def _quarter_ticks(fig: dict, spec: ChartSpec) -> None:
    if spec.period == "quarter":
        n = len(set(spec.categories))
        plain.xaxis(fig, dtick="M3" if n <= 12 else ("M6" if n <= 24 else "M12"))


def _one_period_bars(fig: dict, spec, stacked: bool) -> None:
    """Bars of a single period get explicit widths (three quarters of the period, shared by the
    grouped series) and offsets, in milliseconds on the date axis."""
    period = {"year": 365, "quarter": 91}.get(spec.period, 30) * 86_400_000
    n = 1 if stacked else len(spec.series)
    width = period * 0.75 / n
    for i, trace in enumerate(fig["data"]):
        trace.update(width=width, offset=-period * 0.375 + (0 if stacked else i) * width)


def _over_time(spec, ctx, events, ref_lines) -> dict:
    columns = spec.kind.startswith("column")
    stacked = spec.kind in ("area", "column_stacked")
    yfmt = ",.1%" if spec.percent else f",.{spec.decimals}f"
    fig = plain.figure()
    for s in spec.series:
        hover = f"{s.name}: %{{y:{yfmt}}}<extra></extra>"
        if columns:
            fig["data"].append(plain.trace("bar", x=spec.categories, y=s.values, name=s.name,
                                           marker={"color": s.color}, hovertemplate=hover))
        else:
            fig["data"].append(plain.trace(
                "scatter", x=spec.categories, y=s.values, name=s.name, mode="lines",
                line={"color": s.color, "width": 2.5}, stackgroup="one" if stacked else None,
                hovertemplate=hover))
    frame(fig, ctx, legend=len(spec.series) > 1 or stacked)
    if len(spec.series) > 3:  # two legend entries a row (long names never stack one a row over
        # the subtitle): make room for the rows under it
        plain.layout(fig, legend={"entrywidthmode": "fraction", "entrywidth": 0.5},
                     margin={"t": 100 + 22 * ((len(spec.series) - 1) // 2)})
    if columns:
        plain.layout(fig, barmode="stack" if stacked else "group", bargap=0.25)
        if spec.period == "year":
            plain.xaxis(fig, dtick="M12")
        if len(spec.categories) == 1:  # one date: plotly cannot infer a bar width from a gap
            _one_period_bars(fig, spec, stacked)
    plain.xaxis(fig, tickformat=_x_format(spec), hoverformat=_x_format(spec))
    _quarter_ticks(fig, spec)
    for value, label in ref_lines:  # as fig.add_hline(annotation_position="top left") draws it
        plain.add_shape(fig, type="line", xref="x domain", x0=0, x1=1, yref="y", y0=value,
                        y1=value, line={"dash": "dash", "color": "#e03131", "width": 1.5})
        plain.add_annotation(fig, text=label, showarrow=False, xref="x domain", x=0,
                             xanchor="left", yref="y", y=value, yanchor="bottom")
    apply_axis(fig, value_axis(spec), ctx)
    # the x range is pinned to the data (bars are centred on their date: half a period of
    # padding each side) and events inside it are marked with short labels (full text on hover)
    pad = {"year": 183, "quarter": 46}.get(spec.period, 16) if columns else 0
    mark_partial(fig, spec, ctx.lang)
    return event_marks(fig, events, ctx, min(spec.categories), max(spec.categories), pad_days=pad)


def _shares(spec, ctx, events) -> dict:
    """Each column split by its total: y = share, the count in the hover."""
    totals = [sum(s.values[i] or 0 for s in spec.series) for i in range(len(spec.categories))]
    fig = plain.figure([plain.trace(
        "bar", x=spec.categories, y=[(v or 0) / n for v, n in zip(s.values, totals)],
        name=s.name, marker={"color": s.color}, customdata=s.values,
        hovertemplate=f"{s.name}: %{{y:,.1%}} (%{{customdata:,.0f}})<extra></extra>")
        for s in spec.series])
    frame(fig, ctx)
    plain.layout(fig, barmode="stack", bargap=0.15, legend={"traceorder": "normal"})
    apply_axis(fig, value_axis(spec), ctx)
    plain.xaxis(fig, tickformat=_x_format(spec), hoverformat=_x_format(spec))
    _quarter_ticks(fig, spec)
    mark_partial(fig, spec, ctx.lang)
    return event_marks(fig, events, ctx, min(spec.categories), max(spec.categories),
                       pad_days=46 if spec.period == "quarter" else 16)


def _ranking(spec, ctx, selected) -> dict:
    """Horizontal bars, largest at the top; the selected key in the second colour; customdata =
    the keys (for clicks)."""
    values, names = spec.series[0].values, spec.categories
    fmt = ",.1%" if spec.percent else f",.{spec.decimals}f"
    fig = plain.figure([plain.trace(
        "bar", x=values, y=names, orientation="h", customdata=spec.keys,
        marker={"color": [COLORS[1] if k == selected else COLORS[0] for k in spec.keys]},
        text=[spec.fmt(v, ctx.lang) for v in values], textposition="outside", cliponaxis=False,
        hovertemplate=f"%{{y}}: %{{x:{fmt}}}<extra></extra>")])
    frame(fig, ctx, legend=False)
    size = 10 if len(names) > 40 else 12
    left = 16 + int(0.62 * size * max(len(str(v)) for v in names))  # room for the labels
    plain.layout(fig, hovermode="closest", bargap=0.2, margin={"l": min(left, 320), "r": 60,
                                                               "t": 80, "b": 70})
    plain.yaxis(fig, tickformat=None, rangemode=None, type="category", automargin=False,
                tickfont={"size": size})
    align_footnote(fig)
    apply_axis(fig, value_axis(spec), ctx, "x", room=0.18)  # room for the value labels
    return fig


def _pyramid(spec, ctx) -> dict:
    """The first series to the left, the second to the right, one bar per category."""
    fig = plain.figure([plain.trace(
        "bar", y=spec.categories, x=[sign * v for v in s.values], orientation="h", name=s.name,
        marker={"color": s.color}, customdata=s.values,
        hovertemplate="%{y}: %{customdata:,.0f}<extra></extra>")
        for s, sign in zip(spec.series, (-1, 1))])
    frame(fig, ctx)
    plain.layout(fig, barmode="relative", bargap=0.15, hovermode="closest")
    plain.yaxis(fig, tickformat=None, type="category", rangemode=None)
    limit = float(max(spec.values()) or 1)
    step = nice_step(limit / 3)
    ticks = [i * step for i in range(-int(limit // step) - 1, int(limit // step) + 2)]
    plain.xaxis(fig, tickformat=",.0f", range=[-limit * 1.08, limit * 1.08], tickvals=ticks,
                ticktext=[fmt_num(abs(v), ctx.lang) for v in ticks])
    return fig


def mark_partial(fig: dict, spec: ChartSpec, lang: str) -> dict:
    """Periods only partly inside the data (spec.partial: a 1-month quarter, a 2-month year) are
    pale bars or hollow points, and their tick says how many months ('Q4/2026 (1 tháng)'): a
    short period next to full ones is not a fall."""
    partial = list(spec.partial or ())
    if not any(partial):
        return fig
    opacity = [0.4 if p else 1 for p in partial]
    for tr in fig["data"]:
        if tr["type"] == "bar":
            plain.merge(tr, {"marker": {"opacity": opacity}})
    for tr in [tr for tr in fig["data"] if tr["type"] == "scatter" and "stackgroup" not in tr]:
        fig["data"].append(plain.trace(
            "scatter", x=[x for x, p in zip(tr["x"], partial) if p],
            y=[y for y, p in zip(tr["y"], partial) if p], mode="markers", showlegend=False,
            hoverinfo="skip", marker={"symbol": "circle-open", "size": 11, "line": {"width": 2.5},
                                      "color": tr.get("line", {}).get("color")}))
    if len(partial) <= 12:  # more ticks than that would not be read
        plain.xaxis(fig, tickvals=list(spec.categories),
                    ticktext=spec.part_labels(lang, sep="<br>"))
    return fig


def apply_axis(fig: dict, axis: Axis, ctx: FigContext, which: str = "y",
               room: float = 0.0) -> dict:
    """Draw the spec's value axis (spec.value_axis): its range (plus `room` above, a fraction of
    it, for labels), its ticks and their format; a cut axis is marked on the chart itself."""
    top = axis.hi + room * (axis.hi - axis.lo)
    (plain.yaxis if which == "y" else plain.xaxis)(
        fig, range=[axis.lo, top], tick0=axis.lo, dtick=axis.step,
        tickformat=axis.plotly_format(), rangemode="normal")
    if axis.cut:
        mark_cut(fig, ctx)
    return fig


def mark_cut(fig: dict, ctx: FigContext) -> dict:
    """A cut value axis, marked where it is drawn: a break sign across the axis line at its
    foot and the words 'trục không bắt đầu từ 0' just above the x axis."""
    th = THEMES.get(ctx.theme, THEMES["light"])
    plain.add_shape(fig, type="path", xref="paper", yref="paper", xsizemode="pixel",
                    ysizemode="pixel", xanchor=0, yanchor=0, path="M -8,4 L 8,10 M -8,11 L 8,17",
                    line={"color": th["font"], "width": 2}, name="axis-cut")
    plain.add_annotation(fig, text=t("chart.y_not_zero", ctx.lang), xref="paper", yref="paper",
                         x=0, y=0, xanchor="left", yanchor="bottom", xshift=12, yshift=2,
                         showarrow=False, font={"size": 11, "color": th["muted"]},
                         bgcolor=th["veil"], name="axis-cut")
    return fig


def heatmap(df: pd.DataFrame, row: str, col: str, value: str, ctx: FigContext, *,
            percent: bool = False, zrange: tuple | None = None) -> dict:
    """Rows (e.g. provinces, alphabetical, first at the top) × months; colour = `value`."""
    if df is None or df.empty or df[value].isna().all():
        return empty(ctx)
    grid = df.pivot_table(index=row, columns=col, values=value, aggfunc="first")
    grid = grid.reindex(sorted(grid.index, key=sort_key_vi, reverse=True))
    vfmt = ",.1%" if percent else ",.1f"
    th = THEMES.get(ctx.theme, THEMES["light"])
    fig = plain.figure([plain.trace(
        "heatmap", z=plain.array(grid.values), x=list(grid.columns), y=list(grid.index),
        colorscale=plain.colorscale("RdYlGn"), zmin=zrange[0] if zrange else None,
        zmax=zrange[1] if zrange else None, xgap=1, ygap=1, hoverongaps=False,
        colorbar={"tickformat": ",.0%" if percent else ",.0f", "thickness": 14,
                  "outlinewidth": 0},
        hovertemplate=f"%{{y}} · %{{x|%m/%Y}}: %{{z:{vfmt}}}<extra></extra>")])
    frame(fig, ctx, legend=False)
    plain.layout(fig, hovermode="closest", plot_bgcolor=th["grid"])
    plain.yaxis(fig, tickformat=None, rangemode=None, type="category", automargin=True,
                tickfont={"size": 11 if len(grid) > 40 else 12}, showgrid=False)
    plain.xaxis(fig, tickformat="%m/%Y", showgrid=False)
    return fig


def sparkline_values(y) -> list[float | None]:
    """A KPI sparkline's points, drawn from just below their lowest value: the shape fits the
    card's height (from 0, a few per cent of change would be a flat line); gaps stay None."""
    ys = [None if v is None or v != v else float(v) for v in y]
    known = [v for v in ys if v is not None]
    if not known:
        return ys
    lo, hi = min(known), max(known)
    base = lo - ((hi - lo) * 0.15 or abs(hi) * 0.01 or 1)
    return [None if v is None else v - base for v in ys]

"""Pure figure builders: DataFrame → go.Figure with the shared template and Vietnamese formats.

graph_objects only (plotly.express costs ~5× the CPU). Title, subtitle and footnote live inside the
figure so the PNG download carries them. Empty data gives a message, never an empty axis.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import fmt_num, fmt_pct, plotly_separators, t
from dashboard.labels import age_band

FONT = "Inter, 'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif"
COLORS = ["#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9", "#f59f00", "#0ca678", "#e03131",
          "#5c7cfa", "#868e96"]
QUALITY_COLORS = {4: "#2f9e44", 3: "#74b816", 2: "#f59f00", 1: "#e03131"}
THEMES = {  # dark paper = Mantine's dark card, so the chart sits flush in it; veil: label backs
    "light": {"paper": "#ffffff", "plot": "#ffffff", "font": "#212529", "grid": "#e9ecef",
              "muted": "#868e96", "veil": "rgba(255,255,255,0.65)"},
    "dark": {"paper": "#242424", "plot": "#242424", "font": "#c9c9c9", "grid": "#3b3b3b",
             "muted": "#a0a2a6", "veil": "rgba(36,36,36,0.65)"},
}


@dataclass(frozen=True)
class FigContext:
    """Everything a builder needs besides data: language, theme and the texts around the chart."""

    lang: str = "vi"
    theme: str = "light"
    title: str = ""
    subtitle: str = ""
    footnote: str = ""


def graph_config(filename: str, lang: str = "vi", static: bool = False) -> dict:
    """dcc.Graph config: no Plotly logo, no 'share chart' upload, PNG with a Vietnamese name."""
    if static:
        return {"staticPlot": True, "displayModeBar": False}
    return {"displaylogo": False, "showSendToCloud": False, "showEditInChartStudio": False,
            "locale": "vi" if lang == "vi" else "en",
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}


def _layout(fig: go.Figure, ctx: FigContext, *, legend: bool = True) -> go.Figure:
    th = THEMES.get(ctx.theme, THEMES["light"])
    sub = f"<br><span style='font-size:13px;color:{th['muted']}'>{ctx.subtitle}</span>"
    fig.update_layout(
        title={"text": f"<b>{ctx.title}</b>{sub if ctx.subtitle else ''}", "x": 0.01,
               "xanchor": "left", "y": 0.97, "yanchor": "top", "font": {"size": 17}},
        separators=plotly_separators(ctx.lang), font={"family": FONT, "size": 14,
                                                      "color": th["font"]},
        paper_bgcolor=th["paper"], plot_bgcolor=th["plot"], colorway=COLORS,
        margin={"l": 60, "r": 20, "t": 100 if legend else 80, "b": 70},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "bgcolor": "rgba(0,0,0,0)"},
        showlegend=legend, hovermode="x unified", hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(gridcolor=th["grid"], linecolor=th["grid"], zeroline=False)
    fig.update_yaxes(gridcolor=th["grid"], linecolor=th["grid"], zeroline=False,
                     tickformat=",.0f", rangemode="tozero")
    if ctx.footnote:
        fig.add_annotation(text=ctx.footnote, xref="paper", yref="paper", x=0, y=0,
                           yshift=-55, xanchor="left", yanchor="top", showarrow=False,
                           font={"size": 11, "color": th["muted"]}, align="left", name="footnote")
        align_footnote(fig)
    return fig


def align_footnote(fig: go.Figure) -> go.Figure:
    """Put the footnote under the title, at the figure's left edge, whatever the left margin
    (so it is never pushed right and clipped by long category labels)."""
    left = fig.layout.margin.l if fig.layout.margin.l is not None else 60
    fig.update_annotations(selector={"name": "footnote"}, xshift=12 - left)
    return fig


def empty(ctx: FigContext, message: str | None = None) -> go.Figure:
    """A titled figure with a centred message and no axes."""
    fig = go.Figure()
    _layout(fig, ctx, legend=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.add_annotation(text=message or t("chart.empty", ctx.lang), xref="paper", yref="paper",
                       x=0.5, y=0.5, showarrow=False, font={"size": 16})
    return fig


def time_series(df: pd.DataFrame, x: str, series: list[tuple[str, str]], ctx: FigContext, *,
                kind: str = "line", stacked: bool = False, percent: bool = False,
                events: pd.DataFrame | None = None, ref_lines: list[tuple[float, str]] = (),
                period: str = "month", colors: list[str] | None = None) -> go.Figure:
    """Lines, areas or bars over time. series = [(column, display name)]; kind line|area|bar;
    colors overrides figures.COLORS (e.g. QUALITY_COLORS for quality levels)."""
    if df is None or df.empty or all(df[c].isna().all() for c, _ in series):
        return empty(ctx)
    fig = go.Figure()
    xfmt = "%Y" if period == "year" else "%m/%Y"
    yfmt = ",.1%" if percent else ",.0f"
    for i, (col, name) in enumerate(series):
        hover = f"{name}: %{{y:{yfmt}}}<extra></extra>"
        color = (colors or COLORS)[i % len(colors or COLORS)]
        if kind == "bar":
            fig.add_trace(go.Bar(x=df[x], y=df[col], name=name, marker_color=color,
                                 hovertemplate=hover))
        else:
            fig.add_trace(go.Scatter(
                x=df[x], y=df[col], name=name, mode="lines", line={"color": color, "width": 2.5},
                stackgroup="one" if (stacked or kind == "area") else None, hovertemplate=hover))
    _layout(fig, ctx, legend=len(series) > 1 or kind == "area" or stacked)
    if len(series) > 3:  # two legend entries a row (long names never stack one a row over
        # the subtitle): make room for the rows under it
        fig.update_layout(legend={"entrywidthmode": "fraction", "entrywidth": 0.5},
                          margin_t=100 + 22 * ((len(series) - 1) // 2))
    top = max(float(df[c].max()) for c, _ in series if df[c].notna().any())
    if not percent and top < 8:
        fig.update_yaxes(dtick=1)
    if kind == "bar":
        fig.update_layout(barmode="stack" if stacked else "group", bargap=0.25)
        if period == "year":
            fig.update_xaxes(dtick="M12")
    fig.update_xaxes(tickformat=xfmt, hoverformat="%m/%Y" if period != "year" else "%Y")
    if percent:
        fig.update_yaxes(tickformat=",.0%")
    for value, label in ref_lines:
        fig.add_hline(y=value, line={"dash": "dash", "color": "#e03131", "width": 1.5},
                      annotation_text=label, annotation_position="top left")
    # the x range is pinned to the data (bars are centred on their date: half a period of
    # padding each side) and events inside it are marked with short labels (full text on hover)
    pad = (183 if period == "year" else 16) if kind == "bar" else 0
    return event_marks(fig, events, ctx, df[x].min(), df[x].max(), pad_days=pad)


def mark_partial(fig: go.Figure, starts, months, full: int, lang: str) -> go.Figure:
    """Bars of years (full=12) or quarters (full=3), given by their first days, with fewer months
    of data inside the period (cut by the period's ends) drawn pale, their tick ('2024', 'Q4/2024')
    saying how many months: a 1-month quarter next to full ones is not a fall."""
    partial = [int(m) < full for m in months]
    if not any(partial):
        return fig
    fig.update_traces(marker_opacity=[0.4 if p else 1 for p in partial], selector={"type": "bar"})
    if len(partial) <= 12:  # more ticks than that would not be read
        days = pd.to_datetime(pd.Series(list(starts)))
        labels = [str(d.year) if full == 12 else f"Q{(d.month - 1) // 3 + 1}/{d.year}" for d in days]
        fig.update_xaxes(tickvals=list(starts), ticktext=[
            f"{label}<br>({t('chart.months', lang, n=int(m))})" if p else label
            for label, m, p in zip(labels, months, partial)])
    return fig


def fit_y_axis(fig: go.Figure, values, integer: bool = True) -> go.Figure:
    """A line's y axis fitted to its data instead of starting at 0 (say so in the subtitle:
    `chart.y_not_zero`); whole-number steps when the span is small, so no tick label repeats."""
    ys = pd.to_numeric(pd.Series(list(values)), errors="coerce").dropna()
    fig.update_yaxes(rangemode="normal", dtick=None)
    if integer and not ys.empty and ys.max() - ys.min() < 8:
        fig.update_yaxes(dtick=1, range=[ys.min() - 1, ys.max() + 1])
    return fig


def pyramid(df: pd.DataFrame, ctx: FigContext) -> go.Figure:
    """Age and gender structure: males to the left, females to the right, one bar per age band."""
    if df is None or df.empty:
        return empty(ctx)
    bands = sorted(df["age_band"].unique())
    names = [age_band(b) for b in bands]
    fig = go.Figure()
    for gender, sign, color in (("male", -1, COLORS[0]), ("female", 1, COLORS[1])):
        part = df[df["gender"] == gender].set_index("age_band").reindex(bands)["members"].fillna(0)
        fig.add_trace(go.Bar(y=names, x=sign * part.values, orientation="h",
                             name=t(f"gender.{gender}", ctx.lang), marker_color=color,
                             customdata=part.values,
                             hovertemplate="%{y}: %{customdata:,.0f}<extra></extra>"))
    _layout(fig, ctx)
    fig.update_layout(barmode="relative", bargap=0.15, hovermode="closest")
    fig.update_yaxes(tickformat=None, type="category", rangemode=None)
    fig.update_xaxes(tickformat=",.0f")
    limit = float(df.groupby(["gender", "age_band"])["members"].sum().max() or 1)
    step = nice_step(limit / 3)
    ticks = [i * step for i in range(-int(limit // step) - 1, int(limit // step) + 2)]
    fig.update_xaxes(range=[-limit * 1.08, limit * 1.08], tickvals=ticks,
                     ticktext=[fmt_num(abs(v), ctx.lang) for v in ticks])
    return fig


def nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least `raw`."""
    import math

    if raw <= 0:
        return 1
    p = 10 ** math.floor(math.log10(raw))
    return next(m * p for m in (1, 2, 5, 10) if m * p >= raw)


def sparkline(x, y, theme: str = "light") -> go.Figure:
    """A tiny axis-less line for KPI cards."""
    th = THEMES.get(theme, THEMES["light"])
    fig = go.Figure(go.Scatter(x=list(x), y=list(y), mode="lines", hoverinfo="skip",
                               line={"color": COLORS[0], "width": 2}, fill="tozeroy",
                               fillcolor="rgba(28,126,214,0.12)"))
    fig.update_layout(margin={"l": 0, "r": 0, "t": 2, "b": 2}, showlegend=False,
                      paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
                      font={"color": th["font"]}, height=48)
    fig.update_xaxes(visible=False)
    ys = [float(v) for v in y if v is not None and v == v]
    if ys:  # fit the shape (the fill would otherwise pull the axis down to 0: a flat line)
        lo, hi = min(ys), max(ys)
        pad = (hi - lo) * 0.15 or abs(hi) * 0.01 or 1
        fig.update_yaxes(range=[lo - pad, hi + pad])
    fig.update_yaxes(visible=False, rangemode="normal")
    return fig


# ---- quality and regions pages (appended by the quality/regions helper) ----
QUALITY_LEVELS = ((4, "good"), (3, "fair"), (2, "average"), (1, "poor"))
SEQUENTIAL = [[0, "#e7f5ff"], [0.5, "#4dabf7"], [1, "#1864ab"]]


def sort_key_vi(text: str) -> str:
    """Vietnamese-ish alphabetical key: accents stripped, đ sorted right after d."""
    import unicodedata

    base = unicodedata.normalize("NFD", str(text).replace("Đ", "D~").replace("đ", "d~"))
    return "".join(ch for ch in base if not unicodedata.combining(ch)).lower()


def share_bars(df: pd.DataFrame, x: str, series: list[tuple[str, str, str]], ctx: FigContext, *,
               period: str = "month", events: pd.DataFrame | None = None) -> go.Figure:
    """100% stacked bars: series = [(column, name, colour)]; each bar is split by its total."""
    if df is None or df.empty:
        return empty(ctx)
    total = sum(df[c] for c, _, _ in series)
    df = df[total > 0]
    total = total[total > 0]
    if df.empty:
        return empty(ctx)
    fig = go.Figure()
    xfmt = "Q%q/%Y" if period == "quarter" else "%m/%Y"
    for col, name, color in series:
        fig.add_trace(go.Bar(x=df[x], y=df[col] / total, name=name, marker_color=color,
                             customdata=df[col],
                             hovertemplate=f"{name}: %{{y:,.1%}} (%{{customdata:,.0f}})"
                                           "<extra></extra>"))
    _layout(fig, ctx)
    fig.update_layout(barmode="stack", bargap=0.15, legend={"traceorder": "normal"})
    fig.update_yaxes(tickformat=",.0%", range=[0, 1])
    fig.update_xaxes(tickformat=xfmt, hoverformat=xfmt)
    if period == "quarter":
        fig.update_xaxes(dtick="M3" if len(df) <= 12 else ("M6" if len(df) <= 24 else "M12"))
    return event_marks(fig, events, ctx, df[x].min(), df[x].max(),
                       pad_days=46 if period == "quarter" else 16)


def heatmap(df: pd.DataFrame, row: str, col: str, value: str, ctx: FigContext, *,
            percent: bool = False, zrange: tuple | None = None) -> go.Figure:
    """Rows (e.g. provinces, alphabetical, first at the top) × months; colour = `value`."""
    if df is None or df.empty or df[value].isna().all():
        return empty(ctx)
    grid = df.pivot_table(index=row, columns=col, values=value, aggfunc="first")
    grid = grid.reindex(sorted(grid.index, key=sort_key_vi, reverse=True))
    vfmt = ",.1%" if percent else ",.1f"
    th = THEMES.get(ctx.theme, THEMES["light"])
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=list(grid.columns), y=list(grid.index), colorscale="RdYlGn",
        zmin=zrange[0] if zrange else None, zmax=zrange[1] if zrange else None, xgap=1, ygap=1,
        hoverongaps=False, colorbar={"tickformat": ",.0%" if percent else ",.0f",
                                     "thickness": 14, "outlinewidth": 0},
        hovertemplate=f"%{{y}} · %{{x|%m/%Y}}: %{{z:{vfmt}}}<extra></extra>"))
    _layout(fig, ctx, legend=False)
    fig.update_layout(hovermode="closest", plot_bgcolor=th["grid"])
    fig.update_yaxes(tickformat=None, rangemode=None, type="category", automargin=True,
                     tickfont={"size": 11 if len(grid) > 40 else 12}, showgrid=False)
    fig.update_xaxes(tickformat="%m/%Y", showgrid=False)
    return fig


def value_text(v, lang: str, fmt: str = ",.0f", percent: bool = False) -> str:
    """A value as the chart's labels write it: '12,5%' when percent, else '10.579' (one decimal
    when fmt says '.1f')."""
    return fmt_pct(v, lang) if percent else fmt_num(v, lang, 1 if "1f" in fmt else 0)


def ranking_bars(df: pd.DataFrame, label: str, value: str, ctx: FigContext, *,
                 fmt: str = ",.0f", percent: bool = False, selected: str | None = None,
                 key: str = "province_code") -> go.Figure:
    """Horizontal bars sorted by `value` (largest at the top); the selected key is highlighted;
    customdata = the key (for clicks). Rows without a value are left out."""
    if df is None or df.empty or df[value].isna().all():
        return empty(ctx)
    df = df[df[value].notna()].sort_values([value, label], ascending=[True, False])
    colors = [COLORS[1] if k == selected else COLORS[0] for k in df[key]]
    fig = go.Figure(go.Bar(
        x=df[value], y=df[label], orientation="h", marker_color=colors, customdata=df[key],
        text=[value_text(v, ctx.lang, fmt, percent) for v in df[value]], textposition="outside", cliponaxis=False,
        hovertemplate=f"%{{y}}: %{{x:{fmt}}}<extra></extra>"))
    _layout(fig, ctx, legend=False)
    size = 10 if len(df) > 40 else 12
    left = 16 + int(0.62 * size * max(len(str(v)) for v in df[label]))  # room for the labels
    fig.update_layout(hovermode="closest", bargap=0.2, margin={"l": min(left, 320), "r": 60,
                                                              "t": 80, "b": 70})
    fig.update_yaxes(tickformat=None, rangemode=None, type="category", automargin=False,
                     tickfont={"size": size})
    align_footnote(fig)
    fig.update_xaxes(tickformat=",.0%" if percent else ",.0f")
    return fig

def short_event_label(text: str, limit: int = 22) -> str:
    """The head of an event label: up to ' (', ' về ', ' on ' or ':'; cut at `limit` chars."""
    head = str(text)
    for sep in (" (", " về ", " on ", ":"):
        head = head.split(sep)[0]
    return head if len(head) <= limit else head[:limit - 1].rstrip() + "…"


def event_marks(fig: go.Figure, events: pd.DataFrame | None, ctx: FigContext, x0, x1,
                pad_days: float = 0) -> go.Figure:
    """Fix the x range to [x0, x1] (± pad_days) and mark events inside it with a dotted line and
    a short label (full text on hover), staggered in height so that close events stay legible."""
    lo = pd.Timestamp(x0) - pd.Timedelta(days=pad_days)
    hi = pd.Timestamp(x1) + pd.Timedelta(days=pad_days)
    fig.update_xaxes(range=[lo, hi])
    if events is None or events.empty:
        return fig
    th = THEMES.get(ctx.theme, THEMES["light"])
    col = "label_en" if ctx.lang == "en" else "label_vi"
    span = max((hi - lo).total_seconds(), 1)
    level, last = 0, None
    for ev in events.sort_values("event_on").to_dict("records"):
        when = pd.Timestamp(ev["event_on"])
        if not (pd.Timestamp(x0) <= when <= pd.Timestamp(x1)):
            continue
        close = last is not None and (when - last).total_seconds() / span < 0.3
        level = (level + 1) % 4 if close else 0
        last = when
        fig.add_shape(type="line", x0=when, x1=when, y0=0, y1=1, yref="paper",
                      line={"dash": "dot", "width": 1, "color": th["muted"]})
        fig.add_annotation(x=when, y=1 - 0.07 * level, yref="paper", showarrow=False,
                           text=short_event_label(ev[col]), hovertext=ev[col],
                           xanchor="left" if when < lo + (hi - lo) * 0.8 else "right",
                           yanchor="top", font={"size": 11, "color": th["muted"]},
                           bgcolor=th["veil"])
    return fig
# ---- end quality and regions pages ----


# ---- projector theme (presentation mode; restyling lives in dashboard/exports/projector.py) ----
# Okabe–Ito: distinguishable with every common colour-vision deficiency and on a washed-out
# projector (the yellow is left out: invisible on white). Quality levels diverge blue → vermillion.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"]
PROJECTOR_QUALITY = {4: "#0072B2", 3: "#56B4E9", 2: "#E69F00", 1: "#D55E00"}
PROJECTOR_DIVERGING = [[0, "#D55E00"], [0.5, "#F2F2F2"], [1, "#0072B2"]]
PROJECTOR_SEQUENTIAL = [[0, "#D6E6F2"], [1, "#003C6B"]]
PROJECTOR = go.layout.Template(layout={
    "font": {"family": FONT, "size": 24, "color": "#000000"}, "colorway": OKABE_ITO,
    "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
    "xaxis": {"gridcolor": "#b0b0b0", "linecolor": "#000000", "tickfont": {"size": 22}},
    "yaxis": {"gridcolor": "#b0b0b0", "linecolor": "#000000", "tickfont": {"size": 22}}})

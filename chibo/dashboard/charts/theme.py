"""The look every figure shares: colours, the light and dark themes, the projector template, the
frame (title, subtitle and footnote inside the figure, so a PNG carries them), the empty figure,
and the two things a builder deals in: `FigContext` (what it needs besides data) and `Drawing`
(what it gives back: the Plotly figure and the renderer-neutral spec it shows)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import plotly.graph_objects as go

from chibo.dashboard.charts import plain
from chibo.dashboard.charts.spec import COLORS, ChartSpec
from chibo.dashboard.i18n import fmt_num, fmt_pct, plotly_separators, t

FONT = "Inter, 'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif"
QUALITY_COLORS = {4: "#2f9e44", 3: "#74b816", 2: "#f59f00", 1: "#e03131"}
QUALITY_LEVELS = ((4, "good"), (3, "fair"), (2, "average"), (1, "poor"))
SEQUENTIAL = [[0, "#e7f5ff"], [0.5, "#4dabf7"], [1, "#1864ab"]]
THEMES = {  # dark paper = Mantine's dark card, so the chart sits flush in it; veil: label backs
    "light": {"paper": "#ffffff", "plot": "#ffffff", "font": "#212529", "grid": "#e9ecef",
              "muted": "#5f6670", "veil": "rgba(255,255,255,0.65)"},
    "dark": {"paper": "#242424", "plot": "#242424", "font": "#c9c9c9", "grid": "#3b3b3b",
             "muted": "#a0a2a6", "veil": "rgba(36,36,36,0.65)"},
}
# Projector (presentation mode; restyling in chibo/dashboard/exports/projector.py). Okabe–Ito:
# distinguishable with every common colour-vision deficiency and on a washed-out projector (the
# yellow is left out: invisible on white). Quality levels diverge blue → vermillion.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"]
PROJECTOR_QUALITY = {4: "#0072B2", 3: "#56B4E9", 2: "#E69F00", 1: "#D55E00"}
PROJECTOR_DIVERGING = [[0, "#D55E00"], [0.5, "#F2F2F2"], [1, "#0072B2"]]
PROJECTOR_SEQUENTIAL = [[0, "#D6E6F2"], [1, "#003C6B"]]
PROJECTOR = go.layout.Template(layout={
    "font": {"family": FONT, "size": 24, "color": "#000000"}, "colorway": OKABE_ITO,
    "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
    "xaxis": {"gridcolor": "#b0b0b0", "linecolor": "#000000", "tickfont": {"size": 22}},
    "yaxis": {"gridcolor": "#b0b0b0", "linecolor": "#000000", "tickfont": {"size": 22}}})


@dataclass(frozen=True)
class FigContext:
    """Everything a builder needs besides data: language, theme and the texts around the chart."""

    lang: str = "vi"
    theme: str = "light"
    title: str = ""
    subtitle: str = ""
    footnote: str = ""
    nodata: str = ""  # the empty figure's message, naming the period and scope


@dataclass
class Drawing:
    """A chart as drawn: the Plotly figure as a plain dict (charts/plain.py), and the spec it
    shows (None for maps, heatmaps and hierarchies, which have no native PowerPoint form and are
    exported as pictures)."""

    figure: dict
    spec: ChartSpec | None = None


def graph_config(filename: str, lang: str = "vi", static: bool = False) -> dict:
    """dcc.Graph config: no Plotly logo, no 'share chart' upload, PNG with a Vietnamese name."""
    if static:
        return {"staticPlot": True, "displayModeBar": False}
    return {"displaylogo": False, "showSendToCloud": False, "showEditInChartStudio": False,
            "locale": "vi" if lang == "vi" else "en",
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}


def frame(fig: dict, ctx: FigContext, *, legend: bool = True) -> dict:
    """The shared layout of a plain figure (charts/plain.py): title and subtitle, Vietnamese
    separators, theme, footnote."""
    th = THEMES.get(ctx.theme, THEMES["light"])
    sub = f"<br><span style='font-size:13px;color:{th['muted']}'>{ctx.subtitle}</span>"
    axis = {"gridcolor": th["grid"], "linecolor": th["grid"], "zeroline": False}
    plain.layout(
        fig, title={"text": f"<b>{ctx.title}</b>{sub if ctx.subtitle else ''}", "x": 0.01,
                    "xanchor": "left", "y": 0.97, "yanchor": "top", "font": {"size": 17}},
        separators=plotly_separators(ctx.lang), font={"family": FONT, "size": 14,
                                                      "color": th["font"]},
        paper_bgcolor=th["paper"], plot_bgcolor=th["plot"], colorway=COLORS,
        margin={"l": 60, "r": 20, "t": 100 if legend else 80, "b": 70},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "bgcolor": "rgba(0,0,0,0)"},
        showlegend=legend, hovermode="x unified", hoverlabel={"font": {"family": FONT}},
        xaxis=axis, yaxis={**axis, "tickformat": ",.0f", "rangemode": "tozero"})
    if ctx.footnote:
        plain.add_annotation(fig, text=ctx.footnote, xref="paper", yref="paper", x=0, y=0,
                             yshift=-55, xanchor="left", yanchor="top", showarrow=False,
                             font={"size": 11, "color": th["muted"]}, align="left",
                             name="footnote")
        align_footnote(fig)
    return fig


def align_footnote(fig: dict) -> dict:
    """Put the footnote under the title, at the figure's left edge, whatever the left margin
    (so it is never pushed right and clipped by long category labels)."""
    left = fig["layout"].get("margin", {}).get("l", 60)
    for note in plain.annotations(fig):
        if note.get("name") == "footnote":
            note["xshift"] = 12 - left
    return fig


def empty(ctx: FigContext, message: str | None = None) -> dict:
    """A titled figure with a centred message and no axes."""
    fig = frame(plain.figure(), ctx, legend=False)
    plain.layout(fig, xaxis={"visible": False}, yaxis={"visible": False})
    plain.add_annotation(fig, text=message or ctx.nodata or t("chart.empty", ctx.lang),
                         xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
                         font={"size": 16})
    return fig


def value_text(v, lang: str, fmt: str = ",.0f", percent: bool = False) -> str:
    """A value as the chart's labels write it: '12,5%' when percent, else '10.579' (one decimal
    when fmt says '.1f')."""
    return fmt_pct(v, lang) if percent else fmt_num(v, lang, 1 if "1f" in fmt else 0)


def sort_key_vi(text: str) -> str:
    """Vietnamese-ish alphabetical key: accents stripped, đ sorted right after d."""
    base = unicodedata.normalize("NFD", str(text).replace("Đ", "D~").replace("đ", "d~"))
    return "".join(ch for ch in base if not unicodedata.combining(ch)).lower()

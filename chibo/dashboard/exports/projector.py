"""Restyle a built chart for a projector: large type, black on white, Okabe–Ito colours in place
of the screen palette (so the colour-blind and the back of a washed-out hall can tell series apart)."""

from __future__ import annotations

import plotly.graph_objects as go

from chibo.dashboard.charts import spec, theme

_SERIES = {c.lower(): theme.OKABE_ITO[i % len(theme.OKABE_ITO)]
           for i, c in enumerate(spec.COLORS)}
_QUALITY = {theme.QUALITY_COLORS[k].lower(): theme.PROJECTOR_QUALITY[k]
            for k in theme.QUALITY_COLORS}
BASE = 24  # px at 1920×1080
SLIDE_PLOT_PX = 760  # height of a slide's chart at 1920×1080


def _colors_of(fig: go.Figure) -> set[str]:
    found = set()
    for tr in fig.data:
        for c in (getattr(tr.marker, "color", None) if tr.type in ("bar", "scatter") else None,
                  tr.line.color if tr.type == "scatter" else None):
            found.update(x.lower() for x in (c if isinstance(c, (list, tuple)) else [c])
                         if isinstance(x, str))
    return found


def palette(fig: go.Figure) -> dict[str, str]:
    """Screen → projector colours. Some quality-level colours are also series colours, so a
    figure drawn only in quality colours (and not in the first two series colours) is a
    quality chart: good → blue … poor → vermillion; any other figure maps series by position."""
    used = _colors_of(fig)
    first_two = {c.lower() for c in spec.COLORS[:2]}
    if used and used <= set(_QUALITY) and not used & first_two:
        return _QUALITY
    return _SERIES


def color(value, mapping: dict[str, str] = _SERIES):
    """The projector colour for a screen colour (lists element-wise); others unchanged."""
    if isinstance(value, str):
        return mapping.get(value.lower(), value)
    if isinstance(value, (list, tuple)):
        return [color(v, mapping) for v in value]
    return value


def _colorscale(scale):
    names = {"rdylgn": theme.PROJECTOR_DIVERGING}
    if isinstance(scale, str):
        return names.get(scale.lower(), scale)
    if scale and [list(s) for s in scale] == [list(s) for s in theme.SEQUENTIAL]:
        return theme.PROJECTOR_SEQUENTIAL
    if scale and str(scale[0][1]).replace(" ", "") in ("rgb(165,0,38)", "#a50026"):  # RdYlGn
        return theme.PROJECTOR_DIVERGING
    return scale


def label_every_row(fig: go.Figure, height: int, base: int) -> None:
    """A heatmap's rows (provinces) each keep their label: every row is a tick, in a type size
    that fits the rows into `height` pixels (Plotly would otherwise drop every other one)."""
    heat = next((tr for tr in fig.data if tr.type == "heatmap" and tr.y is not None), None)
    if heat is None:
        return
    rows = list(dict.fromkeys(heat.y))
    size = max(9, min(base - 2, int(height * 0.8 / max(len(rows), 1) * 0.8)))
    fig.update_yaxes(tickmode="array", tickvals=rows, ticktext=rows, tickfont={"size": size})


def style(fig: go.Figure, base: int = BASE, height: int = SLIDE_PLOT_PX) -> go.Figure:
    """A copy of `fig` in the projector theme (theme.PROJECTOR) for a picture `height` pixels
    high; the data are not touched."""
    fig = go.Figure(fig)
    mapping = palette(fig)
    fig.update_layout(template=theme.PROJECTOR, font={"size": base, "color": "#000000"},
                      paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", colorway=theme.OKABE_ITO,
                      legend={"font": {"size": base}}, hoverlabel={"font": {"size": base}},
                      margin={"l": 20, "r": 30, "t": 70 if fig.layout.showlegend else 20,
                              "b": 20})
    fig.update_xaxes(tickfont={"size": base - 2}, gridcolor="#b0b0b0", linecolor="#000000",
                     automargin=True, title_font={"size": base})
    fig.update_yaxes(tickfont={"size": base - 2}, gridcolor="#b0b0b0", linecolor="#000000",
                     automargin=True, title_font={"size": base})
    for tr in fig.data:
        if tr.type in ("bar", "scatter"):
            if tr.marker is not None and tr.marker.color is not None:
                tr.marker.color = color(tr.marker.color, mapping)
            if tr.type == "scatter":
                tr.line.color = color(tr.line.color, mapping)
                tr.line.width = max(tr.line.width or 2, 4)
                if tr.stackgroup:
                    tr.fillcolor = None
            if getattr(tr, "textfont", None) is not None:
                tr.textfont.size = base - 2
        elif tr.type == "heatmap":
            tr.colorscale = _colorscale(tr.colorscale)
            if tr.textfont is not None:
                tr.textfont.size = max(round(base * 0.55), 10)  # tile labels
            tr.colorbar.tickfont = {"size": base - 4}
        elif tr.type in ("sunburst", "pie"):
            tr.textfont = {"size": base - 4}
            fig.update_layout(colorway=theme.OKABE_ITO)
    label_every_row(fig, height, base)
    for ann in fig.layout.annotations or ():
        ann.font = {"size": max(base - 8, 14), "color": "#000000"}
    for shape in fig.layout.shapes or ():
        if shape.line is not None:
            shape.line.color = "#444444"
            shape.line.width = max(shape.line.width or 1, 2)
    return fig

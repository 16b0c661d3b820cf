"""Restyle a built chart for a projector: large type, black on white, Okabe–Ito colours in place
of the screen palette (so the colour-blind and the back of a washed-out hall can tell series apart).
Figures are plain dicts (charts/plain.py), restyled without graph_objects."""

from __future__ import annotations

import copy
import functools

from chibo.dashboard import answers
from chibo.dashboard.charts import plain, spec, theme

_SERIES = {c.lower(): theme.OKABE_ITO[i % len(theme.OKABE_ITO)]
           for i, c in enumerate(spec.COLORS)}
_QUALITY = {theme.QUALITY_COLORS[k].lower(): theme.PROJECTOR_QUALITY[k]
            for k in theme.QUALITY_COLORS}
BASE = 24  # px at 1920×1080
SLIDE_PLOT_PX = 760  # height of a slide's chart at 1920×1080


def _colors_of(fig: dict) -> set[str]:
    found = set()
    for tr in fig["data"]:
        kind = tr.get("type")
        for c in (tr.get("marker", {}).get("color") if kind in ("bar", "scatter") else None,
                  tr.get("line", {}).get("color") if kind == "scatter" else None):
            found.update(x.lower() for x in (c if isinstance(c, (list, tuple)) else [c])
                         if isinstance(x, str))
    return found


def palette(fig: dict) -> dict[str, str]:
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


def label_every_row(fig: dict, height: int, base: int) -> None:
    """A heatmap's rows (provinces) each keep their label: every row is a tick, in a type size
    that fits the rows into `height` pixels (Plotly would otherwise drop every other one)."""
    heat = next((tr for tr in fig["data"] if tr.get("type") == "heatmap"
                 and tr.get("y") is not None), None)
    if heat is None:
        return
    rows = list(dict.fromkeys(heat["y"]))
    size = max(9, min(base - 2, int(height * 0.8 / max(len(rows), 1) * 0.8)))
    plain.yaxis(fig, tickmode="array", tickvals=rows, ticktext=rows, tickfont={"size": size})


@functools.cache
def _template() -> dict:
    return answers.shared(theme.PROJECTOR.to_plotly_json())


def style(fig: dict, base: int = BASE, height: int = SLIDE_PLOT_PX) -> dict:
    """A copy of plain figure `fig` (charts/plain.py) in the projector theme (theme.PROJECTOR)
    for a picture `height` pixels high; the data are not touched."""
    fig = {"data": copy.deepcopy(fig["data"]),
           "layout": copy.deepcopy({k: v for k, v in fig["layout"].items() if k != "template"})}
    mapping = palette(fig)
    fig["layout"]["template"] = _template()
    plain.layout(fig, font={"size": base, "color": "#000000"}, paper_bgcolor="#ffffff",
                 plot_bgcolor="#ffffff", colorway=theme.OKABE_ITO,
                 legend={"font": {"size": base}}, hoverlabel={"font": {"size": base}},
                 margin={"l": 20, "r": 30, "t": 70 if fig["layout"].get("showlegend") else 20,
                         "b": 20})
    axis = {"tickfont": {"size": base - 2}, "gridcolor": "#b0b0b0", "linecolor": "#000000",
            "automargin": True, "title": {"font": {"size": base}}}
    plain.layout(fig, xaxis=axis, yaxis=axis)
    for tr in fig["data"]:
        _style_trace(fig, tr, mapping, base)
    label_every_row(fig, height, base)
    for ann in plain.annotations(fig):
        ann["font"] = {"size": max(base - 8, 14), "color": "#000000"}
    for shape in fig["layout"].get("shapes", []):
        line = shape.setdefault("line", {})
        line["color"] = "#444444"
        line["width"] = max(line.get("width") or 1, 2)
    return fig


def _style_trace(fig: dict, tr: dict, mapping: dict, base: int) -> None:
    """One trace in projector colours and type sizes."""
    kind = tr.get("type")
    if kind in ("bar", "scatter"):
        if tr.get("marker", {}).get("color") is not None:
            tr["marker"]["color"] = color(tr["marker"]["color"], mapping)
        if kind == "scatter":
            plain.merge(tr, {"line": {"color": color(tr.get("line", {}).get("color"), mapping),
                                      "width": max(tr.get("line", {}).get("width") or 2, 4)}})
            if tr.get("stackgroup"):
                tr.pop("fillcolor", None)
        plain.merge(tr, {"textfont": {"size": base - 2}})
    elif kind == "heatmap":
        plain.merge(tr, {"colorscale": _colorscale(tr.get("colorscale")),
                         "textfont": {"size": max(round(base * 0.55), 10)},  # tile labels
                         "colorbar": {"tickfont": {"size": base - 4}}})
    elif kind in ("sunburst", "pie"):
        tr["textfont"] = {"size": base - 4}
        plain.layout(fig, colorway=theme.OKABE_ITO)

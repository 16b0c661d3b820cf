"""The projector style (exports/projector.py) restyles a plain figure as the graph_objects
version it replaced did: every built-in deck's slides, at the slide's size and at the PowerPoint
picture's, and hand-made figures for each kind of trace it touches, give the same JSON as
`reference` below (the go.Figure code, kept here as the yardstick). So the slides page, the
PowerPoint pictures and the PDF/PNG exports look as they did before figures became dicts.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
from plotly.io.json import to_json_plotly

from chibo.dashboard.charts import plain, registry, spec, theme
from chibo.dashboard.data import Scope
from chibo.dashboard.exports import deck, projector

SIZES = ((projector.BASE, projector.SLIDE_PLOT_PX), (30, 900))  # a slide; a PowerPoint picture


def reference(fig: go.Figure, base: int, height: int) -> go.Figure:
    """The projector style as graph_objects did it (update_layout, update_xaxes, trace
    attributes), on a copy of `fig`."""
    fig = go.Figure(fig)
    mapping = _reference_palette(fig)
    fig.update_layout(template=theme.PROJECTOR, font={"size": base, "color": "#000000"},
                      paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", colorway=theme.OKABE_ITO,
                      legend={"font": {"size": base}}, hoverlabel={"font": {"size": base}},
                      margin={"l": 20, "r": 30, "t": 70 if fig.layout.showlegend else 20,
                              "b": 20})
    for update in (fig.update_xaxes, fig.update_yaxes):
        update(tickfont={"size": base - 2}, gridcolor="#b0b0b0", linecolor="#000000",
               automargin=True, title_font={"size": base})
    for tr in fig.data:
        if tr.type in ("bar", "scatter"):
            if tr.marker is not None and tr.marker.color is not None:
                tr.marker.color = projector.color(tr.marker.color, mapping)
            if tr.type == "scatter":
                tr.line.color = projector.color(tr.line.color, mapping)
                tr.line.width = max(tr.line.width or 2, 4)
                if tr.stackgroup:
                    tr.fillcolor = None
            tr.textfont.size = base - 2
        elif tr.type == "heatmap":
            tr.colorscale = projector._colorscale(tr.colorscale)
            tr.textfont.size = max(round(base * 0.55), 10)
            tr.colorbar.tickfont = {"size": base - 4}
        elif tr.type in ("sunburst", "pie"):
            tr.textfont = {"size": base - 4}
    heat = next((tr for tr in fig.data if tr.type == "heatmap" and tr.y is not None), None)
    if heat is not None:
        rows = list(dict.fromkeys(heat.y))
        size = max(9, min(base - 2, int(height * 0.8 / max(len(rows), 1) * 0.8)))
        fig.update_yaxes(tickmode="array", tickvals=rows, ticktext=rows, tickfont={"size": size})
    for ann in fig.layout.annotations or ():
        ann.font = {"size": max(base - 8, 14), "color": "#000000"}
    for shape in fig.layout.shapes or ():
        shape.line.color = "#444444"
        shape.line.width = max(shape.line.width or 1, 2)
    return fig


def _reference_palette(fig: go.Figure) -> dict[str, str]:
    used = set()
    for tr in fig.data:
        for c in (tr.marker.color if tr.type in ("bar", "scatter") else None,
                  tr.line.color if tr.type == "scatter" else None):
            used.update(x.lower() for x in (c if isinstance(c, (list, tuple)) else [c])
                        if isinstance(x, str))
    quality = {theme.QUALITY_COLORS[k].lower(): theme.PROJECTOR_QUALITY[k]
               for k in theme.QUALITY_COLORS}
    if used and used <= set(quality) and not used & {c.lower() for c in spec.COLORS[:2]}:
        return quality
    return {c.lower(): theme.OKABE_ITO[i % len(theme.OKABE_ITO)]
            for i, c in enumerate(spec.COLORS)}


def styled_json(fig: dict, base: int, height: int) -> dict:
    return json.loads(to_json_plotly(projector.style(fig, base=base, height=height)))


def reference_json(fig: dict, base: int, height: int) -> dict:
    return json.loads(to_json_plotly(reference(plain.as_figure(fig), base, height).to_plotly_json()))


def assert_as_before(fig: dict) -> None:
    before = json.loads(to_json_plotly(fig))
    for base, height in SIZES:
        assert styled_json(fig, base, height) == reference_json(fig, base, height)
    assert json.loads(to_json_plotly(fig)) == before  # the figure itself is left as it was


def unstyled_slides(state: dict) -> list[tuple[str, dict]]:
    """Each built-in deck's charts as deck.build_slide draws them before styling."""
    out = []
    for name, d in deck.BUILTIN.items():
        st = deck.deck_state(d, state)
        for key in d.keys:
            _ctx, drawing = registry.draw(key, st, Scope.everything(), "light", with_footnote=False)
            out.append((f"{name}/{key}", plain.layout(drawing.figure, title={"text": ""})))
    return out


def test_every_built_in_slide_is_styled_as_before(dash_app, state2025):
    """Every slide of every built-in deck, in both languages; the slides drawn hold every kind
    of trace the style changes on the fixture, and each is restyled (not left as drawn)."""
    kinds = set()
    for lang in ("vi", "en"):
        for key, fig in unstyled_slides({**state2025, "lang": lang}):
            kinds.update(tr["type"] for tr in fig["data"])
            assert_as_before(fig)
            assert styled_json(fig, *SIZES[0]) != json.loads(to_json_plotly(fig)), key
    assert {"bar", "scatter"} <= kinds


def test_each_kind_of_trace_is_styled_as_before():
    """Hand-made figures for what the decks may not draw on the fixture: quality colours, a
    stacked area, colour lists, a heatmap by named and sequential scale with row labels,
    sunburst and pie, shapes with and without a line, annotations, a legend."""
    q = theme.QUALITY_COLORS
    figs = [
        plain.figure([plain.trace("bar", x=["a", "b"], y=[1, 2], marker={"color": q[4]}),
                      plain.trace("bar", x=["a", "b"], y=[2, 1], marker={"color": q[1]},
                                  text=["2", "1"])], showlegend=True, barmode="stack"),
        plain.figure([plain.trace("scatter", x=[1, 2], y=[3, 4], stackgroup="one",
                                  fillcolor="rgba(0,0,0,0.2)", line={"color": spec.COLORS[0]}),
                      plain.trace("scatter", x=[1, 2], y=[1, 1], mode="lines",
                                  line={"color": spec.COLORS[1], "width": 6}),
                      plain.trace("scatter", x=[1, 2], y=[2, 2], mode="markers",
                                  marker={"color": [spec.COLORS[2], "#123456"]})]),
        plain.figure([plain.trace("heatmap", z=[[1, 2], [3, 4]], y=["Tỉnh A", "Tỉnh B"],
                                  x=["2025-01", "2025-02"], colorscale=plain.colorscale("RdYlGn"),
                                  texttemplate="%{z}")]),
        plain.figure([plain.trace("heatmap", z=[[1, 2]], colorscale=theme.SEQUENTIAL)]),
        plain.figure([plain.trace("sunburst", labels=["a", "b"], parents=["", "a"])]),
        plain.figure([plain.trace("pie", labels=["a", "b"], values=[1, 2])]),
    ]
    marked = plain.figure([plain.trace("bar", x=[1], y=[1])])
    plain.add_shape(marked, type="line", x0=0, x1=1, y0=0, y1=1, line={"color": "red", "width": 3})
    plain.add_shape(marked, type="rect", x0=0, x1=1, y0=0, y1=1)
    plain.add_annotation(marked, text="Nghị quyết 18", x=1, y=1, font={"size": 11})
    for fig in [*figs, marked]:
        assert_as_before(fig)


def test_the_comparison_sees_a_styling_difference():
    """Near misses: the same figure styled at another size, or with one trace left in its
    screen colour, is not what the reference gives."""
    fig = plain.figure([plain.trace("bar", x=["a"], y=[1], marker={"color": spec.COLORS[0]})])
    base, height = SIZES[0]
    assert styled_json(fig, base + 2, height) != reference_json(fig, base, height)
    off = styled_json(fig, base, height)
    off["data"][0]["marker"]["color"] = spec.COLORS[0]
    assert off != reference_json(fig, base, height)

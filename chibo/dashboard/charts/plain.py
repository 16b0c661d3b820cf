"""Plain figures: a chart as the dict the browser receives, `{"data": [...], "layout": {...}}`,
built without plotly.graph_objects. Its validation and property tree cost most of a chart's CPU
(a trend of two series with events: about 25 ms as a go.Figure, under 1 ms as a dict); Dash
sends a dict as it sends a go.Figure's JSON. Code that needs a go.Figure (the projector style,
slides, PDF) converts once with `as_figure`. The template is made once and shared by every
figure (never mutated; the answer cache does not count it per figure).

The dicts hold what `go.Figure(...).to_plotly_json()` would: the default template, traces with
their type, no None values (None unsets a property, as in `update_layout`), numeric arrays in
Plotly's typed-array form. tests/dashboard/test_plain_figures.py holds every builder's dict to
what a validated go.Figure makes of it.
"""

from __future__ import annotations

import base64
import functools

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.utils import to_typed_array_spec

from chibo.dashboard import answers


@functools.cache
def _template(name: str) -> dict:
    return answers.shared(pio.templates[name].to_plotly_json())


def template() -> dict:
    """The default template as a plain dict, made once (shared by every figure: never mutated)."""
    return _template(pio.templates.default)


def figure(data: list | None = None, **layout) -> dict:
    """A new figure: `data` (trace dicts), the default template and `layout`."""
    return {"data": list(data or ()), "layout": {"template": template(), **merge({}, layout)}}


def trace(kind: str, **props) -> dict:
    """A trace of type `kind` ('scatter', 'bar', …); None values are left out."""
    return merge({}, props) | {"type": kind}


def merge(target: dict, updates: dict) -> dict:
    """`updates` merged into `target` as `update_layout` does: nested dicts merged, None
    removes a property, anything else (lists included) replaces it; an object left with no
    property is left out, as a go.Figure writes it. Returns `target`."""
    for key, value in updates.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict):
            old = target.get(key)
            merged = merge(old if isinstance(old, dict) else {}, value)
            if merged:
                target[key] = merged
            else:
                target.pop(key, None)
        else:
            target[key] = value
    return target


def layout(fig: dict, **updates) -> dict:
    """`fig.update_layout(**updates)` (nested dicts, no magic underscores)."""
    merge(fig["layout"], updates)
    return fig


def xaxis(fig: dict, **updates) -> dict:
    """`fig.update_xaxes(**updates)` for a figure with one x axis."""
    return layout(fig, xaxis=updates)


def yaxis(fig: dict, **updates) -> dict:
    """`fig.update_yaxes(**updates)` for a figure with one y axis."""
    return layout(fig, yaxis=updates)


def annotations(fig: dict) -> list[dict]:
    return fig["layout"].get("annotations", [])


def add_annotation(fig: dict, **props) -> dict:
    """`fig.add_annotation(**props)`: appended after the others."""
    fig["layout"].setdefault("annotations", []).append(merge({}, props))
    return fig


def add_shape(fig: dict, **props) -> dict:
    """`fig.add_shape(**props)`: appended after the others."""
    fig["layout"].setdefault("shapes", []).append(merge({}, props))
    return fig


@functools.cache
def colorscale(name: str) -> list:
    """A named colorscale ('RdYlGn') as a go.Figure writes it: [[0.0, 'rgb(165,0,38)'], …]."""
    return answers.shared(go.Heatmap(colorscale=name).to_plotly_json()["colorscale"])


def array(values):
    """A pandas or numpy column or matrix as a go.Figure keeps it: a typed array ({"dtype": …,
    "bdata": …}) when numeric, else a read-only numpy array (dates, text), which the JSON
    encoder writes as a go.Figure's would be."""
    return to_typed_array_spec(values)


def as_figure(fig: dict | go.Figure) -> go.Figure:
    """A go.Figure of a plain figure (a copy, typed arrays back as numpy arrays, as the builders
    gave them: the go.Figure writes the same JSON)."""
    return go.Figure(fig if isinstance(fig, go.Figure) else _decoded(fig))


def _decoded(value):
    """`value` with every typed array ({"dtype": …, "bdata": …}) decoded to a numpy array."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            out = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            shape = value.get("shape")
            return out.reshape([int(n) for n in str(shape).split(",")]) if shape else out
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_decoded(v) for v in value]
    return value

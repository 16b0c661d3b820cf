"""Published figures over time (the Số liệu công bố page): each scope a series with its accepted
interval, beside the warehouse values on the same dates."""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.charts import plain
from chibo.dashboard.charts.spec import COLORS
from chibo.dashboard.charts.theme import FigContext, empty, frame


def published_timeline(df: pd.DataFrame, ctx: FigContext, warehouse_label: str) -> dict:
    """Published values over time, one colour per scope (df: as_of_used, scope_label, value,
    tolerance_low, tolerance_high, number_text, document, warehouse_value): error bars span
    the accepted interval; open diamonds are the warehouse values on the same dates; a log axis
    when the scopes differ in size by more than 50×."""
    if df is None or df.empty:
        return empty(ctx)
    fig = plain.figure()
    for i, (label, g) in enumerate(df.sort_values("as_of_used").groupby("scope_label", sort=False)):
        color = COLORS[i % len(COLORS)]
        low, high = g["tolerance_low"].fillna(g["value"]), g["tolerance_high"].fillna(g["value"])
        fig["data"].append(plain.trace(
            "scatter", x=plain.array(g["as_of_used"]), y=plain.array(g["value"]), name=label,
            mode="lines+markers", marker={"color": color, "size": 9},
            line={"color": color, "width": 1.5},
            error_y={"type": "data", "array": plain.array(high - g["value"]),
                     "arrayminus": plain.array(g["value"] - low), "color": color,
                     "thickness": 1.5},
            customdata=plain.array(g[["number_text", "document"]].values),
            hovertemplate="%{customdata[0]} (%{y:,.0f})<br>%{customdata[1]}<extra></extra>"))
        seen = g.dropna(subset=["warehouse_value"])
        if not seen.empty:
            fig["data"].append(plain.trace(
                "scatter", x=plain.array(seen["as_of_used"]),
                y=plain.array(seen["warehouse_value"]), name=f"{warehouse_label}: {label}",
                mode="markers", marker={"color": color, "size": 11, "symbol": "diamond-open"},
                hovertemplate=f"{warehouse_label}: %{{y:,.0f}}<extra></extra>"))
    frame(fig, ctx)
    plain.layout(fig, hovermode="closest", legend={"y": -0.12, "yanchor": "top"},
                 margin={"t": 90, "b": 40 + 22 * len(fig["data"])})
    plain.xaxis(fig, tickformat="%m/%Y", hoverformat="%d/%m/%Y")
    values = df["value"][df["value"] > 0]
    if len(values) and values.max() > 50 * values.min():  # scopes of very different sizes
        plain.yaxis(fig, type="log", rangemode=None)
    return fig

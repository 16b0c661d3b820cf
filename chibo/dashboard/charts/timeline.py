"""Published figures over time (the Số liệu công bố page): each scope a series with its accepted
interval, beside the warehouse values on the same dates."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from chibo.dashboard.charts.spec import COLORS
from chibo.dashboard.charts.theme import FigContext, empty, frame


def published_timeline(df: pd.DataFrame, ctx: FigContext, warehouse_label: str) -> go.Figure:
    """Published values over time, one colour per scope (df: as_of_used, scope_label, value,
    tolerance_low, tolerance_high, number_text, document, warehouse_value): error bars span
    the accepted interval; open diamonds are the warehouse values on the same dates; a log axis
    when the scopes differ in size by more than 50×."""
    if df is None or df.empty:
        return empty(ctx)
    fig = go.Figure()
    for i, (label, g) in enumerate(df.sort_values("as_of_used").groupby("scope_label", sort=False)):
        color = COLORS[i % len(COLORS)]
        low, high = g["tolerance_low"].fillna(g["value"]), g["tolerance_high"].fillna(g["value"])
        fig.add_trace(go.Scatter(
            x=g["as_of_used"], y=g["value"], name=label, mode="lines+markers",
            marker={"color": color, "size": 9}, line={"color": color, "width": 1.5},
            error_y={"type": "data", "array": high - g["value"], "arrayminus": g["value"] - low,
                     "color": color, "thickness": 1.5},
            customdata=g[["number_text", "document"]].values,
            hovertemplate="%{customdata[0]} (%{y:,.0f})<br>%{customdata[1]}<extra></extra>"))
        seen = g.dropna(subset=["warehouse_value"])
        if not seen.empty:
            fig.add_trace(go.Scatter(
                x=seen["as_of_used"], y=seen["warehouse_value"], name=f"{warehouse_label}: {label}",
                mode="markers", marker={"color": color, "size": 11, "symbol": "diamond-open"},
                hovertemplate=f"{warehouse_label}: %{{y:,.0f}}<extra></extra>"))
    frame(fig, ctx)
    fig.update_layout(hovermode="closest", legend={"y": -0.12, "yanchor": "top"},
                      margin={"t": 90, "b": 40 + 22 * len(fig.data)})
    fig.update_xaxes(tickformat="%m/%Y", hoverformat="%d/%m/%Y")
    values = df["value"][df["value"] > 0]
    if len(values) and values.max() > 50 * values.min():  # scopes of very different sizes
        fig.update_yaxes(type="log", rangemode=None)
    return fig

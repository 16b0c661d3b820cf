"""The hierarchy as a treemap (the Tổ chức page): boxes of organisations sized by members."""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.charts import plain
from chibo.dashboard.charts.spec import COLORS
from chibo.dashboard.charts.theme import FigContext, empty, frame


def hierarchy_map(df: pd.DataFrame, ctx: FigContext, value_label: str) -> dict:
    """Treemap of the hierarchy, two levels at a time (click a box to drill down, the bar above
    to go back): df(org_id, parent_id, name, members); values are subtree totals."""
    if df is None or df.empty:
        return empty(ctx)
    parents = df["parent_id"].where(df["parent_id"].isin(set(df["org_id"])), "")
    fig = plain.figure([plain.trace(
        "treemap", ids=plain.array(df["org_id"]), parents=plain.array(parents),
        labels=plain.array(df["name"]), values=plain.array(df["members"]),
        branchvalues="total", maxdepth=2, textinfo="label+value", tiling={"pad": 2},
        textfont={"size": 15}, insidetextfont={"size": 15},  # legible at 1920 and projected
        pathbar={"visible": True},
        hovertemplate=f"%{{label}}<br>{value_label}: %{{value:,.0f}}<extra></extra>")])
    frame(fig, ctx, legend=False)
    top = 80 + 18 * ctx.subtitle.count("<br>")  # a breadcrumb line under the subtitle
    plain.layout(fig, margin={"l": 10, "r": 10, "t": top, "b": 60}, colorway=COLORS)
    return fig

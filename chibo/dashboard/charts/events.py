"""Events (directives, the merger) marked on charts over time: a dotted line at each date and a
short label (full text on hover), laid out in rows above the data so that no label covers another
or the line; an event with no free row keeps a marker with its text on hover."""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.charts import plain
from chibo.dashboard.charts.theme import THEMES, FigContext


def short_event_label(text: str, limit: int = 22) -> str:
    """The head of an event label: up to ' (', ' về ', ' on ' or ':'; cut at `limit` chars."""
    head = str(text)
    for sep in (" (", " về ", " on ", ":"):
        head = head.split(sep)[0]
    return head if len(head) <= limit else head[:limit - 1].rstrip() + "…"


LABEL_PX, PLOT_PX, LEVELS = 6.4, 900, 3  # px per label character; a card's plot width; rows
ROW = 0.07  # height of a row of labels, as a fraction of the plot area's height
MIDDLE = 0.5  # a label left of it runs rightward, the others leftward (toward the middle)


def place_labels(positions: list[float], texts: list[str]) -> list[int | None]:
    """The row of each event label (0 = top; positions as fractions of the x range, in time
    order): the first row where its box overlaps no other label, None when all LEVELS rows are
    taken there (the event then keeps its line and a marker with the text on hover)."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(LEVELS)]
    rows = []
    for pos, text in zip(positions, texts):
        width = (len(text) * LABEL_PX + 10) / PLOT_PX
        box = (pos, pos + width) if pos < MIDDLE else (pos - width, pos)
        row = next((i for i in range(LEVELS)
                    if all(box[1] <= a or box[0] >= b for a, b in taken[i])), None)
        if row is not None:
            taken[row].append(box)
        rows.append(row)
    return rows


def event_marks(fig: dict, events: pd.DataFrame | None, ctx: FigContext, x0, x1,
                pad_days: float = 0) -> dict:
    """Fix the x range to [x0, x1] (± pad_days) and mark events inside it with a dotted line and
    a short label (full text on hover), laid out in rows above the data's y domain so that no
    label covers another or the line (`place_labels`); an event with no free row gets a marker
    with its text on hover."""
    lo = pd.Timestamp(x0) - pd.Timedelta(days=pad_days)
    hi = pd.Timestamp(x1) + pd.Timedelta(days=pad_days)
    plain.xaxis(fig, range=[lo, hi])
    if events is None or events.empty:
        return fig
    th = THEMES.get(ctx.theme, THEMES["light"])
    col = "label_en" if ctx.lang == "en" else "label_vi"
    span = max((hi - lo).total_seconds(), 1)
    shown = [ev for ev in events.sort_values("event_on").to_dict("records")
             if pd.Timestamp(x0) <= pd.Timestamp(ev["event_on"]) <= pd.Timestamp(x1)]
    positions = [(pd.Timestamp(ev["event_on"]) - lo).total_seconds() / span for ev in shown]
    labels = [short_event_label(ev[col]) for ev in shown]
    rows = place_labels(positions, labels)
    if shown:  # the data keeps below the label rows: a label never covers the line
        used = max((r for r in rows if r is not None), default=0) + 1
        plain.yaxis(fig, domain=[0, 1 - ROW * used - 0.02])
    for ev, pos, row, label in zip(shown, positions, rows, labels):
        when = pd.Timestamp(ev["event_on"])
        plain.add_shape(fig, type="line", x0=when, x1=when, y0=0, y1=1, yref="paper",
                        line={"dash": "dot", "width": 1, "color": th["muted"]})
        plain.add_annotation(  # no free row: a marker, the text on hover
            fig, x=when, y=1 - ROW * (row or 0), yref="paper", showarrow=False,
            text="▾" if row is None else label, hovertext=ev[col],
            xanchor="center" if row is None else "left" if pos < MIDDLE else "right",
            name="event", yanchor="top", font={"size": 11, "color": th["muted"]},
            bgcolor=th["veil"])
    return fig

"""Tile-grid cartogram: each province gets one square grid cell near its seat's position.

Pure functions, no data access: `grid_layout` (deterministic, unique cells, neighbours stay near),
`short_label` (a tile's label from the province name) and `tile_map` (the Plotly figure, a plain
dict: charts/plain.py).
"""

from __future__ import annotations

import heapq
import math
import unicodedata

import pandas as pd
from plotly.colors import sample_colorscale

from chibo.dashboard.charts import plain
from chibo.dashboard.charts.spec import nice_step
from chibo.dashboard.charts.theme import SEQUENTIAL, THEMES, FigContext, empty, frame, value_text


def project(points: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """(lat, lon) → (x, y) in degrees of latitude: equirectangular around the mean latitude."""
    mean_lat = sum(lat for lat, _ in points.values()) / max(len(points), 1)
    k = math.cos(math.radians(mean_lat))
    return {c: (lon * k, lat) for c, (lat, lon) in points.items()}


def _cost(pos: tuple[float, float], cell: tuple[int, int]) -> float:
    return (pos[0] - cell[0]) ** 2 + 2 * (pos[1] - cell[1]) ** 2  # keep north–south order


def grid_layout(points: dict[str, tuple[float, float]], rows: int | None = None,
                radius: int = 6) -> dict[str, tuple[int, int]]:
    """Assign each code a unique (col, row) cell (row grows northwards), from (lat, lon) points.

    The projected points are scaled so the north–south extent spans `rows` rows (default about
    2.4·√n), then matched greedily to free cells by squared distance (globally smallest first,
    ties by code and cell), then improved by swaps and moves that lower the total squared
    displacement. The result depends only on the input mapping, not on its order.
    """
    if not points:
        return {}
    xy = project(points)
    n = len(xy)
    rows = rows or max(2, round(2.4 * math.sqrt(n)))
    ys = [y for _, y in xy.values()]
    xs = [x for x, _ in xy.values()]
    span = max(max(ys) - min(ys), max(xs) - min(xs), 1e-9)
    scale = (rows - 1) / span
    x0, y0 = min(xs), min(ys)
    pos = {c: ((x - x0) * scale, (y - y0) * scale) for c, (x, y) in sorted(xy.items())}

    def candidates(c: str, r: int):
        px, py = pos[c]
        cx, cy = round(px), round(py)
        cells = [(cx + dx, cy + dy) for dx in range(-r, r + 1) for dy in range(-r, r + 1)]
        return sorted(cells, key=lambda cell: (_cost(pos[c], cell), cell))

    taken: dict[tuple[int, int], str] = {}
    where: dict[str, tuple[int, int]] = {}
    r = radius
    while len(where) < n:
        heap = [(_cost(pos[c], cell), c, cell) for c in pos if c not in where
                for cell in candidates(c, r)]
        heapq.heapify(heap)
        while heap:
            _d, c, cell = heapq.heappop(heap)
            if c in where or cell in taken:
                continue
            where[c], taken[cell] = cell, c
        r *= 2  # only when a crowded cluster ran out of candidate cells
    _improve(pos, where, taken)
    mx = min(col for col, _ in where.values())
    my = min(row for _, row in where.values())
    return {c: (col - mx, row - my) for c, (col, row) in sorted(where.items())}


def _improve(pos, where, taken, rounds: int = 20) -> None:
    """Local search: move a tile to a free neighbouring cell, or swap two tiles, when that lowers
    the total squared displacement. Deterministic order; stops when nothing improves."""
    steps = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy]
    for _ in range(rounds):
        changed = False
        for c in sorted(where):
            col, row = where[c]
            for dx, dy in steps:
                cell = (col + dx, row + dy)
                other = taken.get(cell)
                here = where[c]
                if other is None:
                    gain = _cost(pos[c], here) - _cost(pos[c], cell)
                else:
                    gain = (_cost(pos[c], here) + _cost(pos[other], cell)
                            - _cost(pos[c], cell) - _cost(pos[other], here))
                if gain > 1e-9:
                    del taken[here]
                    if other is not None:
                        where[other], taken[here] = here, other
                    where[c], taken[cell] = cell, c
                    col, row = cell
                    changed = True
        if not changed:
            return


MIN_TILES = 7  # a tile map is at least this many tiles wide and high (a small scope stays small)
PROVINCE_PREFIXES = ("thành phố ", "tp. ", "tp ", "tỉnh ")  # dropped from province names


def short_label(name: str) -> str:
    """A tile label: 'Quảng<br>Ngãi'; names of three or more syllables become initials
    ('Bà Rịa - Vũng Tàu' → 'BR-VT', 'Thừa Thiên Huế' → 'TTH'); 'Hồ Chí Minh' → 'TP.<br>HCM'."""
    text = unicodedata.normalize("NFC", name).strip()
    for prefix in PROVINCE_PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix):]
    if text.lower() == "hồ chí minh":
        return "TP.<br>HCM"
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    words = text.replace("-", " ").split()
    if len(words) <= 2:
        return "<br>".join(words)
    return "-".join("".join(w[0].upper() for w in p.split()) for p in parts if p)


def colorbar(fmt: str, values: list[float]) -> dict:
    """The colour scale's ticks in the metric's own format (head counts as whole numbers, not
    '12.204,6'), on a 1-2-5 step whose labels never repeat."""
    decimals = 0 if fmt in (",.0f", ".0f", ",d") else 1
    bar = {"tickformat": fmt, "thickness": 14, "outlinewidth": 0, "len": 0.6}
    if values and not fmt.endswith("%"):
        step = nice_step((max(values) - min(values)) / 4 or 1)
        bar.update(tickmode="linear", dtick=max(step, 1.0) if decimals == 0 else step,
                   tick0=0)
    return bar


def tile_map(df: pd.DataFrame, cells: dict, label: str, value: str, ctx: FigContext, *,
             fmt: str = ",.0f", selected: str | None = None, key: str = "province_code",
             name: str = "name") -> dict:
    """Tile-grid cartogram: one square per row of df at cells[df[key]] = (col, row), coloured by
    `value` (grey when missing), labelled with df[label]; customdata = the key (for clicks)."""
    if df is None or df.empty or not cells:
        return empty(ctx)
    th = THEMES.get(ctx.theme, THEMES["light"])
    width = max(c for c, _ in cells.values()) + 1
    height = max(r for _, r in cells.values()) + 1
    z = [[None] * width for _ in range(height)]
    base = [[None] * width for _ in range(height)]
    text = [[""] * width for _ in range(height)]
    codes = [[None] * width for _ in range(height)]
    names = [[""] * width for _ in range(height)]
    for rec in df.to_dict("records"):
        if rec[key] not in cells:
            continue
        c, r = cells[rec[key]]
        v = rec[value]
        z[r][c] = None if v is None or pd.isna(v) else float(v)
        base[r][c], text[r][c], codes[r][c], names[r][c] = 0, rec[label], rec[key], rec[name]
    custom = [[[codes[r][c], names[r][c]] for c in range(width)] for r in range(height)]
    common = {"x": list(range(width)), "y": list(range(height)), "xgap": 3, "ygap": 3,
              "customdata": custom, "hoverongaps": False}
    fig = plain.figure([
        plain.trace("heatmap", z=base, colorscale=[[0, th["grid"]], [1, th["grid"]]],
                    showscale=False, hovertemplate="%{customdata[1]}: –<extra></extra>",
                    **common),
        plain.trace("heatmap", z=z, text=text, texttemplate="%{text}", colorscale=SEQUENTIAL,
                    textfont={"size": 10}, colorbar=colorbar(fmt, [v for row in z for v in row
                                                                   if v is not None]),
                    hovertemplate=f"%{{customdata[1]}}: %{{z:{fmt}}}<extra></extra>", **common),
    ])
    frame(fig, ctx, legend=False)
    plain.layout(fig, hovermode="closest", dragmode=False,
                 margin={"l": 10, "r": 10, "t": 80, "b": 70})
    # one or two provinces in scope: the tiles keep a map's size instead of filling the card
    pad_x, pad_y = max(0, MIN_TILES - width) / 2, max(0, MIN_TILES - height) / 2
    plain.xaxis(fig, visible=False, range=[-0.5 - pad_x, width - 0.5 + pad_x], fixedrange=True)
    plain.yaxis(fig, visible=False, range=[-0.5 - pad_y, height - 0.5 + pad_y], fixedrange=True,
                scaleanchor="x", scaleratio=1, rangemode=None)
    if selected in cells:
        c, r = cells[selected]
        plain.add_shape(fig, type="rect", x0=c - 0.5, x1=c + 0.5, y0=r - 0.5, y1=r + 0.5,
                        line={"color": "#e8590c", "width": 3})
    return fig


def _path(rings: list) -> tuple[list, list]:
    """x and y of rings joined into one trace, a gap (None) between rings."""
    xs, ys = [], []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return xs, ys


def _centre(rings: list) -> tuple[float, float]:
    """A label point: the mean of the largest ring's points."""
    ring = max(rings, key=len)
    return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))


def choropleth(df: pd.DataFrame, shapes: dict, label: str, value: str, ctx: FigContext, *,
               fmt: str = ",.0f", selected: str | None = None, key: str = "province_code",
               name: str = "name") -> dict:
    """True map from a user's GeoJSON: one filled polygon trace per province with shapes (in
    order of province code, so a click on a fill, which carries only its trace number, is
    resolved by `map_order`), coloured by `value` (grey when missing), labelled at its centre
    (the labels carry customdata [code, name]); plain axes, no tiles, nothing fetched."""
    rows = sorted((r for r in df.to_dict("records") if r[key] in shapes), key=lambda r: r[key])
    if not rows:
        return empty(ctx)
    th = THEMES.get(ctx.theme, THEMES["light"])
    vals = [float(r[value]) for r in rows if r[value] is not None and not pd.isna(r[value])]
    lo, hi = (min(vals), max(vals)) if vals else (0.0, 1.0)
    fig = plain.figure()
    for r in rows:
        v = r[value]
        missing = v is None or pd.isna(v)
        colour = th["grid"] if missing else sample_colorscale(
            SEQUENTIAL, [(float(v) - lo) / (hi - lo) if hi > lo else 1.0])[0]
        xs, ys = _path(shapes[r[key]])
        shown = "–" if missing else value_text(float(v), ctx.lang, fmt, fmt.endswith("%"))
        fig["data"].append(plain.trace(
            "scatter", x=xs, y=ys, fill="toself", fillcolor=colour, mode="lines",
            line={"color": th["paper"], "width": 0.8}, hoveron="fills",
            text=f"{r[name]}: {shown}", hoverinfo="text", showlegend=False))
    centres = [_centre(shapes[r[key]]) for r in rows]
    fig["data"].append(plain.trace(
        "scatter", x=[c[0] for c in centres], y=[c[1] for c in centres], mode="text",
        text=[r[label] for r in rows], textfont={"size": 9, "color": th["font"]},
        customdata=[[r[key], r[name]] for r in rows], hoverinfo="skip", showlegend=False))
    fig["data"].append(plain.trace(
        "scatter", x=[centres[0][0]], y=[centres[0][1]], mode="markers", hoverinfo="skip",
        showlegend=False, marker={"size": 0.1, "opacity": 0, "color": [lo], "cmin": lo,
                                  "cmax": hi, "colorscale": SEQUENTIAL, "showscale": bool(vals),
                                  "colorbar": colorbar(fmt, vals)}))
    if selected in shapes:
        xs, ys = _path(shapes[selected])
        fig["data"].append(plain.trace("scatter", x=xs, y=ys, mode="lines", hoverinfo="skip",
                                       showlegend=False, line={"color": "#e8590c", "width": 3}))
    frame(fig, ctx, legend=False)
    mean_lat = sum(c[1] for c in centres) / len(centres)
    plain.layout(fig, hovermode="closest", dragmode=False,
                 margin={"l": 10, "r": 10, "t": 80, "b": 70})
    plain.xaxis(fig, visible=False, fixedrange=True)
    plain.yaxis(fig, visible=False, fixedrange=True, scaleanchor="x", rangemode=None,
                scaleratio=1 / math.cos(math.radians(mean_lat)))
    return fig


def map_order(codes, shapes: dict) -> list[str]:
    """The province of each filled trace of `choropleth`, by trace number."""
    return sorted(c for c in codes if c in shapes)

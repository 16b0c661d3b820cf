"""Tile-grid cartogram layout: each province gets one square grid cell near its seat's position.

Pure functions, no data access: `grid_layout` (deterministic, unique cells, neighbours stay near)
and `short_label` (a tile's two-line label from the province name).
"""

from __future__ import annotations

import heapq
import math
import unicodedata


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


_PREFIXES = ("thành phố ", "tp. ", "tp ", "tỉnh ")


def short_label(name: str) -> str:
    """A tile label: 'Quảng<br>Ngãi'; names of three or more syllables become initials
    ('Bà Rịa - Vũng Tàu' → 'BR-VT', 'Thừa Thiên Huế' → 'TTH'); 'Hồ Chí Minh' → 'TP.<br>HCM'."""
    text = unicodedata.normalize("NFC", name).strip()
    for prefix in _PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix):]
    if text.lower() == "hồ chí minh":
        return "TP.<br>HCM"
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    words = text.replace("-", " ").split()
    if len(words) <= 2:
        return "<br>".join(words)
    return "-".join("".join(w[0].upper() for w in p.split()) for p in parts if p)

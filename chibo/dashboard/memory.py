"""A dashboard process's memory: what the gunicorn settings (chibo/dashboard/gunicorn_conf.py) do
before the workers are forked and after their requests.

- `share_libraries()`: the master imports the libraries every worker uses (pandas with its
  Arrow, Dash and its component suites, Plotly with the validators of the traces the charts
  draw, the gateway's DuckDB) and freezes them out of the garbage collector, so the forked
  workers share those pages copy-on-write instead of each holding its own copy.
- `limit_arenas()`: glibc gives each thread that allocates its own malloc arena (up to 8 per
  core), and memory freed in one stays there; two arenas per process hold the serving threads.
- `trim_now_and_then()`: after a request, at most every `TRIM_SECONDS`, freed heap goes back to
  the system (malloc_trim), so a worker's resident memory comes down after a burst.

All of it is glibc-only and does nothing elsewhere.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import importlib
import threading
import time

M_ARENA_MAX = -8  # mallopt parameter (malloc.h)
ARENAS = 2
TRIM_SECONDS = 5.0
LIBRARIES = ("numpy", "pandas", "plotly.graph_objects", "dash", "dash_mantine_components",
             "dash_ag_grid", "flask", "pydantic_settings", "limits", "argon2",
             "chibo.dashboard.gateway", "chibo.dashboard.settings")
TRACES = ("Scatter", "Bar", "Treemap", "Heatmap", "Choropleth")  # what chibo/dashboard/charts draws

_lock = threading.Lock()
_last_trim = [0.0]


def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


_LIBC = _libc()


def limit_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas in this process and the workers forked from it."""
    return bool(_LIBC is not None and _LIBC.mallopt(M_ARENA_MAX, arenas))


def trim() -> bool:
    """Give freed heap back to the system now (True when some was)."""
    return bool(_LIBC is not None and _LIBC.malloc_trim(0))


def trim_now_and_then(every: float = TRIM_SECONDS) -> None:
    """trim(), unless this process trimmed less than `every` seconds ago (or is trimming)."""
    now = time.monotonic()
    if now - _last_trim[0] < every or not _lock.acquire(blocking=False):
        return
    try:
        _last_trim[0] = now
        trim()
    finally:
        _lock.release()


def share_libraries() -> None:
    """Import what every worker imports, draw one figure of each trace kind (Plotly loads its
    validators on first use), and move it all out of the collector's sight (gc.freeze)."""
    for name in LIBRARIES:
        importlib.import_module(name)
    import plotly.graph_objects as go

    go.Figure([getattr(go, kind)() for kind in TRACES], layout={"title": {"text": ""}}).to_plotly_json()
    gc.collect()
    gc.freeze()

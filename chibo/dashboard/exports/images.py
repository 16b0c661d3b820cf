"""PNG and SVG of a figure, rendered on the server by kaleido with the system chromium.

One kaleido server per process, started lazily on first use with the local plotly.js and no
MathJax, so that rendering never reaches the network and never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import plotly
import plotly.graph_objects as go

from chibo.dashboard.charts import plain

WIDTH, HEIGHT = 1920, 1080  # projector resolution
_lock = threading.Lock()
_started = False
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


class ImageError(RuntimeError):
    """Rendering is not possible here (no chromium); the message is bilingual."""


def browser_path() -> str | None:
    """The chromium kaleido will drive: $BROWSER_PATH, else chromium/chrome on PATH."""
    if os.environ.get("BROWSER_PATH"):
        return os.environ["BROWSER_PATH"]
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _start() -> None:
    global _started
    with _lock:
        if _started:
            return
        path = browser_path()
        if path is None:
            raise ImageError("Không tìm thấy chromium để xuất ảnh (apt-get install chromium) / "
                             "no chromium found to render images (apt-get install chromium)")
        os.environ.setdefault("BROWSER_PATH", path)  # choreographer reads it; no download
        import kaleido

        kaleido.start_sync_server(plotlyjs=str(PLOTLY_JS), mathjax=False, silence_warnings=True)
        _started = True


def render(fig: go.Figure | dict, fmt: str = "png", width: int = WIDTH, height: int = HEIGHT,
           scale: float = 1) -> bytes:
    """The figure as PNG or SVG bytes at width × height CSS pixels (× scale for PNG)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"định dạng không hỗ trợ / unsupported format: {fmt}")
    _start()
    import kaleido

    if isinstance(fig, dict):  # a plain figure (charts/plain.py)
        fig = plain.as_figure(fig)
    return kaleido.calc_fig_sync(fig, opts={"format": fmt, "width": width, "height": height,
                                            "scale": scale})

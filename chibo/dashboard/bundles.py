"""What the browser loads before the first page draws, and how it is served.

- plotly.js: the plotly package ships the full bundle (4,8 MB, every trace type; evaluating it
  was half of the overview's main-thread time); the dashboard draws only `TRACES`, so it serves
  its own build of the same plotly.js version (`assets/plotly-chibo.min.js`, 1,3 MB, built by
  `scripts/browser-bundles`), preloaded with the page and pinned as the address dcc.Graph loads
  plotly.js from (`assets/chibo-plotly.js`).
- The chunks the overview loads late (dcc.Graph's, the KPI sparklines') are preloaded too.
- Scripts no page uses are left out of the page: `dash_table`'s bundle (Dash lists it whenever
  dash is imported) and Dash's polyfills for old browsers (core-js 2: evaluating it cost more
  than plotly.js now does), of which the component bundles use only `regeneratorRuntime`
  (`assets/regenerator-runtime.min.js`, also built by `scripts/browser-bundles`).
- Scripts only some pages use are loaded when a page first draws them: dash_ag_grid's bundle
  (1,3 MB, 351 KiB compressed; the overview has no grid) is named in a `<meta>` of the page and
  `assets/chibo-grid.js` stands in for it, fetching it when a grid is first drawn.
- Static files (Dash's component bundles, the assets) whose address carries their version are
  cached by browsers for a year; the others are revalidated. Scripts, styles and JSON are sent
  gzip-compressed to a browser that accepts it, each file compressed once per process.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
from pathlib import Path

import flask

from chibo.dashboard.auth.headers import STATIC_ENDPOINTS

PLOTLY = "plotly-chibo.min.js"
TRACES = ("scatter", "bar", "heatmap", "treemap")  # every trace type the charts draw
PRELOAD_ID = "plotly-js"  # the <link> assets/chibo-plotly.js reads the address from
# chunks the overview asks for only once its first answers are drawn (each a late round trip):
# dcc.Graph's code, and Mantine's sparkline of the KPI cards
CHUNKS = ("dash/dcc/async-graph.js", "dash_mantine_components/dash_mantine_components-charts-shared.js",
          "dash_mantine_components/async-Sparkline.js")
REGENERATOR_VERSION = "0.13.11"  # the one @babel/polyfill 7.12 (Dash's polyfill@7) holds
UNUSED_SCRIPTS = re.compile(r'\s*<script src="[^"]*/_dash-component-suites/dash/'
                            r'(dash_table/|deps/polyfill@)[^"]*"></script>')
LAZY_SCRIPTS = re.compile(r'\s*<script src="([^"]*/_dash-component-suites/(dash_ag_grid)/'
                          r'dash_ag_grid\.[^"/]*js)"></script>')
LAZY_META = "chibo-lazy-"  # <meta name="chibo-lazy-dash_ag_grid" content="its address">
YEAR = "public, max-age=31536000, immutable"
COMPRESSED = ("application/javascript", "text/javascript", "text/css", "application/json",
              "image/svg+xml", "text/plain")
MIN_BYTES = 1024


def banner(path: Path) -> tuple[str, tuple[str, ...]]:
    """(plotly.js version, trace types) a build of scripts/browser-bundles says it holds."""
    with path.open(encoding="utf-8") as f:
        head = f.readline()
    m = re.match(r"/\* plotly\.js v(\S+), traces: ([a-z,]+) ", head)
    if not m:
        raise ValueError(f"{path.name} is not a build of scripts/browser-bundles")
    return m.group(1), tuple(m.group(2).split(","))


def versioned(assets: Path, name: str, prefix: str) -> str:
    """The address of an asset with its content's hash (the same on every host)."""
    digest = hashlib.sha256((assets / name).read_bytes()).hexdigest()[:12]
    return f"{prefix}assets/{name}?v={digest}"


def install(app, assets: Path, prefix: str) -> None:
    """The page preloads plotly.js (fetched while the first callbacks run), leaves out the unused
    scripts; static responses get their cache lifetime and compression."""
    url = versioned(assets, PLOTLY, prefix)
    links = [f'<link rel="preload" as="script" id="{PRELOAD_ID}" href="{url}">'] + [
        f'<link rel="preload" as="script" href="{prefix}_dash-component-suites/{c}">' for c in CHUNKS]
    app.index_string = app.index_string.replace(
        "{%css%}", "{%css%}" + "".join(f"\n        {link}" for link in links), 1)
    inner = app.interpolate_index

    def interpolate_index(**parts):
        scripts = UNUSED_SCRIPTS.sub("", parts.get("scripts", ""))
        lazy = LAZY_SCRIPTS.findall(scripts)
        parts["scripts"] = LAZY_SCRIPTS.sub("", scripts)
        parts["metas"] = parts.get("metas", "") + "".join(
            f'\n      <meta name="{LAZY_META}{name}" content="{url}">' for url, name in lazy)
        return inner(**parts)

    app.interpolate_index = interpolate_index
    app.server.after_request(_static_response)


def _static_response(response: flask.Response) -> flask.Response:
    if not (flask.request.endpoint or "").endswith(STATIC_ENDPOINTS):
        return response
    if flask.request.endpoint == "_dash_assets.static":
        versioned_asset = "v" in flask.request.args or "m" in flask.request.args
        response.headers["Cache-Control"] = YEAR if versioned_asset else "no-cache"
    elif "max-age=31536000" in response.headers.get("Cache-Control", ""):
        response.headers["Cache-Control"] = YEAR  # Dash's versioned component bundles
    return _compressed(response)


_gzipped: dict[tuple, bytes] = {}  # (path, ETag, length) -> body: the static files, a few MB
_lock = threading.Lock()


def _compressed(response: flask.Response) -> flask.Response:
    """The response gzip-compressed when the browser accepts it (the same file compressed once)."""
    response.vary.add("Accept-Encoding")
    if (response.status_code != 200 or flask.request.method != "GET"
            or "gzip" not in flask.request.headers.get("Accept-Encoding", "")
            or "Content-Encoding" in response.headers or response.mimetype not in COMPRESSED
            or (response.content_length or 0) < MIN_BYTES):
        return response
    etag, _weak = response.get_etag()
    key = (flask.request.path, etag, response.content_length)
    with _lock:
        body = _gzipped.get(key)
    if body is None:
        response.direct_passthrough = False
        body = gzip.compress(response.get_data(), compresslevel=6, mtime=0)
        with _lock:
            _gzipped[key] = body
    else:
        response.close()  # the file it would have sent
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    if etag:  # another representation: a weak tag still answers 304 to a revalidation
        response.set_etag(etag, weak=True)
    return response

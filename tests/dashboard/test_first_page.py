"""The first page: plotly.js is chibo's build of the traces the charts draw (1,3 MB, not the
plotly package's 4,8 MB), asked for with the page itself and pinned as the address dcc's chart
loader fetches; no unused bundle is listed; static files come with their cache lifetime and
gzip-compressed."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import dash
from plotly.offline import get_plotlyjs_version

from chibo.dashboard import app as app_module
from chibo.dashboard import bundles
from chibo.dashboard.charts import registry
from chibo.dashboard.data import Scope
from chibo.dashboard.exports import deck

BUILD = app_module.ASSETS / bundles.PLOTLY


def preloads(page: str) -> list[str]:
    return re.findall(r'<link rel="preload" as="script" id="plotly-js" href="([^"]+)">', page)


def test_the_page_preloads_chibos_plotly_build_and_pins_dccs_loader_to_it(dash_app):
    client = dash_app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    prefix = dash_app.config.requests_pathname_prefix
    assert preloads(page) == [bundles.versioned(app_module.ASSETS, bundles.PLOTLY, prefix)]
    assert "plotly.min.js" not in page and f'src="{prefix}assets/{bundles.PLOTLY}' not in page
    script = client.get(preloads(page)[0])
    assert script.status_code == 200 and script.get_data() == BUILD.read_bytes()
    # dash-renderer points dcc's loader at the plotly package's bundle; the pin (an asset the
    # page runs before the renderer) keeps it on the preloaded build
    renderer = next((Path(dash.__file__).parent / "dash-renderer" / "build").glob(
        "dash_renderer.min.js")).read_text(encoding="utf-8")
    assert "window._dashPlotlyJSURL=" in renderer
    pin = re.search(r'src="([^"]*assets/chibo-plotly\.js[^"]*)"', page)
    assert pin and page.index(pin.group(0)) < page.index("dash_renderer")
    assert "'_dashPlotlyJSURL'" in client.get(pin.group(1)).get_data(as_text=True)


def test_the_chunks_the_overview_loads_late_are_preloaded_where_they_are_served(dash_app):
    """dcc.Graph's code and the KPI sparklines' chunks, asked for by their loaders at these very
    addresses once the first answers are drawn (tests/browser/test_first_page.py)."""
    client = dash_app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    prefix = dash_app.config.requests_pathname_prefix
    links = re.findall(r'<link rel="preload" as="script" href="([^"]+)">', page)
    assert links == [f"{prefix}_dash-component-suites/{c}" for c in bundles.CHUNKS]
    for url in links:
        script = client.get(url)
        assert script.status_code == 200 and script.mimetype.endswith("javascript"), url


def test_the_build_is_the_installed_plotly_js_with_every_trace_the_app_draws(dash_app, state2025):
    """scripts/browser-bundles rebuilds it: after a plotly upgrade, or for a new trace type."""
    version, traces = bundles.banner(BUILD)
    assert version == get_plotlyjs_version() and traces == bundles.TRACES
    drawn = set()
    for key in registry.CHARTS:
        state = {**state2025, "org": "C1"} if key == "orgs-meetings" else state2025
        drawn |= {tr["type"] for tr in registry.build_figure(key, state, "light",
                                                             Scope.everything())["data"]}
    for name in deck.BUILTIN:
        for slide in deck.build_slides(deck.parse_deck(f"builtin:{name}"), state2025,
                                       Scope.everything()):
            drawn |= {tr["type"] for tr in slide.figure["data"]}
    assert drawn <= set(bundles.TRACES), drawn - set(bundles.TRACES)
    assert {"scatter", "bar", "treemap"} <= drawn


def test_the_banner_of_another_file_is_refused(tmp_path):
    other = tmp_path / "plotly.min.js"
    other.write_text("/**\n* plotly.js v4.1.1\n*/\n", encoding="utf-8")
    try:
        bundles.banner(other)
    except ValueError as e:
        assert "scripts/browser-bundles" in str(e)
    else:
        raise AssertionError("a file that is not our build was taken for one")


def test_no_page_lists_dash_tables_bundle_nor_the_polyfills_but_regenerator(dash_app):
    """The component bundles' lazy loaders call the global `regeneratorRuntime`: our build of it
    comes before dash-renderer in place of Dash's polyfill bundle (core-js 2 and it)."""
    client = dash_app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "/dash_table/" not in page and "DataTable" in page  # Dash still names it
    assert "polyfill@" not in page
    assert "dash_core_components" in page and "dash_mantine_components" in page
    runtime = re.search(r'src="([^"]*assets/regenerator-runtime\.min\.js[^"]*)"', page)
    assert runtime and page.index(runtime.group(0)) < page.index("dash_renderer")
    script = client.get(runtime.group(1)).get_data(as_text=True)
    assert f"regenerator-runtime v{bundles.REGENERATOR_VERSION} " in script
    assert "regeneratorRuntime=" in script.replace(" ", "")
    bundled = (Path(dash.__file__).parent / "dcc" / "dash_core_components.js").read_text(
        encoding="utf-8")
    assert "regeneratorRuntime.mark(" in bundled  # what it is there for


def test_versioned_static_files_are_cached_for_a_year_others_revalidated(dash_app):
    client = dash_app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    year = "public, max-age=31536000, immutable"
    css = re.search(r'href="([^"]*assets/chibo\.css\?m=[^"]+)"', page).group(1)
    bundle = re.search(r'src="([^"]*_dash-component-suites/dash_mantine_components/[^"]+)"',
                       page).group(1)
    for url in (css, bundle, preloads(page)[0]):
        assert client.get(url).headers["Cache-Control"] == year, url
    assert client.get("/assets/chibo.css").headers["Cache-Control"] == "no-cache"
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_static_files_come_gzipped_to_a_browser_that_accepts_it_pages_never(dash_app):
    client = dash_app.server.test_client()
    url = preloads(client.get("/").get_data(as_text=True))[0]
    plain = client.get(url)
    assert "Content-Encoding" not in plain.headers and "Accept-Encoding" in plain.headers["Vary"]
    for _ in range(2):  # compressed once, then served from memory
        packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert packed.headers["Content-Encoding"] == "gzip"
        body = packed.get_data()
        assert gzip.decompress(body) == plain.get_data() and len(body) < len(plain.get_data()) / 2
        assert int(packed.headers["Content-Length"]) == len(body)
    again = client.get("/assets/chibo.css", headers={"Accept-Encoding": "gzip"})
    assert again.headers["Content-Encoding"] == "gzip"
    revalidated = client.get("/assets/chibo.css", headers={
        "Accept-Encoding": "gzip", "If-None-Match": again.headers["ETag"]})
    assert revalidated.status_code == 304
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in page.headers  # a page may hold a token: BREACH


def test_the_grid_bundle_is_named_not_loaded_and_its_stand_in_comes_before_the_renderer(dash_app):
    """dash_ag_grid's bundle (1,3 MB) is fetched by assets/chibo-grid.js when a page first draws
    a grid (tests/browser/test_first_page.py), from the address the page's <meta> names."""
    client = dash_app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert not re.search(r'<script src="[^"]*dash_ag_grid', page)
    named = re.findall(r'<meta name="chibo-lazy-dash_ag_grid" content="([^"]+)">', page)
    assert len(named) == 1 and "/_dash-component-suites/dash_ag_grid/dash_ag_grid." in named[0]
    bundle = client.get(named[0])
    assert bundle.status_code == 200 and b"window.dash_ag_grid=" in bundle.get_data()
    stand_in = re.search(r'src="([^"]*assets/chibo-grid\.js[^"]*)"', page)
    assert stand_in and page.index(stand_in.group(0)) < page.index("dash_renderer")
    assert "chibo-lazy-dash_ag_grid" in client.get(stand_in.group(1)).get_data(as_text=True)

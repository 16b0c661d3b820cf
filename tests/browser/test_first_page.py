"""The overview draws with chibo's plotly.js build: dcc's loader fetches the preloaded build
(never the plotly package's full bundle), which holds the trace types of chibo/dashboard/bundles.py;
the lazy loaders (dcc.Graph, the KPI sparklines) work without Dash's polyfills; nothing leaves
127.0.0.1 and no console error (the fixture)."""

from __future__ import annotations

import pytest

from chibo.dashboard import bundles

pytestmark = pytest.mark.browser


def test_the_overview_draws_with_chibos_plotly_build(page):
    scripts = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page.goto(page.base + "/")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
    page.wait_for_load_state("networkidle")
    assert [u for u in scripts if bundles.PLOTLY in u]
    assert not [u for u in scripts if "plotly.min.js" in u or "dash_table" in u or "polyfill" in u]
    assert page.evaluate("typeof window.regeneratorRuntime.mark") == "function"
    traces = page.evaluate("Object.keys(window.Plotly.PlotSchema.get().traces).sort()")
    assert traces == sorted(bundles.TRACES)
    assert page.evaluate("window._dashPlotlyJSURL").endswith(
        page.evaluate("document.getElementById('plotly-js').getAttribute('href')"))
    assert page.locator(".js-plotly-plot .main-svg").count() >= 1
    page.wait_for_selector("#overview-kpis .kpi-sparkline")
    loaded = {u.split("127.0.0.1", 1)[1].split(":", 1)[1].split("/", 1)[1] for u in scripts}
    assert {f"_dash-component-suites/{c}" for c in bundles.CHUNKS} <= loaded  # preloaded, used

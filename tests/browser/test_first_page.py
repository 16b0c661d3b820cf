"""The overview draws with chibo's plotly.js build: dcc's loader fetches the preloaded build
(never the plotly package's full bundle), which holds the trace types of chibo/dashboard/bundles.py;
the lazy loaders (dcc.Graph, the KPI sparklines) work without Dash's polyfills; nothing leaves
127.0.0.1 and no console error (the fixture)."""

from __future__ import annotations

import json

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


def test_the_pages_own_callbacks_are_the_first_and_no_grid_bundle_is_loaded(page):
    """The layout comes with the view of the address (components/first_view.py): the first
    callbacks asked are the page's (cards, chart, definitions), none sets the filter state or the
    page; dash_ag_grid's bundle is not loaded by a page without a grid."""
    asked, scripts = [], []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page.on("request", lambda r: "_dash-update-component" in r.url
            and asked.append(json.loads(r.post_data)["output"]))
    page.goto(page.base + "/?period=2025&lang=en")
    page.wait_for_selector("#overview-kpis .kpi-card", timeout=60000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
    page.wait_for_load_state("networkidle")
    assert "overview-kpis.children" in asked and any("chart-graph" in o for o in asked)
    for shell_output in ("state.data", "page-content.children", "lang.data", "filter-org.data",
                         "filter-period.label", "theme.data"):
        assert not [o for o in asked if shell_output in o], (shell_output, asked)
    assert page.get_by_role("textbox", name="Period", exact=True).input_value() == "Year 2025"
    assert not [u for u in scripts if "dash_ag_grid" in u]
    assert page.evaluate("typeof window.dash_ag_grid.AgGrid") == "function"


def test_a_page_with_a_grid_loads_the_grid_bundle_when_it_draws_it(page):
    scripts = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page.goto(page.base + "/du-lieu")
    page.wait_for_selector(".ag-row", timeout=60000)
    assert len([u for u in scripts if "/dash_ag_grid/dash_ag_grid." in u]) == 1
    assert page.evaluate("typeof window.dash_ag_grid.getApi") == "function"
    page.get_by_role("link", name="Tổng quan").click()  # a grid drawn again after navigating
    page.wait_for_selector("#overview-kpis .kpi-card", timeout=60000)
    page.get_by_role("link", name="Dữ liệu").click()
    page.wait_for_selector(".ag-row", timeout=60000)
    assert len([u for u in scripts if "/dash_ag_grid/dash_ag_grid." in u]) == 1


def test_without_the_referrer_the_callbacks_set_the_view_of_the_address(page):
    """A browser that sends no Referer gets the empty layout; the shell's callbacks, set off by
    the address when dcc.Location mounts, show the same view."""
    views = []
    for strip in (False, True):
        if strip:
            page.route("**/_dash-layout", lambda route: route.continue_(headers={
                k: v for k, v in route.request.headers.items() if k.lower() != "referer"}))
        page.goto(page.base + "/dang-vien?lang=en&province=N25&grain=year")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
        page.wait_for_load_state("networkidle")
        views.append({
            "province": page.get_by_role("textbox", name="Province", exact=True).input_value(),
            "period": page.get_by_role("textbox", name="Period", exact=True).input_value(),
            "by year": page.locator("text=By year").count(),
            "nav": page.get_by_role("link", name="Overview").get_attribute("href"),
            "title": page.title()})
    assert views[0] == views[1]
    assert views[0]["province"] == "Phú Thọ" and views[0]["by year"] == 1
    assert views[0]["nav"].endswith("/?lang=en&province=N25&grain=year")
    assert views[0]["title"] == "Members · chibo"


def test_the_dark_scheme_is_remembered_across_a_reload(page):
    """The theme switch runs in the browser; on a first load it sets nothing unless the
    remembered scheme is not the light one drawn."""
    dark = "document.documentElement.dataset.mantineColorScheme === 'dark'"
    page.goto(page.base + "/")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
    assert page.evaluate("document.documentElement.dataset.mantineColorScheme") == "light"
    page.locator("#theme-button").click(force=True)
    page.wait_for_function(dark)
    page.reload()
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
    page.wait_for_function(dark)
    assert page.locator("#theme-button").is_checked()
    page.locator("#theme-button").click(force=True)
    page.wait_for_function("document.documentElement.dataset.mantineColorScheme === 'light'")

"""Browser flows for Chất lượng sinh hoạt and Vùng miền: both pages load without console errors,
a click on a map tile or a ranking bar cross-filters (URL and the other charts follow), the page
switches land in the URL; screenshots in light and dark themes at desktop and laptop sizes."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def graph(key: str) -> str:
    """CSS selector of a chart card's graph (Dash serialises dict ids as sorted JSON)."""
    return f"[id='{json.dumps({'key': key, 'type': 'chart-graph'}, separators=(',', ':'))}']"


def wait_ready(pg, key: str):
    pg.wait_for_selector(f"{graph(key)} .main-svg .gtitle", timeout=60000)
    pg.wait_for_load_state("networkidle")


def title_of(pg, key: str) -> str:
    return pg.locator(f"{graph(key)} .gtitle").first.text_content()


def click_at(pg, key: str, x: float, y: float):
    """Click the chart at data coordinates (x, y), converted by plotly's own axes."""
    pos = pg.eval_on_selector(f"{graph(key)} .js-plotly-plot", """(gd, xy) => {
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const r = gd.getBoundingClientRect();
        return [r.left + xa._offset + xa.l2p(xy[0]), r.top + ya._offset + ya.l2p(xy[1])];
    }""", [x, y])
    pg.mouse.click(pos[0], pos[1])


def tile_of(code: str) -> tuple[int, int]:
    """The fixture province's tile, from the same pure layout the page uses."""
    from chibo.dashboard.charts import cartogram
    from tests.dashboard.fixture_warehouse import PROVINCES

    seats = {p[0]: (p[5], p[6]) for p in PROVINCES if p[2]}
    return cartogram.grid_layout(seats)[code]


def shots(pg, name: str):
    """Light and dark, 1920×1080 and 1366×768; tables scrolled into view so ag-grid paints."""
    for table in pg.locator(".table-card").all():
        table.scroll_into_view_if_needed()
    for w, h in ((1920, 1080), (1366, 768)):
        pg.set_viewport_size({"width": w, "height": h})
        pg.wait_for_timeout(600)
        shot(pg, f"{name}-{w}")
    pg.locator("#theme-button").click(force=True)
    pg.wait_for_timeout(1200)
    shot(pg, f"{name}-1366-dark")
    pg.locator("#theme-button").click(force=True)


def test_quality_page_loads_and_switches_to_quarters(page):
    """Charts, heatmap and watch lists render; the quarter switch lands in the URL."""
    page.goto(page.base + "/chat-luong?from=2025-01-01&to=2025-12-31")
    wait_ready(page, "quality-heatmap")
    assert "Chất lượng sinh hoạt theo tỉnh" in title_of(page, "quality-heatmap")
    page.locator(".table-card").first.scroll_into_view_if_needed()
    page.wait_for_selector(".table-card .ag-row", timeout=60000)
    assert "Chi bộ Văn phòng" in page.locator(".table-card").first.text_content()
    page.get_by_text("Theo quý").click()
    page.wait_for_url(re.compile(r"qgrain=quarter"))
    expect(page.locator(f"{graph('quality-levels')} .xtick text").first).to_have_text(
        re.compile(r"^Q\d/2025"), timeout=60000)
    shots(page, "page-quality")


def test_province_click_on_the_map_cross_filters(page):
    """Clicking Phú Thọ's tile writes province=N25; the trend chart's subtitle follows."""
    page.goto(page.base + "/vung-mien?from=2025-01-01&to=2025-12-31")
    wait_ready(page, "regions-map")
    wait_ready(page, "regions-trend")
    assert "Phú Thọ" not in title_of(page, "regions-trend")
    col, row = tile_of("N25")
    click_at(page, "regions-map", col, row)
    page.wait_for_url(re.compile(r"province=N25"))
    expect(page.locator(f"{graph('regions-trend')} .gtitle")).to_contain_text("Phú Thọ",
                                                                            timeout=60000)
    shots(page, "page-regions")


def test_ranking_bar_click_and_metric_switch(page):
    """metric=attendance from the switch lands in the URL; a bar click selects Hà Nội."""
    page.goto(page.base + "/vung-mien?from=2025-01-01&to=2025-12-31")
    wait_ready(page, "regions-ranking")
    page.get_by_text("Tỷ lệ dự sinh hoạt", exact=True).click()
    page.wait_for_url(re.compile(r"metric=attendance"))
    expect(page.locator(f"{graph('regions-ranking')} .gtitle")).to_contain_text(
        "Tỷ lệ dự sinh hoạt", timeout=60000)
    bar = page.locator(f"{graph('regions-ranking')} .bars .point").last  # the top bar
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"province=N0?\d+"))
    assert "metric=attendance" in page.url

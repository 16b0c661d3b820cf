"""Every screen size, in a real browser: at 1920, 1366, 768 and 390 px wide, in Vietnamese and
English, no page scrolls sideways, charts fit their column, the menu is a side bar on wide
screens and a burger menu that opens and closes on tablets and phones, the filters fold under
their button on phones; each page has its own tab title and <html lang>; an unknown address is
a 404 page with a way back. Screenshots of every size and language go to test-artifacts/."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser
SIZES = {"1920": (1920, 1080), "1366": (1366, 768), "768": (768, 1024), "390": (390, 844)}
PAGES = {"overview": "/", "quality": "/chat-luong", "regions": "/vung-mien"}


def wait_ready(pg):
    pg.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
    pg.wait_for_load_state("networkidle")
    pg.wait_for_timeout(300)  # plotly's resize after the layout settles


def overflow(pg) -> dict:
    """How far the page and its charts reach past the window's right edge (px)."""
    return pg.evaluate("""() => {
        const vw = document.documentElement.clientWidth;
        const charts = [...document.querySelectorAll('.chart-card .js-plotly-plot')].map(
            g => g.getBoundingClientRect()).filter(r => r.width > 0);
        return {page: document.documentElement.scrollWidth - vw,
                charts: Math.max(0, ...charts.map(r => r.right - vw)),
                narrowest: Math.min(...charts.map(r => r.width)), vw: vw,
                wide: [...document.querySelectorAll('body *')].filter(
                    e => e.getBoundingClientRect().right > vw + 1 && e.children.length === 0
                    && !e.closest('.js-plotly-plot')).slice(0, 5).map(
                    e => `${e.tagName}#${e.id}.${e.className}`)};
    }""")


def navbar_shown(pg) -> bool:
    box = pg.locator("#app-navbar").bounding_box()
    return box is not None and box["x"] + box["width"] > 1 and box["x"] >= -1


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_no_sideways_scroll_and_charts_fit(page, size, lang):
    """Every page at every size: nothing wider than the window, each chart at least 300 px
    wide (or the whole column on a phone), in both languages."""
    w, h = SIZES[size]
    page.set_viewport_size({"width": w, "height": h})
    for name, path in PAGES.items():
        page.goto(page.base + path + ("?lang=en" if lang == "en" else ""))
        wait_ready(page)
        found = overflow(page)
        assert found["page"] <= 0 and found["charts"] <= 1, (name, found["wide"], found)
        assert found["narrowest"] >= min(300, found["vw"] - 60), (name, found)
        shot(page, f"screen-{name}-{size}-{lang}")


@pytest.mark.parametrize("size", ["768", "390"])
def test_burger_menu_opens_and_closes(page, size):
    """Tablet and phone: the menu starts closed (the page is not covered), the burger opens it,
    a second press closes it, and following a link closes it too."""
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    page.goto(page.base + "/")
    wait_ready(page)
    burger = page.locator("#nav-burger")
    assert burger.is_visible() and not navbar_shown(page)
    burger.click()
    page.wait_for_function("document.querySelector('#app-navbar').getBoundingClientRect().x >= 0")
    assert navbar_shown(page)
    shot(page, f"screen-menu-open-{size}")
    burger.click()
    page.wait_for_function("document.querySelector('#app-navbar').getBoundingClientRect().right <= 1")
    burger.click()
    page.wait_for_function("document.querySelector('#app-navbar').getBoundingClientRect().x >= 0")
    page.locator("#app-navbar").get_by_role("link", name="Đảng viên", exact=True).click()
    page.wait_for_url(re.compile(r"/dang-vien"))
    page.wait_for_function("document.querySelector('#app-navbar').getBoundingClientRect().right <= 1")


@pytest.mark.parametrize("size", ["1920", "1366"])
def test_wide_screens_keep_the_side_bar(page, size):
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    page.goto(page.base + "/")
    wait_ready(page)
    assert navbar_shown(page) and not page.locator("#nav-burger").is_visible()
    assert not page.locator("#filter-toggle").is_visible()
    assert page.locator("#filter-period").is_visible()


def test_phone_filters_fold_under_their_button(page):
    """390 px: the filters are hidden behind 'Bộ lọc'; pressing it shows them full width (and
    says so to a screen reader); pressing again folds them."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/")
    wait_ready(page)
    toggle = page.locator("#filter-toggle")
    assert toggle.is_visible() and not page.locator("#filter-period").is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    page.locator("#filter-period").wait_for(state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert overflow(page)["page"] <= 0
    shot(page, "screen-filters-open-390")
    toggle.click()
    page.locator("#filter-period").wait_for(state="hidden")


def test_each_page_has_its_title_and_language(page):
    """The tab says which page it is; <html lang> follows the language switch."""
    page.goto(page.base + "/chat-luong")
    wait_ready(page)
    page.wait_for_function("document.title === 'Chất lượng sinh hoạt · chibo'")
    assert page.evaluate("document.documentElement.lang") == "vi"
    page.goto(page.base + "/dang-vien?lang=en")
    wait_ready(page)
    page.wait_for_function("document.title === 'Members · chibo'")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_unknown_address_is_a_404_page_with_a_way_back(browser, live_server):
    """Status 404 (chromium logs it as a console error, so this test keeps its own page), the
    page says so in an h1 and links back to the overview with the same filters."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.base = live_server
    resp = page.goto(page.base + "/khong-co-trang-nay?province=N25")
    assert resp.status == 404
    page.locator("#page-not-found").wait_for()
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    page.wait_for_function("document.title === 'Không tìm thấy trang · chibo'")
    page.locator("#back-home").click()
    page.wait_for_url(re.compile(r"/\?province=N25$"))
    wait_ready(page)
    assert page.goto(page.base + "/chat-luong").status == 200
    context.close()


@pytest.mark.parametrize("size", ["390", "768", "1920"])
def test_slides_fit_the_screen(page, size):
    """Presentation mode on a phone, a tablet and a projector: the slide's chart, title and key
    number are inside the window, nothing scrolls sideways."""
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    page.goto(page.base + "/trinh-chieu?from=2025-01-01&to=2025-12-31"
                          "&deck=members-stock,quality-heatmap")
    page.wait_for_selector("#slides-graph .main-svg", timeout=60000)
    page.wait_for_load_state("networkidle")
    w, h = SIZES[size]
    for sel in ("#slides-graph", "#slides-title", "#slides-key-value"):
        box = page.locator(sel).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= w + 1, (sel, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= h + 1, (sel, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= w
    shot(page, f"screen-slides-{size}")

"""Whole flows in a real browser: pages load, filters drive charts and the URL, links restore the
view, CSV downloads hold the chart rows, the language switch works, nothing leaves 127.0.0.1."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser
PAGES = {"overview": "/", "members": "/dang-vien", "orgs": "/to-chuc?org=C1", "data": "/du-lieu"}


def wait_ready(pg):
    """Charts drawn and KPI/info cards filled (Dash has finished its first round of callbacks)."""
    pg.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
    pg.wait_for_load_state("networkidle")


def kpi(pg, key: str) -> str:
    return pg.locator(f"#kpi-{key} .kpi-value").inner_text()


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors(page, name):
    """Each page renders its charts or tables (errors are checked by the fixture)."""
    page.goto(page.base + PAGES[name])
    if name == "data":
        page.wait_for_selector(".ag-row", timeout=60000)
    else:
        wait_ready(page)
    page.wait_for_load_state("networkidle")
    shot(page, f"page-{name}")
    shot_dark = name == "overview"
    if shot_dark:
        page.locator("#theme-button").click(force=True)
        page.wait_for_timeout(800)
        shot(page, "page-overview-dark")


def choose(pg, label: str, option: str):
    pg.get_by_role("textbox", name=label, exact=True).click()
    pg.get_by_role("option", name=option).click()


def test_filter_change_updates_charts_and_url_and_back_works(page):
    """Province Phú Thọ: 24 members, URL carries it; Back restores 45."""
    page.goto(page.base + "/")
    wait_ready(page)
    assert kpi(page, "members") == "45"
    choose(page, "Tỉnh, thành phố", "Phú Thọ")
    page.wait_for_url(re.compile(r"province=N25"))
    page.wait_for_function("document.querySelector('#kpi-members .kpi-value')"
                           ".innerText === '24'")
    page.go_back()
    page.wait_for_function("document.querySelector('#kpi-members .kpi-value')"
                           ".innerText === '45'")
    assert "province" not in page.url


def test_copied_link_restores_the_view(page):
    """A pasted URL sets the filters, the language and the page controls."""
    page.goto(page.base + "/dang-vien?lang=en&province=N25&grain=year")
    wait_ready(page)
    assert page.get_by_role("textbox", name="Province", exact=True).input_value() == "Phú Thọ"
    page.wait_for_selector("text=Phú Thọ")
    assert page.locator("text=By year").count() == 1
    shot(page, "members-restored-en")
    page.reload()
    wait_ready(page)
    assert page.get_by_role("textbox", name="Province", exact=True).input_value() == "Phú Thọ"


def test_bad_link_values_show_a_notice(page):
    """Unknown values are ignored with a notice, not a crash."""
    page.goto(page.base + "/?province=ZZ&foo=1")
    wait_ready(page)
    assert page.get_by_text("province=ZZ").is_visible()
    assert kpi(page, "members") == "45"


def test_csv_download_holds_the_chart_rows(page):
    """Members over 12 months of 2025: 12 rows, full members 40 in the last (Vietnamese header)."""
    page.goto(page.base + "/dang-vien?from=2025-01-01&to=2025-12-31")
    wait_ready(page)
    with page.expect_download() as dl:
        page.locator(".chart-card").first.get_by_text("Tải dữ liệu CSV").click()
    download = dl.value
    assert download.suggested_filename == "Đảng viên chính thức và dự bị - Toàn quốc - 31-12-2025.csv"
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    assert len(rows) == 12 and rows[-1]["Đảng viên chính thức"] == "40"


def test_language_switch(page):
    """English button: labels and URL switch; the filters stay."""
    page.goto(page.base + "/?province=N01")
    wait_ready(page)
    page.get_by_role("button", name="English").click()
    page.wait_for_url(re.compile(r"lang=en"))
    page.get_by_text("Party members", exact=True).first.wait_for()
    assert "province=N01" in page.url
    assert page.get_by_role("link", name="Members").is_visible()

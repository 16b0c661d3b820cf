"""In a real browser with logins on: log in through the form, zero CSP violations, an
organisation named with a script payload shows as text and runs nothing; an analyst's filter
offers only their province; an expired session goes back to the login page; logout; files
uploaded through the admin page and loaded."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import duckdb
import pytest

from tests.auth.conftest import PASSWORD
from tests.browser.conftest import shot
from tests.helpers import runtime_for, serving

PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def xss_warehouse(fixture_warehouse, tmp_path_factory):
    """The fixture warehouse with cell S1 renamed to a script payload."""
    path = tmp_path_factory.mktemp("xss") / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE marts.dim_org SET name = ? WHERE org_id = 'S1'", [PAYLOAD])
    return path


@pytest.fixture(scope="module")
def server(dash_app):
    import socket
    import threading

    from werkzeug.serving import make_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = make_server("127.0.0.1", port, dash_app.server, threaded=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    srv.shutdown()


@pytest.fixture
def tab(chromium, server, logins):
    """A page with no CSP bypass; CSP violations and console errors are collected."""
    context = chromium.new_context(viewport={"width": 1500, "height": 1000})
    context.add_init_script("window.__csp = []; document.addEventListener("
                            "'securitypolicyviolation', e => window.__csp.push("
                            "e.violatedDirective + ' ' + e.blockedURI));")
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.base = server
    yield pg
    context.close()


def log_in(pg, name: str, path: str = "/"):
    pg.goto(pg.base + path)
    pg.wait_for_selector("#login-submit")
    pg.fill("#name", name)
    pg.fill("#password", PASSWORD)
    pg.click("#login-submit")
    pg.wait_for_selector("#auth-user-name", timeout=60000)


def test_payload_in_an_organisation_name_is_shown_as_text_under_a_strict_csp(tab, xss_warehouse,
                                                                             dash_app, users_db):
    """The organisations table and the organisation picker show the payload literally; no script
    from it runs; the whole page works with zero CSP violations and no console error."""
    rt = runtime_for(xss_warehouse, open_access=False, users_db=users_db)
    with serving(dash_app, rt):
        _check_payload_is_text(tab)


def _check_payload_is_text(tab):
    log_in(tab, "boss", "/to-chuc?from=2024-01-01&to=2025-12-31")
    tab.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
    tab.wait_for_selector(".ag-row", timeout=60000)
    tab.get_by_role("textbox", name="Tổ chức đảng", exact=True).fill("script")
    option = tab.get_by_role("option").filter(has_text="<script>window.__xss=1</script>")
    option.first.wait_for(timeout=60000)
    tab.wait_for_load_state("networkidle")
    shot(tab, "auth-xss-org-picker")
    assert tab.evaluate("() => window.__xss") is None
    assert tab.locator("img[src='x']").count() == 0
    assert tab.evaluate("() => window.__csp") == []
    assert tab.errors == []


def test_analyst_filter_offers_only_their_province_and_expiry_returns_to_login(tab, users_db):
    """Analyst of 01: the province list holds Hà Nội alone; after the idle timeout the next
    action lands on the login page with the 'session expired' message; the header logs out."""
    log_in(tab, "ana", "/dang-vien")
    tab.get_by_role("textbox", name="Tỉnh, thành phố", exact=True).click()
    options = tab.get_by_role("option")
    options.first.wait_for(timeout=60000)
    assert options.all_inner_texts() == ["Hà Nội"]
    assert tab.evaluate("() => window.__csp") == []
    tab.keyboard.press("Escape")
    with sqlite3.connect(users_db) as con:
        con.execute("UPDATE sessions SET last_seen_at = '2000-01-01 00:00:00' WHERE name = 'ana'")
    # any next request of the page (here: switching the language) meets the expired session
    tab.evaluate("() => document.getElementById('lang-button')?.click()")
    tab.wait_for_selector("#login-submit", timeout=60000)  # the login page, whatever aborted on the way
    assert "/login?expired=1" in tab.url
    assert "hết hạn" in tab.inner_text("body")
    log_in(tab, "ana", "/dang-vien")
    tab.locator("#auth-logout").click()
    tab.wait_for_url("**/login", timeout=60000)
    tab.goto(tab.base + "/dang-vien")
    tab.wait_for_selector("#login-submit")


def test_admin_uploads_an_xlsx_and_csvs_through_the_page(tab, users_db, dash_app, tmp_path):
    """The upload page posts real files (organisations as an XLSX workbook, the rest as CSV) to
    the streamed route, shows the dry run's verdict, and after Confirm the loaded generation —
    under the strict CSP, with no console error."""
    import csv

    from openpyxl import Workbook

    inputs = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"
    book = Workbook()
    with (inputs / "organisations.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            book.active.append(row)
    book.save(tmp_path / "organisations.xlsx")
    files = [tmp_path / "organisations.xlsx",
             *(inputs / f for f in ("members.csv", "meetings.csv", "assessments.csv"))]
    warehouse = tmp_path / "w.duckdb"
    with serving(dash_app, runtime_for(warehouse, open_access=False, users_db=users_db)):
        log_in(tab, "boss", "/quan-tri/tai-len")
        with tab.expect_file_chooser() as chooser:
            tab.locator("#upload-drop").click()
        chooser.value.set_files([str(f) for f in files])
        state = tab.locator("#upload-state")
        state.filter(has_text="Hợp lệ").wait_for(timeout=120000)  # the ETL's dry run
        assert "organisations.xlsx" in state.inner_text() and not warehouse.exists()
        tab.locator("#upload-confirm").click()
        state.filter(has_text="Đã nạp").wait_for(timeout=120000)
        shot(tab, "auth-upload-loaded")
        assert "Thế hệ kho dữ liệu hiện tại: 1" in state.inner_text() and warehouse.exists()
    assert tab.evaluate("() => window.__csp") == []
    assert tab.errors == []

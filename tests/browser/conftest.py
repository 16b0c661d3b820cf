"""Browser fixtures: the dashboard on a free 127.0.0.1 port (thread), Debian chromium via Playwright,
and a `page` that records console errors and any request leaving 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def live_server(dash_app):
    """Base URL of the app served by werkzeug in a background thread."""
    from werkzeug.serving import make_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = make_server("127.0.0.1", port, dash_app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(chromium):
    """The session's chromium (tests/conftest.py)."""
    return chromium


@pytest.fixture
def page(browser, live_server):
    """A fresh page; after the test, no console error and no outside request may have happened."""
    # bypass_csp: Playwright's wait_for_function evaluates strings, which the app's CSP forbids
    # (tests/auth/test_browser.py checks the CSP itself, with no bypass).
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True,
                                  bypass_csp=True)
    pg = context.new_page()
    errors, outside = [], []
    pg.on("console", lambda m: m.type == "error" and errors.append(m.text))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
          or outside.append(r.url))
    pg.base = live_server
    yield pg
    context.close()
    assert errors == [], errors
    assert outside == [], outside


def shot(pg, name: str) -> None:
    """Save a full-page screenshot under test-artifacts/ for a human to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

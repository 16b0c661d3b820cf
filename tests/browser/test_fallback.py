"""Issue 11 in a real browser with logins on: on a warehouse whose published file is corrupt,
every role sees the data of the newest good generation (2) and only the admin sees the banner
saying which generation is served and why; a file corrupted while an admin watches is noticed
on the next page load; with no readable generation every viewer gets the bilingual notice, the
admin the reason, and no callback fails (the page fixture fails the test on a console error)."""

from __future__ import annotations

import pytest

from tests.auth.conftest import users_db  # noqa: F401  (the fixture: one user per role)
from tests.auth.test_browser import log_in
from tests.browser.conftest import shot
from tests.helpers import runtime_for, serving
from tests.warehouse_faults import clone, corrupt_header, generation_file

pytestmark = pytest.mark.browser
BANNER, INFO, NOTE = "#warehouse-fallback-banner", "#data-info", "#data-fallback"
UNAVAILABLE = "#warehouse-unavailable"


@pytest.fixture
def warehouse(published_generations, tmp_path, dash_app, users_db):  # noqa: F811
    """A copy of generations 1-3, served with logins on for this test."""
    wh = clone(published_generations, tmp_path / "wh")
    rt = runtime_for(wh, open_access=False, users_db=users_db,
                     callback_rate_limit="100000 per 10 seconds")
    with serving(dash_app, rt):
        yield wh


def as_user(pg, name: str, path: str = "/du-lieu"):
    pg.context.clear_cookies()
    log_in(pg, name, path)


def served_generation(pg) -> str:
    """The first card of the data page: the generation served."""
    card = pg.locator(f"{INFO} > div").first
    card.wait_for(timeout=60000)
    return [line for line in card.inner_text().splitlines() if line.strip()][1]


def test_only_the_admin_sees_which_generation_is_served_and_why(page, warehouse):
    corrupt_header(warehouse)
    for name in ("lead", "ana"):
        as_user(page, name)
        assert served_generation(page) == "2"
        page.wait_for_load_state("networkidle")
        assert page.locator(BANNER).count() == 0 and page.locator(NOTE).count() == 0
    as_user(page, "boss")
    banner = page.locator(BANNER)
    banner.wait_for(timeout=60000)
    text = banner.inner_text()
    assert "Đang dùng thế hệ dự phòng 2 của kho dữ liệu" in text
    assert "Tệp công bố (thế hệ 3) không đọc được" in text
    assert "not a valid DuckDB database file" in text and "python -m chibo.etl status" in text
    assert served_generation(page) == "2"
    assert "thế hệ 3" in page.locator(NOTE).inner_text()
    shot(page, "fallback-admin-banner")
    page.locator("#lang-button").click()
    page.get_by_text("Serving fallback generation 2 of the warehouse").wait_for(timeout=60000)


def test_a_file_corrupted_while_the_admin_watches_is_noticed_at_the_next_load(page, warehouse):
    as_user(page, "boss")
    assert served_generation(page) == "3"
    assert page.locator(BANNER).count() == 0
    corrupt_header(warehouse)
    page.reload()
    page.locator(BANNER).wait_for(timeout=60000)
    assert served_generation(page) == "2"


def test_no_readable_generation_shows_a_bilingual_notice_and_no_error(page, warehouse):
    for generation in (3, 2, 1):
        corrupt_header(generation_file(warehouse, generation))
    for name, banner in (("ana", 0), ("boss", 1)):
        as_user(page, name, "/")
        notice = page.locator(UNAVAILABLE)
        notice.wait_for(timeout=60000)
        text = notice.inner_text()
        assert "Kho dữ liệu tạm thời không đọc được" in text
        assert "The warehouse cannot be read at the moment" in text
        page.wait_for_load_state("networkidle")
        assert page.locator(BANNER).count() == banner
    assert "Không đọc được kho dữ liệu" in page.locator(BANNER).inner_text()
    shot(page, "fallback-nothing-readable")

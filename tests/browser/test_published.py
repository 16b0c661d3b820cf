"""Số liệu công bố in a real browser on the demo data with its five seed reports (one of which
has no publication date): the page loads with no server error, its Phạm vi and Văn bản filters
are filled (documents by headline and date, not by file name), and a selected part shows its
sentence and the whole it belongs to."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import shot
from tests.helpers import runtime_for, serving

pytestmark = pytest.mark.browser


@pytest.fixture
def on_seeded_demo(demo_warehouse, dash_app):
    """The app serves the demo (with the seeds) for this test, then the fixture warehouse again."""
    with serving(dash_app, runtime_for(demo_warehouse)):
        yield


def test_published_page_loads_with_its_filters_filled(page, on_seeded_demo):
    """No response of the server fails; the grid lists the figures; Phạm vi offers the scopes
    and Văn bản the documents by headline, the undated one with "–"; a part says its whole."""
    failed = []
    page.on("response", lambda r: r.status >= 500 and failed.append(f"{r.status} {r.url}"))
    page.goto(page.base + "/so-lieu-cong-bo")
    page.wait_for_selector(".ag-row", timeout=60000)
    page.wait_for_load_state("networkidle")
    assert "số liệu" in page.locator("#published-summary").inner_text()

    page.get_by_role("textbox", name="Phạm vi", exact=True).click()
    scopes = page.get_by_role("option")
    scopes.first.wait_for(timeout=60000)
    assert "Cả nước" in scopes.all_inner_texts() and scopes.count() >= 3
    page.keyboard.press("Escape")

    page.get_by_role("textbox", name="Văn bản", exact=True).click()
    documents = page.get_by_role("option")
    documents.first.wait_for(timeout=60000)
    labels = documents.all_inner_texts()
    assert len(labels) == 5 and not any(re.match(r"\d{3}_[0-9a-f]{16}", x) for x in labels)
    assert any(x.startswith("Ban Thường vụ Đảng ủy Khối") and x.endswith("(–)") for x in labels)
    assert any(x.endswith("(11/10/2023)") for x in labels)
    page.keyboard.press("Escape")

    page.locator(".ag-cell[col-id='number_text']").filter(has_text=re.compile(r"^599$")).click()
    panel = page.locator("#published-sentence")
    panel.locator(".published-part").wait_for(timeout=60000)
    assert panel.locator("mark").inner_text() == "599"
    assert panel.locator(".published-part").inner_text() == "Là phần của: Chi bộ cơ sở · của 640"
    shot(page, "page-published")
    assert failed == []

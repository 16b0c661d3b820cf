"""A published figure narrowed by a sector ("cả nước … trong các doanh nghiệp ngoài nhà nước") is
labelled with that sector on the Số liệu công bố page, in its scope, its scope filter and the way
its scope was resolved: never as the whole country's organisations."""
from __future__ import annotations

import pytest

from chibo.dashboard import runtime
from tests.dashboard.published_warehouse import page_state, with_articles
from tests.helpers import runtime_for

ARTICLE = """Số liệu tổ chức đảng trong doanh nghiệp ngoài nhà nước

Ngày 10/01/2024, Ban Tổ chức Trung ương công bố số liệu.

Đến cuối năm 2023, cả nước có 3 tổ chức cơ sở đảng trong các doanh nghiệp ngoài nhà nước với 7 đảng viên.
"""
PRIVATE = {"vi": "Doanh nghiệp ngoài nhà nước", "en": "Private enterprise"}


@pytest.fixture(scope="module")
def sector_warehouse(tmp_path_factory):
    """The tiny warehouse with the article loaded through the real command."""
    return with_articles(tmp_path_factory.mktemp("published_sector"), {"s.txt": ARTICLE})


@pytest.fixture(autouse=True)
def page(dash_app, sector_warehouse):
    """The page module with the gateway on the warehouse of the article."""
    global published
    from chibo.dashboard.pages import published
    with runtime.bound(runtime_for(sector_warehouse)):
        yield


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sector_is_in_the_scope_and_in_how_it_was_resolved(lang):
    rows = published.rows(page_state(f"?period=all&lang={lang}"))[0]
    assert rows and all(r["scope_kind"] == "country" and r["sector"] == "private_enterprise"
                        for r in rows), rows
    country = {"vi": "Cả nước", "en": "Whole country"}[lang]
    assert {r["scope_label"] for r in rows} == {f"{country} · {PRIVATE[lang]}"}
    how = {"vi": f"Cả nước: các tổ chức loại hình “{PRIVATE['vi']}”",
           "en": f"Whole country: organisations of sector “{PRIVATE['en']}”"}[lang]
    assert {r["resolved_how"] for r in rows} == {how}


def test_the_scope_filter_names_the_sector_and_selects_its_figures():
    scopes = published.options(page_state())[0]
    assert [s["label"] for s in scopes] == [f"Cả nước · {PRIVATE['vi']}"]
    rows = published.rows(page_state(), scope_key=scopes[0]["value"])[0]
    assert len(rows) == 2

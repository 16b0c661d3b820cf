"""Callbacks and page functions called as plain functions against the fixture warehouse."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from chibo.dashboard.charts import registry, tables
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.components import filter_bar, shell
from chibo.dashboard.data import Scope
from chibo.dashboard.queries import lookup

ALL = Scope.everything()


@pytest.fixture(autouse=True)
def pages(dash_app):
    """Page modules exist only once the app has imported them."""
    global data_status, overview
    from chibo.dashboard.pages import data_status, overview


def test_every_registered_chart_renders_with_title_and_data(state2025):
    """No chart may fall back to the error figure on valid filters."""
    needs_org = {"orgs-meetings"}  # detail charts of a picked organisation
    for key in registry.CHARTS:
        state = {**state2025, "org": "C1"} if key in needs_org else state2025
        fig = as_figure(registry.build_figure(key, state, "light", ALL))
        assert "Không tải được" not in str(fig.layout.annotations), key
        assert fig.data, f"{key} drew nothing"


def test_chart_subtitle_names_the_filters(state2025):
    """The subtitle says which province is shown."""
    fig = as_figure(registry.build_figure("members-stock", {**state2025, "province": "N25"}, "dark", ALL))
    assert "Phú Thọ" in fig.layout.title.text and "01/01/2025–31/12/2025" in fig.layout.title.text


def test_a_single_year_is_a_visible_bar(state2025):
    """One year on a date axis: the bars get explicit widths (plotly would draw them 1 ms wide),
    the grouped flow series side by side."""
    rate = as_figure(registry.build_figure("members-rate", state2025, "light", ALL))
    assert rate.data[0].width > 200 * 86_400_000
    flows = as_figure(registry.build_figure(
        "members-flows", {**state2025, "params": {"grain": "year"}}, "light", ALL))
    offsets = [tr.offset for tr in flows.data]
    assert len(flows.data) == 5 and offsets == sorted(set(offsets))


def test_csv_holds_the_chart_rows_with_diacritics(state2025):
    """The CSV is the data behind the chart: 12 months, BOM for Excel, Vietnamese name and
    headers (English headers in English)."""
    content, name = registry.csv_bytes("members-stock", state2025, ALL)
    assert content.startswith("\ufeff".encode())
    df = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert list(df.columns) == ["Tháng", "Đảng viên chính thức", "Đảng viên dự bị"]
    assert len(df) == 12 and df["Đảng viên chính thức"].iloc[-1] == 40
    assert name == "Đảng viên chính thức và dự bị - Toàn quốc - 31-12-2025.csv"
    content, _ = registry.csv_bytes("members-stock", {**state2025, "lang": "en"}, ALL)
    assert list(pd.read_csv(io.BytesIO(content), encoding="utf-8-sig").columns) == [
        "Month", "Full members", "Probationary members"]


def test_kpi_cards_show_vietnamese_numbers(state2025):
    """Seven cards; the members card shows 45 and +2 against a year earlier."""
    cards = overview.kpi_cards(state2025, "light")
    assert len(cards) == 7
    members = next(c for c in cards if c.id == "kpi-members")
    text = str(members.children)
    assert "45" in text and "+2 (+4,7%)" in text


def test_every_computed_kpi_has_a_card_and_every_card_a_value():
    """The query's KPI keys and the catalogue's cards name the same KPIs."""
    from chibo.dashboard.charts.catalogue.overview import KPIS
    from chibo.dashboard.queries.members import KPI_KEYS

    assert tuple(k.key for k in KPIS) == KPI_KEYS


def test_table_export_has_translated_headers(state2025):
    """XLSX and CSV exports carry headers in the chosen language."""
    content, name = tables.export("data-quarantine", {**state2025, "lang": "en"}, ALL, "csv")
    df = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert list(df.columns)[:2] == ["Load", "File"] and df["Reason"].iloc[0]
    xlsx, name = tables.export("data-quality", state2025, ALL, "xlsx")
    assert xlsx[:2] == b"PK" and name.endswith(".xlsx")


def test_data_page_info_cards(state2025):
    """Generation 3 and the data months (as months, not first days) are shown."""
    text = str(data_status.info_cards(state2025))
    assert "'3'" in text and "01/2024 – 12/2025" in text
    later = str(data_status.info_cards(state2025, today=dt.date(2026, 12, 6)))
    assert "số liệu đến 12/2025, cách đây 12 tháng" in later  # from the data, not the load
    assert data_status.freshness(dt.date(2025, 12, 1), dt.date(2026, 1, 3), "en") == (
        "data up to 12/2025, 1 month ago")
    assert "this month" in data_status.freshness(dt.date(2025, 12, 1), dt.date(2025, 12, 9), "en")


def test_router_shows_not_found_for_an_unknown_path_in_the_language(dash_app):
    """An unknown path is the 404 page (with a way back keeping the filters), not the overview;
    the server answers it with status 404, a page with 200."""
    page = str(shell.route("/khong-co", "en", "?province=N25"))
    assert "Page not found" in page and "Overview" not in page and "'/?province=N25'" in page
    client = dash_app.server.test_client()
    assert client.get("/khong-co").status_code == 404
    assert client.get("/du-lieu").status_code == 200 and client.get("/").status_code == 200
    assert shell.doc_title("/chat-luong", "vi") == "Chất lượng sinh hoạt · chibo"
    assert shell.doc_title("/nope", "en") == "Page not found · chibo"


def test_period_preset_sets_dates(state2025):
    """Choosing 'all' spans the whole data range and resets the as-of date."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access

    ch = urlstate.choices_for(access.current_scope())
    new = filter_bar.state_from_controls(state2025, filter_bar.PERIOD, "all", None, None, None,
                                         None, False, None, None, {}, ch)
    assert (new["start"], new["end"], new["as_of"]) == ("2024-01-01", "2025-12-31", "2025-12-31")


def test_switching_to_old_provinces_clears_the_province(state2025):
    """A current code is not valid among the old 63."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access

    ch = urlstate.choices_for(access.current_scope())
    prev = {**state2025, "province": "N01"}
    new = filter_bar.state_from_controls(prev, filter_bar.OLD, prev["period"], None, None, None,
                                         "N01", True, None, None, {}, ch)
    assert new["province"] is None and new["old"] is True


def test_hierarchy_click_picks_the_organisation(dash_app):
    """Click-to-drill: the clicked sector's id becomes the org filter; a bare click does nothing."""
    from chibo.dashboard.pages import orgs

    assert orgs.drill_patch({"points": [{"id": "C1", "label": "Đảng bộ Sở Tài chính"}]}) == {
        "org": "C1"}
    assert orgs.drill_patch(None) is None and orgs.drill_patch({"points": []}) is None


def test_flows_by_year_mark_a_year_cut_by_the_period(dash_app):
    """From 01/07/2024 by year: 2024 holds 6 months, so the five flow bars of 2024 are pale and its
    tick reads '2024 (6 tháng)'; 2025 is whole."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access
    from chibo.dashboard.charts.catalogue import members as page

    state, bad = urlstate.parse("?from=2024-07-01&to=2025-12-31&grain=year",
                                urlstate.choices_for(access.current_scope()))
    assert bad == []
    fig = as_figure(registry.build_figure(page.MEMBERS_FLOWS, state, "light", ALL))
    assert [list(tr.marker.opacity) for tr in fig.data if tr.type == "bar"] == [[0.4, 1]] * 5
    assert list(fig.layout.xaxis.ticktext) == ["2024<br>(6 tháng)", "2025"]


def test_drilled_organisation_is_named_first_and_its_path_is_a_breadcrumb(state2025):
    """After a drill to cell C1 the organisation filter's label starts with C1's own name (a
    narrow box shows it, not the province at the root of the path) and the hierarchy's
    subtitle carries the drilled path; its labels are drawn at 15 px at least (legible at 1920
    and projected)."""
    name, path = lookup.org_label(ALL, "C1")
    options = filter_bar.search_orgs(None, "C1")
    picked = next(o for o in options if o["value"] == "C1")
    assert picked["label"].startswith(name) and " — " in picked["label"]
    _ctx, drawing = registry.draw("orgs-hierarchy", {**state2025, "org": "C1"}, ALL)
    fig = as_figure(drawing.figure)
    assert " › " in path and path in fig.layout.title.text
    tree = fig.data[0]
    assert tree.type == "treemap" and min(tree.textfont.size, tree.insidetextfont.size) >= 15

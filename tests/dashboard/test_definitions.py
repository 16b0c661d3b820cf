"""One definition per metric: the KPI cards' and chart cards' "ⓘ" popovers, the chart series,
the CSV headers and the slides' notes all read marts.dim_metric (the fixture's registry is made by
the ETL's own SQL from chibo/etl/reference/metrics.csv); and the old-boundaries view says what it cannot
place instead of dropping it."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from chibo.dashboard import runtime
from chibo.dashboard.charts import registry
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.data import Filters, Scope
from chibo.dashboard.queries import metrics
from chibo.dashboard.queries import regions as rq
from tests.helpers import runtime_for

ALL = Scope.everything()
ROOT = Path(__file__).resolve().parents[2]
Y2025 = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 31))


def registry_rows() -> dict:
    with open(ROOT / "chibo" / "etl" / "reference" / "metrics.csv", encoding="utf-8", newline="") as fh:
        return {r["metric"]: r for r in csv.DictReader(fh)}


def texts(component) -> list[str]:
    """Every string inside a Dash component tree."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [s for c in component for s in texts(c)]
    children = getattr(component, "children", None)
    return texts(children) if children is not None else []


def test_the_dashboard_reads_the_published_registry():
    rows = registry_rows()
    got = metrics.registry(ALL)
    assert list(got) == list(rows)
    assert metrics.definition(ALL, "admission_rate", "en") == rows["admission_rate"]["definition_en"]


def test_every_chart_names_registered_metrics(state2025):
    rows = registry_rows()
    for key in registry.CHARTS:
        shown = registry.chart_metrics(key, state2025)
        assert shown and set(shown) <= set(rows), key


def test_every_kpi_card_has_its_definition(state2025):
    from chibo.dashboard.pages import overview

    rows = registry_rows()
    cards = overview.kpi_cards(state2025, "light")
    for card in cards:
        key = card.id.removeprefix("kpi-")
        strings = texts(card)
        assert rows[key]["label_vi"] in strings and rows[key]["definition_vi"] in strings, key


def test_chart_popover_lists_its_metrics(state2025):
    from chibo.dashboard.components import definitions

    rows = registry_rows()
    body = texts(definitions.fill(state2025, {"type": definitions.INFO, "key": "members-flows"}))
    for m in ("admitted", "transferred_in", "transferred_out", "left_party", "net_change"):
        assert rows[m]["label_vi"] in body and rows[m]["definition_vi"] in body, m


def test_flow_series_and_csv_headers_are_the_registry_labels(state2025):
    rows = registry_rows()
    fig = as_figure(registry.build_figure("members-flows", state2025, "light", ALL))
    names = [tr.name for tr in fig.data]
    assert names == [rows[m]["label_vi"] for m in ("admitted", "transferred_in",
                                                      "transferred_out", "left_party",
                                                      "net_change")]
    content, _ = registry.csv_bytes("members-flows", state2025, ALL)
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows["transferred_in"]["label_vi"] in header and "transferred_in" not in header


def test_slide_notes_carry_the_definitions(state2025):
    from chibo.dashboard.exports import deck

    rows = registry_rows()
    slide = deck.build_slide("members-rate", state2025, ALL)
    assert f"{rows['admission_rate']['label_vi']}: {rows['admission_rate']['definition_vi']}" \
        in slide.notes


@pytest.fixture
def one_unplaced(fixture_warehouse, tmp_path):
    """The fixture with cell B2 (24 members) not placed in any old province."""
    path = tmp_path / "unplaced.duckdb"
    shutil.copy(fixture_warehouse, path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE marts.dim_org SET province_code_old = NULL, old_province_how = 'unplaced'"
                " WHERE org_id = 'B2'")
    con.close()
    with runtime.bound(runtime_for(path)):
        yield


def test_old_boundaries_count_what_they_cannot_place(one_unplaced, state2025):
    """Through the facts (an organisation-scoped viewer): B2 is counted and said, not dropped."""
    viewer = Scope(org_roots=frozenset({"P1", "P2"}))
    old = dataclasses.replace(Y2025, old_boundaries=True)
    assert rq.unplaced(viewer, old) == {"cells": 1, "base_orgs": 1, "members": 24}
    assert rq.unplaced(viewer, Y2025) == {"cells": 0, "base_orgs": 0, "members": 0}
    placed = rq.province_metrics(viewer, old)["members"].sum()
    assert placed + 24 == rq.province_metrics(viewer, Y2025)["members"].sum()
    from chibo.dashboard.charts.catalogue import regions as charts

    ctx, _ = registry.draw(charts.REGIONS_RANKING, {**state2025, "old": True}, viewer)
    assert "Chưa xếp được vào tỉnh cũ" in ctx.subtitle and "24 đảng viên" in ctx.subtitle


@pytest.fixture
def renamed_attendance(fixture_warehouse, tmp_path):
    """The fixture with the registry's attendance label and formula reworded."""
    path = tmp_path / "renamed.duckdb"
    shutil.copy(fixture_warehouse, path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE marts.dim_metric SET label_vi = 'Tỷ lệ có mặt (sổ đăng ký)',"
                " label_en = 'Presence (register)', formula_vi = 'lượt có mặt / lượt phải dự',"
                " formula_en = 'present / due' WHERE metric = 'attendance'")
    con.close()
    with runtime.bound(runtime_for(path)):
        yield


def test_regions_titles_subtitles_and_choices_read_the_registry(renamed_attendance, state2025):
    """The regions page names its metric and says how it is computed with the registry's words
    only: a reworded registry rewords the choice, the titles, the subtitle and the series."""
    from chibo.dashboard.charts.catalogue import regions as charts
    from chibo.dashboard.pages import regions as page

    state = {**state2025, "params": {"metric": "attendance"}}
    for lang, label, formula in (("vi", "Tỷ lệ có mặt (sổ đăng ký)", "lượt có mặt / lượt phải dự"),
                                 ("en", "Presence (register)", "present / due")):
        state = {**state, "lang": lang}
        for key in (charts.REGIONS_MAP, charts.REGIONS_RANKING, charts.REGIONS_COMPARE):
            ctx, _ = registry.draw(key, state, ALL)
            assert ctx.title.endswith(f": {label}") and ctx.subtitle.endswith(formula), key
        ctx, drawing = registry.draw(charts.REGIONS_TREND, state, ALL)
        names = [tr.name for tr in as_figure(drawing.figure).data]
        assert ctx.title.endswith(label) and names[:1] == [label]
        control = [c for c in page.layout(lang=lang).children[0].children
                   if getattr(c, "id", None) == page.REGIONS_METRIC][0]
        assert {"value": "attendance", "label": label} in control.data


def test_rate_charts_say_how_their_rates_are_computed(state2025):
    """A chart showing a rate ends its subtitle with the registry's formula for it; a chart of
    counts does not."""
    rows = registry_rows()
    for key, metric in (("members-rate", "admission_rate"), ("quality-attendance", "attendance")):
        ctx, _ = registry.draw(key, state2025, ALL)
        assert ctx.subtitle.endswith(f" · {rows[metric]['formula_vi']}"), key
    ctx, _ = registry.draw("members-flows", state2025, ALL)
    assert not any(r["formula_vi"] and ctx.subtitle.endswith(r["formula_vi"]) for r in rows.values())

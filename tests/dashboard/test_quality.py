"""Chất lượng sinh hoạt: queries against the fixture (numbers hand-computed from its docstring),
the figure builders, the rollup/facts agreement, and the page's charts and tables as functions.

Fixture meetings in 2025: S1 good (95), S2 fair (80), S3 average (68 Jan–Jun, 52 Jul–Dec; no
meeting in Oct and Nov), B2 poor (40) and online; thematic meetings in Mar/Jun/Sep/Dec for all
four cells; S1 hybrid in Dec; expected 10 and present 9 per meeting row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from chibo.dashboard.charts import figures, registry, spec, tables
from chibo.dashboard.charts.catalogue import quality as page
from chibo.dashboard.charts.events import event_marks
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.charts.theme import FigContext, empty
from chibo.dashboard.data import Filters, Scope
from chibo.dashboard.queries import quality as q
from chibo.dashboard.queries import watch_lists as watch

ALL = Scope.everything()
Y2025 = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 31))
ORG_SCOPED = Scope(org_roots=frozenset({"P1", "P2"}))  # sees everything, but through the facts


def test_quarter_levels_count_rated_meetings():
    """Q4 2025: S1 good ×3, S2 fair ×3, S3 average ×1 (missed Oct, Nov), B2 poor ×3."""
    df = q.by_period(ALL, Y2025, "quarter").set_index("period")
    q4 = df.loc[pd.Timestamp("2025-10-01")]
    assert (q4["good"], q4["fair"], q4["average"], q4["poor"]) == (3, 3, 1, 3)
    assert q4["rated"] == 10


def test_mean_score_is_weighted_by_scored_meetings():
    """Q3 2025: (3·95 + 3·80 + 3·52 + 3·40) / 12 = 66,75."""
    df = q.by_period(ALL, Y2025, "quarter").set_index("period")
    assert df.loc[pd.Timestamp("2025-07-01"), "mean_score"] == pytest.approx(66.75)


def test_attendance_is_present_over_expected():
    """Every meeting row has 9 of 10 present."""
    df = q.by_period(ALL, Y2025)
    assert df["attendance"].tolist() == pytest.approx([0.9] * 12)


def test_online_share_counts_hybrid_meetings():
    """Dec 2025: B2 online + S1 hybrid over 4 regular + 4 thematic meetings = 2/8."""
    df = q.by_period(ALL, Y2025).set_index("period")
    dec = df.loc[pd.Timestamp("2025-12-01")]
    assert (dec["regular_held"], dec["thematic_held"]) == (4, 4)
    assert dec["online_share"] == pytest.approx(2 / 8)


def test_rollup_and_facts_agree_for_quality():
    """An org-scoped viewer reads the facts; the numbers must not change."""
    a = q.by_period(ALL, Y2025, "quarter")
    b = q.by_period(ORG_SCOPED, Y2025, "quarter")
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    pd.testing.assert_frame_equal(q.province_month(ALL, Y2025),
                                  q.province_month(ORG_SCOPED, Y2025), check_dtype=False)


def test_org_filter_narrows_to_the_subtree():
    """C1's three cells hold 12 regular meetings in Q1 2025; B2 is left out."""
    f = dataclasses.replace(Y2025, org="C1")
    q1 = q.by_period(ALL, f, "quarter").iloc[0]
    assert (q1["regular_held"], q1["poor"]) == (9, 0)


def test_heatmap_rows_follow_the_boundary_switch():
    """Current boundaries: Hà Nội and Phú Thọ; old: Hà Nội and Vĩnh Phúc (B2 recorded as 26)."""
    assert set(q.province_month(ALL, Y2025)["province_code"]) == {"N01", "N25"}
    old = q.province_month(ALL, dataclasses.replace(Y2025, old_boundaries=True))
    assert set(old["province_code"]) == {"01", "26"}
    jan = old[old["month"] == pd.Timestamp("2025-01-01")].set_index("province_code")
    assert jan.loc["01", "good_fair_share"] == pytest.approx(2 / 3)
    assert jan.loc["26", "good_fair_share"] == 0


def test_missed_regular_meetings_in_the_last_three_months():
    """S3 held no regular meeting in Oct and Nov 2025; its last one was in Dec."""
    df = watch.missed_regular(ALL, Y2025, 3)
    assert df[["org_id", "missed", "months"]].values.tolist() == [["S3", 2, 3]]
    assert pd.Timestamp(df["last_regular"].iloc[0]) == pd.Timestamp("2025-12-01")


def test_missed_window_ends_at_the_period_end():
    """Period ending Sep 2025: nobody missed a meeting in Jul–Sep."""
    f = dataclasses.replace(Y2025, end=dt.date(2025, 9, 30))
    assert watch.missed_regular(ALL, f, 3).empty
    f = dataclasses.replace(Y2025, end=dt.date(2025, 11, 30))
    row = watch.missed_regular(ALL, f, 6).iloc[0]
    assert (row["org_id"], row["missed"]) == ("S3", 2)
    assert pd.Timestamp(row["last_regular"]) == pd.Timestamp("2025-09-01")


def test_falling_quality_compares_half_years():
    """S3: 52 in the last 6 months against 68 before = −16 points; the others are flat."""
    df = watch.falling_cells(ALL, Y2025)
    assert df["org_id"].tolist() == ["S3"]
    row = df.iloc[0]
    assert (row["score_prev6"], row["score_last6"], row["score_change"]) == (68, 52, -16)
    assert row["slope_12m"] < 0
    assert row["base_org"] == "Đảng bộ Sở Tài chính"


def test_poor_meetings_repeated_within_twelve_months():
    """B2 was rated poor in every month of 2025 (12); a base cell shows no separate base org."""
    df = watch.poor_cells(ALL, Y2025)
    assert df["org_id"].tolist() == ["B2"]
    assert (df["poor"].iloc[0], df["rated"].iloc[0]) == (12, 12)
    assert pd.isna(df["base_org"].iloc[0])


def test_watch_lists_follow_the_scope():
    """A viewer limited to Hà Nội (N01) never sees Phú Thọ's B2."""
    hn = Scope(provinces=frozenset({"N01"}))
    assert watch.poor_cells(hn, Y2025).empty
    assert watch.falling_cells(Scope.nothing(), Y2025).empty
    assert q.by_period(Scope.nothing(), Y2025).empty


def test_share_bars_are_normalised_per_period():
    """Each bar adds up to 100%, whatever the number of meetings."""
    df = pd.DataFrame({"period": pd.to_datetime(["2025-01-01", "2025-02-01"]),
                       "good": [1, 6], "poor": [3, 2]})
    fig = as_figure(figures.plot(spec.shares(df, "period", [("good", "Tốt", "green"),
                                                            ("poor", "Kém", "red")]),
                                 FigContext()).figure)
    totals = [a + b for a, b in zip(fig.data[0].y, fig.data[1].y)]
    assert totals == pytest.approx([1, 1])
    assert list(fig.data[1].customdata) == [3, 2]


def test_share_bars_without_meetings_show_a_message():
    """Zero meetings everywhere: a message, not empty axes."""
    df = pd.DataFrame({"period": pd.to_datetime(["2025-01-01"]), "good": [0], "poor": [0]})
    fig = as_figure(figures.plot(spec.shares(df, "period", [("good", "Tốt", "g"),
                                                            ("poor", "Kém", "r")]),
                                 FigContext()).figure)
    assert fig.data == () and fig.layout.annotations[0].text


def test_heatmap_rows_in_vietnamese_order():
    """Đ sorts after D (not after Z); the first name is drawn at the top."""
    df = pd.DataFrame({"name": ["Đà Nẵng", "Yên Bái", "Cần Thơ", "Điện Biên"],
                       "month": pd.Timestamp("2025-01-01"), "v": [1, 2, 3, 4]})
    fig = as_figure(figures.heatmap(df, "name", "month", "v", FigContext()))
    assert list(fig.data[0].y) == ["Yên Bái", "Điện Biên", "Đà Nẵng", "Cần Thơ"]


def test_event_labels_are_short_and_keep_the_axis():
    """Labels stop before the description; the x range stays on the data, not the label text."""
    ev = pd.DataFrame({"event_on": [dt.date(2025, 7, 23)], "code": ["d50"],
                       "label_vi": ["Chỉ thị 50-CT/TW (23/7/2025) về sinh hoạt chi bộ"],
                       "label_en": ["Directive 50"]})
    fig = as_figure(event_marks(empty(FigContext()), ev, FigContext(),
                                dt.date(2025, 1, 1), dt.date(2025, 12, 1)))
    label = fig.layout.annotations[-1]
    assert (label.text, label.hovertext) == ("Chỉ thị 50-CT/TW", ev["label_vi"][0])
    assert pd.Timestamp(fig.layout.xaxis.range[1]) == pd.Timestamp("2025-12-01")


def test_quality_page_charts_render_with_titles(dash_app, state2025):
    """Every chart of the page builds under the 2025 state with its Vietnamese title."""

    for key, title in ((page.QUALITY_LEVELS, "Xếp loại chất lượng"),
                       (page.QUALITY_SCORE, "Điểm chất lượng"),
                       (page.QUALITY_ONLINE, "trực tuyến"), (page.QUALITY_HEATMAP, "theo tỉnh")):
        fig = as_figure(registry.build_figure(key, state2025, "dark", ALL))
        assert title in fig.layout.title.text
        assert fig.data, key


def test_quarter_switch_reaches_the_chart(dash_app, state2025):
    """qgrain=quarter gives four bars for 2025 and quarter tick labels."""

    state = {**state2025, "params": {**state2025["params"], "qgrain": "quarter"}}
    fig = as_figure(registry.build_figure(page.QUALITY_LEVELS, state, "light", ALL))
    assert len(fig.data[0].x) == 4
    assert fig.layout.xaxis.tickformat == "Q%q/%Y"


def test_a_quarter_cut_by_the_period_is_pale_and_says_its_months(dash_app):
    """Period 01/11/2024–31/12/2025 by quarter: Q4/2024 holds 2 months, so its meeting-count bars
    are pale and its tick reads 'Q4/2024 (2 tháng)'; full quarters stay solid and plain."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access

    state, bad = urlstate.parse("?from=2024-11-01&to=2025-12-31&qgrain=quarter",
                                urlstate.choices_for(access.current_scope()))
    assert bad == []
    assert q.by_period(ALL, urlstate.to_filters(state), "quarter")["months"].tolist() == [2, 3, 3, 3, 3]
    fig = as_figure(registry.build_figure(page.QUALITY_KINDS, state, "light", ALL))
    assert list(fig.data[0].marker.opacity) == [0.4, 1, 1, 1, 1]
    assert fig.layout.xaxis.ticktext[0] == "Q4/2024<br>(2 tháng)"
    assert fig.layout.xaxis.ticktext[1] == "Q1/2025"


def test_heat_switch_picks_the_mean_score(dash_app, state2025):
    """heat=score colours Phú Thọ's January by B2's 40 points."""

    state = {**state2025, "params": {**state2025["params"], "heat": "score"}}
    fig = as_figure(registry.build_figure(page.QUALITY_HEATMAP, state, "light", ALL))
    row = list(fig.data[0].y).index("Phú Thọ")
    assert fig.data[0].z[row][0] == 40


def test_watch_list_tables_and_window_param(dash_app, state2025):
    """The missed list follows the `missed` URL param; exports carry Vietnamese headers."""

    rows = tables.rows(page.QUALITY_MISSED, state2025, ALL)
    assert [(r["org_id"], r["missed"], r["months"]) for r in rows] == [("S3", 2, 3)]
    state = {**state2025, "params": {**state2025["params"], "missed": "12"}}
    assert tables.rows(page.QUALITY_MISSED, state, ALL)[0]["months"] == 12
    content, name = tables.export(page.QUALITY_FALLING, state2025, ALL, "csv")
    assert "Thay đổi (điểm)" in content.decode("utf-8-sig") and name.endswith(".csv")


def test_the_precomputed_watch_list_matches_the_meetings(demo_warehouse):
    """Demo (real ETL): the cells marts.cell_poor_12m lists at a month are the cells counted from
    the 12 months of meetings up to it, with the same counts, for several months and scopes."""
    from chibo.dashboard import data, runtime
    from tests.helpers import runtime_for

    with runtime.bound(runtime_for(demo_warehouse)):
        first, last = data.data_bounds(ALL)
        province = sorted(data.filter_choices(ALL)["provinces"]["province_code"])[0]
        listed_somewhere = False
        for end in (last, data.add_months(last, -7), data.add_months(first, 14)):
            for scope in (ALL, Scope(provinces=frozenset({province}))):
                f = Filters(start=data.add_months(end, -11), end=end, as_of=end)
                mart, facts = watch.poor_listed(scope, f, end), watch.poor_counted(scope, f, end)
                pd.testing.assert_frame_equal(mart, facts, check_dtype=False)
                listed_somewhere |= not mart.empty
        assert listed_somewhere


def test_missed_cells_answer_within_a_small_memory_limit(demo_warehouse):
    """The missed-meetings list counts the months on the facts' coded ids and names only the
    cells it lists: on the demo warehouse it answers within 46 MB of DuckDB memory (at national
    scale, within the default CHIBO_MEMORY_MB=128). The former statement carried every cell's
    names through its joins and ran out of memory here (as it did at national scale at 128 MB)."""
    from chibo.dashboard import runtime, urlstate
    from chibo.dashboard.auth import access
    from tests.helpers import runtime_for

    with runtime.bound(runtime_for(demo_warehouse, memory_mb=46, answer_cache_mb=0)):
        scope = access.current_scope()
        f = urlstate.to_filters(urlstate.parse("", urlstate.choices_for(scope))[0])
        listed = watch.missed_regular(scope, f, 12)
    assert len(listed) > 1000 and (listed["missed"] >= 1).all()

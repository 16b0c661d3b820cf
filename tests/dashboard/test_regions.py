"""Vùng miền: the cartogram layout (on the real seat coordinates), the metric queries against the
fixture, the figure builders, and the cross-filter click handler as a plain function.

Fixture 2025 (as of 12/2025): Hà Nội (N01) = S1 12 + S2 6 + S3 3 = 21 members in 3 cells, 1
admission (S1, March), 12 good of 34 rated meetings; Phú Thọ (N25) = B2, 24 members in 1 cell,
2 admissions (February), 0 good of 12; attendance 9/10 everywhere.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from chibo.dashboard.charts import cartogram, figures, registry, spec
from chibo.dashboard.charts.catalogue import regions as charts
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.charts.theme import FigContext
from chibo.dashboard.data import Filters, Scope
from chibo.dashboard.queries import regions as q

ALL = Scope.everything()
Y2025 = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 31))
SEATS = Path(__file__).resolve().parents[2] / "chibo" / "etl" / "reference" / "provinces.csv"


def seats(current: bool) -> dict[str, tuple[float, float]]:
    with open(SEATS, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {r["province_code"]: (float(r["seat_lat"]), float(r["seat_lon"])) for r in rows
            if (r["is_current"] == "true") == current}


@pytest.mark.parametrize("current", [True, False], ids=["34", "63"])
def test_every_province_gets_its_own_cell(current):
    """Two tiles on one cell would hide a province."""
    cells = cartogram.grid_layout(seats(current))
    assert len(cells) == len(seats(current))
    assert len(set(cells.values())) == len(cells)
    assert min(c for c, _ in cells.values()) == 0 and min(r for _, r in cells.values()) == 0


@pytest.mark.parametrize("current", [True, False], ids=["34", "63"])
def test_neighbours_stay_near(current):
    """Each province's nearest seat is at most two tiles away, mostly adjacent."""
    pts = seats(current)
    cells = cartogram.grid_layout(pts)
    gaps = []
    for code, (lat, lon) in pts.items():
        near = min((o for o in pts if o != code),
                   key=lambda o: (pts[o][0] - lat) ** 2 + (pts[o][1] - lon) ** 2)
        gaps.append(max(abs(cells[code][0] - cells[near][0]),
                        abs(cells[code][1] - cells[near][1])))
    assert max(gaps) <= 2
    assert sum(g <= 1 for g in gaps) / len(gaps) >= 0.75


@pytest.mark.parametrize("current", [True, False], ids=["34", "63"])
def test_north_stays_north(current):
    """A seat more than one degree further north is never drawn lower."""
    pts = seats(current)
    cells = cartogram.grid_layout(pts)
    assert not [(a, b) for a in pts for b in pts
                if pts[a][0] > pts[b][0] + 1 and cells[a][1] < cells[b][1]]


def test_layout_ignores_input_order():
    """The same provinces in another order give the same map (deterministic)."""
    pts = seats(True)
    shuffled = dict(sorted(pts.items(), key=lambda kv: kv[1][1]))
    assert cartogram.grid_layout(pts) == cartogram.grid_layout(shuffled)


def test_crowded_points_spread_to_free_cells():
    """Five seats at one spot still get five distinct, adjacent cells."""
    cells = cartogram.grid_layout({str(i): (21.0, 105.8) for i in range(5)} | {"far": (10, 106)})
    near = [cells[str(i)] for i in range(5)]
    assert len(set(near)) == 5
    assert max(r for _, r in near) - min(r for _, r in near) <= 2


def test_short_labels():
    """Two syllables on two lines; long names as initials; HCMC as TP. HCM."""
    assert cartogram.short_label("Quảng Ngãi") == "Quảng<br>Ngãi"
    assert cartogram.short_label("Huế") == "Huế"
    assert cartogram.short_label("Bà Rịa - Vũng Tàu") == "BR-VT"
    assert cartogram.short_label("Thành phố Hồ Chí Minh") == "TP.<br>HCM"


def test_province_metrics_hand_computed():
    """Members, members per cell, admission rate, good share and attendance per province; the
    admission rate divides by the members on the day before the period (Hà Nội: 20 on 31/12/2024,
    not the 21 of January; Phú Thọ: 23)."""
    df = q.province_metrics(ALL, Y2025).set_index("province_code")
    hn, pt = df.loc["N01"], df.loc["N25"]
    assert (hn["members"], hn["cells"], hn["members_per_cell"]) == (21, 3, 7)
    assert hn["admission_rate"] == pytest.approx(1 / 20)
    assert hn["good_share"] == pytest.approx(12 / 34)
    assert (pt["members"], pt["admission_rate"], pt["good_share"]) == (24, 2 / 23, 0)
    assert df["attendance"].tolist() == pytest.approx([0.9, 0.9])


def test_map_ignores_the_province_filter_but_not_the_sector():
    """The map keeps every province pickable; a sector filter blanks the other provinces."""
    by_prov = q.province_metrics(ALL, dataclasses.replace(Y2025, province="N25"))
    assert by_prov.set_index("province_code")["members"].to_dict() == {"N01": 21, "N25": 24}
    commune = q.province_metrics(ALL, dataclasses.replace(Y2025, sector="commune"))
    assert commune.set_index("province_code")["members"].isna().to_dict() == {
        "N01": True, "N25": False}


def test_old_boundaries_list_the_63_set():
    """Old codes: B2 counts in Vĩnh Phúc (26), Phú Thọ (25) has no data but keeps its tile."""
    df = q.province_metrics(ALL, dataclasses.replace(Y2025, old_boundaries=True))
    members = df.set_index("province_code")["members"]
    assert members["26"] == 24 and members["01"] == 21 and pd.isna(members["25"])


def test_rollup_and_facts_agree_for_regions():
    """An org-scoped viewer (facts) sees the same province and region numbers."""
    scoped = Scope(org_roots=frozenset({"P1", "P2"}))
    pd.testing.assert_frame_equal(q.province_metrics(ALL, Y2025),
                                  q.province_metrics(scoped, Y2025), check_dtype=False)
    pd.testing.assert_frame_equal(q.region_metrics(ALL, Y2025), q.region_metrics(scoped, Y2025),
                                  check_dtype=False)


def test_regions_compared_in_their_order():
    """Only regions with data, in dim_region order, whatever the region filter."""
    df = q.region_metrics(ALL, dataclasses.replace(Y2025, region="red_river_delta"))
    assert df["region"].tolist() == ["northern_midlands", "red_river_delta"]
    assert df["members"].tolist() == [24, 21]


def test_trend_follows_the_province_filter():
    """Phú Thọ's trend: 24 members all year, 2 admissions in February."""
    df = q.metric_trend(ALL, dataclasses.replace(Y2025, province="N25"))
    assert df["members"].tolist() == [24] * 12
    assert df.loc[df["month"] == pd.Timestamp("2025-02-01"), "admission_rate"].iloc[0] == \
        pytest.approx(2 / 24)


def test_scope_limits_the_map():
    """A Hà Nội viewer gets only Hà Nội's tile."""
    df = q.province_metrics(Scope(provinces=frozenset({"N01"})), Y2025)
    assert df["province_code"].tolist() == ["N01"]


def test_tile_map_colours_tiles_and_marks_the_selection():
    """Values on the grid, grey base for missing values, the selected tile outlined."""
    df = pd.DataFrame({"province_code": ["A", "B"], "name": ["Hà Nội", "Huế"],
                       "label": ["Hà<br>Nội", "Huế"], "v": [10.0, None]})
    fig = as_figure(cartogram.tile_map(df, {"A": (0, 1), "B": (1, 0)}, "label", "v",
                                       FigContext(), selected="B"))
    base, top = fig.data
    assert top.z[1][0] == 10 and top.z[0][1] is None and base.z[0][1] == 0
    assert top.customdata[0][1][0] == "B"
    assert fig.layout.shapes[0].x0 == 0.5 and fig.layout.yaxis.scaleanchor == "x"


def test_ranking_bars_sorted_with_vietnamese_numbers():
    """Largest on top (last in plotly's order); labels as 10.579; the selection highlighted."""
    df = pd.DataFrame({"province_code": ["A", "B"], "name": ["Hà Nội", "Huế"],
                       "v": [10579.0, 300.0]})
    fig = as_figure(figures.plot(spec.ranking(df, "name", "v"), FigContext(), selected="B").figure)
    bar = fig.data[0]
    assert list(bar.y) == ["Huế", "Hà Nội"] and list(bar.text) == ["300", "10.579"]
    assert bar.marker.color[0] != bar.marker.color[1]


def test_click_on_a_tile_patches_the_province(dash_app, state2025):
    """A heatmap click carries only the tile's x, y; a bar's carries the code as customdata."""
    from chibo.dashboard.pages import regions as page

    col, row = charts.cells_for(q.provinces(ALL))["N25"]
    tile = {"points": [{"curveNumber": 1, "x": col, "y": row, "z": 24}]}  # as plotly sends it
    assert page.patch_from_click(tile, state2025) == {"province": "N25"}
    bar = {"points": [{"customdata": "N01"}]}
    assert page.patch_from_click(bar, state2025) == {"province": "N01"}


def test_click_again_clears_and_other_region_resets(dash_app, state2025):
    """Clicking the selected province unselects it; a province outside the region clears it."""
    from chibo.dashboard.pages import regions as page

    click = {"points": [{"customdata": ["N25", "Phú Thọ"]}]}
    assert page.patch_from_click(click, {**state2025, "province": "N25"}) == {"province": None}
    in_other = {**state2025, "region": "red_river_delta"}
    assert page.patch_from_click(click, in_other) == {"province": "N25", "region": None}
    region = {"points": [{"customdata": "northern_midlands"}]}
    assert page.patch_from_click(region, state2025) == {"region": "northern_midlands",
                                                        "province": None}
    assert page.patch_from_click({"points": [{}]}, state2025) is None


def test_regions_page_charts_follow_the_metric(dash_app, state2025):
    """metric=attendance puts the metric in the titles and percentages on the ranking."""
    state = {**state2025, "params": {**state2025["params"], "metric": "attendance"}}
    for key in (charts.REGIONS_MAP, charts.REGIONS_RANKING, charts.REGIONS_COMPARE,
                charts.REGIONS_TREND):
        fig = as_figure(registry.build_figure(key, state, "light", ALL))
        assert "Tỷ lệ dự sinh hoạt" in fig.layout.title.text, key
    ranking = as_figure(registry.build_figure(charts.REGIONS_RANKING, state, "light", ALL))
    assert list(ranking.data[0].text) == ["90,0%", "90,0%"]


def test_tile_map_of_a_small_scope_stays_a_map_with_whole_number_colours():
    """Two provinces of head counts: the tiles keep a map's size (the axes span at least
    MIN_TILES tiles) and the colour scale is in whole numbers, never '12.204,6'."""
    import pandas as pd

    from chibo.dashboard.charts import cartogram
    from chibo.dashboard.charts.theme import FigContext

    df = pd.DataFrame({"province_code": ["A", "B"], "name": ["Hà Nội", "Phú Thọ"],
                       "label": ["HN", "PT"], "members": [12204, 12207]})
    fig = as_figure(cartogram.tile_map(df, {"A": (0, 0), "B": (1, 0)}, "label", "members",
                                       FigContext(title="t"), fmt=",.0f"))
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    assert x1 - x0 >= cartogram.MIN_TILES and y1 - y0 >= cartogram.MIN_TILES
    bar = fig.data[1].colorbar
    assert bar.tickformat == ",.0f" and bar.dtick >= 1 and float(bar.dtick).is_integer()


def test_the_sums_per_province_and_region_come_in_one_statement():
    """The map's and the comparison's sums per key (stocks on the as-of day and the day before
    the dates, admissions, meetings) are one round trip, for the whole country and a limited
    viewer (the facts), with the fixture's numbers."""
    from chibo.dashboard import data
    from chibo.dashboard.gateway import tracing
    from chibo.dashboard.queries import exact

    for scope in (ALL, Scope(org_roots=frozenset({"P1", "P2"}))):
        data.clear_caches()
        exact.clamp_day(scope, Y2025.as_of)  # the history's bounds, cached across filters
        for key in ("province_code_current", "region"):
            with tracing() as seen:
                sums = q._grouped(scope, Y2025, key)
            run = [s.sql for s in seen if "pragma_table_info" not in s.sql]  # not table probes
            assert len(run) == 1, run
            assert list(sums.columns) == ["k", *q.SUMS] and len(sums) > 0
    hanoi = q._grouped(ALL, Y2025, "province_code_current").set_index("k").loc["N01"]
    assert (hanoi["members"], hanoi["cells"], hanoi["admitted"]) == (21, 3, 1)
    assert (hanoi["good"], hanoi["rated"]) == (12, 34)

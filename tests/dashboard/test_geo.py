"""The optional GeoJSON map: names and codes matched to provinces, rings thinned, the regions map
drawn as filled shapes when a file is present (tiles otherwise), and a click inside a shape
filtering by its province. The file is a hand-made square per province, written by the test."""

from __future__ import annotations

import json

import pytest

from chibo.dashboard import runtime
from chibo.dashboard.charts import geo, registry
from chibo.dashboard.charts.catalogue import regions as charts
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.data import Scope
from tests.helpers import runtime_for

ALL = Scope.everything()


def square(x0: float, y0: float, n: int = 5) -> list:
    """A closed square ring of side 1 with n points per side."""
    side = [i / n for i in range(n)]
    pts = ([(x0 + s, y0) for s in side] + [(x0 + 1, y0 + s) for s in side]
           + [(x0 + 1 - s, y0 + 1) for s in side] + [(x0, y0 + 1 - s) for s in side])
    return [list(p) for p in pts + [pts[0]]]


def feature(props: dict, ring: list) -> dict:
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


@pytest.fixture
def geojson(tmp_path, fixture_warehouse):
    """Hà Nội by its name with a prefix and no diacritics, Phú Thọ by code only, an unknown
    province, and an 'id' of 1 that must not be read as Hà Nội's code 01."""
    path = tmp_path / "provinces.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        feature({"id": 7, "ten": "Thanh pho Ha Noi"}, square(105.5, 20.8)),
        feature({"id": 1, "ma_tinh": "25", "ten": "?"}, square(104.9, 21.0)),
        feature({"id": 2, "ten": "Atlantis"}, square(0, 0)),
    ]}), encoding="utf-8")
    with runtime.bound(runtime_for(fixture_warehouse, provinces_geojson=path)):
        yield path


def test_names_are_folded_and_codes_read_only_from_code_properties(geojson):
    """'Thanh pho Ha Noi' is Hà Nội; ma_tinh 25 is Phú Thọ (N25 among the 34); id 1 is nobody."""
    shapes = geo.match(geo.load_features(), {"N01": "Hà Nội", "N25": "Phú Thọ"})
    assert set(shapes) == {"N01", "N25"}
    assert shapes["N01"][0][0] == (105.5, 20.8)
    assert geo.fold("TP. Hồ Chí Minh") == geo.fold("Hồ Chí Minh") == "hochiminh"
    assert geo.match(geo.load_features(), {"01": "Hà Nội"}) == {"01": shapes["N01"]}


def test_long_rings_are_thinned_and_stay_closed():
    """A 2.001-point ring keeps at most MAX_POINTS + 1 points, first and last equal."""
    ring = [[i / 1000, 0] for i in range(2000)] + [[0, 0]]
    (kept,) = geo._rings({"type": "Polygon", "coordinates": [ring]})
    assert len(kept) <= geo.MAX_POINTS + 1 and kept[0] == kept[-1]


def test_no_file_or_a_broken_one_means_no_shapes(tmp_path):
    """Missing: (); not JSON: () (logged), never an exception in a callback."""
    assert geo.load_features(tmp_path / "none.geojson") == ()
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    assert geo.load_features(bad) == ()


def test_regions_map_draws_the_shapes_and_a_click_inside_one_filters(dash_app, state2025,
                                                                      geojson):
    """Two filled shapes in code order (N01 21 members, N25 24: the darker), Vietnamese hover
    text; a click inside the second shape (only its trace number) picks Phú Thọ."""
    from chibo.dashboard.pages import regions as page

    fig = as_figure(registry.build_figure(charts.REGIONS_MAP, state2025, "light", ALL))
    fills = [tr for tr in fig.data if tr.fill == "toself"]
    assert [tr.text for tr in fills] == ["Hà Nội: 21", "Phú Thọ: 24"]
    assert fills[0].fillcolor != fills[1].fillcolor
    assert page.patch_from_click({"points": [{"curveNumber": 1}]}, state2025) == {"province": "N25"}
    labels = next(tr for tr in fig.data if tr.mode == "text")
    assert [c[0] for c in labels.customdata] == ["N01", "N25"]
    picked = as_figure(registry.build_figure(charts.REGIONS_MAP, {**state2025, "province": "N25"},
                                             "light", ALL))
    outline = [tr for tr in picked.data if tr.mode == "lines" and tr.fill is None]
    assert len(outline) == 1 and outline[0].line.color == "#e8590c"
    assert min(x for x in outline[0].x if x is not None) == 104.9  # Phú Thọ's square


def test_without_a_file_the_tile_map_stays(dash_app, state2025, tmp_path, fixture_warehouse):
    """No GeoJSON: the cartogram's heatmap tiles."""
    with runtime.bound(runtime_for(fixture_warehouse, provinces_geojson=tmp_path / "no.json")):
        fig = as_figure(registry.build_figure(charts.REGIONS_MAP, state2025, "light", ALL))
    assert {tr.type for tr in fig.data} == {"heatmap"}

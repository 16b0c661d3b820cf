"""Plain figures (charts/plain.py) send the browser what a validated go.Figure would.

Every builder, for representative inputs, gives a dict whose JSON (as Dash serialises it) equals
the JSON of the same figure made into a go.Figure, which checks every property name and value,
expands named colour scales, drops unset properties and writes arrays its own way. So the fast
path cannot drift from what Plotly accepts and draws; the slides' projector styling is held to
it too. The check itself is held to near misses: a misspelt property, a None left in, a missing
template, a named colour scale.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from chibo.dashboard.charts import cartogram, figures, plain, registry, spec
from chibo.dashboard.charts.events import event_marks
from chibo.dashboard.charts.hierarchy import hierarchy_map
from chibo.dashboard.charts.theme import FigContext, empty
from chibo.dashboard.charts.timeline import published_timeline
from chibo.dashboard.data import Scope
from chibo.dashboard.exports import deck, projector

CTX = FigContext(title="Đảng viên", subtitle="Hà Nội · 2024–2025", footnote="Nguồn: chibo")
DARK_EN = FigContext(lang="en", theme="dark", title="Members", nodata="No data for Hà Nội")
MONTHS = pd.date_range("2024-01-01", periods=14, freq="MS")
EVENTS = pd.DataFrame({
    "event_on": pd.to_datetime(["2024-03-01", "2024-03-10", "2024-09-01", "2030-01-01"]),
    "label_vi": ["Chỉ thị 35-CT/TW về đại hội", "Sáp nhập tỉnh", "Nghị quyết 18", "Ngoài kỳ"],
    "label_en": ["Directive 35", "Merger", "Resolution 18", "Outside"]})


def sent(fig: dict) -> dict:
    """What the browser receives for a plain figure: Dash's serialiser, parsed."""
    return json.loads(to_json_plotly(fig))


def validated(fig: dict) -> dict:
    """The same figure through a validated go.Figure, serialised the same way."""
    return json.loads(to_json_plotly(plain.as_figure(fig).to_plotly_json()))


def assert_same(fig: dict) -> None:
    assert isinstance(fig, dict)
    assert sent(fig) == validated(fig)


def frame_of(values: dict, months=MONTHS) -> pd.DataFrame:
    return pd.DataFrame({"m": months[:len(next(iter(values.values())))], **values})


def quarters_df() -> pd.DataFrame:
    """Three quarters, the first with two months of data (a pale bar, its months said)."""
    return pd.DataFrame({"q": pd.to_datetime(["2024-10-01", "2025-01-01", "2025-04-01"]),
                         "a": [4.0, 9.0, 7.0], "b": [1.0, 2.0, None], "months": [2, 3, 3],
                         "good": [3, 5, 0], "poor": [1, 0, 0]})


SPECS = {
    "line with events and a cut axis": lambda: (spec.over_time(
        frame_of({"a": [90.7 + i / 10 for i in range(14)], "b": [91.0] * 13 + [None]}), "m",
        [("a", "Điểm"), ("b", "Chuẩn")], zero_based=False), {"events": EVENTS}),
    "stacked area, many series": lambda: (spec.over_time(
        frame_of({c: [float(i) for i in range(14)] for c in "abcde"}), "m",
        [(c, f"Loại {c}") for c in "abcde"], kind="area"), {}),
    "grouped columns of one year": lambda: (spec.over_time(
        pd.DataFrame({"y": pd.to_datetime(["2025-01-01"]), "a": [3.0], "b": [5.0]}), "y",
        [("a", "Kết nạp"), ("b", "Ra khỏi")], kind="bar", period="year"), {}),
    "stacked quarters, partial": lambda: (spec.over_time(
        quarters_df(), "q", [("a", "A"), ("b", "B")], kind="bar", stacked=True,
        period="quarter"), {"events": EVENTS}),
    "partial quarters as lines": lambda: (spec.over_time(
        quarters_df(), "q", [("a", "A")], period="quarter"), {}),
    "percent with a reference line": lambda: (spec.over_time(
        frame_of({"a": [0.91, 0.93, 0.95]}), "m", [("a", "Tỷ lệ")], percent=True),
        {"ref_lines": [(0.9, "Mục tiêu 90%")]}),
    "shares": lambda: (spec.shares(quarters_df(), "q", [("good", "Tốt", "#2f9e44"),
                                                       ("poor", "Kém", "#e03131")],
                                   period="quarter"), {"events": EVENTS}),
    "ranking, one selected": lambda: (spec.ranking(pd.DataFrame({
        "province_code": ["N01", "N25", "N79"], "name": ["Hà Nội", "Phú Thọ", "TP. Hồ Chí Minh"],
        "v": [0.5, 0.25, 0.75]}), "name", "v", percent=True), {"selected": "N25"}),
    "pyramid": lambda: (spec.pyramid(pd.DataFrame({
        "age_band": ["18-30", "18-30", "31-40", "31-40"], "gender": ["male", "female"] * 2,
        "members": [10, 12, 7, 9]}), "vi"), {}),
    "composition": lambda: (spec.composition(pd.DataFrame({
        "label": ["Đại học", "Cao đẳng"], "members": [5, 3]}), "label", "members"), {}),
    "no data": lambda: (None, {}),
}


@pytest.mark.parametrize("ctx", [CTX, DARK_EN], ids=["vi light", "en dark"])
@pytest.mark.parametrize("name", SPECS)
def test_a_drawn_spec_is_what_a_go_figure_sends(name, ctx):
    shown, extra = SPECS[name]()
    assert_same(figures.plot(shown, ctx, **extra).figure)


def test_pictures_without_a_spec_are_what_a_go_figure_sends():
    """Heatmap (a typed matrix with gaps), tile map and true map with a selection, treemap,
    published timeline on a log axis, events on an empty figure, the empty figure."""
    heat = pd.DataFrame({"name": ["Hà Nội", "Hà Nội", "Huế"], "month": MONTHS[:2].tolist()
                         + MONTHS[:1].tolist(), "v": [0.5, np.nan, 0.75]})
    assert_same(figures.heatmap(heat, "name", "month", "v", CTX, percent=True, zrange=(0, 1)))
    assert_same(figures.heatmap(heat, "name", "month", "v", DARK_EN))
    provinces = pd.DataFrame({"province_code": ["A", "B"], "name": ["Hà Nội", "Huế"],
                              "label": ["HN", "Huế"], "v": [12204, None]})
    assert_same(cartogram.tile_map(provinces, {"A": (0, 1), "B": (1, 0)}, "label", "v", CTX,
                                   selected="B"))
    square = [(105.0, 21.0), (106.0, 21.0), (106.0, 22.0), (105.0, 21.0)]
    assert_same(cartogram.choropleth(provinces, {"A": [square], "B": [square]}, "label", "v",
                                     DARK_EN, selected="A"))
    tree = pd.DataFrame({"org_id": ["P", "C1", "C2"], "parent_id": [None, "P", "P"],
                         "name": ["Tỉnh ủy", "Chi bộ 1", "Chi bộ 2"], "members": [30, 18, 12]})
    assert_same(hierarchy_map(tree, CTX, "Đảng viên"))
    published = pd.DataFrame({
        "as_of_used": pd.to_datetime(["2024-12-31", "2025-06-30", "2025-06-30"]),
        "scope_label": ["Cả nước", "Cả nước", "Huế"], "value": [5.6e6, 5.7e6, 2e4],
        "tolerance_low": [5.5e6, None, 1.9e4], "tolerance_high": [5.7e6, None, 2.1e4],
        "number_text": ["5,6 triệu", "5,7 triệu", "20 nghìn"], "document": ["a", "b", "c"],
        "warehouse_value": [5.61e6, None, 2.02e4]})
    assert_same(published_timeline(published, CTX, "Kho dữ liệu"))
    for events in (EVENTS, EVENTS.iloc[3:]):  # the second: none inside the range
        assert_same(event_marks(empty(CTX), events, CTX, MONTHS[0], MONTHS[-1], pad_days=16))
    assert_same(empty(DARK_EN))


def test_every_chart_card_is_what_a_go_figure_sends(dash_app, state2025):
    """Each registered chart on the fixture warehouse, in both themes and languages."""
    for key in registry.CHARTS:
        for theme, lang in (("light", "vi"), ("dark", "en")):
            fig, _alt = registry.build_card(key, {**state2025, "lang": lang}, theme,
                                            Scope.everything())
            assert sent(fig) == validated(fig), key


def test_slides_and_their_projector_pictures_are_what_a_go_figure_sends(dash_app, state2025):
    """Every slide of the built-in decks (projector-styled) and its PowerPoint picture style;
    styling leaves the slide's own figure as it was."""
    for name in deck.BUILTIN:
        for slide in deck.build_slides(deck.parse_deck(f"builtin:{name}"), state2025,
                                       Scope.everything()):
            before = sent(slide.figure)
            assert_same(slide.figure)
            assert_same(projector.style(slide.figure, base=30, height=900))
            assert sent(slide.figure) == before, slide.key


def test_the_check_catches_what_plotly_would_refuse_or_rewrite():
    """Near misses: a misspelt property is refused; a None left in, a missing template or a
    named colour scale give other JSON than the go.Figure's."""
    good = empty(CTX)
    assert_same(good)
    typo = {**good, "layout": {**good["layout"], "titel": {"text": "x"}}}
    with pytest.raises(ValueError):
        validated(typo)
    left_in = {**good, "data": [{"type": "bar", "x": [1], "y": [2], "name": None}]}
    untemplated = {"data": good["data"], "layout": {k: v for k, v in good["layout"].items()
                                                    if k != "template"}}
    named = {**good, "data": [{"type": "heatmap", "z": [[1]], "colorscale": "RdYlGn"}]}
    for wrong in (left_in, untemplated, named):
        assert sent(wrong) != validated(wrong)


def test_update_helpers_follow_plotly():
    """merge: nested dicts merged, None unsets, an emptied object is left out, lists replaced;
    typed arrays come back as the numbers they hold."""
    fig = plain.figure(title={"text": "a", "x": 0.1}, xaxis={"tickvals": [1, 2]})
    plain.layout(fig, title={"x": None}, xaxis={"tickvals": [3]}, legend={"x": None})
    assert {k: v for k, v in fig["layout"].items() if k != "template"} == {
        "title": {"text": "a"}, "xaxis": {"tickvals": [3]}}
    z = plain.array(np.array([[1.5, np.nan], [2.0, 3.0]]))
    assert z["dtype"] == "f8" and "bdata" in z
    back = plain.as_figure(plain.figure([plain.trace("heatmap", z=z)])).data[0].z
    assert back.shape == (2, 2) and back[1][1] == 3.0 and np.isnan(back[0][1])

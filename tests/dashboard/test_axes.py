"""The one value-axis rule (spec.value_axis) as the page draws it: a fitted axis never makes a
small change look like a crash, a cut axis is marked on the chart, and no tick label repeats."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from chibo.dashboard.charts import figures, spec
from chibo.dashboard.charts.events import LABEL_PX, PLOT_PX, ROW
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.charts.theme import FigContext

MONTHS = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])


def fitted(values, percent=False, decimals=None, zero_based=False):
    df = pd.DataFrame({"m": MONTHS[:len(values)], "v": values})
    return spec.over_time(df, "m", [("v", "x")], percent=percent, decimals=decimals,
                          zero_based=zero_based)


def labels(axis: spec.Axis, lang: str = "vi") -> list[str]:
    return [axis.label(v, lang) for v in axis.ticks()]


@pytest.mark.parametrize("values, percent, least", [
    ([90.7, 91.1, 90.9], False, 0.1 * 91.1),  # mean score: 0,4 points
    ([0.939, 0.943, 0.941], True, 0.10),  # attendance: 0,4 percentage points
    ([43, 45, 44], False, 4.5),  # a cell's members
])
def test_a_small_change_stays_small_and_the_cut_is_said(values, percent, least):
    """The fitted axis spans at least 10 points (percentages) or 10% of the top (others), it is
    cut, and the chart itself carries the break sign and 'trục tung không bắt đầu từ 0'."""
    shown = fitted(values, percent)
    axis = spec.value_axis(shown)
    assert axis.hi - axis.lo >= least and axis.lo <= min(values) and axis.hi >= max(values)
    assert axis.cut
    fig = as_figure(figures.plot(shown, FigContext(title="t")).figure)
    marks = [a.text for a in fig.layout.annotations if a.name == "axis-cut"]
    assert marks == ["trục tung không bắt đầu từ 0"]
    assert any(s.name == "axis-cut" for s in fig.layout.shapes)
    assert (fig.layout.yaxis.range[0], fig.layout.yaxis.dtick) == (axis.lo, axis.step)
    assert len(set(labels(axis))) == len(labels(axis))


def test_a_zero_based_axis_is_not_marked():
    shown = fitted([43, 45, 44], zero_based=True)
    axis = spec.value_axis(shown)
    assert axis.lo == 0 and not axis.cut
    fig = as_figure(figures.plot(shown, FigContext(title="t")).figure)
    assert not [a for a in fig.layout.annotations if a.name == "axis-cut"]


def test_a_fitted_axis_close_to_zero_starts_at_zero():
    """When the fitted bottom would be low anyway, the axis starts at 0 (nothing to mark)."""
    axis = spec.value_axis(fitted([2, 9, 5]))
    assert axis.lo == 0 and not axis.cut


def test_no_tick_label_ever_repeats():
    """Over many spans and magnitudes, in both languages, the labels are all different (the
    decimals follow the step: '63%' five times or '94%' twice can not happen)."""
    bases = [0.0, 0.5, 0.63, 0.939, 1, 7, 43, 90.7, 1_234, 326_000]
    spans = [0.0, 0.001, 0.004, 0.03, 0.3, 2, 17, 5_000]
    for base, span, percent, zero in itertools.product(bases, spans, (False, True), (False, True)):
        if percent and base + span > 1:
            continue
        axis = spec.value_axis(fitted([base, base + span, base + span / 2], percent,
                                      zero_based=zero))
        for lang in ("vi", "en"):
            shown = labels(axis, lang)
            assert len(set(shown)) == len(shown), (base, span, percent, zero, shown)
        assert axis.lo <= base and axis.hi >= base + span


def test_whole_number_data_steps_by_whole_numbers():
    axis = spec.value_axis(fitted([3, 4, 3]))
    assert axis.step >= 1 and all(float(v).is_integer() for v in axis.ticks())


def test_event_labels_never_cover_each_other():
    """Twelve directives over five years: each label gets a row where it covers no other label;
    when every row is taken the event keeps its line and a marker with the text on hover."""
    dates = pd.date_range("2021-01-01", "2025-12-01", freq="5MS")[:12]
    events = pd.DataFrame({"event_on": dates, "label_vi": [f"Chỉ thị số {i}/CT-TW" for i in
                                                           range(12)], "label_en": "x"})
    df = pd.DataFrame({"m": pd.date_range("2021-01-01", "2025-12-01", freq="MS"), "v": 5.0})
    fig = as_figure(figures.plot(spec.over_time(df, "m", [("v", "x")]), FigContext(title="t"),
                                 events=events).figure)
    marks = [a for a in fig.layout.annotations if a.name == "event"]
    assert len(marks) == 12 and all(a.hovertext.startswith("Chỉ thị") for a in marks)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    boxes = []
    for a in marks:
        if a.text == "▾":
            continue
        pos = (pd.Timestamp(a.x) - lo) / (hi - lo)
        width = (len(a.text) * LABEL_PX + 10) / PLOT_PX
        box = (pos, pos + width) if a.xanchor == "left" else (pos - width, pos)
        boxes.append((round(a.y, 3), box))
    for (y1, b1), (y2, b2) in itertools.combinations(boxes, 2):
        assert y1 != y2 or b1[1] <= b2[0] or b2[1] <= b1[0], (b1, b2)
    assert len({y for y, _ in boxes}) > 1  # staggered, not one row


def test_event_labels_sit_above_the_data():
    """The data's y domain ends below the lowest row of labels, so no label covers the line."""
    events = pd.DataFrame({"event_on": pd.to_datetime(["2023-03-01", "2023-03-15", "2024-06-01"]),
                           "label_vi": ["Chỉ thị A", "Chỉ thị B", "Sáp nhập tỉnh"], "label_en": "x"})
    df = pd.DataFrame({"m": pd.date_range("2023-01-01", "2024-12-01", freq="MS"), "v": 5.0})
    fig = as_figure(figures.plot(spec.over_time(df, "m", [("v", "x")]), FigContext(title="t"),
                                 events=events).figure)
    labels = [a for a in fig.layout.annotations if a.name == "event" and a.text != "▾"]
    lowest_bottom = min(a.y for a in labels) - ROW  # labels hang from their y (yanchor top)
    assert labels and fig.layout.yaxis.domain[1] <= lowest_bottom + 1e-9
    plain = as_figure(figures.plot(spec.over_time(df, "m", [("v", "x")]), FigContext(title="t")).figure)
    assert plain.layout.yaxis.domain is None  # without events the data keeps the whole height

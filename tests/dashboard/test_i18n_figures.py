"""Vietnamese number formats, the figure template, empty-data figures, and the Plotly builders
drawing chart specs."""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.charts import figures, spec
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.charts.theme import FigContext, graph_config
from chibo.dashboard.i18n import fmt_date, fmt_num, fmt_pct, t


def series_figure(df, series, ctx, events=None, **shape):
    """The Plotly figure of an over-time spec of df's column `m`."""
    return as_figure(figures.plot(spec.over_time(df, "m", series, **shape), ctx, events=events).figure)


def test_vietnamese_numbers():
    """'.' groups thousands and ',' is the decimal mark in Vietnamese."""
    assert fmt_num(10579) == "10.579"
    assert fmt_num(12.5, decimals=1) == "12,5"
    assert fmt_num(10579, "en") == "10,579"
    assert fmt_pct(0.125) == "12,5%"
    assert fmt_date("2025-07-01") == "01/07/2025"


def test_one_month_is_singular():
    """'(1 month)', never '(1 months)'; Vietnamese has no plural."""
    assert t("chart.months", "en", n=1) == "1 month" and t("chart.months", "en", n=2) == "2 months"
    assert t("chart.months", "vi", n=1) == "1 tháng"


def test_unknown_key_shows_itself():
    """A missing translation is visible, not a crash."""
    assert t("no.such.key", "en") == "no.such.key"


def test_figure_uses_vietnamese_separators_and_carries_its_texts():
    """Title, subtitle and footnote are inside the figure so the PNG keeps them."""
    ctx = FigContext(title="Đảng viên", subtitle="Hà Nội", footnote="Nguồn: chibo")
    df = pd.DataFrame({"m": pd.to_datetime(["2025-01-01", "2025-02-01"]), "v": [10579, 10600]})
    fig = series_figure(df, [("v", "Đảng viên")], ctx)
    assert fig.layout.separators == ",."
    assert "Đảng viên" in fig.layout.title.text and "Hà Nội" in fig.layout.title.text
    assert any(a.text == "Nguồn: chibo" for a in fig.layout.annotations)


def test_empty_data_gives_a_message_not_an_axis():
    """An empty result must not draw an empty axis."""
    fig = series_figure(pd.DataFrame({"m": [], "v": []}), [("v", "x")], FigContext(title="T"))
    assert fig.layout.xaxis.visible is False and len(fig.data) == 0
    assert fig.layout.annotations[-1].text == t("chart.empty")


def test_graph_config_never_uploads():
    """The 'share chart' button would send data to an outside service."""
    cfg = graph_config("Đảng viên theo tháng")
    assert cfg["showSendToCloud"] is False and cfg["displaylogo"] is False
    assert cfg["toImageButtonOptions"]["filename"] == "Đảng viên theo tháng"


def test_events_outside_the_range_are_skipped():
    """Annotating an event outside the visible period would stretch the axis."""
    ev = pd.DataFrame({"event_on": pd.to_datetime(["2025-07-01"]), "code": ["r"],
                       "label_vi": ["Sắp xếp"], "label_en": ["Merge"]})
    df = pd.DataFrame({"m": pd.to_datetime(["2024-01-01", "2024-02-01"]), "v": [1, 2]})
    fig = series_figure(df, [("v", "x")], FigContext(), events=ev)
    assert not fig.layout.shapes
    fig2 = series_figure(df.assign(m=pd.to_datetime(["2025-01-01", "2025-12-01"])),
                         [("v", "x")], FigContext(), events=ev)
    assert len(fig2.layout.shapes) == 1


def test_time_series_events_use_the_short_labels_and_pinned_range():
    """One mechanism for events: a long label is cut (full text on hover) and bars keep their
    half-period padding instead of being stretched by the label."""
    text = "Các đảng bộ khối được thay bằng các đảng bộ trực thuộc Trung ương"
    ev = pd.DataFrame({"event_on": pd.to_datetime(["2025-02-01"]), "code": ["b"],
                       "label_vi": [text], "label_en": ["Bloc committees replaced"]})
    df = pd.DataFrame({"m": pd.to_datetime(["2025-01-01", "2025-12-01"]), "v": [1, 2]})
    fig = series_figure(df, [("v", "x")], FigContext(), events=ev, kind="bar")
    label = fig.layout.annotations[-1]
    assert len(label.text) <= 22 and label.hovertext == text
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert (lo, hi) == (pd.Timestamp("2024-12-16"), pd.Timestamp("2025-12-17"))
    assert not hasattr(figures, "add_events")


def test_footnote_sits_at_the_left_edge_whatever_the_margin():
    """Long province names widen the left margin; the footnote moves back to the edge."""
    df = pd.DataFrame({"name": ["Đồng bằng sông Cửu Long rất dài", "B"], "v": [3, 1],
                       "province_code": ["a", "b"]})
    fig = as_figure(figures.plot(spec.ranking(df, "name", "v"), FigContext(footnote="Nguồn")).figure)
    note = next(a for a in fig.layout.annotations if a.name == "footnote")
    assert note.xshift == 12 - fig.layout.margin.l and fig.layout.margin.l > 60


def test_many_series_put_two_legend_entries_a_row_below_the_subtitle():
    """Six organisation kinds: the legend holds two entries a row and the top margin grows by
    the rows, so long Vietnamese names never stack over the title."""
    ctx = FigContext(title="Số tổ chức", subtitle="Toàn bộ phạm vi")
    df = pd.DataFrame({"m": pd.to_datetime(["2025-01-01"]), **{f"k{i}": [i] for i in range(6)}})
    fig = series_figure(df, [(f"k{i}", f"Đảng bộ loại {i}") for i in range(6)], ctx)
    assert fig.layout.legend.entrywidthmode == "fraction" and fig.layout.legend.entrywidth == 0.5
    assert fig.layout.margin.t == 100 + 22 * 2


def test_a_spec_is_what_plotly_draws_and_what_powerpoint_reads():
    """The spec's categories, series and number format are the figure's; dates are written as
    the axis writes them (months, quarters, years)."""
    df = pd.DataFrame({"m": pd.to_datetime(["2025-01-01", "2025-04-01"]), "a": [1, 2.5],
                       "b": [3, None]})
    shown = spec.over_time(df, "m", [("a", "A"), ("b", "B")], kind="bar", stacked=True,
                           period="quarter")
    assert (shown.kind, shown.decimals, shown.labels()) == ("column_stacked", 1, ["Q1/2025", "Q2/2025"])
    assert [s.values for s in shown.series] == [(1.0, 2.5), (3.0, None)]
    fig = as_figure(figures.plot(shown, FigContext()).figure)
    assert [list(tr.y) for tr in fig.data] == [[1.0, 2.5], [3.0, None]]
    assert fig.layout.barmode == "stack" and fig.layout.xaxis.tickformat == "Q%q/%Y"
    assert shown.fmt(2.5, "vi") == "2,5" and spec.over_time(df, "m", [("a", "A")], percent=True,
                                                            period="year").labels() == ["2025"] * 2

"""The deck as PowerPoint: one slide per chart, native charts whose types, categories and values
are the warehouse's (through data.py), the numbers in the speaker notes, images for heatmaps."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from tests.exports.conftest import YEAR, state_for

DECK = "overview-trend,members-stock,members-flows,quality-levels"


@pytest.fixture(scope="module")
def deck_file(dash_app):
    resp = dash_app.server.test_client().get(f"/export/deck.pptx?{YEAR}&deck={DECK}")
    assert resp.status_code == 200, resp.data
    return resp


@pytest.fixture(scope="module")
def prs(deck_file):
    return Presentation(io.BytesIO(deck_file.data))


def chart_slides(prs):
    """The slides after the title slide."""
    return list(prs.slides)[1:]


def charts(prs):
    return [next(sh.chart for sh in slide.shapes if sh.has_chart) for slide in chart_slides(prs)]


def texts(slide) -> str:
    return " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def test_one_slide_per_chart_in_16_9(prs):
    """A title slide, then one slide per chart of the deck; the format is 16:9 for a projector."""
    assert len(prs.slides) == 1 + len(DECK.split(","))
    assert round(prs.slide_width / prs.slide_height, 3) == round(16 / 9, 3)


def test_title_slide_names_deck_scope_period_and_data(prs):
    """The first slide says what the deck is, for which scope and period, from which data."""
    cover = texts(prs.slides[0])
    assert "Bộ trình chiếu" in cover and "Phạm vi: Toàn quốc" in cover
    assert "01/01/2025–31/12/2025" in cover and "Nguồn" in cover
    assert not any(sh.has_chart for sh in prs.slides[0].shapes)


def test_native_chart_types(prs):
    """Lines stay lines, stacks stay stacks: editable charts, not pictures."""
    assert [c.chart_type for c in charts(prs)] == [
        XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.AREA_STACKED, XL_CHART_TYPE.COLUMN_CLUSTERED,
        XL_CHART_TYPE.COLUMN_STACKED_100]


def test_categories_and_values_are_the_warehouse_numbers(prs):
    """Members by month equal marts via data.py (45 at 12/2025: 40 full + 5 probationary)."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access
    from chibo.dashboard.queries import members as qm
    from chibo.dashboard.queries import quality as qq

    scope, f = access.current_scope(), urlstate.to_filters(state_for(f"?{YEAR}"))
    df = qm.monthly_indicators(scope, f, f.start, f.end)
    trend, stock, flows, levels = charts(prs)
    # the headline trend covers the 5 years up to the period's end (the fixture starts 01/2024)
    five = qm.monthly_indicators(scope, f, dt.date(2021, 1, 1), f.end).dropna(subset=["members"])
    assert list(trend.plots[0].categories) == [f"{m:%m/%Y}" for m in five["month"]]
    assert list(trend.series[0].values) == [float(v) for v in five["members"]]
    assert trend.series[0].values[-1] == 45
    assert [s.name for s in stock.series] == ["Đảng viên chính thức", "Đảng viên dự bị"]
    assert list(stock.series[0].values) == [float(v) for v in df["official"]]
    assert (stock.series[0].values[-1], stock.series[1].values[-1]) == (40, 5)
    fl = qm.flows(scope, f, "month")
    assert list(flows.series[0].values) == [float(v) for v in fl["admitted"]]
    assert sum(flows.series[0].values) == 3  # admissions in 2025
    ql = qq.by_period(scope, f, "month")
    assert [s.name for s in levels.series] == ["Tốt", "Khá", "Trung bình", "Kém"]
    assert list(levels.series[0].values) == [float(v) for v in ql["good"]]
    assert list(levels.plots[0].categories)[-1] == "12/2025"


def test_slide_text_and_speaker_notes(prs):
    """Title, key number, filter context and source on the slide; the numbers in the notes."""
    slides = chart_slides(prs)
    first = slides[0]
    text = texts(first)
    assert "Số đảng viên trong 5 năm gần nhất" in text and "45" in text
    assert "5 năm đến 31/12/2025" in text and "Nguồn" in text  # the headline's own window
    second = texts(slides[1])
    assert "01/01/2025–31/12/2025" in second  # the other charts name the period
    notes = first.notes_slide.notes_text_frame.text
    assert "12/2025: 45" in notes and "01/2025:" in notes
    stock_notes = slides[1].notes_slide.notes_text_frame.text
    assert "12/2025: Đảng viên chính thức 40; Đảng viên dự bị 5" in stock_notes
    assert "Định nghĩa:" in stock_notes  # what the figures count, from the metric registry
    assert "25,0%" in texts(slides[3])  # good share in 12/2025: 1 of 4


def test_vietnamese_file_name(deck_file):
    """RFC 5987 name in Vietnamese with an ASCII fallback."""
    cd = deck_file.headers["Content-Disposition"]
    assert "filename*=UTF-8''Tr%C3%ACnh%20chi%E1%BA%BFu" in cd
    assert 'filename="Trinh chieu - Bo trinh chieu - Toan quoc - 31-12-2025.pptx"' in cd


def test_builtin_quarterly_deck_has_a_heatmap_picture(client):
    """'Chất lượng sinh hoạt theo quý' forces quarters; its heatmap goes in as a PNG picture."""
    resp = client.get(f"/export/deck.pptx?{YEAR}&deck=builtin:chat-luong-quy")
    assert resp.status_code == 200
    prs = Presentation(io.BytesIO(resp.data))
    assert len(prs.slides) == 1 + 6
    first = next(sh.chart for sh in prs.slides[1].shapes if sh.has_chart)
    assert list(first.plots[0].categories) == ["Q1/2025", "Q2/2025", "Q3/2025", "Q4/2025"]
    last = prs.slides[6]
    assert not any(sh.has_chart for sh in last.shapes)
    assert any(sh.shape_type == 13 for sh in last.shapes)  # MSO_SHAPE_TYPE.PICTURE


def test_slides_follow_the_viewer_scope(dash_app):
    """A narrower scope gives narrower numbers: Phú Thọ (N25) holds only cell B2."""
    from chibo.dashboard.data import Scope
    from chibo.dashboard.exports import deck as decks

    state = state_for(f"?{YEAR}")
    deck = decks.parse_deck("overview-trend")
    everything = decks.build_slides(deck, state)[0].chart.series[0].values
    phu_tho = decks.build_slides(deck, state, Scope(provinces=frozenset({"N25"})))[0]
    assert phu_tho.chart.series[0].values != everything
    assert all(v < w for v, w in zip(phu_tho.chart.series[0].values, everything))


def test_bad_deck_is_refused(client):
    """An unknown chart key gets a bilingual 400, not a traceback."""
    resp = client.get(f"/export/deck.pptx?{YEAR}&deck=members-stock,nope")
    assert resp.status_code == 400
    assert "deck" in resp.get_data(as_text=True) and " / " in resp.get_data(as_text=True)


@pytest.fixture(scope="module")
def quarterly_to_october(dash_app):
    """The quarterly deck over 01/01/2025–31/10/2025: Q4/2025 holds one month of data."""
    resp = dash_app.server.test_client().get(
        "/export/deck.pptx?from=2025-01-01&to=2025-10-31&deck=builtin:chat-luong-quy")
    assert resp.status_code == 200, resp.data
    return Presentation(io.BytesIO(resp.data))


def test_headline_is_the_last_complete_quarter_and_the_partial_one_is_marked(quarterly_to_october):
    """'Tốt · Q3/2025' is the slide's big number, not a one-month Q4; the Q4 category says
    '(1 tháng)' on the axis and in the notes, and its columns are pale."""
    levels = chart_slides(quarterly_to_october)[0]
    text = texts(levels)
    assert "Tốt · Q3/2025" in text and "Q4/2025" not in text.split("Tốt ·")[1][:12]
    chart = next(sh.chart for sh in levels.shapes if sh.has_chart)
    assert list(chart.plots[0].categories)[-1] == "Q4/2025 (1 tháng)"
    assert "Q4/2025 (1 tháng):" in levels.notes_slide.notes_text_frame.text
    good = chart.plots[0].series[0]
    assert good.points[3].format.fill.fore_color.brightness > 0  # pale
    assert good.points[2].format.fill.type is None  # the series' own colour


def test_cut_axes_are_marked_on_the_slides(quarterly_to_october):
    """Mean score and attendance are drawn on fitted axes: the same axis as on the page (at least
    10 points high, so 0,4 points never look like a crash), with the break words on the slide."""
    from chibo.dashboard.charts import spec

    for slide in chart_slides(quarterly_to_october)[1:3]:
        chart = next(sh.chart for sh in slide.shapes if sh.has_chart)
        va = chart.value_axis
        assert va.minimum_scale > 0 and "trục tung không bắt đầu từ 0" in texts(slide)
        top = 1 if va.maximum_scale <= 1 else 100
        assert va.maximum_scale - va.minimum_scale >= spec.MIN_SPAN_PCT * top


def test_axis_labels_with_decimals_are_written_with_commas():
    """PowerPoint writes axis numbers with the computer's decimal mark ('12.2' on an English
    Windows): an axis that needs decimals is labelled by text boxes in Vietnamese, each label
    different, and PowerPoint's own labels are hidden."""
    import pandas as pd
    from pptx.util import Inches

    from chibo.dashboard.charts import spec
    from chibo.dashboard.exports.pptx_chart import add_native_chart

    df = pd.DataFrame({"m": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"]),
                       "v": [12.3, 12.5, 12.4]})
    shown = spec.over_time(df, "m", [("v", "Đảng viên / chi bộ")], decimals=1, zero_based=False)
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    frame = add_native_chart(slide, shown, "vi", (Inches(0.5), Inches(1), Inches(12), Inches(5)))
    assert frame.chart.value_axis._element.xpath("c:tickLblPos/@val") == ["none"]
    axis = spec.value_axis(shown)
    written = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    expected = [axis.label(v, "vi") for v in axis.ticks()]
    assert all("," in x for x in expected) and len(set(expected)) == len(expected)
    assert all(x in written for x in expected) and not any("." in x for x in expected)


def test_an_empty_slide_names_its_scope_and_dates(dash_app):
    """A slide with nothing to show says for which scope and dates it is empty (never "for the
    selected filters"): a viewer whose scope holds no organisation."""
    from chibo.dashboard.data import Scope
    from chibo.dashboard.exports import deck as decks

    state = state_for(f"?{YEAR}")
    slide = decks.build_slides(decks.parse_deck("members-flows"), state,
                               Scope(org_roots=frozenset({"no-such-organisation"})))[0]
    notes = " ".join(slide.notes)
    assert "Không có dữ liệu cho" in notes and "01/01/2025–31/12/2025" in notes
    assert "bộ lọc" not in notes

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


def charts(prs):
    return [next(sh.chart for sh in slide.shapes if sh.has_chart) for slide in prs.slides]


def test_one_slide_per_chart_in_16_9(prs):
    """The slide count is the deck's length; the format is 16:9 for a projector."""
    assert len(prs.slides) == len(DECK.split(","))
    assert round(prs.slide_width / prs.slide_height, 3) == round(16 / 9, 3)


def test_native_chart_types(prs):
    """Lines stay lines, stacks stay stacks: editable charts, not pictures."""
    assert [c.chart_type for c in charts(prs)] == [
        XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.AREA_STACKED, XL_CHART_TYPE.COLUMN_CLUSTERED,
        XL_CHART_TYPE.COLUMN_STACKED_100]


def test_categories_and_values_are_the_warehouse_numbers(prs):
    """Members by month equal marts via data.py (45 at 12/2025: 40 full + 5 probationary)."""
    from dashboard import urlstate
    from dashboard.auth import access
    from dashboard.queries import members as qm
    from dashboard.queries import quality as qq

    scope, f = access.current_scope(), urlstate.to_filters(state_for(f"?{YEAR}"))
    df = qm.monthly_indicators(scope, f, f.start, f.end)
    trend, stock, flows, levels = charts(prs)
    # the headline trend covers the 5 years up to the period's end (the fixture starts 01/2024)
    five = qm.monthly_indicators(scope, f, dt.date(2021, 1, 1), f.end).dropna(subset=["members"])
    assert list(trend.plots[0].categories) == [f"{m:%m/%Y}" for m in five["month"]]
    assert list(trend.series[0].values) == [float(v) for v in five["members"]]
    assert trend.series[0].values[-1] == 45
    assert [s.name for s in stock.series] == ["Chính thức", "Dự bị"]
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
    first = prs.slides[0]
    text = " ".join(sh.text_frame.text for sh in first.shapes if sh.has_text_frame)
    assert "Số đảng viên trong 5 năm gần nhất" in text and "45" in text
    assert "5 năm đến 12/2025" in text and "Nguồn" in text  # the headline's own window
    second = " ".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame)
    assert "01/01/2025–31/12/2025" in second  # the other charts name the period
    notes = first.notes_slide.notes_text_frame.text
    assert "12/2025: 45" in notes and "01/2025:" in notes
    stock_notes = prs.slides[1].notes_slide.notes_text_frame.text
    assert "12/2025: Chính thức 40; Dự bị 5" in stock_notes
    assert "25,0%" in " ".join(sh.text_frame.text for sh in prs.slides[3].shapes
                                if sh.has_text_frame)  # good share in 12/2025: 1 of 4


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
    assert len(prs.slides) == 6
    first = next(sh.chart for sh in prs.slides[0].shapes if sh.has_chart)
    assert list(first.plots[0].categories) == ["Q1/2025", "Q2/2025", "Q3/2025", "Q4/2025"]
    last = prs.slides[5]
    assert not any(sh.has_chart for sh in last.shapes)
    assert any(sh.shape_type == 13 for sh in last.shapes)  # MSO_SHAPE_TYPE.PICTURE


def test_slides_follow_the_viewer_scope(dash_app):
    """A narrower scope gives narrower numbers: Phú Thọ (N25) holds only cell B2."""
    from dashboard.data import Scope
    from dashboard.exports import deck as decks

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

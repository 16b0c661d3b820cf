"""Chart titles, subtitles and footnotes on a 390 px phone, in a real browser on the demo data:
every line of a card's title and subtitle lies inside its chart (nothing cut at the card's edge;
the rate charts end their subtitle with a long formula, so some subtitles must wrap), the whole
text is still there, and nothing of the chart is drawn under it; the footnote (date, source,
generation) fits too."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import shot
from tests.helpers import runtime_for, serving

pytestmark = pytest.mark.browser
PAGE = "/chat-luong"  # five rate charts (subtitles ending with formulas) and the heatmap

# per chart card: the chart's edges; its title's edges, line count, the text Plotly drew and the
# text the figure holds (tags stripped), whether it is the answer (a subtitle under the title),
# not the card's placeholder (a long title wraps on a phone too); the top of the legend and of
# the plot area, if any; the footnote's edges and texts
MEASURE = """() => [...document.querySelectorAll('.chart-card .js-plotly-plot')].map(gd => {
    const edges = e => { const r = e.getBoundingClientRect();
                         return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
    const flat = s => s.replace(/<br>/g, ' ').replace(/<[^>]+>/g, '').replace(/\\s+/g, ' ').trim();
    const drawn = e => { const ls = [...e.querySelectorAll('tspan.line')];
                         return flat(ls.length ? ls.map(l => l.textContent).join(' ') : e.textContent); };
    const title = gd.querySelector('.gtitle'), graph = edges(gd);
    const i = (gd.layout.annotations || []).findIndex(a => a.name === 'footnote');
    const note = i < 0 ? null : gd.querySelector(`.annotation[data-index="${i}"] .annotation-text`);
    const tops = sel => [...gd.querySelectorAll(sel)].filter(e => e.getBoundingClientRect().height > 0)
        .map(e => edges(e).top);
    return {key: gd.parentElement.closest('[id]').id, left: graph.left, right: graph.right,
            title: title && edges(title), lines: title ? title.querySelectorAll('tspan.line').length : 0,
            drawn: title ? drawn(title) : '', text: flat((gd.layout.title || {}).text || ''),
            answered: /<br>/.test((gd.layout.title || {}).text || ''),
            below: Math.min(Infinity, ...tops('.legend'), ...tops('.nsewdrag')),
            footnote: note && edges(note), note: note ? drawn(note) : '',
            noted: i < 0 ? '' : flat(gd.layout.annotations[i].text)};
})"""
FITS = f"""() => {{
    const cards = ({MEASURE})();
    return cards.length > 0 && cards.every(c => c.answered && c.title && c.lines >= 2
        && c.title.left >= c.left - 0.5 && c.title.right <= c.right + 0.5
        && (c.noted === '' || (c.footnote && c.note === c.noted))
        && (!c.footnote || c.footnote.right <= c.right + 0.5));
}}"""


@pytest.fixture
def on_demo(demo_warehouse, dash_app):
    """The app serves the demo warehouse for this test, then the fixture warehouse again."""
    with serving(dash_app, runtime_for(demo_warehouse)):
        yield


def test_subtitles_wrap_inside_their_card_on_a_phone(page, on_demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + PAGE)
    try:  # drawn (the placeholder has no subtitle) and wrapped: a busy machine may take long
        page.wait_for_function(FITS, timeout=240000, polling=500)
    except PlaywrightTimeout:
        pass  # the assertions below say which card does not fit
    page.wait_for_load_state("networkidle")
    cards = page.evaluate(MEASURE)
    shot(page, "subtitles-quality-390")
    assert cards
    for card in cards:
        assert card["title"] is not None and card["lines"] >= 2, card  # a title and a subtitle
        assert card["title"]["left"] >= card["left"] - 0.5, card
        assert card["title"]["right"] <= card["right"] + 0.5, card
        assert card["drawn"] == card["text"], card  # wrapped, not shortened
        assert card["title"]["bottom"] <= card["below"] + 0.5, card  # the chart starts below
        assert card["footnote"] is not None and card["note"] == card["noted"], card
        assert card["left"] - 0.5 <= card["footnote"]["left"], card
        assert card["footnote"]["right"] <= card["right"] + 0.5, card
    # the rate formulas make some subtitles longer than a phone's line: they wrapped
    assert max(c["lines"] for c in cards) >= 3, cards

"""Charts as PNG/SVG from the server (kaleido + system chromium, local plotly.js, no MathJax) with
Vietnamese file names; the deck and its filters round-trip through the URL."""

from __future__ import annotations

import io
from urllib.parse import unquote

from tests.exports.conftest import YEAR, state_for


def test_png_at_projector_resolution(client):
    """A valid 1920×1080 PNG named after the chart title in Vietnamese."""
    from PIL import Image

    resp = client.get(f"/export/chart/members-stock.png?{YEAR}")
    assert resp.status_code == 200 and resp.mimetype == "image/png"
    assert resp.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(resp.data)).size == (1920, 1080)
    cd = resp.headers["Content-Disposition"]
    assert unquote(cd.split("filename*=UTF-8''")[1]) == "Đảng viên chính thức và dự bị - Toàn quốc - 31-12-2025.png"


def test_svg_is_an_svg_document(client):
    """The SVG starts with its root element and carries the Vietnamese title text."""
    resp = client.get(f"/export/chart/overview-trend.svg?{YEAR}")
    assert resp.status_code == 200 and resp.mimetype == "image/svg+xml"
    text = resp.get_data(as_text=True)
    assert text.startswith("<svg") and text.rstrip().endswith("</svg>")
    assert "Số đảng viên trong 5 năm gần nhất" in text
    cd = resp.headers["Content-Disposition"]
    assert unquote(cd.split("filename*=UTF-8''")[1]) == "Số đảng viên trong 5 năm gần nhất - Toàn quốc - 31-12-2025.svg"


def test_renderer_uses_local_files_only():
    """kaleido gets the plotly.js shipped with plotly and no MathJax: nothing from a CDN."""
    from kaleido import PageGenerator

    from chibo.dashboard.exports import images

    assert images.PLOTLY_JS.is_file()
    page = PageGenerator(plotly=str(images.PLOTLY_JS), mathjax=False).generate_index()
    assert "http://" not in page and "https://" not in page


def test_unknown_chart_is_404(client):
    """Only registered charts can be exported."""
    assert client.get("/export/chart/nope.png").status_code == 404
    assert client.get("/export/chart/members-stock.gif").status_code == 404


def test_deck_round_trips_through_the_url(dash_app):
    """A prepared link opens the same deck with the same filters; a bad deck is a notice."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access

    state = state_for(f"?{YEAR}&deck=members-stock,quality-levels&auto=20&qgrain=quarter")
    assert state["params"]["deck"] == "members-stock,quality-levels"
    again = state_for(urlstate.to_search(state))
    assert again == state
    _state, bad = urlstate.parse("?deck=members-stock,nope",
                                 urlstate.choices_for(access.current_scope()))
    assert bad == ["deck=members-stock,nope"]


def test_slides_payload_for_a_deck(dash_app):
    """The page's data: one JSON-able slide per key, exit link without the deck, pptx link."""
    from chibo.dashboard.pages import slides

    p = slides.payload(state_for(f"?{YEAR}&deck=overview-trend,members-stock&auto=20"))
    assert p["present"] and p["auto"] == 20
    assert [s["key"] for s in p["slides"]] == ["overview-trend", "members-stock"]
    assert p["slides"][0]["key_value"] == "45" and p["slides"][0]["key_label"] == "Đảng viên · 12/2025"
    assert p["exit"] == f"/?{YEAR}"  # leaving keeps the filters, drops the deck
    assert p["pptx"].startswith("/export/deck.pptx?") and "deck=overview-trend" in p["pptx"]
    assert not slides.payload(state_for(f"?{YEAR}"))["present"]


def test_deck_pdf_opens_with_a_title_page_and_one_page_per_slide(client, tmp_path):
    """/export/deck.pdf: pdftoppm (poppler) reads it: 1 + 2 pages, 16:9, the title page and a
    slide drawn (not blank), the file named like the PowerPoint."""
    import subprocess

    resp = client.get(f"/export/deck.pdf?{YEAR}&deck=members-stock,quality-levels")
    assert resp.status_code == 200 and resp.mimetype == "application/pdf"
    assert resp.data.startswith(b"%PDF")
    assert "Trinh chieu - Bo trinh chieu - Toan quoc - 31-12-2025.pdf" in resp.headers[
        "Content-Disposition"]
    path = tmp_path / "deck.pdf"
    path.write_bytes(resp.data)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 3
    from PIL import Image

    for page in pages:
        im = Image.open(page).convert("L")
        assert round(im.width / im.height, 2) == round(16 / 9, 2)
        assert im.getextrema()[0] < 100  # something dark is drawn: text or chart


def test_png_title_is_clear_of_the_top_edge(client):
    """The exported PNG's first rows are white: the title does not touch the edge."""
    from PIL import Image

    resp = client.get(f"/export/chart/members-stock.png?{YEAR}")
    im = Image.open(io.BytesIO(resp.data)).convert("L")
    top = im.crop((0, 0, im.width, 24))
    assert top.getextrema()[0] > 240


def test_projector_heatmap_labels_every_province():
    """34 provinces × 12 months on a slide or in the PowerPoint: every row keeps its label (Plotly
    alone labels every other one at that height), in a type that fits the rows."""
    from chibo.dashboard.charts import plain
    from chibo.dashboard.exports import projector

    rows = [f"Tỉnh số {i}" for i in range(34)]
    fig = plain.figure([plain.trace("heatmap", z=[[i] * 12 for i in range(34)], y=rows,
                                    x=[f"2025-{m:02d}-01" for m in range(1, 13)])])
    styled = plain.as_figure(projector.style(fig))
    assert list(styled.layout.yaxis.tickvals) == rows and list(styled.layout.yaxis.ticktext) == rows
    size = styled.layout.yaxis.tickfont.size
    assert 9 <= size and size * 34 <= projector.SLIDE_PLOT_PX

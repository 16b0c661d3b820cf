"""A deck (or one chart) as a PDF for people who only print or e-mail: a title page naming the
deck, scope, period and data, then one 16:9 page per slide, each the same projector picture
as the PNG export (title, scope and period, key number, chart, source), rendered by the
chromium already used for images and bound into one file by Pillow."""

from __future__ import annotations

import io

import plotly.graph_objects as go
from PIL import Image

from chibo.dashboard.charts import plain
from chibo.dashboard.exports import images
from chibo.dashboard.exports.deck import Cover, Slide

INK, GREY, BLUE = "#000000", "#404040", "#0072B2"
DPI = 160  # 1920 px pages print at 12 × 6,75 inches


def titled(slide: Slide) -> go.Figure:
    """The slide's projector figure with its title, context, key number and source drawn in
    (the PNG/SVG export and the PDF pages); the title sits clear of the top edge."""
    fig = plain.as_figure(slide.figure)
    top = 180 if not fig.layout.showlegend else 220
    fig.update_layout(title={"text": ""}, margin={"t": top, "b": 90, "l": 40, "r": 40})
    if fig.layout.showlegend:
        fig.update_layout(legend={"y": 1.02, "yanchor": "bottom"})

    def at(px: int) -> float:  # a height `px` pixels from the top, in paper units
        return 1 + (top - px) / (images.HEIGHT - top - 90)

    fig.add_annotation(text=f"<b>{slide.title}</b>", xref="paper", yref="paper", x=0, y=at(40),
                       xanchor="left", yanchor="top", showarrow=False,
                       font={"size": 36, "color": INK})
    fig.add_annotation(text=slide.context, xref="paper", yref="paper", x=0, y=at(92),
                       xanchor="left", yanchor="top", showarrow=False,
                       font={"size": 22, "color": GREY})
    if slide.key_value:
        fig.add_annotation(text=f"<b>{slide.key_value}</b>", xref="paper", yref="paper", x=1,
                           y=at(40), xanchor="right", yanchor="top", showarrow=False,
                           font={"size": 48, "color": BLUE})
        fig.add_annotation(text=slide.key_label, xref="paper", yref="paper", x=1, y=at(104),
                           xanchor="right", yanchor="top", showarrow=False,
                           font={"size": 20, "color": GREY})
    fig.add_annotation(text=slide.source, xref="paper", yref="paper", x=0, y=0, yshift=-60,
                       xanchor="left", yanchor="top", showarrow=False,
                       font={"size": 18, "color": GREY})
    return fig


def cover_figure(cover: Cover) -> go.Figure:
    """The title page: deck title, scope, period, data generation."""
    fig = go.Figure()
    fig.update_layout(paper_bgcolor="#ffffff", plot_bgcolor="#ffffff",
                      xaxis={"visible": False}, yaxis={"visible": False},
                      margin={"t": 0, "b": 0, "l": 0, "r": 0})
    for text, y, size, color in ((f"<b>{cover.title}</b>", 0.62, 60, INK),
                                 (cover.scope, 0.48, 32, INK), (cover.period, 0.40, 28, GREY),
                                 (cover.source, 0.12, 20, GREY)):
        fig.add_annotation(text=text, xref="paper", yref="paper", x=0.06, y=y, xanchor="left",
                           showarrow=False, font={"size": size, "color": color}, align="left")
    return fig


def build(slides: list[Slide], cover: Cover | None) -> bytes:
    """The PDF bytes: the title page (when given), then one page per slide."""
    figures = ([cover_figure(cover)] if cover is not None else []) + [titled(s) for s in slides]
    pages = [Image.open(io.BytesIO(images.render(f, "png"))).convert("RGB") for f in figures]
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=DPI,
                  title=cover.title if cover is not None else slides[0].title)
    return buf.getvalue()

"""A deck as a 16:9 PowerPoint file: a title slide (deck, scope, period, data generation), then
one slide per chart with a native, editable chart written from the chart's spec
(exports/pptx_chart.py; maps and heatmaps as a PNG), the title, key number, filter context and
source on the slide, and the numbers in the speaker notes."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches

from chibo.dashboard.exports import images, projector
from chibo.dashboard.exports.deck import Cover, Slide
from chibo.dashboard.exports.pptx_chart import BLUE, GREY, add_native_chart, text_box

W, H = Inches(13.333), Inches(7.5)
CHART_BOX = (Inches(0.45), Inches(1.75), Inches(12.43), Inches(5.05))
PICTURE_PX = 2200  # wide enough for 34 map tiles; the type is enlarged to match


def picture(figure, width: int, height: int) -> bytes:
    """A figure without a spec (map, heatmap, treemap) as a projector PNG of the box's shape."""
    px_h = int(PICTURE_PX * height / width)
    return images.render(projector.style(figure, base=30, height=px_h), "png", PICTURE_PX, px_h,
                         scale=1)


def add_cover(prs, cover: Cover) -> None:
    s = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    text_box(s, (Inches(0.8), Inches(2.0), Inches(11.7), Inches(1.5)), cover.title, 44, bold=True,
             anchor=MSO_ANCHOR.BOTTOM)
    text_box(s, (Inches(0.8), Inches(3.7), Inches(11.7), Inches(0.6)), cover.scope, 26, color=BLUE)
    text_box(s, (Inches(0.8), Inches(4.35), Inches(11.7), Inches(0.6)), cover.period, 22)
    text_box(s, (Inches(0.8), Inches(6.6), Inches(11.7), Inches(0.5)), cover.source, 14, color=GREY)


def add_slide(prs, slide: Slide, number: int, total: int, lang: str) -> None:
    s = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    has_key = bool(slide.key_value)
    title_w = Inches(9.2) if has_key else Inches(12.4)
    text_box(s, (Inches(0.45), Inches(0.3), title_w, Inches(0.95)), slide.title, 30, bold=True,
             anchor=MSO_ANCHOR.BOTTOM)
    text_box(s, (Inches(0.45), Inches(1.22), title_w, Inches(0.5)), slide.context, 15, color=GREY)
    if has_key:
        text_box(s, (Inches(9.75), Inches(0.3), Inches(3.13), Inches(0.85)), slide.key_value, 40,
                 bold=True, color=BLUE, align=PP_ALIGN.RIGHT, anchor=MSO_ANCHOR.BOTTOM)
        text_box(s, (Inches(9.75), Inches(1.17), Inches(3.13), Inches(0.55)), slide.key_label, 13,
                 color=GREY, align=PP_ALIGN.RIGHT)
    if slide.chart is not None:
        add_native_chart(s, slide.chart, lang, CHART_BOX)
    else:
        left, top, width, height = CHART_BOX
        s.shapes.add_picture(io.BytesIO(picture(slide.figure, width, height)), left, top, width,
                             height)
    text_box(s, (Inches(0.45), Inches(6.92), Inches(11.2), Inches(0.42)), slide.source, 12,
             color=GREY)
    text_box(s, (Inches(11.7), Inches(6.92), Inches(1.18), Inches(0.42)), f"{number} / {total}", 12,
             color=GREY, align=PP_ALIGN.RIGHT)
    s.notes_slide.notes_text_frame.text = "\n".join(slide.notes)


def build(slides: list[Slide], cover: Cover, lang: str = "vi") -> bytes:
    """The .pptx bytes: the title slide, then one slide per chart."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(W), Emu(H)
    prs.core_properties.title = cover.title
    prs.core_properties.subject = f"{cover.scope} · {cover.period}"
    prs.core_properties.language = "vi-VN" if lang == "vi" else "en-GB"
    add_cover(prs, cover)
    for i, slide in enumerate(slides, 1):
        add_slide(prs, slide, i, len(slides), lang)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()

"""A deck as a 16:9 PowerPoint file: one slide per chart with a native, editable chart written
from the chart's spec (line, area, clustered/stacked/100% columns, bars; maps and heatmaps as a
PNG), the title, key number, filter context and source on the slide, and the numbers in the
speaker notes."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard.charts.spec import ChartSpec
from dashboard.exports import images, projector
from dashboard.exports.deck import Slide

FONT = "Arial"  # has every Vietnamese glyph on Windows, macOS and (as Liberation Sans) Linux
TYPES = {"line": XL_CHART_TYPE.LINE_MARKERS, "area": XL_CHART_TYPE.AREA_STACKED,
         "column": XL_CHART_TYPE.COLUMN_CLUSTERED, "column_stacked": XL_CHART_TYPE.COLUMN_STACKED,
         "column_stacked_100": XL_CHART_TYPE.COLUMN_STACKED_100,
         "bar": XL_CHART_TYPE.BAR_CLUSTERED}
BLACK, GREY, BLUE = RGBColor(0, 0, 0), RGBColor(0x40, 0x40, 0x40), RGBColor(0x00, 0x72, 0xB2)
W, H = Inches(13.333), Inches(7.5)
CHART_BOX = (Inches(0.45), Inches(1.75), Inches(12.43), Inches(5.05))


def number_format(chart: ChartSpec, lang: str) -> str:
    """Excel format code for axes: Vietnamese thousands dots written as literals (viewer
    locales would otherwise decide); percentages without decimals (no separator at all)."""
    if chart.percent:
        return "0%"
    if lang == "en":
        return "#,##0" if chart.decimals == 0 else "#,##0.0"
    if chart.decimals:
        return "0.0"
    return '[>=1000000]0"."000"."000;[>=1000]0"."000;0'


def _text(slide, box, text: str, size: int, *, bold=False, color=BLACK, align=PP_ALIGN.LEFT,
          anchor=MSO_ANCHOR.TOP):
    shape = slide.shapes.add_textbox(*box)
    tf = shape.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = Inches(0.05)
    p = tf.paragraphs[0]
    p.alignment = align
    run = p.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = color
    return shape


def _rgb(color: str | None) -> RGBColor | None:
    if not color or not color.startswith("#") or len(color) != 7:
        return None
    return RGBColor.from_string(color[1:].upper())


def add_native_chart(slide, chart: ChartSpec, lang: str):
    """The chart as an editable PowerPoint chart in the chart box; returns the graphic frame."""
    labels = chart.labels()
    data = CategoryChartData(number_format=number_format(chart, lang))
    data.categories = labels
    for s in chart.series:
        data.add_series(s.name or " ", s.values)
    frame = slide.shapes.add_chart(TYPES[chart.kind], *CHART_BOX, data)
    ch = frame.chart
    ch.font.size, ch.font.name = Pt(14), FONT
    ch.has_title = False  # the slide carries the title
    ch.has_legend = len(chart.series) > 1
    if ch.has_legend:
        ch.legend.position = XL_LEGEND_POSITION.TOP
        ch.legend.include_in_layout = False
        ch.legend.font.size = Pt(16)
    va = ch.value_axis
    va.has_major_gridlines = True
    va.major_gridlines.format.line.color.rgb = RGBColor(0xB0, 0xB0, 0xB0)
    va.tick_labels.number_format = ("0%" if chart.kind == "column_stacked_100"
                                     else number_format(chart, lang))
    if chart.zero_based:
        va.minimum_scale = 0
    va.tick_labels.number_format_is_linked = False
    va.tick_labels.font.size = Pt(14)
    ca = ch.category_axis
    ca.tick_labels.font.size = Pt(14 if len(labels) <= 20 else 11)
    if chart.kind == "bar" and len(labels) > 20:
        ca.tick_labels.font.size = Pt(9)
    plot = ch.plots[0]
    if chart.kind in ("column", "column_stacked", "column_stacked_100", "bar"):
        plot.gap_width = 60
        if chart.kind != "column":
            plot.overlap = 100
    for s, ps in zip(chart.series, plot.series):
        rgb = _rgb(s.color)
        if chart.kind == "line":
            ps.smooth = False
            ps.format.line.width = Pt(3)
            ps.marker.style = XL_MARKER_STYLE.CIRCLE
            ps.marker.size = 5 if len(labels) > 24 else 8
            if rgb:
                ps.format.line.color.rgb = rgb
                ps.marker.format.fill.solid()
                ps.marker.format.fill.fore_color.rgb = rgb
                ps.marker.format.line.color.rgb = rgb
        elif rgb:
            ps.format.fill.solid()
            ps.format.fill.fore_color.rgb = rgb
    if len(labels) <= 12 and len(chart.series) <= 2 and chart.kind != "column_stacked_100":
        _point_labels(plot, chart, lang)
    return frame


def _point_labels(plot, chart: ChartSpec, lang: str) -> None:
    """Data labels written in Vietnamese number format (10.579, 12,5%) whatever the viewer's
    locale; the chart data stay numbers, so the chart remains editable."""
    for s, ps in zip(chart.series, plot.series):
        for i, v in enumerate(s.values):
            if v is None:
                continue
            tf = ps.points[i].data_label.text_frame
            tf.text = chart.fmt(v, lang)
            tf.paragraphs[0].runs[0].font.size = Pt(13)
            tf.paragraphs[0].runs[0].font.name = FONT


def add_slide(prs, slide: Slide, number: int, total: int, lang: str) -> None:
    s = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    has_key = bool(slide.key_value)
    title_w = Inches(9.2) if has_key else Inches(12.4)
    _text(s, (Inches(0.45), Inches(0.3), title_w, Inches(0.95)), slide.title, 30, bold=True,
          anchor=MSO_ANCHOR.BOTTOM)
    _text(s, (Inches(0.45), Inches(1.22), title_w, Inches(0.5)), slide.context, 15, color=GREY)
    if has_key:
        _text(s, (Inches(9.75), Inches(0.3), Inches(3.13), Inches(0.85)), slide.key_value, 40,
              bold=True, color=BLUE, align=PP_ALIGN.RIGHT, anchor=MSO_ANCHOR.BOTTOM)
        _text(s, (Inches(9.75), Inches(1.17), Inches(3.13), Inches(0.55)), slide.key_label, 13,
              color=GREY, align=PP_ALIGN.RIGHT)
    if slide.chart is not None:
        add_native_chart(s, slide.chart, lang)
    else:
        left, top, width, height = CHART_BOX
        px_w = 2200  # wide enough for 34 map tiles; the type is enlarged to match
        png = images.render(projector.style(slide.figure, base=30), "png", px_w,
                            int(px_w * height / width), scale=1)
        s.shapes.add_picture(io.BytesIO(png), left, top, width, height)
    _text(s, (Inches(0.45), Inches(6.92), Inches(11.2), Inches(0.42)), slide.source, 12,
          color=GREY)
    _text(s, (Inches(11.7), Inches(6.92), Inches(1.18), Inches(0.42)), f"{number} / {total}", 12,
          color=GREY, align=PP_ALIGN.RIGHT)
    s.notes_slide.notes_text_frame.text = "\n".join(slide.notes)


def build(slides: list[Slide], title: str, lang: str = "vi") -> bytes:
    """The .pptx bytes for the slides (one PowerPoint slide per chart)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(W), Emu(H)
    prs.core_properties.title = title
    prs.core_properties.language = "vi-VN" if lang == "vi" else "en-GB"
    for i, slide in enumerate(slides, 1):
        add_slide(prs, slide, i, len(slides), lang)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()

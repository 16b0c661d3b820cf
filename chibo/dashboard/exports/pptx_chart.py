"""A chart spec (charts/spec.py) as a native, editable PowerPoint chart: line, stacked area,
clustered/stacked/100% columns, bars. The value axis is the spec's own (`spec.value_axis`: the
same baseline, step and cut as on screen); the plot area is laid out by hand, so the axis labels
that PowerPoint would write with the computer's decimal mark (91.1 on an English Windows) are
written as Vietnamese text instead (91,1), and a cut axis gets its break sign and its words."""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE, XL_TICK_LABEL_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.util import Emu, Inches, Pt

from chibo.dashboard.charts.spec import Axis, ChartSpec, value_axis
from chibo.dashboard.i18n import t

FONT = "Arial"  # has every Vietnamese glyph on Windows, macOS and (as Liberation Sans) Linux
TYPES = {"line": XL_CHART_TYPE.LINE_MARKERS, "area": XL_CHART_TYPE.AREA_STACKED,
         "column": XL_CHART_TYPE.COLUMN_CLUSTERED, "column_stacked": XL_CHART_TYPE.COLUMN_STACKED,
         "column_stacked_100": XL_CHART_TYPE.COLUMN_STACKED_100,
         "bar": XL_CHART_TYPE.BAR_CLUSTERED}
BLACK, GREY, BLUE = RGBColor(0, 0, 0), RGBColor(0x40, 0x40, 0x40), RGBColor(0x00, 0x72, 0xB2)
PALE = 0.55  # transparency of a partial period's bar
_C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'


def text_box(slide, box, text: str, size: float, *, bold=False, color=BLACK, align=PP_ALIGN.LEFT,
             anchor=MSO_ANCHOR.TOP):
    """A text box in the deck's font (no autofit: the boxes are sized for their texts)."""
    shape = slide.shapes.add_textbox(*box)
    tf = shape.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = Inches(0.05)
    tf.margin_top = tf.margin_bottom = Inches(0.02)
    p = tf.paragraphs[0]
    p.alignment = align
    run = p.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = color
    return shape


def number_format(chart: ChartSpec, axis: Axis, lang: str) -> str:
    """Excel format code: Vietnamese thousands dots written as literals (viewer locales would
    otherwise decide); decimals as the axis needs them (drawn as text in Vietnamese)."""
    if axis.percent:
        return "0%" if axis.decimals == 0 else "0." + "0" * axis.decimals + "%"
    if lang == "en" or axis.decimals:
        return "#,##0" + ("." + "0" * axis.decimals if axis.decimals else "")
    return '[>=1000000]0"."000"."000;[>=1000]0"."000;0'


def _rgb(color: str | None) -> RGBColor | None:
    if not color or not color.startswith("#") or len(color) != 7:
        return None
    return RGBColor.from_string(color[1:].upper())


def plot_area(chart: ChartSpec, labels: list[str]) -> tuple[float, float, float, float]:
    """The inner plot area as fractions (x, y, w, h) of the chart box: room on the left for the
    value labels (columns, lines) or the category names (bars), under it for the categories."""
    horizontal = chart.kind == "bar"
    top = 0.12 if len(chart.series) > 1 else 0.04
    if horizontal:
        size = 9 if len(labels) > 20 else 14
        left = min(0.36, 0.02 + max(len(x) for x in labels) * 0.55 * size / 72 / 12.43)
        return left, top, (0.9 if not chart.mirrored else 0.97) - left, 0.9 - top
    return 0.09, top, 0.89, 0.86 - top


def _manual_layout(ch, x: float, y: float, w: float, h: float) -> None:
    area = ch._chartSpace.chart.plotArea
    for old in area.findall("{http://schemas.openxmlformats.org/drawingml/2006/chart}layout"):
        area.remove(old)
    area.insert(0, parse_xml(
        f'<c:layout {_C}><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/>'
        f'<c:yMode val="edge"/><c:x val="{x:.4f}"/><c:y val="{y:.4f}"/><c:w val="{w:.4f}"/>'
        f'<c:h val="{h:.4f}"/></c:manualLayout></c:layout>'))


def add_native_chart(slide, chart: ChartSpec, lang: str, box):
    """The chart as an editable PowerPoint chart in `box` (left, top, width, height); returns
    the graphic frame."""
    labels = chart.part_labels(lang)
    axis = value_axis(chart)
    data = CategoryChartData(number_format=number_format(chart, axis, lang))
    data.categories = labels
    for s in chart.series:
        data.add_series(s.name or " ", s.values)
    frame = slide.shapes.add_chart(TYPES[chart.kind], *box, data)
    ch = frame.chart
    ch.font.size, ch.font.name = Pt(14), FONT
    ch.has_title = False  # the slide carries the title
    ch.has_legend = len(chart.series) > 1
    if ch.has_legend:
        ch.legend.position = XL_LEGEND_POSITION.TOP
        ch.legend.include_in_layout = False
        ch.legend.font.size = Pt(16)
    area = plot_area(chart, labels)
    _manual_layout(ch, *area)
    va = ch.value_axis
    va.has_major_gridlines = True
    va.major_gridlines.format.line.color.rgb = RGBColor(0xB0, 0xB0, 0xB0)
    va.minimum_scale, va.maximum_scale, va.major_unit = axis.lo, axis.hi, axis.step
    va.tick_labels.number_format = number_format(chart, axis, lang)
    va.tick_labels.number_format_is_linked = False
    va.tick_labels.font.size = Pt(14)
    if lang != "en" and axis.decimals:  # PowerPoint would write the computer's decimal mark
        va.tick_label_position = XL_TICK_LABEL_POSITION.NONE
        _value_labels(slide, box, area, axis, chart.kind == "bar", lang)
    ca = ch.category_axis
    ca.tick_labels.font.size = Pt(14 if len(labels) <= 20 else 11)
    if chart.kind == "bar" and len(labels) > 20:
        ca.tick_labels.font.size = Pt(9)
    _style_series(ch.plots[0], chart, labels)
    if len(labels) <= 12 and len(chart.series) <= 2 and chart.kind != "column_stacked_100":
        _point_labels(ch.plots[0], chart, lang)
    if axis.cut:
        _cut_mark(slide, box, area, lang)
    return frame


def _style_series(plot, chart: ChartSpec, labels: list[str]) -> None:
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
            for i, partial in enumerate(chart.partial or ()):
                if partial:  # a period only partly inside the data: the same colour, pale
                    fill = ps.points[i].format.fill
                    fill.solid()
                    fill.fore_color.rgb = rgb
                    fill.fore_color.brightness = PALE


def _value_labels(slide, box, area, axis: Axis, horizontal: bool, lang: str) -> None:
    """The value axis's labels as text at the tick positions of the hand-laid plot area."""
    left, top, width, height = box
    x, y, w, h = area
    for v in axis.ticks():
        share = (v - axis.lo) / (axis.hi - axis.lo)
        if horizontal:
            cx = left + int(width * (x + w * share))
            text_box(slide, (Emu(cx - Inches(0.6)), Emu(top + int(height * (y + h)) + Inches(0.04)),
                             Inches(1.2), Inches(0.32)), axis.label(v, lang), 14,
                     align=PP_ALIGN.CENTER)
        else:
            cy = top + int(height * (y + h * (1 - share)))
            text_box(slide, (Emu(left), Emu(cy - Inches(0.16)), Emu(int(width * x) - Inches(0.08)),
                             Inches(0.32)), axis.label(v, lang), 14, align=PP_ALIGN.RIGHT,
                     anchor=MSO_ANCHOR.MIDDLE)


def _cut_mark(slide, box, area, lang: str) -> None:
    """A break sign across the value axis at its foot and the words 'trục không bắt đầu từ 0'."""
    left, top, width, height = box
    x, y, w, h = area
    ax, ay = left + int(width * x), top + int(height * (y + h))
    for dy in (Inches(0.06), Inches(0.16)):
        line = slide.shapes.build_freeform(ax - Inches(0.1), ay - dy)
        line.add_line_segments([(ax + Inches(0.1), ay - dy - Inches(0.08))], close=False)
        shape = line.convert_to_shape()
        shape.line.color.rgb, shape.line.width = BLACK, Pt(2)
    text_box(slide, (Emu(ax + Inches(0.15)), Emu(ay - Inches(0.42)), Inches(3.6), Inches(0.34)),
             t("chart.y_not_zero", lang), 12, color=GREY)


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

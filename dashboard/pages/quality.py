"""Chất lượng sinh hoạt (meeting quality): quality levels, score, attendance, meeting kinds,
online share, a province × month heatmap, and watch lists of cells."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import html

from dashboard import data, figures, i18n, urlstate
from dashboard.auth import access
from dashboard.components.chart_card import Chart, chart_card, register
from dashboard.components.table_card import Table, table_card
from dashboard.components.table_card import register as register_table
from dashboard.i18n import t
from dashboard.queries import quality as q

dash.register_page(__name__, path="/chat-luong", name="Chất lượng sinh hoạt", order=3,
                   nav_key="nav.quality")

QUALITY_LEVELS = "quality-levels"
QUALITY_SCORE = "quality-score"
QUALITY_ATTENDANCE = "quality-attendance"
QUALITY_KINDS = "quality-kinds"
QUALITY_ONLINE = "quality-online"
QUALITY_HEATMAP = "quality-heatmap"
QUALITY_MISSED = "quality-missed"
QUALITY_FALLING = "quality-falling"
QUALITY_POOR = "quality-poor"
QUALITY_GRAIN = {"type": "url-param", "name": "qgrain"}
QUALITY_HEAT = {"type": "url-param", "name": "heat"}
QUALITY_WINDOW = {"type": "url-param", "name": "missed"}

urlstate.register_param("qgrain", ("month", "quarter"), "month")
urlstate.register_param("heat", ("good_fair", "score"), "good_fair")
urlstate.register_param("missed", ("3", "6", "12"), "3")
i18n.register({
    "nav.quality": ("Chất lượng sinh hoạt", "Meeting quality"),
    "quality.heading": ("Chất lượng sinh hoạt chi bộ", "Quality of cell meetings"),
    "quality.grain.month": ("Theo tháng", "By month"),
    "quality.grain.quarter": ("Theo quý", "By quarter"),
    "quality.levels": ("Xếp loại chất lượng buổi sinh hoạt", "Meetings by quality level"),
    "quality.good": ("Tốt", "Good"),
    "quality.fair": ("Khá", "Fair"),
    "quality.average": ("Trung bình", "Average"),
    "quality.poor": ("Kém", "Poor"),
    "quality.score": ("Điểm chất lượng bình quân (thang 100)", "Mean quality score (of 100)"),
    "quality.score_series": ("Điểm bình quân", "Mean score"),
    "quality.attendance": ("Tỷ lệ đảng viên dự sinh hoạt (có mặt / phải dự)",
                           "Attendance (present / expected)"),
    "quality.attendance_series": ("Tỷ lệ dự sinh hoạt", "Attendance"),
    "quality.kinds": ("Số buổi sinh hoạt thường kỳ và chuyên đề", "Regular and thematic meetings"),
    "quality.regular": ("Thường kỳ", "Regular"),
    "quality.thematic": ("Chuyên đề", "Thematic"),
    "quality.online": ("Tỷ lệ buổi sinh hoạt trực tuyến, kết hợp",
                       "Share of meetings held online or hybrid"),
    "quality.online_series": ("Trực tuyến + kết hợp / tổng số buổi", "Online + hybrid / all"),
    "quality.heatmap": ("Chất lượng sinh hoạt theo tỉnh, thành phố và tháng",
                        "Meeting quality by province and month"),
    "quality.heat.good_fair": ("Tỷ lệ tốt, khá", "Share good or fair"),
    "quality.heat.score": ("Điểm bình quân", "Mean score"),
    "quality.watch": ("Chi bộ cần chú ý", "Cells to watch"),
    "quality.missed": ("Chi bộ không sinh hoạt thường kỳ đủ các tháng",
                       "Cells that missed regular meetings"),
    "quality.missed_window": ("Trong", "In the last"),
    "quality.missed.3": ("3 tháng cuối kỳ", "3 months of the period"),
    "quality.missed.6": ("6 tháng cuối kỳ", "6 months of the period"),
    "quality.missed.12": ("12 tháng cuối kỳ", "12 months of the period"),
    "quality.falling": ("Chi bộ có chất lượng sinh hoạt giảm (6 tháng gần nhất so với 6 tháng "
                        "trước)", "Cells whose meeting quality is falling (last 6 vs previous 6 "
                        "months)"),
    "quality.poor_list": ("Chi bộ có từ 2 buổi sinh hoạt xếp loại kém trong 12 tháng",
                          "Cells with 2 or more poor meetings in 12 months"),
    "quality.col.cell": ("Chi bộ", "Cell"),
    "quality.col.base_org": ("Tổ chức cơ sở đảng", "Base organisation"),
    "quality.col.province": ("Tỉnh, thành phố", "Province"),
    "quality.col.missed": ("Số tháng không sinh hoạt thường kỳ", "Months without regular meeting"),
    "quality.col.months": ("Số tháng xét", "Months checked"),
    "quality.col.last_regular": ("Lần sinh hoạt thường kỳ gần nhất", "Last regular meeting"),
    "quality.col.prev6": ("Điểm 6 tháng trước", "Score, previous 6 months"),
    "quality.col.last6": ("Điểm 6 tháng gần nhất", "Score, last 6 months"),
    "quality.col.change": ("Thay đổi (điểm)", "Change (points)"),
    "quality.col.slope": ("Xu hướng (điểm/tháng)", "Trend (points/month)"),
    "quality.col.as_of": ("Tính đến tháng", "As of month"),
    "quality.col.poor": ("Số buổi kém", "Poor meetings"),
    "quality.col.rated": ("Số buổi được xếp loại", "Rated meetings"),
    "quality.col.last_poor": ("Tháng kém gần nhất", "Last poor month"),
})


def _param(f, name: str) -> str:
    return dict(f.extra).get(name, urlstate.param_default(name))


def _events():
    return data.events(access.current_scope())


def _period_data(scope, f):
    """period, the meeting sums and rates by month or quarter (the CSV of every trend chart)."""
    return q.by_period(scope, f, _param(f, "qgrain"))


def _levels_figure(df, ctx, f):
    series = [(name, t(f"quality.{name}", ctx.lang), figures.QUALITY_COLORS[level])
              for level, name in figures.QUALITY_LEVELS]
    return figures.share_bars(df, "period", series, ctx, period=_param(f, "qgrain"),
                              events=_events())


def _time_axis(fig, df, f, ctx, bars: bool = False):
    """Quarter labels, the x range fitted to the data, and the reference events."""
    if df is None or df.empty:
        return fig
    quarter = _param(f, "qgrain") == "quarter"
    if quarter:
        n = df["period"].nunique()
        fig.update_xaxes(tickformat="Q%q/%Y", hoverformat="Q%q/%Y",
                         dtick="M3" if n <= 12 else ("M6" if n <= 24 else "M12"))
    pad = (46 if quarter else 16) if bars else 0
    return figures.event_marks(fig, _events(), ctx, df["period"].min(),
                               df["period"].max(), pad_days=pad)


def _line(column: str, name_key: str, percent: bool, zoom: bool = True):
    def build(df, ctx, f):
        fig = figures.time_series(df, "period", [(column, t(name_key, ctx.lang))], ctx,
                                  percent=percent)
        if df is None or df.empty or df[column].isna().all():
            return fig
        _time_axis(fig, df, f, ctx)
        if zoom:  # a line: let the axis follow the data so that changes are visible
            fig.update_yaxes(rangemode="normal", dtick=None,
                             tickformat=",.1~%" if percent else ",.1~f")
        if not percent:
            fig.update_traces(hovertemplate=f"{t(name_key, ctx.lang)}: %{{y:,.1f}}<extra></extra>")
        return fig
    return build


def _kinds_figure(df, ctx, f):
    series = [("regular_held", t("quality.regular", ctx.lang)),
              ("thematic_held", t("quality.thematic", ctx.lang))]
    fig = _time_axis(figures.time_series(df, "period", series, ctx, kind="bar", stacked=True),
                     df, f, ctx, bars=True)
    if df is None or df.empty or _param(f, "qgrain") != "quarter":
        return fig
    return figures.mark_partial(fig, df["period"], df["months"], 3, ctx.lang)


def _heat_data(scope, f):
    """province_code, name, month, sums and rates (good_fair_share, mean_score, …)."""
    return q.province_month(scope, f)


def _heat_figure(df, ctx, f):
    score = _param(f, "heat") == "score"
    value = "mean_score" if score else "good_fair_share"
    fig = figures.heatmap(df, "name", "month", value, ctx, percent=not score)
    unit = q.heat_unit(f)
    if unit != "month" and fig.data:
        fmt = "Q%q/%Y" if unit == "quarter" else "%Y"
        fig.update_xaxes(tickformat=fmt)
        fig.update_traces(hovertemplate=fig.data[0].hovertemplate.replace("%m/%Y", fmt))
    return fig


register(Chart(QUALITY_LEVELS, "quality.levels", _period_data, _levels_figure,
               params=("qgrain",)))
register(Chart(QUALITY_SCORE, "quality.score", _period_data,
               _line("mean_score", "quality.score_series", False), params=("qgrain",)))
register(Chart(QUALITY_ATTENDANCE, "quality.attendance", _period_data,
               _line("attendance", "quality.attendance_series", True), params=("qgrain",)))
register(Chart(QUALITY_KINDS, "quality.kinds", _period_data, _kinds_figure,
               params=("qgrain",)))
register(Chart(QUALITY_ONLINE, "quality.online", _period_data,
               _line("online_share", "quality.online_series", True, zoom=False), params=("qgrain",)))
register(Chart(QUALITY_HEATMAP, "quality.heatmap", _heat_data, _heat_figure, params=("heat",)))

_CELL_COLS = (("name", "quality.col.cell", "text"), ("base_org", "quality.col.base_org", "text"),
              ("province", "quality.col.province", "text"))
register_table(Table(
    QUALITY_MISSED, "quality.missed",
    lambda scope, f: q.missed_regular(scope, f, int(_param(f, "missed"))),
    (*_CELL_COLS, ("missed", "quality.col.missed", "int"), ("months", "quality.col.months", "int"),
     ("last_regular", "quality.col.last_regular", "month")), params=("missed",)))
register_table(Table(
    QUALITY_FALLING, "quality.falling", q.falling_cells,
    (*_CELL_COLS, ("score_prev6", "quality.col.prev6", "dec"),
     ("score_last6", "quality.col.last6", "dec"), ("score_change", "quality.col.change", "dec"),
     ("slope_12m", "quality.col.slope", "dec"), ("as_of_month", "quality.col.as_of", "month"))))
register_table(Table(
    QUALITY_POOR, "quality.poor_list", q.poor_cells,
    (*_CELL_COLS, ("poor", "quality.col.poor", "int"), ("rated", "quality.col.rated", "int"),
     ("last_poor", "quality.col.last_poor", "month"))))


def _segmented(id_, prefix: str, values, value: str, lang: str):
    return dmc.SegmentedControl(id=id_, value=value, size="sm", data=[
        {"value": v, "label": t(f"{prefix}.{v}", lang)} for v in values])


def layout(lang: str = "vi", qgrain: str = "month", heat: str = "good_fair", missed: str = "3",
           **_params):
    return html.Div([
        dmc.Group(justify="space-between", mb="sm", children=[
            dmc.Title(t("quality.heading", lang), order=2),
            _segmented(QUALITY_GRAIN, "quality.grain", ("month", "quarter"), qgrain, lang),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(QUALITY_LEVELS, lang), chart_card(QUALITY_SCORE, lang),
            chart_card(QUALITY_ATTENDANCE, lang), chart_card(QUALITY_KINDS, lang),
            chart_card(QUALITY_ONLINE, lang),
        ]),
        dmc.Group(justify="flex-end", mb="xs", children=[
            _segmented(QUALITY_HEAT, "quality.heat", ("good_fair", "score"), heat, lang)]),
        html.Div(chart_card(QUALITY_HEATMAP, lang, height=900), className="quality-heatmap"),
        dmc.Group(justify="space-between", mt="lg", mb="xs", children=[
            dmc.Title(t("quality.watch", lang), order=3),
            dmc.Group(gap="xs", children=[
                dmc.Text(t("quality.missed_window", lang), size="sm"),
                _segmented(QUALITY_WINDOW, "quality.missed", ("3", "6", "12"), missed, lang)]),
        ]),
        dmc.Stack(gap="md", children=[
            table_card(QUALITY_MISSED, lang, height=360),
            table_card(QUALITY_FALLING, lang, height=360),
            table_card(QUALITY_POOR, lang, height=360),
        ]),
    ])

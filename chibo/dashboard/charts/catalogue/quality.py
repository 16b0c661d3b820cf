"""Charts and tables of Chất lượng sinh hoạt: quality levels, mean score, attendance, meeting kinds
and online share by month or quarter, the province × month heatmap, and three watch lists of
cells (missed regular meetings, falling quality, poor meetings)."""

from __future__ import annotations

from chibo.dashboard import data, i18n, urlstate
from chibo.dashboard.charts import figures, plain, spec, theme
from chibo.dashboard.charts.registry import Chart, register
from chibo.dashboard.charts.tables import Table
from chibo.dashboard.charts.tables import register as register_table
from chibo.dashboard.charts.theme import QUALITY_COLORS, Drawing
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import quality as q
from chibo.dashboard.queries import watch_lists as watch

QUALITY_LEVELS = "quality-levels"
QUALITY_SCORE = "quality-score"
QUALITY_ATTENDANCE = "quality-attendance"
QUALITY_KINDS = "quality-kinds"
QUALITY_ONLINE = "quality-online"
QUALITY_HEATMAP = "quality-heatmap"
QUALITY_MISSED = "quality-missed"
QUALITY_FALLING = "quality-falling"
QUALITY_POOR = "quality-poor"

urlstate.register_param("qgrain", ("month", "quarter"), "month")
urlstate.register_param("heat", ("good_fair", "score"), "good_fair")
urlstate.register_param("missed", ("3", "6", "12"), "3")
i18n.register({
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
    "quality.missed": ("Chi bộ không sinh hoạt thường kỳ đủ các tháng",
                       "Cells that missed regular meetings"),
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


def _period_data(scope, f):
    """period, the meeting sums and rates by month or quarter (the CSV of every trend chart)."""
    return q.by_period(scope, f, _param(f, "qgrain"))


def _levels_draw(df, ctx, f, scope):
    series = [(name, t(f"quality.{name}", ctx.lang), QUALITY_COLORS[level])
              for level, name in theme.QUALITY_LEVELS]
    return figures.plot(spec.shares(df, "period", series, period=_param(f, "qgrain")), ctx,
                        events=data.events(scope))


def _line(column: str, name_key: str, percent: bool, zoom: bool = True):
    """A line of one rate by period; zoomed: the axis fitted to the values (spec.value_axis)."""
    def draw(df, ctx, f, scope):
        shown = spec.over_time(df, "period", [(column, t(name_key, ctx.lang))], percent=percent,
                               period=_param(f, "qgrain"), decimals=None if percent else 1,
                               zero_based=not zoom)
        return figures.plot(shown, ctx, events=data.events(scope))
    return draw


def _kinds_draw(df, ctx, f, scope):
    series = [("regular_held", t("quality.regular", ctx.lang)),
              ("thematic_held", t("quality.thematic", ctx.lang))]
    shown = spec.over_time(df, "period", series, kind="bar", stacked=True,
                           period=_param(f, "qgrain"))
    return figures.plot(shown, ctx, events=data.events(scope))


def _heat_data(scope, f):
    """province_code, name, month, sums and rates (good_fair_share, mean_score, …)."""
    return q.province_month(scope, f)


def _heat_draw(df, ctx, f, scope):
    score = _param(f, "heat") == "score"
    value = "mean_score" if score else "good_fair_share"
    fig = figures.heatmap(df, "name", "month", value, ctx, percent=not score)
    unit = q.heat_unit(f)
    if unit != "month" and fig["data"]:
        fmt = "Q%q/%Y" if unit == "quarter" else "%Y"
        plain.xaxis(fig, tickformat=fmt)
        hover = fig["data"][0]["hovertemplate"].replace("%m/%Y", fmt)
        for trace in fig["data"]:
            trace["hovertemplate"] = hover
    return Drawing(fig)


register(Chart(QUALITY_LEVELS, "quality.levels", _period_data, _levels_draw,
               params=("qgrain",), metrics=("meetings_by_quality", "good_fair_share")))
register(Chart(QUALITY_SCORE, "quality.score", _period_data,
               _line("mean_score", "quality.score_series", False), params=("qgrain",),
               metrics=("mean_score",)))
register(Chart(QUALITY_ATTENDANCE, "quality.attendance", _period_data,
               _line("attendance", "quality.attendance_series", True), params=("qgrain",),
               metrics=("attendance",)))
register(Chart(QUALITY_KINDS, "quality.kinds", _period_data, _kinds_draw, params=("qgrain",),
               metrics=("regular_held", "thematic_held")))
register(Chart(QUALITY_ONLINE, "quality.online", _period_data,
               _line("online_share", "quality.online_series", True, zoom=False),
               params=("qgrain",), metrics=("online_share",)))
register(Chart(QUALITY_HEATMAP, "quality.heatmap", _heat_data, _heat_draw, params=("heat",),
               metrics=lambda f: ("mean_score",) if _param(f, "heat") == "score"
               else ("good_fair_share",)))

_CELL_COLS = (("name", "quality.col.cell", "text"), ("base_org", "quality.col.base_org", "text"),
              ("province", "quality.col.province", "text"))


def _missed_data(scope, f):
    return watch.missed_regular(scope, f, int(_param(f, "missed")))


register_table(Table(
    QUALITY_MISSED, "quality.missed", _missed_data,
    (*_CELL_COLS, ("missed", "quality.col.missed", "int"), ("months", "quality.col.months", "int"),
     ("last_regular", "quality.col.last_regular", "month")), params=("missed",), paged=True))
register_table(Table(
    QUALITY_FALLING, "quality.falling", watch.falling_cells,
    (*_CELL_COLS, ("score_prev6", "quality.col.prev6", "dec"),
     ("score_last6", "quality.col.last6", "dec"), ("score_change", "quality.col.change", "dec"),
     ("slope_12m", "quality.col.slope", "dec"), ("as_of_month", "quality.col.as_of", "month")),
    paged=True))
register_table(Table(
    QUALITY_POOR, "quality.poor_list", watch.poor_cells,
    (*_CELL_COLS, ("poor", "quality.col.poor", "int"), ("rated", "quality.col.rated", "int"),
     ("last_poor", "quality.col.last_poor", "month")), paged=True))

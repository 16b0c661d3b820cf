"""Charts of Tổng quan: the KPI list (what each card counts and how its change reads) and the
headline trend, members over the 5 years up to the period's end, whatever the period preset."""

from __future__ import annotations

from dataclasses import dataclass, replace

from chibo.dashboard import data, i18n
from chibo.dashboard.charts import figures, plain, spec
from chibo.dashboard.charts.registry import Chart, register
from chibo.dashboard.charts.spec import COLORS
from chibo.dashboard.charts.theme import THEMES, Drawing
from chibo.dashboard.i18n import fmt_date, fmt_month, fmt_num, fmt_pct, t
from chibo.dashboard.queries import exact
from chibo.dashboard.queries import members as q

OVERVIEW_TREND = "overview-trend"

i18n.register({
    "kpi.base_orgs": ("Tổ chức cơ sở đảng", "Base party organisations"),
    "kpi.cells": ("Chi bộ", "Party cells"),
    "kpi.members": ("Đảng viên", "Party members"),
    "kpi.admitted": ("Kết nạp trong kỳ", "Admissions in the period"),
    "kpi.good_fair_share": ("Buổi sinh hoạt tốt, khá", "Meetings rated good or fair"),
    "kpi.attendance": ("Tỷ lệ dự sinh hoạt", "Attendance rate"),
    "kpi.cells_lt3": ("Chi bộ dưới 3 đảng viên chính thức", "Cells with < 3 full members"),
    "kpi.vs_year": ("so với cùng kỳ năm trước", "vs a year earlier"),
    "kpi.no_previous": ("Chưa có số liệu năm trước", "No year-earlier data"),
    "kpi.points": ("điểm %", "pp"),
    "overview.trend": ("Số đảng viên trong 5 năm gần nhất", "Party members over the last 5 years"),
    "overview.members": ("Đảng viên", "Members"),
    "overview.window": ("5 năm đến {end} (không phụ thuộc thời kỳ đã chọn)",
                        "5 years to {end} (whatever the period chosen)"),
    "overview.change": ("{delta} ({pct}) so với {start}", "{delta} ({pct}) since {start}"),
})


@dataclass(frozen=True)
class Kpi:
    """One KPI card: key of queries.members.overview_kpis (label: i18n 'kpi.<key>'); percent: a
    share shown as 12,5% (its change in points); higher_is_better colours the change."""

    key: str
    percent: bool = False
    higher_is_better: bool = True


KPIS = (Kpi("base_orgs"), Kpi("cells"), Kpi("members"), Kpi("admitted"),
        Kpi("good_fair_share", percent=True), Kpi("attendance", percent=True),
        Kpi("cells_lt3", higher_is_better=False))


def _trend_data(scope, f):
    """month, members, official, probationary (on each month's last day; in the last month, on
    the period's last day), admitted over the 5 years ending with the period's last month (the
    headline: a long enough window for the trend to be visible)."""
    end = exact.clamp_day(scope, f.end)
    if end is None:
        return None
    last = data.month_floor(end)
    df = q.monthly_indicators(scope, f, data.add_months(last, -59), last)
    df = df[["month", "members", "official", "probationary", "admitted"]].dropna(
        subset=["members"]).reset_index(drop=True)
    if not df.empty:  # the last point is the exact stock of the period's last day
        now = exact.stocks_on(scope, f, end)
        df.loc[df.index[-1], ["members", "official", "probationary"]] = [
            now["members"], now["official"], now["probationary"]]
    df.attrs["end"] = end  # the subtitle's window end
    return df


def _trend_caption(df, ctx, f, scope):
    """The subtitle names the fixed 5-year window (a cut axis is marked on the chart)."""
    if df is None or df.empty:
        return ctx
    end = df.attrs.get("end", df["month"].max())
    window = t("overview.window", ctx.lang, end=fmt_date(end))
    rest = ctx.subtitle.split(" · ")[1:]
    return replace(ctx, subtitle=" · ".join([window, *rest]))


def _trend_draw(df, ctx, f, scope) -> Drawing:
    """Members on a y axis fitted to the data, the change over the window written at the last
    point, reference events marked."""
    shown = spec.over_time(df, "month", [("members", t("overview.members", ctx.lang))],
                           zero_based=df is None or len(df) < 2)
    drawing = figures.plot(shown, ctx, events=data.events(scope))
    if df is None or len(df) < 2:
        return drawing
    first, last = df.iloc[0], df.iloc[-1]
    delta = float(last["members"] - first["members"])
    text = t("overview.change", ctx.lang, start=fmt_month(first["month"]),
             delta=("+" if delta > 0 else "") + fmt_num(delta, ctx.lang),
             pct=fmt_pct(delta / first["members"], ctx.lang, signed=True)
             if first["members"] else "–")
    plain.add_annotation(
        drawing.figure, x=last["month"], y=last["members"], text=f"<b>{text}</b>",
        showarrow=False, xanchor="right", yanchor="bottom", yshift=8,
        font={"size": 13, "color": COLORS[0]},
        bgcolor=THEMES.get(ctx.theme, THEMES["light"])["veil"])
    return drawing


register(Chart(OVERVIEW_TREND, "overview.trend", _trend_data, _trend_draw,
               caption=_trend_caption, metrics=("members",)))

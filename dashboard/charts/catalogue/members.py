"""Charts of Đảng viên: members over time, admissions and departures (by month or year, by
reason), the age and gender structure, and admissions as a share of members."""

from __future__ import annotations

import pandas as pd

from dashboard import data, i18n, urlstate
from dashboard.charts import figures, spec
from dashboard.charts.registry import Chart, register
from dashboard.i18n import t
from dashboard.queries import members as q

MEMBERS_STOCK = "members-stock"
MEMBERS_FLOWS = "members-flows"
MEMBERS_DEPARTURES = "members-departures"
MEMBERS_STRUCTURE = "members-structure"
MEMBERS_RATE = "members-rate"
TARGET = (0.03, 0.04)  # admissions per year as a share of members

urlstate.register_param("grain", ("month", "year"), "month")
i18n.register({
    "members.stock": ("Đảng viên chính thức và dự bị", "Full and probationary members"),
    "members.official": ("Chính thức", "Full"),
    "members.probationary": ("Dự bị", "Probationary"),
    "members.flows": ("Kết nạp và ra khỏi Đảng", "Admissions and departures"),
    "members.admitted": ("Kết nạp", "Admitted"),
    "members.left": ("Ra khỏi chi bộ", "Left"),
    "members.departures": ("Đảng viên ra khỏi chi bộ theo lý do", "Departures by reason"),
    "members.structure": ("Cơ cấu theo tuổi và giới tính", "Age and gender structure"),
    "members.rate": ("Tỷ lệ kết nạp so với tổng số đảng viên", "Admissions as a share of members"),
    "members.rate_series": ("Kết nạp / đảng viên đầu năm", "Admissions / members at start of year"),
    "members.target": ("Mục tiêu 3–4%/năm", "Target 3–4% a year"),
})


def _grain(f) -> str:
    return dict(f.extra).get("grain", "month")


def _stock_data(scope, f):
    """month, official, probationary over the period."""
    df = q.monthly_indicators(scope, f, f.start, f.end)
    return df[["month", "official", "probationary"]].dropna(subset=["official"])


def _stock_draw(df, ctx, f, scope):
    series = [("official", t("members.official", ctx.lang)),
              ("probationary", t("members.probationary", ctx.lang))]
    return figures.plot(spec.over_time(df, "month", series, kind="area"), ctx,
                        events=data.events(scope))


def _flows_data(scope, f):
    return q.flows(scope, f, _grain(f))


def _flows_draw(df, ctx, f, scope):
    series = [("admitted", t("members.admitted", ctx.lang)), ("left", t("members.left", ctx.lang))]
    shown = spec.over_time(df, "period", series, kind="bar", period=_grain(f))
    return figures.plot(shown, ctx, events=data.events(scope))  # partial years: pale (spec)


def _departures_draw(df, ctx, f, scope):
    series = [(f"left_{r}", t(f"reason.{r}", ctx.lang)) for r in q.LEAVE_REASONS]
    series = [s for s in series if df is not None and not df.empty and df[s[0]].sum() > 0]
    shown = spec.over_time(df if series else None, "period", series, kind="bar", stacked=True,
                           period=_grain(f))
    return figures.plot(shown, ctx)


def _structure_draw(df, ctx, f, scope):
    return figures.plot(spec.pyramid(df, ctx.lang), ctx)


def _rate_data(scope, f):
    df = q.admission_rate(scope, f)
    return df.assign(year=pd.to_datetime(df["year"].astype(str) + "-01-01"))


def _rate_draw(df, ctx, f, scope):
    """Yearly rates; a year only partly inside the period is drawn pale and labelled with its
    number of months (a 2-month rate is not comparable with the 3–4% yearly target)."""
    lines = [(TARGET[0], t("members.target", ctx.lang)), (TARGET[1], "")]
    shown = spec.over_time(df, "year", [("rate", t("members.rate_series", ctx.lang))],
                           kind="bar", percent=True, period="year")
    return figures.plot(shown, ctx, ref_lines=lines)


register(Chart(MEMBERS_STOCK, "members.stock", _stock_data, _stock_draw))
register(Chart(MEMBERS_FLOWS, "members.flows", _flows_data, _flows_draw, params=("grain",)))
register(Chart(MEMBERS_DEPARTURES, "members.departures", _flows_data, _departures_draw,
               params=("grain",)))
register(Chart(MEMBERS_STRUCTURE, "members.structure", q.structure, _structure_draw))
register(Chart(MEMBERS_RATE, "members.rate", _rate_data, _rate_draw))

"""Charts of Đảng viên: members over time, the flows that change them (admissions, transfers in,
transfers out, departures from the Party; by month or year, cut to the chosen dates), departures
from the Party by reason, the age and gender structure, and admissions as a share of the members
on the day before the year (or the chosen dates) starts."""

from __future__ import annotations

import pandas as pd

from chibo.dashboard import data, i18n, urlstate
from chibo.dashboard.charts import figures, spec
from chibo.dashboard.charts.registry import Chart, register
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import members as q
from chibo.dashboard.queries import metrics

MEMBERS_STOCK = "members-stock"
MEMBERS_FLOWS = "members-flows"
MEMBERS_DEPARTURES = "members-departures"
MEMBERS_STRUCTURE = "members-structure"
MEMBERS_RATE = "members-rate"
TARGET = (0.03, 0.04)  # admissions per year as a share of members

urlstate.register_param("grain", ("month", "year"), "month")
i18n.register({
    "members.stock": ("Đảng viên chính thức và dự bị", "Full and probationary members"),
    "members.flows": ("Kết nạp, chuyển đến, chuyển đi và ra khỏi Đảng",
                      "Admissions, transfers in and out, departures from the Party"),
    "members.departures": ("Ra khỏi Đảng theo lý do (không tính chuyển sinh hoạt)",
                           "Departures from the Party by reason (transfers not included)"),
    "members.structure": ("Cơ cấu theo tuổi và giới tính", "Age and gender structure"),
    "members.rate": ("Tỷ lệ kết nạp so với tổng số đảng viên", "Admissions as a share of members"),
    "members.rate_series": ("Kết nạp / đảng viên ngày trước kỳ",
                            "Admissions / members on the day before"),
    "members.target": ("Mục tiêu 3–4%/năm", "Target 3–4% a year"),
})


def _grain(f) -> str:
    return dict(f.extra).get("grain", "month")


def _stock_data(scope, f):
    """month, official, probationary on each month's last day inside the chosen dates (the last
    point is the period's last day, not the month end)."""
    df = q.flows(scope, f, "month")
    return df.rename(columns={"period": "month"})[["month", "official", "probationary"]]


def _named(scope, columns, lang: str) -> list[tuple[str, str]]:
    """[(column, the metric's registry label)]: a series is named as its metric is defined."""
    return [(c, metrics.label(scope, c, lang)) for c in columns]


def _stock_draw(df, ctx, f, scope):
    series = _named(scope, ("official", "probationary"), ctx.lang)
    return figures.plot(spec.over_time(df, "month", series, kind="area"), ctx,
                        events=data.events(scope))


def _flows_data(scope, f):
    return q.flows(scope, f, _grain(f))


FLOW_SERIES = ("admitted", "transferred_in", "transferred_out", "left_party", "net_change")


def _flows_draw(df, ctx, f, scope):
    """Each flow its own honestly named series and the net change, which equals the change in
    members over the same days (admitted + transferred in − transferred out − left the Party)."""
    series = _named(scope, FLOW_SERIES, ctx.lang)
    shown = spec.over_time(df, "period", series, kind="bar", period=_grain(f))
    return figures.plot(shown, ctx, events=data.events(scope))  # partial years: pale (spec)


def _departures_draw(df, ctx, f, scope):
    """Departures from the Party (death, struck off, expelled, resigned, other), stacked; moves
    between cells are not departures and are not here."""
    series = _named(scope, [f"left_{r}" for r in q.PARTY_REASONS], ctx.lang)
    series = [s for s in series if df is not None and not df.empty and df[s[0]].sum() > 0]
    shown = spec.over_time(df if series else None, "period", series, kind="bar", stacked=True,
                           period=_grain(f))
    return figures.plot(shown, ctx)


def _structure_draw(df, ctx, f, scope):
    return figures.plot(spec.pyramid(df, ctx.lang), ctx)


def _rate_data(scope, f):
    df = q.admission_rate(scope, f)
    return df.assign(year=pd.to_datetime(df["year"]))


def _rate_draw(df, ctx, f, scope):
    """Yearly rates (admissions / members on the day before the year's first chosen day); a year
    only partly inside the chosen dates is drawn pale and labelled with its months (a 2-month
    rate is not comparable with the 3–4% yearly target)."""
    lines = [(TARGET[0], t("members.target", ctx.lang)), (TARGET[1], "")]
    shown = spec.over_time(df, "year", [("rate", t("members.rate_series", ctx.lang))],
                           kind="bar", percent=True, period="year")
    return figures.plot(shown, ctx, ref_lines=lines)


register(Chart(MEMBERS_STOCK, "members.stock", _stock_data, _stock_draw,
               metrics=("official", "probationary")))
register(Chart(MEMBERS_FLOWS, "members.flows", _flows_data, _flows_draw, params=("grain",),
               metrics=FLOW_SERIES))
register(Chart(MEMBERS_DEPARTURES, "members.departures", _flows_data, _departures_draw,
               params=("grain",), metrics=("left_party", *(f"left_{r}" for r in q.PARTY_REASONS))))
register(Chart(MEMBERS_STRUCTURE, "members.structure", q.structure, _structure_draw,
               metrics=("members_by_age_gender",)))
register(Chart(MEMBERS_RATE, "members.rate", _rate_data, _rate_draw, metrics=("admission_rate",)))

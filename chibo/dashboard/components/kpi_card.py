"""KPI card: label, "ⓘ" definition, big value, change against a year earlier, and a sparkline."""

from __future__ import annotations

import dash_mantine_components as dmc
from dash import dcc

from chibo.dashboard.charts import figures
from chibo.dashboard.charts.theme import graph_config
from chibo.dashboard.components.definitions import info_popover
from chibo.dashboard.i18n import fmt_num, fmt_pct, t


def delta_text(value, previous, lang: str, percent: bool) -> tuple[str, str]:
    """('+2 (+4,7%)' or '+2,3 điểm %', colour) for the change against the year-earlier value."""
    if value is None or previous is None:
        return t("kpi.no_previous", lang), "gray"
    diff = value - previous
    color = "gray" if diff == 0 else ("teal" if diff > 0 else "red")
    if percent:
        return f"{'+' if diff > 0 else ''}{fmt_num(diff * 100, lang, 1)} {t('kpi.points', lang)}", color
    rel = f" ({fmt_pct(diff / previous, lang, 1, signed=True)})" if previous else ""
    return f"{'+' if diff > 0 else ''}{fmt_num(diff, lang)}{rel}", color


def kpi_card(key: str, label: str, value, previous, spark, lang: str, theme: str,
             percent: bool = False, higher_is_better: bool = True,
             definition: str | None = None) -> dmc.Paper:
    """One card; `spark` is a DataFrame(month, value); `definition` the metric's one sentence
    (the "ⓘ" popover). ids: kpi-<key> for tests."""
    shown = fmt_pct(value, lang) if percent else fmt_num(value, lang)
    change, color = delta_text(value, previous, lang, percent)
    if not higher_is_better and color in ("teal", "red"):
        color = "red" if color == "teal" else "teal"
    return dmc.Paper(withBorder=True, radius="md", p="sm", className="kpi-card", id=f"kpi-{key}",
                     children=[
        dmc.Group(justify="space-between", gap=4, wrap="nowrap", children=[
            dmc.Text(label, size="sm", c="dimmed", fw=500),
            info_popover(f"kpi-info-{key}", lang, [(label, definition)] if definition else [])]),
        dmc.Text(shown, fz=30, fw=700, className="kpi-value"),
        dmc.Text([change, " ", t("kpi.vs_year", lang)], size="xs", c=color),
        dcc.Graph(figure=figures.sparkline(spark["month"], spark["value"], theme),
                  config=graph_config("", static=True), style={"height": "48px"}),
    ])

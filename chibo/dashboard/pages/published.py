"""Số liệu công bố (published figures): figures read from news and reports, filtered by metric,
scope, period and document, each beside the warehouse value for the same scope and date (✓/✗
under its qualifier's tolerance) and, for a part, its whole, dimension and share; the source
sentence with the number marked; a timeline. Documents go by headline and date."""

from __future__ import annotations

import logging

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc
import pandas as pd
from dash import Input, Output, callback, dcc, html

from chibo.dashboard import data, responses, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.charts.published_text import (  # noqa: F401
    document_label,
    interval,
    part_text,
    resolution_text,
    scope_label,
    verdict,
)
from chibo.dashboard.charts.theme import FigContext, empty, graph_config
from chibo.dashboard.charts.timeline import published_timeline
from chibo.dashboard.components.chart_card import THEME
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.components.table_card import grid_locale
from chibo.dashboard.i18n import fmt_num, fmt_pct, t
from chibo.dashboard.queries import published as q

log = logging.getLogger(__name__)
dash.register_page(__name__, path="/so-lieu-cong-bo", name="Số liệu công bố", order=5,
                   nav_key="nav.published")

PUBLISHED_METRIC = {"type": "url-param", "name": "pub_metric"}
PUBLISHED_FROM = {"type": "url-param", "name": "pub_from"}
PUBLISHED_TO = {"type": "url-param", "name": "pub_to"}
PUBLISHED_SCOPE = "published-scope"
PUBLISHED_DOC = "published-doc"
PUBLISHED_GRID = "published-grid"
PUBLISHED_SUMMARY = "published-summary"
PUBLISHED_SENTENCE = "published-sentence"
PUBLISHED_TIMELINE = "published-timeline"
YEARS = tuple(str(y) for y in range(1990, 2051))

urlstate.register_param("pub_metric", ("all", *q.METRICS), "all")
urlstate.register_param("pub_from", ("all", *YEARS), "all")
urlstate.register_param("pub_to", ("all", *YEARS), "all")
COLUMNS = (("as_of_used", "col.as_of", "date"), ("document", "col.document", "text"),
           ("metric_label", "col.metric", "text"), ("scope_label", "col.scope", "text"),
           ("number_text", "col.written", "text"), ("part_label", "col.part", "text"),
           ("value", "col.published", "int"),
           ("warehouse_value", "col.warehouse", "int"), ("difference", "col.difference", "int"),
           ("verdict", "col.verdict", "text"), ("resolved_how", "col.resolved_how", "text"))


def _filters(state: dict, scope_key, doc_id):
    params = state.get("params") or {}
    return urlstate.to_filters(state, metric=params.get("pub_metric", "all"),
                               year_from=params.get("pub_from", "all"),
                               year_to=params.get("pub_to", "all"),
                               scope_key=scope_key or "all", doc_id=doc_id or "all")


def _records(df: pd.DataFrame) -> list[dict]:
    """The rows as dicts, missing values as None (JSON-able, and falsy for the text helpers)."""
    return df.astype(object).where(df.notna(), None).to_dict("records")


def frame(state: dict, scope_key=None, doc_id=None):
    """The filtered figures with display columns (metric_label, scope_label, verdict)."""
    lang = state.get("lang", "vi")
    df = q.figures(access.current_scope(), _filters(state, scope_key, doc_id))
    if df.empty:
        return df
    records = _records(df)
    return df.assign(metric_label=[t(f"published.metric.{m}", lang) for m in df["metric"]],
                     scope_label=[scope_label(r["scope_kind"], r["scope_value"], lang,
                                              r.get("sector")) for r in records],
                     verdict=[verdict(r, lang) for r in records],
                     resolved_how=[resolution_text(r, lang) for r in records],
                     part_label=[part_text(r, lang) for r in records],
                     document=[document_label(r["title"], r["source_name"], r["published_on"],
                                              lang) for r in records])


def rows(state: dict | None, scope_key=None, doc_id=None) -> tuple[list[dict], str]:
    """Grid rows (JSON-able) and the summary line for the page's filters."""
    if not state or data.signature() is None:
        return [], ""
    lang = state.get("lang", "vi")
    df = frame(state, scope_key, doc_id)
    if df.empty:
        return [], t("published.no_data", lang)
    agrees = df["agrees"].astype(object)
    summary = t("published.summary", lang, n=fmt_num(len(df), lang),
                agree=int((agrees == True).sum()), differ=int((agrees == False).sum()),  # noqa: E712
                other=int(agrees.isna().sum()))
    out = df.copy()
    for col in ("as_of_used", "published_on", "period_from"):
        out[col] = pd.to_datetime(out[col]).dt.strftime("%Y-%m-%d")
    return _records(out), summary


def sentence(row: dict | None, lang: str = "vi") -> list:
    """The source sentence as text spans, the number phrase marked (never raw HTML)."""
    if not row or not row.get("sentence"):
        return [dmc.Text(t("published.pick_row", lang), c="dimmed")]
    s, a, b = row["sentence"], int(row["span_start"]), int(row["span_end"])
    meta = " · ".join(x for x in (row.get("document"), row.get("scope_text")) if x)
    diff = row.get("relative_difference")
    more = [] if diff is None else [f" ({fmt_pct(diff, lang, signed=True)})"]
    part = [dmc.Text(f"{t('published.part_of', lang)}: {row['part_label']}", size="sm", mt=4,
                     className="published-part")] if row.get("part_label") else []
    return [dmc.Text([html.Span(s[:a]), html.Mark(s[a:b], className="published-number"),
                      html.Span(s[b:])], size="md"),
            *part,
            dmc.Text(meta, size="sm", c="dimmed", mt=4),
            dmc.Text([row.get("verdict") or "", *more, " · ", row.get("resolved_how") or ""],
                     size="sm", mt=4)]


def timeline(state: dict | None, scope_key=None, doc_id=None, theme: str | None = None):
    """Published values over time for the chosen metric (else the most frequent one), one series
    per scope, with the warehouse values on the same dates."""
    lang = (state or {}).get("lang", "vi")
    ctx = FigContext(lang=lang, theme=theme or "light", title=t("published.heading", lang))
    if not state or data.signature() is None:
        return empty(ctx, t(data.unavailable_key(), lang))
    df = frame(state, scope_key, None)
    if df.empty:
        return empty(ctx, t("published.no_data", lang))
    metric = (state.get("params") or {}).get("pub_metric", "all")
    if metric == "all":
        metric = df["metric"].value_counts().index[0]
    ctx = FigContext(lang=lang, theme=theme or "light", subtitle=t(
        "published.timeline_sub", lang), title=t("published.timeline", lang, metric=t(
            f"published.metric.{metric}", lang)))
    return published_timeline(df[(df["metric"] == metric) & df["value"].notna()], ctx,
                              t("published.warehouse", lang))


def options(state: dict | None) -> tuple[list, list, list]:
    """(scope, document, year) options for the selects, from the published figures."""
    if not state or data.signature() is None:
        return [], [], []
    lang = state.get("lang", "vi")
    ch = q.choices(access.current_scope())
    if ch["scopes"].empty and ch["documents"].empty:
        return [], [], []
    scopes = [{"value": r["scope_key"], "label": scope_label(r["scope_kind"], r["scope_value"],
                                                            lang, r.get("sector"))}
              for r in _records(ch["scopes"])]
    docs = [{"value": d, "label": document_label(title, name, p, lang)}
            for d, name, title, p in zip(ch["documents"]["doc_id"], ch["documents"]["source_name"],
                                         ch["documents"]["title"], ch["documents"]["published_on"])]
    params = state.get("params") or {}
    chosen = {str(int(y)) for y in ch["years"]["year"]} | {
        params.get(k, "all") for k in ("pub_from", "pub_to")}
    years = [{"value": "all", "label": t("published.all", lang)}] + [
        {"value": y, "label": y} for y in sorted(chosen - {"all"})]
    return scopes, docs, years


def _select(id_, label: str, lang: str, value=None, data_=None, w=200, clearable=True):
    return dmc.Select(id=id_, label=t(label, lang), value=value, data=data_ or [], w=w, size="sm",
                      searchable=True, clearable=clearable, placeholder=t("published.all", lang),
                      allowDeselect=clearable)


def layout(lang: str = "vi", pub_metric: str = "all", pub_from: str = "all", pub_to: str = "all",
           **_params):
    metrics = [{"value": "all", "label": t("published.all", lang)}] + [
        {"value": m, "label": t(f"published.metric.{m}", lang)} for m in q.METRICS]
    years = [{"value": y, "label": t("published.all", lang) if y == "all" else y}
             for y in dict.fromkeys(("all", pub_from, pub_to))]
    loc = "en-GB" if lang == "en" else "vi-VN"
    defs = [{"field": f, "headerName": t(h, lang), "filter": True, "sortable": True,
             "tooltipField": {"document": "document", "verdict": "verdict",
                              "resolved_how": "resolved_how", "part_label": "part_label"}.get(f),
             **({"type": "rightAligned", "valueFormatter": {"function": "params.value == null ?"
                 f" '' : params.value.toLocaleString('{loc}')"}} if k == "int" else {}),
             **({"valueFormatter": {"function": "params.value ? params.value.slice(0, 10)"
                 ".split('-').reverse().join('/') : ''"}} if k == "date" else {})}
            for f, h, k in COLUMNS]
    return html.Div([
        dmc.Title(t("published.heading", lang), order=1, size="h2", mb=4),
        dmc.Text(t("published.intro", lang), size="sm", c="dimmed", mb="sm"),
        dmc.Group(gap="sm", align="flex-end", mb="sm", children=[
            _select(PUBLISHED_METRIC, "published.metric", lang, pub_metric, metrics, 260, False),
            _select(PUBLISHED_SCOPE, "published.scope", lang, w=260),
            _select(PUBLISHED_FROM, "published.from", lang, pub_from, years, 120, False),
            _select(PUBLISHED_TO, "published.to", lang, pub_to, years, 120, False),
            _select(PUBLISHED_DOC, "published.document", lang, w=320),
        ]),
        dmc.Text(id=PUBLISHED_SUMMARY, size="sm", mb="xs"),
        dag.AgGrid(id=PUBLISHED_GRID, columnDefs=defs, rowData=[], getRowId="params.data.figure_id",
                   defaultColDef={"resizable": True, "flex": 1, "minWidth": 100},
                   dashGridOptions={"rowSelection": {"mode": "singleRow", "checkboxes": False,
                                                     "enableClickSelection": True},
                                    "pagination": True, "paginationPageSize": 20,
                                    "animateRows": False, "localeText": grid_locale(lang)},
                   style={"height": "420px"}),
        dmc.Paper(id=PUBLISHED_SENTENCE, withBorder=True, p="sm", radius="md", my="sm",
                  children=sentence(None, lang)),
        dmc.Paper(withBorder=True, radius="md", p="xs", children=dcc.Graph(
            id=PUBLISHED_TIMELINE, style={"height": "420px"},
            config=graph_config(t("published.heading", lang), lang))),
    ])


@callback(Output(PUBLISHED_GRID, "rowData"), Output(PUBLISHED_SUMMARY, "children"),
          Output(PUBLISHED_TIMELINE, "figure"), Input(STATE, "data"),
          Input(PUBLISHED_SCOPE, "value"), Input(PUBLISHED_DOC, "value"), Input(THEME, "data"))
@responses.cacheable
def update(state, scope_key, doc_id, theme):
    try:
        grid, summary = rows(state, scope_key, doc_id)
        return grid, summary, timeline(state, scope_key, doc_id, theme)
    except Exception:  # an old or partial warehouse shows a message, never a traceback
        log.exception("published figures failed")
        lang = (state or {}).get("lang", "vi")
        return [], t("published.error", lang), empty(FigContext(lang=lang),
                                                            t("published.error", lang))


@callback(Output(PUBLISHED_SCOPE, "data"), Output(PUBLISHED_DOC, "data"),
          Output(PUBLISHED_FROM, "data"), Output(PUBLISHED_TO, "data"), Input(STATE, "data"))
@responses.cacheable
def fill_options(state):
    try:
        scopes, docs, years = options(state)
    except Exception:
        log.exception("published options failed")
        return [], [], dash.no_update, dash.no_update
    return scopes, docs, years or dash.no_update, years or dash.no_update


@callback(Output(PUBLISHED_SENTENCE, "children"), Input(PUBLISHED_GRID, "selectedRows"),
          Input(STATE, "data"))
@responses.cacheable
def show_sentence(selected, state):
    return sentence(selected[0] if selected else None, (state or {}).get("lang", "vi"))

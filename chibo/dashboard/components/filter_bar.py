"""The shared filter bar and its URL sync: controls ⇄ query string ⇄ the `state` store.

The URL is the source of truth: loading, back/forward and pasted links set the controls; a control
change rewrites the URL. Pages cross-filter by writing a dict to the `filter-patch` store.
The first page load comes with its state, controls and options filled in by the server
(components/first_view.py), so none of these callbacks runs before the page's own; when the
server could not fill them, `dcc.Location` setting its path and query on mount sets them off.
"""

from __future__ import annotations

import dash_mantine_components as dmc
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, no_update

from chibo.dashboard import data, responses, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import lookup

URL = "url"
STATE = "state"
LANG = "lang"
PATCH = "filter-patch"
NOTICE = "filter-notice"
PERIOD, DATES, ASOF = "filter-period", "filter-dates", "filter-asof"
FROM, TO = "filter-from", "filter-to"  # typed dates (dd/mm/yyyy) or picked; together: DATES
REGION, PROVINCE, OLD, SECTOR, ORG = ("filter-region", "filter-province", "filter-old",
                                      "filter-sector", "filter-org")
RESET = "filter-reset"
TOGGLE, BODY = "filter-toggle", "filter-body"
PARAM = {"type": "url-param", "name": ALL}
SELECTS = {REGION: "region", PROVINCE: "province", SECTOR: "sector", ORG: "org"}
# each control, the property that shows the state, and the state key it shows (sync's outputs,
# and the first view's values: components/first_view.py)
CONTROLS = ((PERIOD, "value", "period"), (FROM, "value", "start"), (TO, "value", "end"),
            (ASOF, "value", "as_of"), (REGION, "value", "region"),
            (PROVINCE, "value", "province"), (OLD, "checked", "old"),
            (SECTOR, "value", "sector"), (ORG, "value", "org"))


def stores() -> list:
    """Location and stores the shell must contain once."""
    return [dcc.Location(id=URL, refresh="callback-nav"), dcc.Store(id=STATE),
            dcc.Store(id=LANG), dcc.Store(id=PATCH)]


def filter_bar() -> dmc.Paper:
    """The controls; labels, options and values are filled in by the callbacks below."""
    sel = {"size": "sm", "clearable": True, "searchable": True, "w": 190}
    toggle = dmc.Button(id=TOGGLE, variant="light", size="sm", hiddenFrom="sm", fullWidth=True,
                        className="filter-toggle", n_clicks=0,
                        **{"aria-controls": BODY, "aria-expanded": "false"})
    return dmc.Paper(withBorder=True, p="xs", radius="md", mb="sm", children=[toggle, dmc.Group(
        id=BODY, className="filter-body", gap="sm", align="flex-end", children=[
            dmc.Select(id=PERIOD, w=150, size="sm", allowDeselect=False),
            *[dmc.DateInput(id=i, valueFormat="DD/MM/YYYY", w=130, size="sm", placeholder="dd/mm/yyyy")
              for i in (FROM, TO)],
            dmc.DateInput(id=ASOF, valueFormat="DD/MM/YYYY", w=140, size="sm",
                          placeholder="dd/mm/yyyy"),
            dmc.Select(id=REGION, **sel),
            dmc.Select(id=PROVINCE, **sel),
            dmc.Switch(id=OLD, size="sm", mb=8),
            dmc.Select(id=SECTOR, **sel),
            dmc.Select(id=ORG, data=[], debounce=250, limit=50, size="sm", clearable=True,
                       searchable=True, w=300),
            dmc.Button(id=RESET, variant="subtle", size="sm"),
        ])])


clientside_callback(  # below 768 px the filters fold under their button (a drawer in the page)
    """function(n) { const open = n % 2 === 1;
        return [open ? 'filter-body open' : 'filter-body', open ? 'true' : 'false']; }""",
    Output(BODY, "className"), Output(TOGGLE, "aria-expanded"), Input(TOGGLE, "n_clicks"))


@callback(Output(PERIOD, "label"), Output(FROM, "label"), Output(TO, "label"), Output(ASOF, "label"),
          Output(REGION, "label"), Output(PROVINCE, "label"), Output(OLD, "label"),
          Output(SECTOR, "label"), Output(ORG, "label"), Output(ORG, "placeholder"),
          Output(RESET, "children"), Output(PERIOD, "data"), Output(REGION, "placeholder"),
          Output(PROVINCE, "placeholder"), Output(SECTOR, "placeholder"), Output(TOGGLE, "children"),
          Input(LANG, "data"), prevent_initial_call=True)
@responses.cacheable
def translate_labels(lang):
    """Filter labels in the chosen language."""
    lang = lang or "vi"
    keys = ["filter.period", "filter.from", "filter.to", "filter.as_of", "filter.region", "filter.province",
            "filter.old", "filter.sector", "filter.org", "filter.org_search", "filter.reset"]
    every = t("filter.all", lang)
    return (*[t(k, lang) for k in keys], period_options(lang), every, every, every,
            t("filter.toggle", lang))


def period_label(period: str, lang: str) -> str:
    """'Quý 3/2025', 'Năm 2024', or the preset's name."""
    m = urlstate.NAMED.match(period)
    if m and m.group(2):
        return t("filter.quarter", lang, q=m.group(2), year=m.group(1))
    if m:
        return t("filter.year", lang, year=m.group(1))
    return t(f"filter.preset.{period}", lang)


def period_options(lang: str) -> list[dict]:
    """The period menu: presets, then the named quarters and years with data, then custom."""
    presets = [{"value": p, "label": period_label(p, lang)} for p in (*urlstate.PRESETS, "custom")]
    if data.signature() is None:
        return presets
    named = urlstate.named_periods(urlstate.choices_for(access.current_scope()))
    return [{"group": t("filter.presets", lang), "items": presets},
            {"group": t("filter.quarters", lang),
             "items": [{"value": p, "label": period_label(p, lang)} for p in named if "Q" in p]},
            {"group": t("filter.years", lang),
             "items": [{"value": p, "label": period_label(p, lang)} for p in named
                       if "Q" not in p]}]


@callback(Output(REGION, "data"), Output(PROVINCE, "data"), Output(SECTOR, "data"),
          Input(LANG, "data"), Input(STATE, "data"), prevent_initial_call=True)
@responses.cacheable
def fill_options(lang, state):
    """Region, province (63 old or 34 current, within the region) and sector options."""
    if not state or data.signature() is None:
        return [], [], []
    lang = lang or "vi"
    fc = data.filter_choices(access.current_scope())
    reg = fc["regions"]
    regions = [{"value": r, "label": reg_name} for r, reg_name in
               zip(reg["region"], reg["name_en" if lang == "en" else "name_vi"])]
    prov = fc["provinces"]
    prov = prov[prov["is_current"] != bool(state.get("old"))]
    if state.get("region"):
        prov = prov[prov["region"] == state["region"]]
    provinces = [{"value": c, "label": n} for c, n in zip(prov["province_code"], prov["name"])]
    sectors = [{"value": s, "label": t(f"sector.{s}", lang)} for s in fc["sectors"]["sector"]]
    return regions, provinces, sectors


@callback(Output(ORG, "data"), Input(ORG, "searchValue"), Input(ORG, "value"),
          prevent_initial_call=True)
@responses.cacheable
def search_orgs(text, value):
    """Organisation options matching the typed text, each labelled with its path; the picked
    organisation is always among them (a value missing from the options would show blank)."""
    if data.signature() is None:
        return []
    scope = access.current_scope()
    hits = lookup.search_orgs(scope, text or "", 50)
    options = [{"value": i, "label": org_option_label(n, p)}
               for i, n, p in zip(hits["org_id"], hits["name"], hits["path"])]
    if value and value not in set(hits["org_id"]):
        label = lookup.org_label(scope, value)
        if label:
            options.append({"value": value, "label": org_option_label(*label)})
    return options


def org_option_label(name: str, path: str) -> str:
    """'Chi bộ 2 — Hà Nội › Đảng bộ phường X': the organisation first (a narrow box shows the
    picked organisation, not the root of its path), then where it sits."""
    above = path.rsplit(" › ", 1)[0] if " › " in path else ""
    return f"{name} — {above}" if above else name


def ignored_notice(bad: list[str], lang: str):
    if not bad:
        return None
    return dmc.Alert(f"{t('notice.ignored', lang)}: {', '.join(bad)}", color="yellow",
                     withCloseButton=True, py=6, mb="sm")


def state_from_controls(prev: dict, trigger, period, dates, asof, region, province, old,
                        sector, org, params: dict, ch: urlstate.Choices) -> dict:
    """The new state after one control changed (pure; unit-tested)."""
    state = {**prev, "params": {**prev.get("params", {}), **params}}
    state.update(region=region, province=province, sector=sector, org=org, old=bool(old))
    if trigger == PERIOD and urlstate.is_period(period, ch):
        s, e = urlstate.preset_range(period, ch)
        state.update(period=period, start=s.isoformat(), end=e.isoformat(), as_of=e.isoformat())
    elif trigger == DATES and dates and all(dates) and dates[0][:10] <= dates[1][:10]:
        state.update(period="custom", start=dates[0][:10], end=dates[1][:10],
                     as_of=dates[1][:10])
    elif trigger == ASOF and asof:
        state["as_of"] = asof[:10]
    if trigger == OLD and bool(old) != bool(prev.get("old")):
        state["province"] = None
    if trigger == REGION and region != prev.get("region"):
        state["province"] = None
    return state


@callback(
    Output(URL, "search"), Output(STATE, "data"), Output(LANG, "data"), Output(NOTICE, "children"),
    *[Output(i, prop) for i, prop, _ in CONTROLS], Output(PARAM, "value"),
    Input(URL, "search"), Input(PERIOD, "value"), Input(FROM, "value"), Input(TO, "value"),
    Input(ASOF, "value"),
    Input(REGION, "value"), Input(PROVINCE, "value"), Input(OLD, "checked"),
    Input(SECTOR, "value"), Input(ORG, "value"), Input(PARAM, "value"), Input(PATCH, "data"),
    Input(RESET, "n_clicks"), State(PARAM, "id"), State(STATE, "data"), State(LANG, "data"),
    prevent_initial_call=True)
@responses.cacheable
def sync(search, period, start, end, asof, region, province, old, sector, org, param_values,
         patch, _reset, param_ids, prev, prev_lang):
    """Keep URL, controls and the state store in step (see module docstring)."""
    if data.signature() is None:
        return (no_update, None, prev_lang or "vi", t(data.unavailable_key(), prev_lang or "vi"),
                *[no_update] * len(CONTROLS), [no_update] * len(param_ids))
    ch = urlstate.choices_for(access.current_scope())
    trigger = DATES if ctx.triggered_id in (FROM, TO) else ctx.triggered_id
    dates = [start, end]
    notice = no_update
    if trigger in (None, URL) or not prev:
        state, bad = urlstate.parse(search, ch)
        notice = ignored_notice(bad, state["lang"])
    elif trigger == RESET:
        state = urlstate.default_state(ch, prev.get("lang", "vi"))
    elif trigger == PATCH:
        state = {**prev, **{k: v for k, v in (patch or {}).items() if k in urlstate.FILTER_KEYS}}
        if urlstate.parse(urlstate.to_search(state), ch)[0] != state:
            state = prev
    else:
        params = {i["name"]: v for i, v in zip(param_ids, param_values) if v is not None}
        state = state_from_controls(prev, trigger if isinstance(trigger, str) else None, period,
                                    dates, asof, region, province, old, sector, org, params, ch)
    new_search = urlstate.to_search(state)
    lang = state["lang"]
    return (
        new_search if new_search != (search or "") and trigger not in (None, URL) else no_update,
        state if state != prev else no_update,
        lang if lang != prev_lang else no_update,
        notice,
        *[state[key] for *_, key in CONTROLS],
        [state["params"].get(i["name"], no_update) for i in param_ids],
    )

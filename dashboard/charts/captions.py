"""The texts around every chart and slide: the subtitle naming the active filters and the
footnote naming the data date and the warehouse generation (both within the viewer's scope)."""

from __future__ import annotations

from dashboard import data
from dashboard.data import Scope
from dashboard.i18n import fmt_date, fmt_num, t


def describe(state: dict, lang: str, scope: Scope) -> str:
    """Subtitle naming the active filters: period, then region/province/sector/organisation."""
    parts = [f"{t('chart.period', lang)} {fmt_date(state['start'])}–{fmt_date(state['end'])}"]
    fc = data.filter_choices(scope)
    if state.get("region"):
        reg = fc["regions"].set_index("region")
        parts.append(reg.loc[state["region"], "name_en" if lang == "en" else "name_vi"])
    if state.get("province"):
        prov = fc["provinces"].set_index("province_code")["name"]
        parts.append(str(prov.get(state["province"], state["province"])))
    if state.get("sector"):
        parts.append(t(f"sector.{state['sector']}", lang))
    if state.get("org"):
        label = data.org_label(scope, state["org"])
        parts.append(label[0] if label else state["org"])
    if len(parts) == 1:
        parts.append(t("chart.all_scope", lang))
    return " · ".join(parts)


def footnote(state: dict, lang: str, scope: Scope) -> str:
    """'as of' and source line under every chart."""
    info = data.warehouse_info(scope)
    return (f"{t('filter.as_of', lang)}: {fmt_date(state['as_of'])} · "
            f"{t('chart.source', lang)} {fmt_num(info['generation'], lang)}")

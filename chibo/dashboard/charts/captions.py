"""The texts around every chart, slide and export: the subtitle naming the period and the scope
actually shown (the viewer's scope combined with the filters: "Hà Nội", "Tây Nguyên · Đắk Lắk",
"Toàn quốc" only when it is), the footnote naming the data date and the warehouse generation, and
the file-name stem every export shares."""

from __future__ import annotations

from chibo.dashboard import data
from chibo.dashboard.data import Scope
from chibo.dashboard.i18n import fmt_date, fmt_num, t
from chibo.dashboard.queries import lookup

MAX_NAMED = 3  # a viewer scope of more provinces or organisations is named by its first ones


def _names(names: list[str], lang: str) -> str:
    names = sorted(set(names))
    if len(names) <= MAX_NAMED:
        return ", ".join(names)
    return t("chart.and_more", lang, names=", ".join(names[:MAX_NAMED]),
             n=len(names) - MAX_NAMED)


def _viewer_places(scope: Scope, state: dict, lang: str) -> list[str]:
    """The viewer's own provinces (current and old ones by their names; within the region
    filter when there is one) and organisation subtrees, named."""
    names = []
    if scope.provinces or scope.old_provinces:
        prov = data.filter_choices(scope)["provinces"]
        prov = prov[(prov["is_current"] & prov["province_code"].isin(scope.provinces or ()))
                    | (~prov["is_current"] & prov["province_code"].isin(scope.old_provinces or ()))]
        if state.get("region"):
            prov = prov[prov["region"] == state["region"]]
        names += list(prov["name"])
    for root in sorted(scope.org_roots or ()):
        label = lookup.org_label(scope, root)
        names.append(label[0] if label else root)
    return names


def scope_name(state: dict, lang: str, scope: Scope) -> str:
    """The scope a view shows: region and province filters, else the viewer's own scope, else
    the whole country; then the sector and organisation filters ('Tây Nguyên · Đắk Lắk',
    'Hà Nội · Doanh nghiệp nhà nước', 'Toàn quốc')."""
    fc = data.filter_choices(scope)
    parts = []
    if state.get("region"):
        reg = fc["regions"].set_index("region")
        if state["region"] in reg.index:
            parts.append(reg.loc[state["region"], "name_en" if lang == "en" else "name_vi"])
    limited = any(p is not None for p in (scope.provinces, scope.org_roots, scope.old_provinces))
    if state.get("province"):
        prov = fc["provinces"].set_index("province_code")["name"]
        parts.append(str(prov.get(state["province"], state["province"])))
    elif limited:
        own = _viewer_places(scope, state, lang)
        parts.append(_names(own, lang) if own else t("chart.no_scope", lang))
    elif not parts:
        parts.append(t("chart.national", lang))
    if state.get("sector"):
        parts.append(t(f"sector.{state['sector']}", lang))
    if state.get("org"):
        label = lookup.org_label(scope, state["org"])
        parts.append(label[0] if label else state["org"])
    return " · ".join(parts)


def period_text(state: dict, lang: str) -> str:
    return f"{t('chart.period', lang)} {fmt_date(state['start'])}–{fmt_date(state['end'])}"


def describe(state: dict, lang: str, scope: Scope) -> str:
    """Subtitle: the period, then the scope shown (`scope_name`)."""
    return " · ".join([period_text(state, lang), scope_name(state, lang, scope)])


def footnote(state: dict, lang: str, scope: Scope) -> str:
    """'as of' and source line under every chart."""
    info = data.warehouse_info(scope)
    return (f"{t('filter.as_of', lang)}: {fmt_date(state['as_of'])} · "
            f"{t('chart.source', lang)} {fmt_num(info['generation'], lang)}")


def empty_text(state: dict, lang: str, scope: Scope) -> str:
    """'No data for Hà Nội, 01/01/2025–31/12/2025' (never 'for the selected filters' when
    nothing is filtered)."""
    return t("chart.empty_for", lang, scope=scope_name(state, lang, scope),
             start=fmt_date(state["start"]), end=fmt_date(state["end"]))


def file_stem(title: str, state: dict, lang: str, scope: Scope) -> str:
    """'<title> - <scope> - <dd-mm-yyyy>' with characters file systems refuse replaced."""
    text = f"{title} - {scope_name(state, lang, scope)} - {fmt_date(state['end']).replace('/', '-')}"
    return "".join("-" if c in '/\\:*?"<>|' else c for c in text).replace(" · ", ", ").strip()

"""Decks: an ordered list of chart keys in the URL (`deck=members-stock,quality-levels` or
`deck=builtin:tong-quan`), and the slides built from them through the Chart registry and the
scoped data layer: title, filter context, source, key number, projector figure, native chart."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import plotly.graph_objects as go

from dashboard import figures, i18n, urlstate
from dashboard.auth import access
from dashboard.components import chart_card
from dashboard.components.filter_bar import describe, footnote
from dashboard.exports import native, projector
from dashboard.i18n import t

log = logging.getLogger(__name__)
MAX_SLIDES = 40
AUTO_CHOICES = ("0", "10", "20", "30", "60")  # auto-advance seconds; 0 = off

i18n.register({
    "slides.deck.tong-quan": ("Tổng quan", "Overview"),
    "slides.deck.chat-luong-quy": ("Chất lượng sinh hoạt theo quý", "Meeting quality by quarter"),
    "slides.deck.custom": ("Bộ trình chiếu", "Presentation"),
    "slides.file": ("Trình chiếu", "Presentation"),
    "slides.total": ("Tổng số", "Total"),
    "slides.key": ("Số liệu chính", "Key figure"),
    "slides.numbers": ("Số liệu", "Figures"),
    "slides.filters": ("Bộ lọc", "Filters"),
    "slides.no_data": ("Không có dữ liệu cho bộ lọc đã chọn", "No data for the selected filters"),
})


@dataclass(frozen=True)
class Deck:
    """A built-in deck: title i18n key, chart keys, and page params it forces (e.g. quarters)."""

    title: str
    keys: tuple[str, ...]
    params: tuple[tuple[str, str], ...] = ()


BUILTIN = {
    "tong-quan": Deck("slides.deck.tong-quan", (
        "overview-trend", "members-stock", "members-flows", "members-departures",
        "quality-levels", "quality-attendance", "regions-compare", "regions-map")),
    "chat-luong-quy": Deck("slides.deck.chat-luong-quy", (
        "quality-levels", "quality-score", "quality-attendance", "quality-kinds",
        "quality-online", "quality-heatmap"), (("qgrain", "quarter"),)),
}
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def parse_deck(raw: str | None) -> Deck | None:
    """The deck a URL value names, or None when it is empty or names an unknown chart."""
    raw = (raw or "").strip()
    if raw.startswith("builtin:"):
        deck = BUILTIN.get(raw[len("builtin:"):])
        return deck if deck and all(k in chart_card.CHARTS for k in deck.keys) else None
    keys = tuple(k for k in raw.split(",") if k)
    if not keys or len(keys) > MAX_SLIDES:
        return None
    if not all(_KEY.match(k) and k in chart_card.CHARTS for k in keys):
        return None
    return Deck("slides.deck.custom", keys)


class _DeckValues:
    """The `deck` URL parameter's choices: any valid deck (urlstate only asks `raw in choices`)."""

    def __contains__(self, raw) -> bool:
        return raw == "" or parse_deck(raw) is not None

    def __iter__(self):
        return iter(())


# urlstate.register_param takes a finite tuple; a deck is an open-ended list, so its validator
# goes into the same table (lead: a `validate=` option in register_param would make this public).
urlstate._PARAMS.setdefault("deck", (_DeckValues(), ""))
urlstate.register_param("auto", AUTO_CHOICES, "0")


@dataclass
class Slide:
    key: str
    title: str
    context: str
    source: str
    figure: go.Figure  # projector-styled, without title and footnote (the slide carries them)
    chart: native.NativeChart | None
    key_label: str = ""
    key_value: str = ""
    notes: list[str] = field(default_factory=list)


def deck_state(deck: Deck, state: dict) -> dict:
    """The state with the deck's forced page params (a quarterly deck is always quarterly)."""
    return {**state, "params": {**(state.get("params") or {}), **dict(deck.params)}}


def deck_title(deck: Deck, lang: str) -> str:
    return t(deck.title, lang)


def _title_text(fig: go.Figure, fallback: str) -> str:
    """The title the figure builder wrote (pages may add the metric), without markup."""
    text = (fig.layout.title.text or "") if fig.layout.title else ""
    text = re.sub(r"<[^>]+>", "", text.split("<br>")[0]).strip()
    return text or fallback


def _subtitle_text(fig: go.Figure, fallback: str) -> str:
    """The subtitle the figure builder wrote (e.g. the overview's fixed 5-year window)."""
    text = (fig.layout.title.text or "") if fig.layout.title else ""
    parts = text.split("<br>", 1)
    return (re.sub(r"<[^>]+>", "", parts[1]).strip() if len(parts) > 1 else "") or fallback


def build_slide(key: str, state: dict, scope=None) -> Slide:
    """One slide for chart `key` under `state` (already including the deck's params)."""
    chart = chart_card.CHARTS[key]
    lang = state.get("lang", "vi")
    scope = scope if scope is not None else access.current_scope()
    title = t(chart.title, lang)
    context, source = describe(state, lang), footnote(state, lang)
    ctx = figures.FigContext(lang=lang, theme="light", title=title, subtitle=context)
    try:
        f = chart_card.chart_filters(chart, state)
        fig = chart.figure(chart.data(scope, f), ctx, f)
    except Exception:  # one broken chart must not break the deck
        log.exception("slide %s failed", key)
        fig = figures.empty(ctx, t("chart.error", lang))
    title, context = _title_text(fig, title), _subtitle_text(fig, context)
    fig.update_layout(title={"text": ""})
    styled = projector.style(fig)
    data_chart = native.from_figure(styled)
    label, value = native.key_number(data_chart, lang)
    notes = [title, f"{t('slides.filters', lang)}: {context}"]
    if value:
        notes.append(f"{t('slides.key', lang)}: {label}: {value}")
    lines = native.notes_lines(data_chart, lang)
    if lines:
        notes += [f"{t('slides.numbers', lang)}:", *lines]
    elif not [tr for tr in fig.data]:
        notes.append(t("slides.no_data", lang))
    notes.append(source)
    return Slide(key, title, context, source, styled, data_chart, label, value, notes)


def build_slides(deck: Deck, state: dict, scope=None) -> list[Slide]:
    """Every slide of `deck` under `state`, in order."""
    st = deck_state(deck, state)
    return [build_slide(k, st, scope) for k in deck.keys]

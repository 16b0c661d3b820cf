"""Decks: an ordered list of chart keys in the URL (`deck=members-stock,quality-levels` or
`deck=builtin:tong-quan`), and the slides built from them through the chart registry and the
scoped data layer: title, filter context, source, key number, projector figure, and the chart's
spec for a native PowerPoint chart (its numbers also go into the speaker notes)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chibo.dashboard import i18n, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.charts import (
    catalogue,  # noqa: F401  (registers every chart a deck may name)
    plain,
    registry,
)
from chibo.dashboard.charts.captions import empty_text, footnote, period_text, scope_name
from chibo.dashboard.charts.headline import key_number
from chibo.dashboard.charts.spec import ChartSpec
from chibo.dashboard.exports import projector
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import metrics

MAX_SLIDES = 40
AUTO_CHOICES = ("0", "10", "20", "30", "60")  # auto-advance seconds; 0 = off

i18n.register({
    "slides.deck.tong-quan": ("Tổng quan", "Overview"),
    "slides.deck.chat-luong-quy": ("Chất lượng sinh hoạt theo quý", "Meeting quality by quarter"),
    "slides.deck.custom": ("Bộ trình chiếu", "Presentation"),
    "slides.file": ("Trình chiếu", "Presentation"),
    "slides.scope": ("Phạm vi", "Scope"),
    "slides.made": ("Tạo lúc", "Made"),
    "slides.key": ("Số liệu chính", "Key figure"),
    "slides.numbers": ("Số liệu", "Figures"),
    "slides.filters": ("Bộ lọc", "Filters"),
    "slides.definitions": ("Định nghĩa", "Definitions"),
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
        return deck if deck and all(k in registry.CHARTS for k in deck.keys) else None
    keys = tuple(k for k in raw.split(",") if k)
    if not keys or len(keys) > MAX_SLIDES:
        return None
    if not all(_KEY.match(k) and k in registry.CHARTS for k in keys):
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
urlstate.register_param("headline", ("complete", "latest"), "complete")  # the key number's period


@dataclass
class Slide:
    key: str
    title: str
    context: str
    source: str
    figure: dict  # plain, projector-styled, without title and footnote (the slide carries them)
    chart: ChartSpec | None  # in projector colours; None: the figure goes in as a picture
    key_label: str = ""
    key_value: str = ""
    notes: list[str] = field(default_factory=list)


def deck_state(deck: Deck, state: dict) -> dict:
    """The state with the deck's forced page params (a quarterly deck is always quarterly)."""
    return {**state, "params": {**(state.get("params") or {}), **dict(deck.params)}}


def deck_title(deck: Deck, lang: str) -> str:
    return t(deck.title, lang)


def build_slide(key: str, state: dict, scope=None) -> Slide:
    """One slide for chart `key` under `state` (already including the deck's params)."""
    lang = state.get("lang", "vi")
    scope = scope if scope is not None else access.current_scope()
    source = footnote(state, lang, scope)
    ctx, drawing = registry.draw(key, state, scope, "light", with_footnote=False)
    fig = plain.layout(drawing.figure, title={"text": ""})
    mapping = projector.palette(fig)
    chart = drawing.spec.recoloured(lambda c: projector.color(c, mapping)) if drawing.spec else None
    styled = projector.style(fig)
    label, value = key_number(chart, lang, latest=(state.get("params") or {}).get(
        "headline") == "latest")
    notes = [ctx.title, f"{t('slides.filters', lang)}: {ctx.subtitle}"]
    if value:
        notes.append(f"{t('slides.key', lang)}: {label}: {value}")
    lines = notes_lines(chart, lang)
    if lines:
        notes += [f"{t('slides.numbers', lang)}:", *lines]
    elif not fig["data"]:
        notes.append(empty_text(state, lang, scope))
    shown = metrics.definitions(scope, registry.chart_metrics(key, state), lang)
    if shown:  # what each figure counts, from the metric registry (the cards' "ⓘ")
        notes += [f"{t('slides.definitions', lang)}:", *(f"{a}: {b}" for a, b in shown)]
    notes.append(source)
    return Slide(key, ctx.title, ctx.subtitle, source, styled, chart, label, value, notes)


def notes_lines(chart: ChartSpec | None, lang: str) -> list[str]:
    """One line per category: '03/2025: Chính thức 40; Dự bị 5' (Vietnamese number format)."""
    if chart is None:
        return []
    lines = []
    for i, cat in enumerate(chart.part_labels(lang)):
        parts = [(f"{s.name} " if s.name and len(chart.series) > 1 else "")
                 + chart.fmt(s.values[i], lang) for s in chart.series]
        lines.append(f"{cat}: {'; '.join(parts)}")
    return lines


def build_slides(deck: Deck, state: dict, scope=None) -> list[Slide]:
    """Every slide of `deck` under `state`, in order."""
    st = deck_state(deck, state)
    return [build_slide(k, st, scope) for k in deck.keys]


@dataclass(frozen=True)
class Cover:
    """A deck's title slide: what it is, for which scope and period, from which data."""

    title: str
    scope: str
    period: str
    source: str


def cover(deck: Deck, state: dict, scope=None) -> Cover:
    lang = state.get("lang", "vi")
    scope = scope if scope is not None else access.current_scope()
    return Cover(deck_title(deck, lang), f"{t('slides.scope', lang)}: {scope_name(state, lang, scope)}",
                 period_text(state, lang), footnote(state, lang, scope))

"""The shared filter state <-> URL query string, with validation: bad values become notices.

The state is a JSON-able dict (dates as ISO strings) kept in the `state` store; `to_filters` turns
it into the `data.Filters` the query functions take. Pages may register extra URL parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from chibo.dashboard import data
from chibo.dashboard.data import Filters, Scope, add_months, month_floor
from chibo.dashboard.queries import lookup

PRESETS = ("this_quarter", "last_quarter", "this_year", "last_year", "12m", "5y", "all")
NAMED = re.compile(r"^(\d{4})(?:-Q([1-4]))?$")  # a named year '2024' or quarter '2025-Q3'
NAMED_YEARS, NAMED_QUARTERS = 10, 8  # how many the period menu offers
DEFAULT_PRESET = "12m"
FILTER_KEYS = ("region", "province", "sector", "org")
_PARAMS: dict[str, tuple[tuple[str, ...], str]] = {}  # page params: name -> (choices, default)
_RESERVED = {"lang", "period", "from", "to", "asof", "old", *FILTER_KEYS}


def register_param(name: str, choices: tuple[str, ...], default: str) -> None:
    """Let a page keep one of its own controls in the URL (id {'type': 'url-param', 'name': …})."""
    if name in _RESERVED:
        raise ValueError(f"URL parameter {name!r} is reserved")
    _PARAMS[name] = (tuple(choices), default)


def param_default(name: str) -> str:
    return _PARAMS[name][1]


@dataclass(frozen=True)
class Choices:
    """What the URL may name: valid codes and the data's first and last month."""

    regions: frozenset = frozenset()
    provinces_current: frozenset = frozenset()
    provinces_old: frozenset = frozenset()
    sectors: frozenset = frozenset()
    first: dt.date = dt.date(2000, 1, 1)
    last: dt.date = dt.date(2000, 1, 1)
    org_ok: Callable[[str], bool] = field(default=lambda _id: False, compare=False)


def month_end(d: dt.date) -> dt.date:
    return add_months(month_floor(d), 1) - dt.timedelta(days=1)


def quarter_start(d: dt.date) -> dt.date:
    return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def _named(period: str) -> tuple[dt.date, dt.date] | None:
    """'2024' → 01/01–31/12/2024; '2025-Q3' → 01/07–30/09/2025; None when not a name."""
    m = NAMED.match(period or "")
    if not m:
        return None
    year, q = int(m.group(1)), m.group(2)
    if q is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    start = dt.date(year, 3 * int(q) - 2, 1)
    return start, month_end(add_months(start, 2))


def is_period(period: str | None, ch: Choices) -> bool:
    """A preset, or a named year or quarter overlapping the data."""
    if period in PRESETS:
        return True
    named = _named(period or "")
    return named is not None and named[0] <= month_end(ch.last) and named[1] >= ch.first


def named_periods(ch: Choices) -> list[str]:
    """The named quarters (newest NAMED_QUARTERS) and years (newest NAMED_YEARS) with data."""
    quarters, q = [], quarter_start(ch.last)
    while len(quarters) < NAMED_QUARTERS and month_end(add_months(q, 2)) >= ch.first:
        quarters.append(f"{q.year}-Q{(q.month - 1) // 3 + 1}")
        q = add_months(q, -3)
    years = [str(y) for y in range(ch.last.year, ch.first.year - 1, -1)][:NAMED_YEARS]
    return quarters + years


def preset_range(preset: str, ch: Choices) -> tuple[dt.date, dt.date]:
    """A period preset or a named year or quarter, relative to the last month with data (not to
    today's clock), cut to the data's months."""
    named = _named(preset)
    if named is not None:
        start, end = named
        return max(start, ch.first), min(end, month_end(ch.last))
    q = quarter_start(ch.last)
    start, end = {
        "this_quarter": (q, month_end(ch.last)),
        "last_quarter": (add_months(q, -3), q - dt.timedelta(days=1)),
        "this_year": (dt.date(ch.last.year, 1, 1), month_end(ch.last)),
        "last_year": (dt.date(ch.last.year - 1, 1, 1), dt.date(ch.last.year - 1, 12, 31)),
        "12m": (add_months(ch.last, -11), month_end(ch.last)),
        "5y": (add_months(ch.last, -59), month_end(ch.last)),
    }.get(preset, (ch.first, month_end(ch.last)))
    return max(start, ch.first), max(min(end, month_end(ch.last)), ch.first)


def default_state(ch: Choices, lang: str = "vi") -> dict:
    start, end = preset_range(DEFAULT_PRESET, ch)
    return {"lang": lang, "period": DEFAULT_PRESET, "start": start.isoformat(),
            "end": end.isoformat(), "as_of": end.isoformat(), "old": False,
            "region": None, "province": None, "sector": None, "org": None,
            "params": {k: v[1] for k, v in _PARAMS.items()}}


def _date(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def parse(search: str | None, ch: Choices) -> tuple[dict, list[str]]:
    """Query string → (state, notices). Every unknown key or invalid value is dropped and named."""
    pairs = dict(parse_qsl((search or "").lstrip("?"), keep_blank_values=True))
    bad: list[str] = []
    lang = pairs.pop("lang", "vi")
    if lang not in ("vi", "en"):
        bad.append(f"lang={lang}")
        lang = "vi"
    state = default_state(ch, lang)
    old = pairs.pop("old", "0")
    if old not in ("0", "1"):
        bad.append(f"old={old}")
    state["old"] = old == "1"
    period = pairs.pop("period", None)
    start, end = _date(pairs.pop("from", "")), _date(pairs.pop("to", ""))
    if period == "custom":  # period=custom&from=…&to=… (as the app writes a custom period)
        period = None
        if not (start and end):
            bad.append("period=custom")
    if period is not None and not is_period(period, ch):
        bad.append(f"period={period}")
        period = None
    if start and end and start <= end and period is None:
        state.update(period="custom", start=start.isoformat(), end=end.isoformat())
    elif (start or end) and period is None:
        bad.append("from/to")
    if period is not None:
        s, e = preset_range(period, ch)
        state.update(period=period, start=s.isoformat(), end=e.isoformat())
    state["as_of"] = state["end"]
    if "asof" in pairs:
        raw = pairs.pop("asof")
        if _date(raw):
            state["as_of"] = raw
        else:
            bad.append(f"asof={raw}")
    valid = {"region": ch.regions, "sector": ch.sectors,
             "province": ch.provinces_old if state["old"] else ch.provinces_current}
    for key in FILTER_KEYS:
        if key not in pairs:
            continue
        raw = pairs.pop(key)
        ok = ch.org_ok(raw) if key == "org" else raw in valid[key]
        if ok:
            state[key] = raw
        else:
            bad.append(f"{key}={raw}")
    for name, (choices, _default) in _PARAMS.items():
        if name in pairs:
            raw = pairs.pop(name)
            if raw in choices:
                state["params"][name] = raw
            else:
                bad.append(f"{name}={raw}")
    bad.extend(f"{k}={v}" for k, v in pairs.items())
    return state, bad


def to_search(state: dict) -> str:
    """State → '?a=b&…' holding only what differs from the defaults ('' when nothing does)."""
    q: dict[str, str] = {}
    if state.get("lang") == "en":
        q["lang"] = "en"
    period = state.get("period", DEFAULT_PRESET)
    if period == "custom":
        q["from"], q["to"] = state["start"], state["end"]
    elif period != DEFAULT_PRESET:
        q["period"] = period
    if state.get("as_of") and state["as_of"] != state["end"]:
        q["asof"] = state["as_of"]
    if state.get("old"):
        q["old"] = "1"
    for key in FILTER_KEYS:
        if state.get(key):
            q[key] = state[key]
    for name, value in (state.get("params") or {}).items():
        if name in _PARAMS and value != _PARAMS[name][1]:
            q[name] = value
    return ("?" + urlencode(q)) if q else ""


def to_filters(state: dict, **extra) -> Filters:
    """The data-layer filters for a state; `extra` adds page-specific hashable values."""
    return Filters(
        start=dt.date.fromisoformat(state["start"]), end=dt.date.fromisoformat(state["end"]),
        as_of=dt.date.fromisoformat(state["as_of"]), region=state.get("region"),
        province=state.get("province"), old_boundaries=bool(state.get("old")),
        sector=state.get("sector"), org=state.get("org"), extra=tuple(sorted(extra.items())))


def choices_for(scope: Scope) -> Choices:
    """The valid URL values for a viewer's scope, from the warehouse (cached there)."""
    fc = data.filter_choices(scope)
    prov = fc["provinces"]
    bounds = data.data_bounds(scope) or (dt.date.today().replace(day=1),) * 2
    return Choices(
        regions=frozenset(fc["regions"]["region"]), sectors=frozenset(fc["sectors"]["sector"]),
        provinces_current=frozenset(prov.loc[prov["is_current"], "province_code"]),
        provinces_old=frozenset(prov.loc[~prov["is_current"], "province_code"]),
        first=bounds[0], last=bounds[1], org_ok=lambda org: lookup.org_exists(scope, org))

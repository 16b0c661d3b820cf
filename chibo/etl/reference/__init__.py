"""Reference facts kept as CSV beside this module: provinces (63 old, 34 from 2025-07-01) and their
aliases, regions, sectors, kinds, rating / quality labels, leave reasons and timeline events."""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import cache
from pathlib import Path

from chibo.etl.normalize import UnknownValue, fold, nfc

__all__ = [
    "MERGER_DATE",
    "events",
    "kinds",
    "leave_reason_for",
    "province",
    "provinces",
    "quality_for_label",
    "rating_for_label",
    "regions",
    "resolve_province",
    "sectors",
    "successor",
    "table",
]

DIR = Path(__file__).parent
MERGER_DATE = dt.date(2025, 7, 1)
_PREFIXES = ("thanhpho", "tinh", "tp")
_NEW_CODE = re.compile(r"n(\d{1,2})$")


@cache
def _read(name: str) -> tuple[dict[str, str], ...]:
    with open(DIR / f"{name}.csv", encoding="utf-8", newline="") as f:
        return tuple(dict(row) for row in csv.DictReader(f))


def table(name: str) -> list[dict[str, str]]:
    """Rows of chibo/etl/reference/<name>.csv as text (copies; empty cells are '')."""
    return [dict(row) for row in _read(name)]


def _typed_province(row: dict[str, str]) -> dict:
    out = dict(row)
    out["is_current"] = row["is_current"] == "true"
    out["successor_code"] = row["successor_code"] or None
    out["seat_lat"], out["seat_lon"] = float(row["seat_lat"]), float(row["seat_lon"])
    for key in ("valid_from", "valid_to"):
        out[key] = dt.date.fromisoformat(row[key]) if row[key] else None
    return out


@cache
def _provinces() -> dict[str, dict]:
    return {row["province_code"]: _typed_province(row) for row in _read("provinces")}


def provinces() -> list[dict]:
    """All 97 provinces: province_code, name, is_current (bool), successor_code (None for the new),
    region, seat, seat_lat, seat_lon (float), valid_from, valid_to (date or None), kind, note."""
    return [dict(p) for p in _provinces().values()]


def _unknown_code(code) -> UnknownValue:
    return UnknownValue(f"Không có mã tỉnh {code!r}", f"No province with code {code!r}")


def province(code: str) -> dict:
    """One province by its exact code ('08' or 'N08')."""
    try:
        return dict(_provinces()[code])
    except KeyError:
        raise _unknown_code(code) from None


def successor(code: str) -> str:
    """The current (post-2025-07-01) province code for any code; identity for the new ones."""
    return province(code)["successor_code"] or code


@cache
def _aliases() -> dict[str, dict[str, frozenset[str]]]:
    """fold(alias) → period ('old' | 'new' | 'any') → codes."""
    index: dict[str, dict[str, set[str]]] = {}
    for row in _read("province_aliases"):
        index.setdefault(fold(row["alias"]), {}).setdefault(row["period"], set()).add(
            row["province_code"])
    return {k: {p: frozenset(c) for p, c in v.items()} for k, v in index.items()}


def _pick(found: list[dict[str, frozenset[str]]], on: dt.date | None, text: str) -> str:
    """The code for the period of `on`, else for the other period; the exact key before the
    key without its Tỉnh / Thành phố prefix."""
    wanted, other = ("new", "old") if on is not None and on >= MERGER_DATE else ("old", "new")
    for period in (wanted, other):
        for candidates in found:
            codes = candidates.get(period, frozenset()) | candidates.get("any", frozenset())
            if len(codes) == 1:
                return next(iter(codes))
            if len(codes) > 1:
                raise UnknownValue(
                    f"Tên tỉnh {text!r} không rõ ràng ({', '.join(sorted(codes))})",
                    f"Ambiguous province name {text!r} ({', '.join(sorted(codes))})")
    raise UnknownValue(f"Không nhận ra tỉnh {text!r}", f"Unknown province {text!r}")


def resolve_province(text: str, on: dt.date | None = None) -> str:
    """A province code from a code ('08', '8', 'N08') or any known spelling of a name. A name or
    number shared by an old and a new province gives the old code when `on` is None or before
    2025-07-01 and the new one from then on. Unknown text raises UnknownValue (never a guess)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool) and float(text).is_integer():
        text = str(int(text))
    if not isinstance(text, str):
        raise UnknownValue(f"Không nhận ra tỉnh {text!r}", f"Unknown province {text!r}")
    key = fold(text)
    if m := _NEW_CODE.match(key):
        code = f"N{int(m[1]):02d}"
        if code in _provinces():
            return code
        raise _unknown_code(nfc(text))
    if key.isdigit() and len(key) <= 2:
        key = key.zfill(2)
    aliases = _aliases()
    keys = [key] + [key[len(p):] for p in _PREFIXES if key.startswith(p) and len(key) > len(p)]
    found = [aliases[k] for k in keys if k in aliases]
    if not found:
        raise UnknownValue(f"Không nhận ra tỉnh {nfc(text)!r}", f"Unknown province {nfc(text)!r}")
    return _pick(found, on, nfc(text))


def regions() -> list[dict]:
    """region, name_vi, name_en, sort_order (int), in display order."""
    rows = [dict(r, sort_order=int(r["sort_order"])) for r in _read("regions")]
    return sorted(rows, key=lambda r: r["sort_order"])


def sectors() -> list[dict[str, str]]:
    """sector, name_vi, name_en, aliases ('|'-separated)."""
    return table("sectors")


def kinds() -> list[dict[str, str]]:
    """kind, name_vi, name_en, aliases ('|'-separated)."""
    return table("kinds")


def events() -> list[dict]:
    """event_on (date), code, label_vi, label_en, oldest first."""
    rows = [dict(r, event_on=dt.date.fromisoformat(r["event_on"])) for r in _read("events")]
    return sorted(rows, key=lambda r: r["event_on"])


@cache
def _label_index(name: str, value_column: str) -> dict[str, int]:
    return {fold(r["label"]): int(r[value_column]) for r in _read(name)}


def _level(text, name: str, column: str, what_vi: str, what_en: str) -> int:
    if isinstance(text, (int, float)) and not isinstance(text, bool) and text in (1, 2, 3, 4):
        return int(text)
    value = _label_index(name, column).get(fold(text)) if isinstance(text, str) else None
    if value is None:
        raise UnknownValue(f"Không nhận ra {what_vi}: {text!r}", f"Unknown {what_en}: {text!r}")
    return value


def rating_for_label(text) -> int:
    """Assessment level 4..1 from a current, older or English label, an abbreviation or a digit."""
    return _level(text, "rating_labels", "rating", "mức xếp loại", "rating label")


def quality_for_label(text) -> int:
    """Meeting quality 4..1 from tốt/khá/trung bình/kém, good/fair/average/poor or a digit."""
    return _level(text, "quality_labels", "quality", "mức chất lượng", "quality label")


@cache
def _leave_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _read("leave_reasons"):
        for word in (row["reason"], row["name_vi"], row["name_en"], *row["aliases"].split("|")):
            index.setdefault(fold(word), row["reason"])
    return index


def leave_reason_for(text: str) -> str:
    """Leave-reason code (transfer_out, death, struck_off, expelled, resigned, other)."""
    reason = _leave_index().get(fold(text)) if isinstance(text, str) else None
    if reason is None:
        raise UnknownValue(f"Không nhận ra lý do ra khỏi chi bộ: {text!r}",
                           f"Unknown leave reason: {text!r}")
    return reason

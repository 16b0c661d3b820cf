"""A time expression found in a sentence (When: its kind, place and the day, month and years it
names) and the days it makes: a date checked for existence, a month's last day, the fixed day of
a date expression."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class When:
    kind: str
    start: int
    end: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    y0: int | None = None
    text: str = ""
    n: int | None = None       # "back": how many years
    m0: int | None = None      # the first month of a range opening at a month
    d0: int | None = None      # and its first day
    admissions_only: bool = False  # a frame of admissions only (a January report of the year before)


def mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> date | None:
    return date(y, m, calendar.monthrange(y, m)[1]) if 1 <= m <= 12 else None


def day_of(w: When) -> date | None:
    """The fixed day a date expression names (date kind only)."""
    return mk(w.y, w.m, w.d) if w.kind == "date" and w.y else None

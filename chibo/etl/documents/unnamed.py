"""People counted in a breakdown by a group the vocabulary gives no dimension: "kết nạp 14 đảng viên,
trong đó có 6 quân nhân hoàn thành nghĩa vụ quân sự", "trong số đó có 4 thanh niên từng đi lao động
…", "276 là sinh viên, 42 là cán bộ, viên chức". After a count of members or admissions and a
breakdown's opener ("trong đó", "trong số đó", "gồm"), a count followed by a noun of people (its
head: quân nhân, thanh niên, cán bộ, giáo viên, nông dân, người …) is a part of that count with no
dimension, never a total (corpus README: groups no dimension names are parts without one; parts.py
gives a dimension where the vocabulary names the group). A count of places or things after the
opener ("trong đó có 5 thôn", "3 lớp") is none.

| a count of people | example |
|---|---|
| count, noun of people | "trong đó có 6 quân nhân …", "trong số đó có 4 thanh niên …" |
| count, "là", noun of people | "…, 42 là cán bộ, viên chức" ("cán bộ, viên chức" is one group) |
"""
from __future__ import annotations

import re

from . import vocabulary as voc

# Nouns of people, the head of a group: a trade, a station, a time of life.
PEOPLE_NOUNS = (
    "quân nhân", "bộ đội", "cựu chiến binh", "cựu quân nhân", "chiến sĩ", "sĩ quan", "công an",
    "thanh niên", "phụ nữ", "người cao tuổi", "người lao động", "lao động", "trí thức", "doanh nhân",
    "cán bộ, công chức, viên chức", "cán bộ, viên chức", "cán bộ, công chức", "cán bộ", "công chức", "viên chức",
    "nhân viên", "công nhân", "kỹ sư", "nông dân",
    "giáo viên", "nhà giáo", "giảng viên", "bác sĩ", "y sĩ", "y, bác sĩ", "dược sĩ", "điều dưỡng",
    "học sinh", "sinh viên", "học viên", "tiểu thương", "chủ doanh nghiệp", "chức sắc", "tín đồ",
    "người", "em", "quần chúng",
)
_PEOPLE = "|".join(sorted(map(re.escape, PEOPLE_NOUNS), key=len, reverse=True))
_GROUP_AFTER_RE = re.compile(r"\s+(?:(?:đồng chí|đ/c)\s+)?(?:là\s+)?(?:" + _PEOPLE + r")(?![\wđ])", re.IGNORECASE)
_OPENER_RE = re.compile(r"(?<![\wđ])(?:trong đó|trong số đó|trong số này|gồm(?: có)?|bao gồm)(?![\wđ])",
                        re.IGNORECASE)
_PEOPLE_WHOLES = ("members_total", "new_admissions")
# Groups said with a comma that are one group, the staff of the state and its units: "cán bộ, viên
# chức", "cán bộ, công chức, viên chức", "cán bộ, chiến sĩ" (not "quân nhân, công nhân và …": mixed).
_ONE_GROUP_RE = re.compile(r"\s*(?:là\s+)?(?:cán bộ|công chức)(?:, (?:công chức|viên chức|chiến sĩ|giáo viên|giảng viên"
                           r"|nhân viên))+(?![\wđ]|,? và)", re.IGNORECASE)


def one_group(sentence: str, at: int) -> bool:
    """A group said with a comma that is one group ("là cán bộ, viên chức")."""
    return bool(_ONE_GROUP_RE.match(sentence, at))


def unnamed_group(sentence: str, start: int, end: int, before: list) -> tuple[str, int] | None:
    """(metric, noun end) of the count at start..end when it is a part of people by a group no
    dimension names (module docstring); before: the sentence's candidates so far."""
    whole = next((c for c in reversed(before) if c.dimension is None and _OPENER_RE.search(
        sentence, c.noun_end, start)), None)  # "…, trong số đó có 23 cựu quân nhân và 11 người …": of the first
    group = _GROUP_AFTER_RE.match(sentence, end)
    if not whole or whole.metric not in _PEOPLE_WHOLES or not group or voc.metric_at(
            voc.fold(sentence), group.end() + 1):
        return None
    return whole.metric, group.end()

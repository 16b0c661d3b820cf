"""Counts set apart from their labels, as infographics, captions and social posts lay them out: read
as the label and count of a report's list ("label: N"), so that the count is found by its noun.

| layout | example | read as |
|---|---|---|
| a count alone on its line, a noun in lower case on the next | "1.215" / "đảng viên" (after "Kết nạp mới" if any) | "đảng viên: 1.215", "Kết nạp mới: 2.984 đảng viên" |
| labels over their counts | "Tổ chức cơ sở đảng" / "58" / "Đảng viên" / "3.946" | "Tổ chức cơ sở đảng: 58" … |
| counts over their labels | "216.480" / "ĐẢNG VIÊN" / "2.712" / "TỔ CHỨC CƠ SỞ ĐẢNG" | "đảng viên: 216.480" … |
| a label, an arrow or a dash, its count | "Tổng số đảng viên ➜ 3.877", "Đảng viên — 3.210" | "Tổng số đảng viên: 3.877" |
| labelled counts apart by "\\|" on one line | "Trong đó: Đoàn viên thanh niên 2.215 \\| Người có đạo 58" | "Trong đó:" / "- Đoàn viên thanh niên 2.215;" / "- Người có đạo 58." |

A run of two or more labelled counts under a heading in capitals or a line ending with ":" is that
heading's list, as if each line were an item ("- Tổng số đảng viên: 3.877", "- Đảng viên nữ: 1.702"): a
part on a later line is a part of the total above it. A heading with its cut-off in brackets ("ĐẢNG BỘ
KHỐI … (tính đến 31/12/2024)") is read as the heading then its gloss, as when they are two lines.

Whether the labels stand over or under their counts is decided for the whole run of lines: the side
where every count has a line of text, and of those the side whose lines name what is counted (a
party noun: đảng viên, chi bộ, tổ chức cơ sở đảng, kết nạp …); a run whose labels name nothing
counted ("Lượt truy cập" / "15.230") is left as it is. A count is a number alone (a qualifier
before it if any); a year alone (1930 … 2099) is none.
"""
from __future__ import annotations

import re

from .numbers import QUALIFIER_WORDS
from .vocabulary import ADMISSION_RE, METRIC_RES, fold

_QUAL = "|".join(re.escape(q) for q, _ in sorted(QUALIFIER_WORDS, key=lambda w: -len(w[0])))
_COUNT = r"(?:(?:" + _QUAL + r")\s+)?(?:\d{1,3}(?:\.\d{3})+|\d+)"
_BARE_RE = re.compile(r"^\s*(?P<c>" + _COUNT + r")\s*$", re.IGNORECASE)
_YEAR_RE = re.compile(r"^\s*(?:19[3-9]\d|20\d\d)\s*$")
_ARROW_RE = re.compile(r"^(?P<label>[^\d|:]{3,80}?)\s*(?:➜|→|⇒|=>|—|–|-{1,2}|\.{3,}|…+)\s*(?P<c>" + _COUNT
                       + r")\s*$", re.IGNORECASE)
_SEGMENT_RE = re.compile(r"^[^\W\d][^\d|:]{1,60}?\s+" + _COUNT + r"$", re.IGNORECASE)
# A label and its count on one line ("Tổng số đảng viên: 3.877"), and what opens a list of them.
_LABELLED_RE = re.compile(r"^[^\W\d][^:|]{1,80}:\s*" + _COUNT + r"(?:\s+[^\W\d][^\d:|]{0,40})?$", re.IGNORECASE)


_GLOSSED_HEADING_RE = re.compile(r"^([^()]{8,120}?)\s*(\([^()]{4,60}\))$")


def _opens_list(line: str) -> bool:
    return line.rstrip().endswith(":") or line.isupper() and 8 <= len(line) <= 120 and not re.search(r"[.!?;]", line)


_LEAD_MARK_RE = re.compile(r"^[^\w(]+")  # emoji or bullets before a label: "👥 Tổng số đảng viên"
_MAX_LABEL = 80


def _names_count(line: str) -> bool:
    """A line naming what a party count counts (a metric noun other than people to be admitted)."""
    folded = fold(line)
    return bool(ADMISSION_RE.search(folded)) or any(
        rx.search(folded) for metric, rx in METRIC_RES if metric != "_candidates")


def _bare(line: str) -> bool:
    return bool(_BARE_RE.match(line)) and not _YEAR_RE.match(line)


def _text(line: str | None) -> bool:
    """A short line of text that may label a count (not a count, not a sentence)."""
    return bool(line) and not _bare(line) and len(line) <= _MAX_LABEL and ";" not in line and not line.rstrip().endswith(
        (".", "-", ","))


def _label(line: str) -> str:
    label = _LEAD_MARK_RE.sub("", line).strip().rstrip(":").strip()
    return label.lower() if label.isupper() else label


def _unit(line: str | None) -> bool:
    """A noun in lower case on the line after a count: "đảng viên", "chi bộ" (not a sentence going on
    after a page's number: "đảng viên; nhiệm kỳ 2015 -")."""
    return _text(line) and line.strip()[0].islower() and _names_count(line) and not re.search(r"[.,;:()-]", line)


def _sides(lines: list[str], counts: list[int]) -> str | None:
    """"over" (labels over their counts), "under", or None, for the run of counts at these lines."""
    over = [lines[i - 1] if i > 0 and i - 1 not in counts and _text(lines[i - 1]) else None for i in counts]
    under = [lines[i + 1] if i + 1 < len(lines) and i + 1 not in counts and _text(lines[i + 1]) else None
             for i in counts]
    scores = {side: sum(map(_names_count, found)) for side, found in (("over", over), ("under", under))
              if all(found)}
    if not scores or not max(scores.values()):
        return None
    if len(scores) == 2 and scores["over"] == scores["under"]:
        return "under" if all(lines[i + 1].strip()[0].islower() for i in counts) else "over"
    return max(scores, key=scores.get)


def _page_number(lines: list[str], i: int) -> bool:
    """A page's number inside a sentence wrapped over the page break ("… với 61.417" / "5" / "đảng viên;
    …"): after a sentence's line, or after a line with a number and before one in lower case."""
    before, after = lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else ""
    return len(before) > _MAX_LABEL or bool(re.search(r"\d", before)) and after[:1].islower()


def _runs(lines: list[str]) -> list[list[int]]:
    """Indexes of count lines grouped in runs (counts two lines apart, or three with a unit between)."""
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if _bare(line) and not _page_number(lines, i):
            if runs and i - runs[-1][-1] in (2, 3):
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


def spread(raw: list[str]) -> list[str]:
    """The lines with counts set apart from their labels read as sentences (module docstring); blank
    lines are kept, and do not part a count from its label."""
    filled = [i for i, line in enumerate(raw) if line.strip()]
    lines = [_same_line(raw[i].strip()) for i in filled]
    glossed = {k for k, line in enumerate(lines) if (m := _GLOSSED_HEADING_RE.match(line)) and _opens_list(m[1])
               and k + 2 < len(lines) and _LABELLED_RE.match(lines[k + 1]) and _LABELLED_RE.match(lines[k + 2])}
    out = list(lines)
    dropped: set[int] = set()
    for run in _runs(lines):
        units = [i for i in run if _unit(lines[i + 1] if i + 1 < len(lines) else None)]
        side = None if len(units) == len(run) else _sides(lines, run)
        for i in run:
            count = _BARE_RE.match(lines[i])["c"]
            if i in units:
                before = lines[i - 1] if i > 0 and i - 1 not in dropped and _text(lines[i - 1]) else None
                lead = _label(before) + " " if before and not before.isupper() and _names_count(before) \
                    and i - 1 not in run else ""
                noun = lines[i + 1].strip().rstrip(".")
                out[i] = f"{lead.rstrip()}: {count} {noun}" if lead else f"{noun}: {count}"
                dropped |= {i + 1} | ({i - 1} if lead else set())
            elif side == "over" and _names_count(lines[i - 1]):
                out[i], dropped = f"{_label(lines[i - 1])}: {count}", dropped | {i - 1}
            elif side == "under" and _names_count(lines[i + 1]):
                out[i], dropped = f"{_label(lines[i + 1])}: {count}", dropped | {i + 1}
    kept = [i for i in range(len(out)) if i not in dropped]
    labelled = [bool(_LABELLED_RE.match(out[i])) for i in kept]
    for k, i in enumerate(kept):  # a run of labelled counts under a heading is its list
        start = next((j for j in range(k, -1, -1) if not labelled[j]), None)
        end = next((j for j in range(k, len(kept)) if not labelled[j]), len(kept))
        if labelled[k] and start is not None and end - start > 2 and (_opens_list(out[kept[start]]) or kept[start] in glossed):
            out[i] = "- " + out[i]
    for k in glossed:  # "ĐẢNG BỘ … (tính đến 31/12/2024)" over its list: the heading, then its gloss
        out[k] = "\n".join(_GLOSSED_HEADING_RE.match(out[k]).groups())
    read = dict(zip(filled, out))
    gone = {filled[i] for i in dropped}
    return [read.get(i, line) for i, line in enumerate(raw) if i not in gone]


def _same_line(line: str) -> str:
    """"Tổng số đảng viên ➜ 3.877" → "Tổng số đảng viên: 3.877"; "A 2.215 | B 396" → "A 2.215; B 396"."""
    if (m := _ARROW_RE.match(line)) and _names_count(m["label"]):
        return f"{_label(m['label'])}: {m['c']}"
    segments = [s.strip() for s in line.split("|")]
    head, colon, first = segments[0].rpartition(":")
    segments[0] = first.strip()
    if len(segments) >= 2 and all(_SEGMENT_RE.match(s) for s in segments):
        items = [f"- {s};" for s in segments]
        return "\n".join(([head + colon] if colon else []) + items[:-1] + [items[-1][:-1] + "."])
    return line

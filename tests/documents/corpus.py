"""The passage corpus (tests/documents/corpus, see its README): each passage read like a user's
file, its figures extracted and compared with expected.csv. `score` gives precision and recall,
on the figure (metric, value, qualifier, part/whole, dimension, share) and strictly (also scope,
sector, as-of date and period), overall and per passage class."""
from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chibo.etl.documents import extract, read_document

CORPUS = Path(__file__).parent / "corpus"
IDENTITY = ("metric", "value", "qualifier", "part_of", "dimension", "dimension_value", "share")
STRICT = IDENTITY + ("scope_kind", "scope_value", "sector", "as_of", "period_from")
CLASSES = {"c": "congress", "t": "totals", "p": "parts", "a": "admissions", "s": "scope",
           "d": "dates", "n": "noisy", "h": "decades", "y": "year-end", "x": "nothing"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def _num(text) -> str:
    """Numbers as comparable text: 5310 and 5310.0 alike, shares to 4 decimals."""
    if text in (None, ""):
        return ""
    value = round(float(text), 4)
    return str(int(value)) if value == int(value) else str(value)


def _row(d: dict) -> dict:
    out = {k: "" if d.get(k) is None else str(d.get(k)) for k in STRICT}
    out["value"], out["share"] = _num(d.get("value")), _num(d.get("share"))
    out["scope_value"] = _fold(out["scope_value"])
    return out


def expected(folder: Path) -> dict[str, list[dict]]:
    """Expected figures per passage (every .txt of the folder, with or without rows)."""
    out: dict[str, list[dict]] = {p.stem: [] for p in sorted(folder.glob("*.txt"))}
    with open(folder / "expected.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out[row["passage"]].append(dict(_row(row), number_text=row["number_text"]))
    return out


def extracted(path: Path) -> list[dict]:
    """The extractor's figures of one passage in the shape of expected.csv."""
    figures = extract(read_document(path), path.name).figures
    by_id = {f["figure_id"]: f for f in figures}
    rows = []
    for f in figures:
        whole = by_id.get(f.get("part_of_figure_id"))
        rows.append(dict(_row({**f, "part_of": whole["number_text"] if whole else None}),
                         number_text=f["number_text"]))
    return rows


@dataclass
class Score:
    found: int = 0
    extracted: int = 0
    expected: int = 0
    missing: list = field(default_factory=list)
    spurious: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def add(self, passage: str, want: list[dict], got: list[dict], keys: tuple) -> None:
        key = lambda r: tuple(r[k] for k in keys)  # noqa: E731
        left = Counter(key(r) for r in want)
        self.expected += len(want)
        self.extracted += len(got)
        for r in got:
            if left[key(r)] > 0:
                left[key(r)] -= 1
                self.found += 1
            else:
                self.spurious.append((passage, r["number_text"], key(r)))
        matched = Counter(key(r) for r in got)
        for r in want:
            if matched[key(r)] > 0:
                matched[key(r)] -= 1
            else:
                self.missing.append((passage, r["number_text"], key(r)))


def score(folder: Path) -> dict[str, dict[str, Score]]:
    """{"identity"|"strict": {"all" | class name: Score}} over the passages of folder."""
    out: dict[str, dict[str, Score]] = {"identity": {}, "strict": {}}
    for passage, want in expected(folder).items():
        got = extracted(folder / f"{passage}.txt")
        for name, keys in (("identity", IDENTITY), ("strict", STRICT)):
            for group in ("all", CLASSES.get(passage[0], "other")):
                out[name].setdefault(group, Score()).add(passage, want, got, keys)
    return out

"""Admissions against their plan written as a ratio: "Kết nạp đảng viên: 97/200, đạt 48,5% kế
hoạch năm", "kết nạp 45/60 đảng viên, đạt 75% chỉ tiêu": the first number is the admissions done,
the second the plan (qualifier target), when an admission word comes before the ratio in its clause
and a plan word after it ("đạt …% kế hoạch", "chỉ tiêu"). A ratio of a part to its whole is
shares.py's ("612/687 tổ chức cơ sở đảng kết nạp được đảng viên").
"""
from __future__ import annotations

import re

from . import vocabulary as voc
from .figures import Candidate

_PLAN_RATIO_RE = re.compile(r"(?<![\d/.,])(?P<a>\d{1,3}(?:\.\d{3})+|\d+)\s*/\s*(?P<b>\d{1,3}(?:\.\d{3})+|\d+)(?![\d/])"
                            r"(?P<noun>\s+(?:đảng viên|quần chúng|đồng chí)(?![\wđ]))?", re.IGNORECASE)
_PLAN_AFTER_RE = re.compile(r"[^.;]{0,30}?(?:kế hoạch|chỉ tiêu)(?![\wđ])", re.IGNORECASE)
_CLAUSE_START_RE = re.compile(r"[^.;]*$")


def plan_ratio(sentence: str) -> list[Candidate]:
    """The admissions done and their plan of each such ratio of the sentence (module docstring)."""
    out = []
    folded = voc.fold(sentence)
    for m in _PLAN_RATIO_RE.finditer(sentence):
        done, plan = (float(m[g].replace(".", "")) for g in ("a", "b"))
        clause = _CLAUSE_START_RE.search(sentence, 0, m.start())
        if not (0 < done and 0 < plan) or not voc.ADMISSION_RE.search(folded, clause.start(), m.start()) \
                or not _PLAN_AFTER_RE.match(sentence, m.end()):
            continue
        out += [Candidate(m.start("a"), m.end("a"), m["a"], done, "exact", "new_admissions", m.end()),
                Candidate(m.start("b"), m.end("b"), m["b"], plan, "target", "new_admissions", m.end())]
    return out

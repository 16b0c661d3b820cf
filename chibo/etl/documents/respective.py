"""Scopes given respectively: "Đảng bộ phường Hải Châu và Đảng bộ phường Hòa Cường lần lượt có
5.214 và 4.387 đảng viên, sinh hoạt tại 62 và 55 chi bộ trực thuộc": the organisations named
before "lần lượt", joined by "và" or commas, take the numbers of each list after it in order.
"""
from __future__ import annotations

import re

from .figures import Candidate
from .names import Mention
from .scope import Scope

_JOIN_RE = re.compile(r"^\s*(?:,|và|,\s*và)\s*$")
_RESPECTIVELY_RE = re.compile(r"^\s*(?:\(cũ\)\s*)?(?:(?:kết nạp|có)\s+)?(?:đều\s+)?lần lượt(?:\s+(?:là|có|đạt))?(?![\wđ])",
                              re.IGNORECASE)  # also "… Trà Vinh (cũ) kết nạp lần lượt 812, …"


def respective_scope(sentence: str, mentions: list[Mention], cands: list[Candidate],
                     k: int) -> Scope | None:
    """The scope of cands[k] when named in a list of organisations before "lần lượt", else None."""
    c = cands[k]
    named = [m for m in mentions if m.scope is not None and not m.qualifier and m.end <= c.start]
    chain: list[Mention] = []
    for m in reversed(named):
        if chain and not _JOIN_RE.match(sentence[m.end:chain[0].start]):
            break
        if not chain and not _RESPECTIVELY_RE.match(sentence[m.end:]):
            return None  # the last organisation before the number must open "lần lượt"
        chain.insert(0, m)
    if len(chain) < 2:
        return None
    j = k  # the number's place in its list: "5.214 và 4.387", "62 và 55"
    while j > 0 and cands[j - 1].start >= chain[-1].end and _JOIN_RE.match(
            sentence[cands[j - 1].end:cands[j].start]):
        j -= 1
    return chain[k - j].scope if k - j < len(chain) else None

"""Hedged quantities of everyday news writing: the colloquial words a reporter puts before a count
instead of "gần", "khoảng" or "hơn", with the qualifier each stands for (numbers.py reads them
with its plain qualifier words, the longest phrase first).

| phrase | qualifier | example |
|---|---|---|
| ngót nghét, tròm trèm | nearly | "ngót nghét 4.000 đảng viên", "tròm trèm 1 vạn": just under a round number |
| khoảng gần, gần chạm mốc, gần chạm ngưỡng | nearly | "khoảng gần 2.000", "số đảng viên gần chạm mốc 100.000" |
| độ chừng, ước chừng, cỡ, cỡ khoảng, ~ | approx | "độ chừng 25 nghìn", "cỡ 3.000", a table cell "~ 1,73 triệu" |
| không dưới, không ít hơn, nhỉnh hơn | over | "không dưới 250 đảng viên" (not "dưới 250": under), "nhỉnh hơn 700" |

Beyond these phrases, a hedge is read by its parts (`hedged_before`): one or two hedge roots, then a
word of measure if any ("mức", "ngưỡng", "mốc", "con số"), right before the count, whatever the
combination ("quanh mức 1.400", "xấp xỉ ngưỡng 2.000", "sát 900", "mấp mé 2.000", "già 40", "tầm
350", "dao động quanh ngưỡng 3.200"); the phrase takes the sense of its first root. A verb of reaching
before a word of measure ("lên con số 8", "đạt mức 31.640", "là con số 1.200") is exact, the verb left
to the sentence ("con số 8", "mức 31.640"). The roots are
read only as written (with their diacritics: "do", "du", "tam" are other words).

"~" is a sign, so it may touch the number ("~1.100"). "cỡ" is read only with its diacritics: without
them it is "có" ("co 64 chi bo" on a page that lost its accents has 64).
"""
import re

HEDGES: list[tuple[str, str]] = [
    ("ngót nghét", "nearly"), ("tròm trèm", "nearly"),
    ("khoảng gần", "nearly"), ("gần chạm mốc", "nearly"), ("gần chạm ngưỡng", "nearly"),
    ("độ chừng", "approx"), ("ước chừng", "approx"), ("cỡ khoảng", "approx"), ("cỡ", "approx"),
    ("~", "approx"),
    ("không dưới", "over"), ("không ít hơn", "over"), ("nhỉnh hơn", "over"),
]
# After a sign no space is needed before the number ("~1.100").
SIGN_BEFORE = r"(?<=~)"
# Phrases whose letters without diacritics are another word ("co": "có"), read only as written.
AS_WRITTEN_ONLY = frozenset({"co", "co khoang"})

# Hedge roots by sense: the words a reporter puts before a count to say "about", "just under",
# "a bit over" or "under" (alone or two together: "áng chừng", "xấp xỉ", "suýt soát").
HEDGE_ROOTS: dict[str, tuple[str, ...]] = {
    "approx": ("quanh", "tầm", "độ", "chừng", "khoảng", "xấp xỉ", "áng", "phỏng", "ước", "cỡ"),
    "nearly": ("sát", "mấp mé", "suýt", "xém", "gần", "ngót", "non", "ngấp nghé", "tiệm cận", "soát"),
    "over": ("ngoài", "già", "hơn", "trên", "vượt", "quá", "nhỉnh", "dư"),
    "under": ("dưới", "chưa đầy", "không đầy", "chưa tới", "chưa đến", "không quá"),
}
_ROOT_KIND = {root: kind for kind, roots in HEDGE_ROOTS.items() for root in roots}
_ROOT = "|".join(sorted(map(re.escape, _ROOT_KIND), key=len, reverse=True))
# Words of measure between a hedge or a verb of reaching and the count.
MEASURE_WORDS = ("mức", "ngưỡng", "mốc", "con số")
_MEASURE = "|".join(MEASURE_WORDS)
REACHING_VERBS = ("lên", "đạt", "là")  # "cán mốc", "chạm mốc" are read whole (vocabulary.CUE_RE)
_HEDGED_RE = re.compile(r"(?<!\w)(?P<root>" + _ROOT + r")(?:\s+(?:" + _ROOT + r"))?(?:\s+(?:" + _MEASURE
                        + r"))?\s+$|(?<!\w)(?:" + "|".join(REACHING_VERBS) + r")\s+(?P<measure>" + _MEASURE + r")\s+$",
                        re.IGNORECASE)


def hedged_before(before: str) -> tuple[int, str] | None:
    """The start (in before) and sense of a hedge read by its parts right before a count."""
    m = _HEDGED_RE.search(before[-40:])
    if not m:
        return None
    kind = _ROOT_KIND[m["root"].lower()] if m["root"] else "exact"
    return len(before) - len(before[-40:]) + m.start(0 if m["root"] else "measure"), kind

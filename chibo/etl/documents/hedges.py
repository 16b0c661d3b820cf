"""Hedged quantities of everyday news writing: the colloquial words a reporter puts before a count
instead of "gần", "khoảng" or "hơn", with the qualifier each stands for (numbers.py reads them
with its plain qualifier words, the longest phrase first).

| phrase | qualifier | example |
|---|---|---|
| ngót nghét, tròm trèm | nearly | "ngót nghét 4.000 đảng viên", "tròm trèm 1 vạn": just under a round number |
| khoảng gần, gần chạm mốc, gần chạm ngưỡng | nearly | "khoảng gần 2.000", "số đảng viên gần chạm mốc 100.000" |
| độ chừng, ước chừng, cỡ, cỡ khoảng, ~ | approx | "độ chừng 25 nghìn", "cỡ 3.000", a table cell "~ 1,73 triệu" |
| không dưới, không ít hơn, nhỉnh hơn | over | "không dưới 250 đảng viên" (not "dưới 250": under), "nhỉnh hơn 700" |

"~" is a sign, so it may touch the number ("~1.100"). "cỡ" is read only with its diacritics: without
them it is "có" ("co 64 chi bo" on a page that lost its accents has 64).
"""

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

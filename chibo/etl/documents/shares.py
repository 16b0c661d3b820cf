"""Parts given without a count of their own, added to a sentence's counted figures
(figures.py): a part given only as its share ("đảng viên nữ chiếm 38,4%", "tỷ lệ đảng viên nữ …
là 48,5%", "100% có trình độ đại học trở lên"), of the whole it names after it when it does
("… chiếm 86,2% tổng số đảng viên"); and a part written as a ratio of its whole ("Số tổ chức cơ
sở đảng kết nạp được đảng viên là 612/687, đạt 89,1%"): the part and the whole.
"""
from __future__ import annotations

import re

from . import vocabulary as voc
from .abroad import foreign_count
from .figures import OPENS_BRACKET_RE, Candidate, counted_candidates, descriptor
from .numbers import find_quantities
from .parts import dimension_at, metric_dimension
from .planratio import plan_ratio
from .scope import sector_in
from .series import series_items
from .vocabulary import metric_at

# Before a share, a few more words may narrow what the dimension names ("đảng viên là công nhân
# trực tiếp sản xuất chiếm 62%").
_SHARE_TAIL_RE = re.compile(r"(?:\s+[^\W\d][\w]*){0,4}?\s*(?:có|là|gồm|đạt)?\s*:?\s*$", re.IGNORECASE)
_PCT = r"(?:(?P<q>khoảng|gần|hơn|trên) |(?:lên )?tới )?(?P<pct>\d{1,3}(?:,\d+)?)\s*%"  # "chiếm tới 58,3%": exact
# A part given only as its share: "đảng viên nữ chiếm 38,4%", "tỷ lệ đảng viên nữ … là 48,5%",
# "100% có trình độ đại học trở lên" (the dimension after the percentage).
_SHARE_ONLY_RE = re.compile(r"(?:(?-i:chỉ|đã|vẫn|mới) )?(?:chiếm(?: tỷ lệ| tỉ lệ)?|(?:chỉ )?còn)\s+" + _PCT, re.IGNORECASE)
_RATIO_RE = re.compile(r"(?:tỷ lệ|tỉ lệ)\s+(?P<desc>[^,;.%]{2,80}?)\s+(?:là|đạt|chiếm)\s+" + _PCT,
                       re.IGNORECASE)
_PCT_AFTER_RE = re.compile(r"(?<![\d,.])" + _PCT, re.IGNORECASE)
_PCT_BEFORE_RE = re.compile(_PCT_AFTER_RE.pattern + r"(?=\s)", re.IGNORECASE)
# After a share, the whole it is a share of: "chiếm 86,2% tổng số đảng viên của Đảng bộ".
_WHOLE_NAMED_RE = voc.folded(r"\s*(?:trong |của |so với )?(?:tổng )?số (?:lượng )?(?P<noun>"
                             + "|".join(p for _, p in voc.METRIC_PHRASES) + r")")
_N = r"\d{1,3}(?:\.\d{3})+|\d+"
# "142/156", "142 trên tổng số 156", "37 trong số 41"
_RATIO_COUNT_RE = re.compile(r"(?<![\d/.,])(?P<a>" + _N + r")(?:\s*/\s*|\s+trên\s+(?:tổng\s+)?(?:số\s+)?|"
                             r"\s+trong\s+(?:tổng\s+)?số\s+)"
                             r"(?P<b>" + _N + r")(?![\d/])", re.IGNORECASE)
_RATIO_SHARE_RE = re.compile(r"\s*,?\s*(?:(?:đạt|chiếm|bằng)\s+|\(\s*)(?P<pct>\d{1,3}(?:,\d+)?)\s*%",
                             re.IGNORECASE)
# A gloss in brackets between what a share names and the share: "đảng viên là người dân tộc thiểu
# số (chủ yếu là Jrai, Bahnar) chiếm 39,6%" (read as blank; a bracket with a number is no gloss).
_GLOSS_RE = re.compile(r"\([^()\d]{1,60}\)")
_SHARE_QUALIFIER = {"khoảng": "approx", "gần": "nearly", "hơn": "over", "trên": "over"}


# A part stated before its whole: "… là 31.240 người, chiếm 48,1% trong tổng số 64.950 đảng viên".
_PART_OF_NEXT_RE = re.compile(r"(?:\s+là\s+[^\d,;()]{1,40}?)?"  # "214 đảng viên là sinh viên, chiếm …"
                              r"\s*,?\s*\(?\s*(?:chiếm|bằng)\s+(?:tỷ lệ\s+|tỉ lệ\s+)?(?:khoảng |gần |"
                              r"hơn |trên )?(?P<pct>\d{1,3}(?:,\d+)?)\s*%\s*(?:trong|của|so với)?\s*"
                              r"(?:tổng\s+)?số\s*$", re.IGNORECASE)


# Shares given "lần lượt" for labels before them: "đảng viên nữ, đoàn viên thanh niên lần lượt
# chiếm 49,2% và 84,7%".
_RESPECTIVE_SHARES_RE = re.compile(r"(?:lần lượt|tương ứng)(?:\s+(?:là|chiếm|đạt))*\s+(?:tỷ lệ\s+)?(?P<list>"
                                   r"\d{1,3}(?:,\d+)?\s*%(?:\s*(?:,|và)\s*\d{1,3}(?:,\d+)?\s*%)+)", re.IGNORECASE)
_LABELS_HEAD_RE = re.compile(r"[;:.]|trong (?:đó|số đó|số này),?|(?:trong|của) (?:tổng )?số[^,;]*,", re.IGNORECASE)


def _respective_shares(sentence: str) -> list[Candidate]:
    """One share part per label, in order, when the labels and the shares are as many."""
    out = []
    for m in _RESPECTIVE_SHARES_RE.finditer(sentence):
        head = max([0] + [h.end() for h in _LABELS_HEAD_RE.finditer(sentence, 0, m.start())])
        pcts = list(_PCT_AFTER_RE.finditer(sentence, m.start("list"), m.end("list")))
        labels = [p for p in re.split(r"\s*,\s*|\s+và\s+", sentence[head:m.start()].strip()) if p][
            -len(pcts):]  # the last ones: "nữ 112 (52,1%), người dân tộc thiểu số, người có đạo lần lượt …"
        named = [_label(label) for label in labels]
        if len(labels) != len(pcts) or len(pcts) < 2 or not all(d or n == "members_female" for n, d in named):
            continue
        out += [c for (metric, dim), pct in zip(named, pcts) if (c := _share_part(sentence, pct, metric, dim))]
    return out


def _label(label: str) -> tuple[str | None, tuple | None]:
    """(metric, dimension) a label names: "đảng viên nữ", "đoàn viên thanh niên", "tỷ lệ nữ"."""
    pos = re.match(r"(?:tỷ lệ\s+|tỉ lệ\s+|số\s+)?", label, re.IGNORECASE).end()
    dim = dimension_at(label, pos)
    return (None, dim) if dim and dim[2] == len(label) else _noun_and_dimension(label, pos)


def sentence_candidates(sentence: str) -> list[Candidate]:
    """Candidate figures of one sentence, in order, before linking and scoping."""
    ratio = _ratio(sentence)  # "142 trên tổng số 156 tổ chức …": the ratio's, not a count of its own
    spans = [(a.start, b.end) for a, b in zip(ratio[::2], ratio[1::2])]  # each ratio: its part, its whole
    counted = [c for c in counted_candidates(sentence) if not any(a <= c.start < b for a, b in spans)]
    counted += ratio + _respective_shares(sentence) + plan_ratio(sentence)  # planratio.py: "97/200, đạt …% kế hoạch"
    counted = [c for c in counted if not foreign_count(sentence, c.start)]  # abroad.py: "Đảng Nhân dân Cách mạng Lào có …"
    return series_items(sentence, _share_with_its_count(sentence, _parts_before_wholes(
        sentence, _with_shares_alone(sentence, _share_in_words(sentence, sorted(counted, key=lambda c: c.start))))))




# A count in brackets right after a share, with a counter noun or none: "chiếm 9,9% (135 tổ
# chức)", "chiếm 22,1% (302)", "chiếm 41,2% (1.024 người)".
_BRACKETED_COUNT_RE = re.compile(r"\s*\(\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?:\s+(?:tổ chức(?: cơ sở đảng)?|"
                                 r"chi bộ|đảng bộ|đồng chí|người|đảng viên|đ/c))?\s*\)", re.IGNORECASE)


# The count a share stands for, after a comma: "đã đạt 38,9%, tương ứng hơn 2,1 triệu đồng chí".
_SAME_COUNT_RE = re.compile(r"\s*,\s*(?:tương ứng(?: với)?|tương đương(?: với)?|ứng với|tức là|tức|bằng|hay)\s+", re.IGNORECASE)
_PEOPLE_RE = re.compile(r"\s*(?:đồng chí|người|đảng viên|đ/c)(?![\wđ])", re.IGNORECASE)
# Between a share and its count, the whole it is a share of may be named: "chiếm 8,5% tổng số tổ
# chức cơ sở đảng (của tỉnh), tương ứng 173 tổ chức".
_WHOLE_THEN_SAME_RE = re.compile(r"\s*(?:trong |của |so với )?(?:tổng )?số [^,;.()\d%]{2,60}?" + _SAME_COUNT_RE.pattern,
                                 re.IGNORECASE)


# A share in words before the count it stands for: "người dân tộc thiểu số chiếm quá nửa với 618
# đồng chí", "nữ chiếm gần một nửa với 401 đồng chí".
_SHARE_IN_WORDS_RE = re.compile(r"(?:chiếm|là)\s+(?:(?:quá|hơn|gần|khoảng|tới|trên|tuyệt đại)\s+)?(?:một\s+)?"
                                r"(?:nửa|đa số|phần lớn|số đông)\s*,?\s*(?:với|gồm|có|tương ứng)\s+$",
                                re.IGNORECASE)


def _share_in_words(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """A count after a share in words ("… chiếm quá nửa với 618 đồng chí") is the part the words
    before the share name: it takes their dimension (a part, never a total)."""
    for c in out:
        if c.dimension is None and c.value is not None and (
                m := _SHARE_IN_WORDS_RE.search(sentence, max(0, c.start - 40), c.start)) and m.end() == c.start:
            dim = descriptor(sentence, m.start(), _SHARE_TAIL_RE)[1]
            if dim:
                c.dimension, c.dimension_value = dim[0], dim[1]
                if dim[:2] == ("gender", "female") and c.metric == "members_total":
                    c.metric = "members_female"
    return out


def _share_with_its_count(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """"trong đó sinh viên chiếm 79% (1.048 đồng chí)", "khối xã, phường chiếm 9,9% (135 tổ
    chức)", "cơ quan hành chính chiếm 22,1% (302)": the count in brackets after a part given by
    its share is that part's count (one figure, the count with its share)."""
    for share in out:
        bracket = _BRACKETED_COUNT_RE.match(sentence, share.end)
        if share.value is None and share.dimension and bracket and not any(
                c.start == bracket.start("n") for c in out):
            share.value, share.text = float(bracket["n"].replace(".", "")), bracket["n"]
            share.start, share.end = bracket.start("n"), bracket.end("n")
        elif share.value is None and share.dimension and (same := _SAME_COUNT_RE.match(sentence, share.end)) \
                and (qs := find_quantities(sentence[same.end():same.end() + 40])) and qs[0].start == 0 \
                and _PEOPLE_RE.match(sentence, same.end() + qs[0].end):  # "…, tương ứng hơn 2,1 triệu đồng chí"
            out[:] = [c for c in out if c.start != same.end()]
            share.value, share.text, share.qualifier = float(qs[0].value), qs[0].text, qs[0].qualifier
            share.start, share.end = same.end(), same.end() + qs[0].end
    for share, count in zip(list(out), list(out[1:])):
        if share.value is None and share.dimension and (count.dimension in (None, "other") or (
                count.dimension, count.dimension_value) == (share.dimension, share.dimension_value)) and \
                (OPENS_BRACKET_RE.match(sentence[share.end:count.start]) and sentence[
                    count.noun_end:count.noun_end + 1] == ")" or _SAME_COUNT_RE.fullmatch(
                    sentence, share.end, count.start) or share.whole_metric in (None, count.metric)
                    and _WHOLE_THEN_SAME_RE.fullmatch(sentence, share.end, count.start)):
            share.value, share.text, share.start, share.end = count.value, count.text, \
                count.start, count.end
            share.qualifier = count.qualifier
            if share.metric == "_part":  # "Khối … chiếm 5,1% tổng số đảng viên, tương ứng 2.980 đồng chí"
                share.metric = count.metric
            out.remove(count)
    return out


def _of_same_thing(part: str, whole: str) -> bool:
    """A part counts what its whole does: admissions are no part of the members ("kết nạp 230 đảng
    viên, chiếm 1,2% tổng số 19.100 đảng viên"), nor cells of members."""
    return part == whole or whole in ("members_total", "new_admissions") and part in (
        "members_female", "members_official", "members_probationary", "_part")


def _parts_before_wholes(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """A count followed by its share of a whole counted next is a part of that whole: selected
    by its dimension, else by the sector named in its clause, else by something the vocabulary
    does not name ("other")."""
    for part, whole in zip(out, out[1:]):
        m = _PART_OF_NEXT_RE.match(sentence[:whole.start], part.noun_end)
        if not m or part.value is None or whole.value is None or part.value > whole.value or \
                part.whole_next or not _of_same_thing(part.metric, whole.metric):
            continue
        part.whole_next, part.share = True, round(float(m["pct"].replace(",", ".")) / 100, 6)
        if part.dimension is None:
            clause = sentence[max(0, sentence.rfind(";", 0, part.start),
                                  sentence.rfind(".", 0, part.start)):part.start]
            sector = sector_in(clause)
            part.dimension, part.dimension_value = ("sector", sector[0]) if sector else (
                "other", None)
    return out


def _ratio(sentence: str) -> list[Candidate]:
    """"Số tổ chức cơ sở đảng kết nạp được đảng viên là 612/687, đạt 89,1%": after a label naming
    a metric and a part of it (or before the noun and the part: "Có 112/125 tổ chức cơ sở đảng
    kết nạp được đảng viên"), the part (with the share quoted after) and its whole."""
    out = []
    for m in _RATIO_COUNT_RE.finditer(sentence):
        metric, dim, _ = descriptor(sentence, m.start())
        end = m.end()
        if not (metric or dim) and (after := _noun_and_dimension(sentence, m.end()))[0]:
            metric, dim = after  # the noun and what selects the part after the ratio
            end = dim[2] if dim else end
        implied = metric_dimension(metric) if metric else None  # "Số đảng viên nữ là 1.205/3.410"
        dim = dim or (implied + (0,) if implied else None)
        part, whole = (float(m[g].replace(".", "")) for g in ("a", "b"))
        if not (metric and dim) or not 0 < part <= whole:
            continue
        share = _RATIO_SHARE_RE.match(sentence, m.end()) or _RATIO_SHARE_RE.match(sentence, end)
        out += [Candidate(m.start("a"), m.end("a"), m["a"], part, "exact", metric, m.end(),
                          dim[0], dim[1], round(float(share["pct"].replace(",", ".")) / 100, 6)
                          if share else None, whole_next=True),
                Candidate(m.start("b"), m.end("b"), m["b"], whole, "exact",
                          "members_total" if implied else metric, m.end())]
    return out


def _share_part(sentence: str, m: re.Match, metric: str | None, dim) -> Candidate | None:
    """A part given only as its share, from what names it (metric noun, dimension)."""
    if not dim and (named := metric_dimension(metric or "")):  # "Đảng viên dự bị chiếm 2,7% (61 …)"
        dim = (*named, 0)
    if not dim or metric not in (None, "members_total", "members_female", "members_official",
                                 "members_probationary", "new_admissions", "base_orgs_total",
                                 "cells_total") or _NOT_PARTY_WHOLE_RE.match(sentence, m.end()):
        return None
    share = round(float(m["pct"].replace(",", ".")) / 100, 6)
    start = m.start("q") if m["q"] else m.start("pct")
    qualifier = _SHARE_QUALIFIER.get(m["q"].lower(), "exact") if m["q"] else "exact"
    return Candidate(start, m.end(), sentence[start:m.end()], None, qualifier, metric or "_part",
                     m.end(), dim[0], dim[1], share)


# A share of the population or of households is no share of the Party's: "đồng bào Khmer chiếm 62%
# dân số", "chiếm trên 95% dân số toàn xã", "97,5% số hộ theo đạo Công giáo".
_NOT_PARTY_WHOLE_RE = re.compile(r"\s*(?:(?:trong|của)\s+)?(?:tổng\s+)?(?:dân số|số dân|số hộ|hộ dân|"
                                 r"nhân khẩu|số nhân khẩu|diện tích)(?![\wđ])", re.IGNORECASE)
_UNDER_RE = re.compile(r"(?:\s+trực thuộc(?![\wđ]))?", re.IGNORECASE)
_COUNT_OF_RE = re.compile(r"\s*(?:(?:tổng )?số (?:lượng )?)?", re.IGNORECASE)


def _noun_and_dimension(text: str, pos: int) -> tuple[str | None, tuple | None]:
    """(metric, dimension) named from pos on: "đảng viên nữ trong số …", "tổ chức cơ sở đảng
    kết nạp được đảng viên", "có trình độ đại học trở lên"."""
    noun = metric_at(voc.fold(text), _COUNT_OF_RE.match(text, pos).end())  # "21,6% số đảng viên là nữ"
    if noun:  # "100% tổ chức cơ sở đảng trực thuộc kết nạp được …": under the scope's committee
        pos = _UNDER_RE.match(text, noun[1]).end()
    return (noun[0] if noun else None), dimension_at(text, pos)


def _share_window_end(sentence: str, c: Candidate) -> int:
    """Where the share quoted beside a figure can end: 40 characters on, not past a ";"."""
    semicolon = sentence.find(";", c.noun_end)
    return min(c.noun_end + 40, semicolon if semicolon >= 0 else len(sentence))


# The same rate again, later in the sentence: "tỷ lệ này là 33,3%", "và … đã đạt 38,9%" (not "đạt
# 77,4% chỉ tiêu", a plan).
_THIS_RATE_RE = re.compile(r"(?:(?:tỷ lệ|tỉ lệ) (?:này|đó)\s+(?:là|đạt|lên|tăng lên|còn)|(?<=\s)(?:đã\s+)?"
                           r"(?:đạt|tăng lên|lên)(?: mức)?)\s+" + _PCT, re.IGNORECASE)
_NOT_RATE_RE = re.compile(r"\s*(?:chỉ tiêu|kế hoạch|so với|nghị quyết|mục tiêu)", re.IGNORECASE)


def _with_shares_alone(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """Add parts given only as a share, in sentence order."""
    taken = [(c.start, _share_window_end(sentence, c)) for c in out if c.share is not None]
    found: list[Candidate | None] = []
    plain = _GLOSS_RE.sub(lambda g: " " * len(g.group(0)), sentence)
    for m in _SHARE_ONLY_RE.finditer(sentence):
        metric, dim, _ = descriptor(plain, m.start())
        if not (metric or dim):
            metric, dim, _ = descriptor(plain, m.start(), _SHARE_TAIL_RE)
        if not (metric or dim) and (colon := plain.rfind(": ", 0, m.start())) > 0:  # "Cơ cấu …: đảng viên nữ chiếm …"
            metric, dim, _ = descriptor(plain[colon + 2:], m.start() - colon - 2)
        found.append(_share_part(sentence, m, metric, dim))
    for m in _PCT_AFTER_RE.finditer(sentence):  # "…, đảng viên nữ 35%": after a label naming both,
        metric, dim, _ = descriptor(sentence, m.start())  # or a part in a list of them ("nữ chiếm
        listed = dim and dim[0] != "sector" and (any(found) or ":" in sentence[:m.start()] or  # 41,2% (…),
            _BRACKETED_COUNT_RE.match(sentence, m.end()))  # dân tộc thiểu số 1,5% (77 đồng chí)", "Cơ cấu …:"
        found.append(_share_part(sentence, m, metric, dim) if metric or listed else None)
    for m in _RATIO_RE.finditer(sentence):
        found.append(_share_part(sentence, m, *_noun_and_dimension(m["desc"], 0)))
    for m in _PCT_BEFORE_RE.finditer(sentence):
        metric, dim = _noun_and_dimension(sentence, m.end())
        party = metric or [n for a in voc.METRIC_ANY_RE.finditer(voc.fold(sentence), 0, m.start()) if (
            n := metric_at(voc.fold(sentence), a.start())) and n[0] != "_candidates"]  # "612 học sinh, 98% là …"
        dim = dim or (("gender", "female", 0) if metric == "members_female" else None)  # "… đảng viên là nữ"
        found.append(_share_part(sentence, m, metric, dim) if dim and party and (
            metric or dim[0] != "sector") else None)
    for m in _THIS_RATE_RE.finditer(sentence):  # "… chiếm khoảng 16%, … tỷ lệ này là 33,3%, … đã đạt 38,9%"
        prior = sorted((c for c in found if c and c.end <= m.start()), key=lambda c: c.start)
        if prior and not _NOT_RATE_RE.match(sentence, m.end()) and not any(
                c and c.start <= m.start("pct") < c.end for c in found):
            found.append(_share_part(sentence, m, prior[-1].metric, (prior[-1].dimension, prior[-1].dimension_value, 0)))
    for c in found:
        if c and (named := _WHOLE_NAMED_RE.match(voc.fold(sentence), c.end)):
            whole = metric_at(voc.fold(sentence), named.start("noun"))[0]  # "21,6% số đảng viên là
            c.whole_metric = "members_total" if whole == "members_female" else whole  # nữ": of all
    for c in found:
        if c and not any(a <= c.start < b for a, b in taken) and c.start not in {
                x.start for x in out}:
            out.append(c)
    return sorted(out, key=lambda c: c.start)

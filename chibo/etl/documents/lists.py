"""Lists of counts in a sentence: counts listed before the one noun they share ("kết nạp lần lượt
1.802, 1.915 và 1.971 đảng viên", "năm 2023 kết nạp 112, năm 2024 kết nạp 127 …"), and counts
given "lần lượt" / "tương ứng" for labels before them ("Số đảng viên nữ và đảng viên là người
dân tộc thiểu số lần lượt là 1.570 và 58 đồng chí, chiếm tương ứng 43,1% và 1,6%"). clauses.py
reads candidates' clauses with these.
"""
from __future__ import annotations

import re

from . import vocabulary as voc
from .parts import dimension_at, metric_dimension

# A statistics line of admissions: "Kết nạp đảng viên trong năm: 189", "Phát triển đảng viên mới: 12".
ADMISSION_LABEL_RE = voc.folded(
    r"(?:^|[-+•*–;(,]\s*)(?:số\s+)?(?:đảng viên\s+)?(?:mới\s+)?(?:được\s+)?(?:kết nạp|phát triển|kn)"
    r"(?:\s+mới)?(?:\s+(?:được\s+)?đảng viên(?:\s+mới)?)?(?:\s+\(?(?:trong|năm|cả|từ|quý|tháng|nhiệm kỳ|giai đoạn|đợt|"
    r"\d{1,2}\s+tháng)[^:;,.]{0,25}?)?\s*:\s*$")  # also "Kết nạp đảng viên mới (năm 2024): 58"

# Between two counts of one list: a separator, or the next item's own year and verb ("năm 2023 kết
# nạp 112, năm 2024 kết nạp 127 và năm 2025 kết nạp 135 đảng viên").
_LIST_SEP_RE = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+)?|\s*(?:,\s*|\s+và\s+)(?:năm|quý|tháng)\s+[\dIV/]+\s*,?"
                          r"\s*(?P<verb>kết nạp(?:\s+được)?|phát triển|có|là|đạt)?\s*", re.IGNORECASE)


def counted_lists(sentence: str, folded: str, quantities: list) -> dict[int, tuple[int, int]]:
    """Counts listed before the one noun they share ("kết nạp lần lượt 1.802, 1.915 và 1.971 đảng
    viên"): by a count's index, its list's first and last index (the last names the noun)."""
    out: dict[int, tuple[int, int]] = {}
    k = 0
    while k < len(quantities):
        j = k
        while j + 1 < len(quantities) and not voc.metric_at(folded, quantities[j].end + 1) and \
                (sep := _LIST_SEP_RE.fullmatch(sentence, quantities[j].end, quantities[j + 1].start)) and \
                not quantities[j].is_words and (not sep["verb"] or voc.fold(sep["verb"]) in folded[
                    max(0, quantities[k].start - 30):quantities[k].start]):  # the first's verb too
            j += 1
        if j > k and (voc.metric_at(folded, quantities[j].end + 1) or voc.COUNTER_RE.match(
                sentence, quantities[j].end)):
            out.update({i: (k, j) for i in range(k, j + 1)})
        k = j + 1
    return out


# "Số đảng viên nữ và đảng viên là người dân tộc thiểu số lần lượt là 1.570 và 58 đồng chí, chiếm
# tương ứng 43,1% và 1,6%": labels, then "lần lượt (là)", then one count for each, in order.
_RESPECTIVELY_RE = re.compile(r"(?<![\wđ])(?:lần lượt|tương ứng)(?:\s+là)?\s*$", re.IGNORECASE)
_LABEL_SPLIT_RE = re.compile(r"\s*,\s*|\s+và\s+")
_SHARES_RE = re.compile(r"(?:chiếm\s+)?(?:tỷ lệ\s+)?(?:tương ứng|lần lượt)(?:\s+là)?\s+(?P<list>[\d,%\s]+"
                        r"(?:\s*(?:,|và)\s*[\d,]+\s*%)+)", re.IGNORECASE)
_PCT_RE = re.compile(r"(\d+(?:,\d+)?)\s*%")


def respective(sentence: str, folded: str, quantities: list, lists: dict) -> dict[int, tuple]:
    """Counts given "lần lượt" for labels before them: by a count's index, (metric, dimension,
    share, noun end) of its label, the share from a list after "tương ứng" when given."""
    out: dict[int, tuple] = {}
    for first, last in set(lists.values()):
        opened = _RESPECTIVELY_RE.search(sentence, 0, quantities[first].start)
        if not opened:
            continue
        head = max([0] + [m.end() for m in re.finditer(r"[;:.]|trong đó,?", sentence[:opened.start()])])
        pieces = _LABEL_SPLIT_RE.split(sentence[head:opened.start()].strip())[-(last - first + 1):]
        labels = []
        for piece in pieces:
            if labels and labels[-1] and re.fullmatch(r"\s*(?:năm\s+)?\d{4}\s*", piece):
                labels.append(labels[-1])  # "Số đảng viên vào cuối các năm 1996, 2006 và 2016"
                continue
            pos = re.match(r"\s*(?:[Ss]ố\s+(?:lượng\s+)?)?", piece).end()
            noun = voc.metric_at(voc.fold(piece), pos)
            dim = dimension_at(piece, noun[1]) if noun else None
            if noun is None and labels and labels[-1]:  # "số đảng viên chính thức và dự bị": the
                shared = voc.metric_at(voc.fold("đảng viên " + piece[pos:]), 0)  # noun before
                dim = dimension_at("đảng viên " + piece[pos:], shared[1]) if shared else None
                dim = dim or (metric_dimension(shared[0]) if shared else None)
                noun = (labels[-1][0] if shared[0] == "members_total" else shared[0], 0) \
                    if dim else None
            labels.append((noun[0], dim or metric_dimension(noun[0])) if noun else None)
        if len(labels) != last - first + 1 or None in labels:
            continue
        end = voc.COUNTER_RE.match(sentence, quantities[last].end) or re.compile(r"").match(
            sentence, quantities[last].end)
        shares = _SHARES_RE.search(sentence, end.end(), end.end() + 60)
        pcts = _PCT_RE.findall(shares["list"]) if shares else []
        for i, (metric, dim) in enumerate(labels):
            share = float(pcts[i].replace(",", ".")) / 100 if len(pcts) == len(labels) else None
            out[first + i] = (metric, dim, share, end.end() if first + i == last else
                              quantities[first + i].end)
    return out

"""Candidate figures of one sentence: a number and what it counts (metric), with its qualifier, span,
dimension (when it counts a part: women, ethnic minorities …) and quoted share.

A number is a figure when it is followed by a metric noun ("52.000 đảng viên"), by a counter noun
standing for a people metric named before it in its clause ("đảng viên nữ 17.238 đồng chí", "Tổng số
đảng viên … là 6.215 người"), or when it ends a label ("Số chi bộ trực thuộc: 19", "(chính thức 462, dự
bị 24)"), closes a phrase naming what it counts ("số đảng viên toàn Đảng là hơn 2,1 triệu"), has an
organisation counter in a breakdown ("cơ quan hành chính 118 tổ chức"), a dimension in a list of parts
("…; 1.203 là nữ") or the noun of the count before it at another place or time (elided.py); and when its
sentence states a stock or an admission (a cue), its clause no blocking verb (attendance, averages block
even after a cue), its noun no blocking complement. Parts given only as a share or a ratio: shares.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import clauses as cl
from . import vocabulary as voc
from .elided import elided
from .lists import ADMISSION_LABEL_RE, counted_lists, respective
from .narrowed import opening_part
from .numbers import find_quantities
from .parts import dimension_at, metric_dimension, own_share
from .scope import sector_in
from .sums import later_parts
from .unnamed import one_group, unnamed_group

_CLAUSE_SEP = re.compile(r"[,;:(]")
_LEAD_RE = voc.folded(r"\s*(?:[-+•*–(]|[a-eđ]\)|\d{1,2}[.)](?=\s))?\s*(?:về [^:,;\d]{2,40}:\s*)?(?:(?:trong đó|trong số đó|gồm có|bao gồm|gồm|riêng|cụ thể|chia ra|(?:xét |phân |chia )?theo loại hình)"
                      r"\s*[,:]?\s*)?(?:(?:chủ yếu|phần lớn|đa số) là\s+)?(?:có\s+(?!quan))?(?:đội ngũ\s+)?(?:(?:loại hình|khối|lĩnh vực|các)\s+)?(?:(?:tổng\s+)?số\s+(?:lượng\s+)?)?")
_TAIL_RE = re.compile(r"(?:\s+(?:của\s+)?toàn\s+(?:đảng bộ|huyện|xã|phường|tỉnh|thị xã|quận|thành phố))?\s*"  # "Đảng viên
                     r"(?:có|là|gồm|đạt|(?:nay )?(?:chỉ )?còn)?\s*:?\s*$", re.IGNORECASE)  # toàn Đảng bộ: …", "… chỉ còn 88"
# "theo đạo Phật, đạo Công giáo 702": the comma goes on with a list of religions.
_RELIGION_NEXT_RE = re.compile(r"\s*đạo\s", re.IGNORECASE)
# A label's number ends its item, or opens its breakdown: "Tổng số đảng viên: 52.379 (chính thức: …)".
# After a counter, a list of groups the people counted are, when no dimension names them (one
# group alone is a part "other": "9 đồng chí là bác sĩ").
_GROUP_RE = re.compile(r"\s*(?:đều\s+)?là\s+(?!đảng viên|những\s+|người\s+)[^,;.\d]{2,40}?"
                       r"(?:,\s*|\s+và\s+)(?!\d)[^,;.\d]{2}", re.IGNORECASE)
# "ở xã, phường, thị trấn có 107": the comma goes on with a list of levels without names.
_LEVEL_LIST_RE = re.compile(r"(?<![\wđ])(?:xã|phường|thị trấn|đặc khu)$", re.IGNORECASE)
# A gloss in brackets without a number, or a day ("Tổng số đảng viên (31/12/2025): 1.027"), between what a
_GLOSS_BEFORE_RE = re.compile(r"\((?:[^()\d]{1,60}|(?:tính )?(?:đến )?(?:ngày )?\d{1,2}/\d{1,2}/\d{4})\)")  # count names and it
# A count in a breakdown followed by where it is: "107 ở xã, phường, thị trấn", "58 trong lực lượng vũ trang".
_IN_SECTOR_RE = voc.folded(r"\s+(?:ở|trong|thuộc|tại)\s")
OPENS_BRACKET_RE = re.compile(r"\s*\(\s*$")  # a count opening one: "nữ (1.716 người)", "79% (1.048 …)"
_CLOSES_AFTER_RE = re.compile(r"\s*(?:người|đồng chí|đảng viên|đ/c)?\s*\)", re.IGNORECASE)
_PLACE_LEAD_RE = re.compile(r"^[A-ZĐ]\w*(?:\.\w+)*(?:\s+[A-ZĐ]\w*){1,3}:\s+")
_PAIR_RE = re.compile(r"\s+và\s+\d[\d.,]*\s+")
_AND_NEXT_RE = re.compile(r"(?<=\d)\s+và\s+|\s+thì\s+")  # "Trong 318 đảng viên … thì nữ chiếm …"
_LABEL_END_RE = re.compile(r"\s*(?:[,;.()|]|$|và\s)")  # "|": a table's note column after it
_CEREMONY_RE = re.compile(r"lễ kết nạp|(?:trao|trao tặng|công bố) quyết định kết nạp", re.IGNORECASE)
_IN_LIST_RE = re.compile(r"(?<![\wđ])(?:trong số|trong đó)(?![\wđ])|\d\s*\([^()]*$", re.IGNORECASE)  # "118 (đảng bộ cơ sở 46, …"
# After a group named by its trade, another one: the group is mixed ("công nhân, kỹ sư").
_OTHER_GROUP_RE = re.compile(r"\s*(?:,|và|hoặc)\s+(?:kỹ sư|nông dân|công nhân|giáo viên|bác sĩ|"
                             r"cán bộ|chiến sĩ|học sinh|sinh viên|doanh nhân|trí thức|người lao "
                             r"động|viên chức|công chức|nhân viên|bộ đội)(?![\wđ])", re.IGNORECASE)
_ALL_ARE_RE = re.compile(r"(?:\s*,\s*(?:(?:tất cả|toàn bộ)\s+(?=(?:đều\s+)?là\s)|(?:tất cả\s+|toàn bộ\s+|100%\s+|cả \S+ (?:đồng chí|người|đảng viên)\s+)?(?:(?=đều là)|đều\s+(?=(?:dưới|trên|từ|có)\s))))?", re.IGNORECASE)
# A label naming a narrower metric than the noun repeated after its number ("Tổng số chi bộ trực
# thuộc: 1.120 chi bộ", "Đảng viên nữ: 1.200 đảng viên").
_NARROWER = {"cells_total": ("sub_cells", "base_cells"),
             "members_total": ("members_female", "members_official", "members_probationary")}
# A change between two stocks: "từ gần ba vạn lên hơn sáu vạn", "giảm từ 131 (năm 2015) xuống
# còn 104": the first counts what the second does (or the "số …" named before it).
_FROM_TO_RE = voc.folded(r"(?:\s*\([^()]{1,30}\))?\s*,?\s*(?:(?:lên|xuống)(?:\s+(?:còn|đến|tới|mức))?"
                         r"|đến|tới)\s+")


@dataclass
class Candidate:
    start: int                     # number phrase (with its qualifier) in the sentence
    end: int
    text: str
    value: float | None            # None: a part given only as a share
    qualifier: str
    metric: str                    # "_part": a part whose metric comes from its whole
    noun_end: int
    dimension: str | None = None
    dimension_value: str | None = None
    share: float | None = None
    ceremony: bool = False         # admitted at a ceremony: the period is that day
    whole_metric: str | None = None  # the whole a share names: "chiếm 86,2% tổng số đảng viên"
    whole_next: bool = False       # a ratio's part: its whole is the next figure ("612/687")
    post_share: float | None = None  # a share quoted after a figure without a dimension: its
                                     # share should it turn out a part ("riêng …, chiếm 42,7%")
    own_stock: bool = False        # named by "số <noun> … lên": a stock, never a part of admissions
    nth: tuple[int, int] | None = None  # (index, size) in a list "lần lượt": dated by the
                                        # same item of a list of years before it


def descriptor(sentence: str, start: int, tail_re: re.Pattern = _TAIL_RE
                ) -> tuple[str | None, tuple | None, bool]:
    """What the clause right before a number says it counts: (metric noun, dimension, label),
    e.g. "đảng viên là người dân tộc thiểu số 30.112", "nữ 702", "Số chi bộ trực thuộc: 19"; a
    closed gloss ("(chủ yếu là người Xơ Đăng)") is read as blank."""
    sentence = _GLOSS_BEFORE_RE.sub(lambda m: " " * len(m.group(0)), sentence[:start])
    seps = [m.end() for m in _CLAUSE_SEP.finditer(sentence, 0, start) if sentence[m.start()] != ":"
            and not _RELIGION_NEXT_RE.match(sentence, m.end())
            and not _LEVEL_LIST_RE.search(sentence, max(0, m.start() - 12), m.start())] + [
        m.end() for m in _AND_NEXT_RE.finditer(sentence, 0, start)] + [  # "… 64 và lực lượng vũ trang 78"
        m.end() for m in _PLACE_LEAD_RE.finditer(sentence, 0, start)]  # "Lào Cai: Đảng viên nữ chiếm …"
    clause_start = max([0] + seps)
    text = sentence[:start]
    pos = _LEAD_RE.match(voc.fold(text), clause_start).end()
    noun = voc.metric_at(voc.fold(text), pos)
    metric = None
    if noun and noun[0] != "_candidates":  # "đoàn viên thanh niên 1.024 đồng chí": a dimension
        metric, pos = noun
    dim = dimension_at(text, pos)
    if dim:
        pos = dim[2]
    tail = tail_re.match(text, pos)
    if not tail or tail.end() != len(text) or not (metric or dim) or (tail_re is not _TAIL_RE and not dim):
        return None, None, False
    return metric, dim, ":" in text[pos:]


def _shared_complement(sentence: str, folded: str, noun_end: int) -> bool:
    """"3 tổ chức cơ sở đảng và 41 đảng viên bị thi hành kỷ luật": the blocking complement of the
    second of a pair is the first's too."""
    pair = _PAIR_RE.match(sentence, noun_end)
    found = voc.metric_at(folded, pair.end()) if pair else None
    return bool(found) and bool(voc.POST_BLOCK_RE.match(sentence, found[1]))


def counted_candidates(sentence: str) -> list[Candidate]:
    """The counted figures of one sentence (with a value), in order, before linking and scoping
    (shares.py adds the parts given only as a share or a ratio)."""
    folded = voc.fold(sentence)
    out: list[Candidate] = []
    floor, blocked_end = 0, None
    changed: dict[int, str] = {}  # the second stock of a change, by its quantity's index
    quantities = find_quantities(sentence)
    lists = counted_lists(sentence, folded, quantities)
    labelled = respective(sentence, folded, quantities, lists)
    for k, q in enumerate(quantities):
        metric, noun_end, dim, own_stock = None, q.end, None, False
        first, last = lists.get(k, (k, k))
        found = voc.metric_at(folded, q.end + (1 if sentence[q.end:q.end + 1] == " " else 0))
        if last > k and (shared := voc.metric_at(folded, quantities[last].end + 1)):
            found = (shared[0], q.end)  # "1.802, 1.915 và 1.971 đảng viên": the last one's noun
        opened = OPENS_BRACKET_RE.search(sentence, max(0, q.start - 6), q.start)  # "Đảng viên nữ (1.716
        pre_metric, pre_dim, label = descriptor(
            sentence, opened.start() if opened and _CLOSES_AFTER_RE.match(sentence, q.end)
            else quantities[first].start)
        if first < k and not found and (named := next((c.metric for c in out if c.start == quantities[
                first].start), None)):  # "Số đảng viên năm 1986 là gần 1,9 triệu, năm 1996 là hơn
            found = (named, q.end)  # 2,1 triệu và năm 2006 là hơn 3,1 triệu người": the first's
        if k in labelled:  # "… nữ và … dân tộc thiểu số lần lượt là 1.570 và 58 đồng chí"
            found, pre_dim = (labelled[k][0], labelled[k][3]), labelled[k][1]
        growth = _FROM_TO_RE.match(folded, q.end)
        crossing = voc.fold(q.text).startswith("vuot")  # "vượt mốc 100.000 đảng viên": a stock
        if found:
            metric, noun_end = found  # "… con số tương ứng là 669.000 đảng viên": as the one before
            metric = "_same" if out and cl.CORRESPONDING_RE.search(folded, floor, q.start) else metric
            if label and pre_metric in _NARROWER.get(metric, ()):  # "… trực thuộc: 1.120 chi bộ"
                metric = pre_metric
            dim = pre_dim if pre_dim and (metric in ("members_total", "_candidates") or (
                metric in voc.ORGS and pre_dim[0] == "sector")) else None  # "… vũ trang 78 tổ chức"
            dim = pre_dim if k in labelled else dim  # "… mới là đoàn viên … tương ứng là 3.488 và …"
            if metric == "_candidates":  # "38 sinh viên … được kết nạp": students admitted
                dim = dim or dimension_at(sentence, q.end)
            if metric == "members_total" and cl.cumulated(folded, floor, q.start, out):
                metric, label = "new_admissions", True  # "… kết nạp 9 ĐV; lũy kế từ đầu năm 23 ĐV"
        elif growth and k + 1 < len(quantities) and quantities[k + 1].start == growth.end() \
                and cl.is_change(folded, q.start, growth.group(0), quantities[k + 1]):
            after = quantities[k + 1]
            found = voc.metric_at(folded, after.end + 1) or cl.head_of_change(folded, floor, q.start)
            if not found:
                continue
            metric, noun_end = found[0], q.end
            changed[k + 1] = metric
        elif k in changed and (not q.is_words or q.value >= 1000):  # "… xuống còn 104 hiện nay"
            metric = changed[k]
        elif cl.THIS_NUMBER_RE.search(folded[floor:q.start]) and _LABEL_END_RE.match(sentence, q.end):
            metric = "_same"  # "con số này đã vượt bốn vạn": what the figure before counted
        elif q.is_words and not ((q.value >= 1000 or cl.opens_part(sentence, q.start)) and voc.COUNTER_RE.match(sentence, q.end)) and not (crossing and q.value >= 1000 and cl.crossed_head(folded, floor, q.start)):
            continue  # a number in words counts only with a metric noun or, in thousands or a part, a counter
        elif org := voc.ORG_COUNTER_RE.match(sentence, q.end):
            metric, noun_end, dim = cl.org_counted(sentence, folded, q, org.end(), floor)
        elif counter := voc.COUNTER_RE.match(sentence, q.end):
            noun_end = counter.end()
            metric = pre_metric if pre_metric in voc.PEOPLE else None if pre_dim else "members_total" if voc.ADMISSION_RE.search(
                folded, max(0, q.start - 16), q.start) else cl.people_metric_before(sentence, folded, q.start)  # not of "(3 … dự bị)"
            head = list(voc.HEAD_RE.finditer(folded, 0, q.start))
            if metric is None and head and not pre_dim:
                metric = (voc.metric_at(folded, head[-1].start("noun")) or (None,))[0]
            dim = pre_dim or cl.dimension_item(sentence, q.start) or dimension_at(sentence, counter.end())
            if not dim and _GROUP_RE.match(sentence, counter.end()) and not one_group(sentence, counter.end()):
                continue  # "392 đồng chí là quân nhân chuyên nghiệp, công nhân và …": mixed groups
            metric = metric or ("_part" if dim else None)
            admissions = [c for c in [c for c in out if not c.dimension][-1:] if c.metric == "new_admissions"]
            closing = cl.HEAD_THEN_RE.search(folded, floor, q.start)  # "đưa tổng số đảng viên … lên"
            if closing and not pre_dim:  # "nâng số đảng viên là sinh viên … lên 204 đồng chí"
                metric = voc.metric_at(folded, closing.start("noun"))[0]
                dim = dimension_at(sentence, closing.end("noun"))
                own_stock = True
            elif metric in ("_candidates", "members_total", "_part") and admissions and \
                    cl.of_which(sentence, admissions[-1].noun_end, q.start):
                metric = "new_admissions"  # "kết nạp 12 đảng viên, trong đó 9 đồng chí …"
        elif _LABEL_END_RE.match(sentence, q.end) and ADMISSION_LABEL_RE.search(folded, 0, q.start):
            metric = "new_admissions"  # "- Kết nạp đảng viên trong năm: 189"
        elif _LABEL_END_RE.match(sentence, q.end) and (pre_dim or pre_metric in _NARROWER["members_total"]
                                                       or pre_metric and (
                label or _IN_LIST_RE.search(sentence, 0, q.start))):  # "trong đó đảng viên nữ 2.410"
            metric, dim = pre_metric or "_part", pre_dim
        elif (head := cl.HEAD_THEN_RE.search(folded, floor, q.start) or cl.RISE_RE.search(
                folded, floor, q.start) or crossing and cl.crossed_head(folded, floor, q.start)) \
                and _LABEL_END_RE.match(sentence, q.end):
            metric = voc.metric_at(folded, head.start("noun"))[0]
        elif (listed := dimension_at(sentence, q.end)) and listed[0] != "sector" and (out or _IN_LIST_RE.search(
                sentence, 0, q.start) or voc.ADMITTED_AFTER_RE.match(folded, listed[2])):  # "…; 1.203 là nữ", "3 giáo dân vinh dự đứng vào hàng ngũ"
            metric, dim, noun_end = "_part", listed, listed[2]
        elif (whole := next((c for c in reversed(out) if not c.dimension), None)) and \
                _IN_SECTOR_RE.match(folded, q.end) and (listed := dimension_at(sentence, q.end)) \
                and listed[0] == "sector" and voc.BREAKDOWN_RE.search(sentence, whole.end, q.start):
            # "415 tổ chức cơ sở đảng, gồm: 107 ở xã, phường, thị trấn; 96 ở cơ quan hành chính"
            metric, dim, noun_end = "_part", listed, listed[2]
        clause_start = max([floor if first == k else 0] + [
            m.end() for m in _CLAUSE_SEP.finditer(sentence, 0, quantities[first].start)
            if sentence[m.start()] != ":"])
        if (metric is None or metric == "members_total" and not dim) and (group := unnamed_group(sentence, q.start, q.end, out)):
            metric, noun_end = group  # "…, trong đó có 6 quân nhân hoàn thành nghĩa vụ …"
        if metric is None and cl.admitted(sentence, folded, clause_start, q.start, noun_end):
            metric = "new_admissions" if voc.COUNTER_RE.match(sentence, q.end) else None
        metric, dim, noun_end = elided(sentence, q.start, q.end, out) if metric is None else (metric, dim, noun_end)
        if metric is None or cl.range_bound(folded, q.start, q) or cl.not_counted(
                folded, q.start, q.qualifier):  # "vượt chỉ tiêu 5 …", "chuyển đến 1 …"
            continue
        if cl.size_of_counted(folded, q.start, out[-1] if out else None):
            out.pop()  # "12 chi bộ có trên 100 đảng viên": neither is a figure
            continue
        clause = cl.clause(sentence, q.start, floor)
        if voc.POST_BLOCK_RE.match(sentence, noun_end) or _shared_complement(
                sentence, folded, noun_end) or cl.blocked(clause) or voc.hard_blocked(
                clause) or cl.unnamed(sentence, clause) or voc.ATTENDANCE_RE.search(sentence, 0, q.start) or \
                voc.EVENT_ITEM_RE.search(sentence, 0, q.start) or cl.label_of_event(
                    sentence, folded, clause_start, q.start):
            blocked_end = noun_end
            continue
        if blocked_end is not None and (not out or out[-1].start < blocked_end) and metric != "new_admissions" and \
                voc.IN_WHICH_RE.search(sentence, blocked_end, q.start) and not cl.admitted(
                    sentence, folded, q.start, q.start, noun_end):  # not of a count after it
            continue  # "trao Huy hiệu cho 1.126 đảng viên, trong đó có 2 …": parts of no figure (not "… được kết nạp")
        if metric == "_candidates" and dim and _IN_LIST_RE.search(sentence, 0, q.start):
            metric = "_part"  # "Trong số đảng viên mới, có 1.218 đoàn viên thanh niên (86,6%)"
        if (metric == "_candidates" or cl.other_organisation(sentence, q.start)) and voc.OWN_MEMBERS_RE.match(folded, q.end + 1) and not (
                voc.ADMITTED_AFTER_RE.match(folded, noun_end)
                or voc.INTO_PARTY_RE.search(folded, 0, q.start)):
            continue  # "kết nạp mới 6.540 đoàn viên": the Youth Union's own admissions
        admitted = metric in voc.MEMBERS | {"_candidates", "_part"} and (cl.admitted(
            sentence, folded, clause_start, q.start, noun_end) or cl.new_in_period(folded, noun_end, q.start))
        implied = metric_dimension(metric)
        if admitted:
            metric = "new_admissions"
        elif metric == "_candidates":
            continue
        activity = (dimension_at(sentence, noun_end) or ("",))[0] == "activity"
        if not (voc.CUE_RE.search(folded, 0, q.start) or voc.HEAD_RE.search(folded, 0, q.start)
                or admitted or label or activity or crossing or metric in ("_part", "_same") or cl.opens_item(sentence, q.start, noun_end)
                or opening_part(sentence, q.start, noun_end) or voc.STOCK_AFTER_RE.match(folded, noun_end)
                or (k + 1 < len(quantities) or "%" in sentence[noun_end:]) and cl.WHOLE_OPENS_RE.search(folded, 0, q.start)
                or "ket nap" in folded[q.end:noun_end]  # "Trong 1.204 đảng viên được kết nạp"
                or pre_metric in voc.PEOPLE and voc.COUNTER_RE.match(sentence, q.end) and (
                    not out or pre_dim and out[-1].dimension)):
            # the last: a sentence opening "Đảng viên nữ 1.203 người, …", or going on with a list
            # of such parts ("…; đảng viên dưới 30 tuổi (402 người) chiếm 10%")
            continue
        if (voc.fold(q.text).startswith("vuot") or cl.comparative(sentence, q.start)) and cl.EXCESS_RE.match(folded, noun_end):
            continue  # "vượt 2 đảng viên so với chỉ tiêu", "nhiều hơn 312 đồng chí so với": a difference
        post_end = min([x.start for x in quantities[k + 1:] if x.start >= noun_end]
                       + [m.start() + noun_end for m in re.finditer(r";", sentence[noun_end:])]
                       + [len(sentence)])
        post = sentence[noun_end:post_end]
        if dim is None and metric != "members_female":  # "…, đều là người dân tộc Mông"
            dim = dimension_at(post, _ALL_ARE_RE.match(post).end())
            if dim and _OTHER_GROUP_RE.match(post, dim[2]):
                dim = None  # "quần chúng ưu tú là công nhân, kỹ sư": a mixed group
            elif dim and dim[0] == "sector" and (more := sector_in(re.split(r"[;)]", post[dim[2]:])[0])) \
                    and more[0] != dim[1]:
                continue  # "6 chi bộ cơ quan, trường học": organisations of mixed sectors
        dim = dim or (implied + (0,) if implied else None)
        qualifier = q.qualifier
        if voc.TARGET_RE.search(clause) or cl.stated_target(sentence, q.start, noun_end, metric) or ((out and out[-1].qualifier == "target"
                                             or voc.TARGET_OPEN_RE.match(sentence))
                                            and not voc.DONE_RE.search(clause)):
            qualifier = "target"
            if metric == "members_total" and cl.plan_of_admissions(sentence, folded, q.start):
                metric = "new_admissions"
        out.append(Candidate(q.start, q.end, q.text, float(q.value), qualifier, metric, noun_end,
                             dim[0] if dim else None, dim[1] if dim else None,
                             labelled[k][2] if k in labelled else own_share(post) if dim else None,
                             bool(admitted and _CEREMONY_RE.search(sentence, 0, q.start)),
                             post_share=None if dim else own_share(post), own_stock=own_stock,
                             nth=(k - first, last - first + 1) if last > first and "lan luot" in
                             folded[max(0, quantities[first].start - 30):quantities[first].start]
                             else None))
        floor = noun_end
    return later_parts(sentence, out)  # "31 đ/c chính thức và 3 đ/c dự bị, vị chi 34" (sums.py)

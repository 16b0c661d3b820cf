"""The clause around a number in a sentence: what it says the number counts (a people metric
named before it, organisations by a counter or a sector, a list item's part, the "số …" a change
counts, the "số …" a number closes), whether a verb in it blocks the count, and whether it admits
people or plans admissions. figures.py reads candidates with these.
"""
from __future__ import annotations

import re

from . import vocabulary as voc
from .admitted import added_new, cumulated, new_in_period, other_period  # noqa: F401 (figures.py reads them here)
from .parts import dimension_at
from .scope import sector_in

_CLAUSE_SEP = re.compile(r"[,;:(]")
# "số đảng viên toàn Đảng là hơn 2,1 triệu", "nâng tổng số đảng viên lên trên 11 vạn": the
# number closes a phrase naming what it counts.
HEAD_THEN_RE = voc.folded(r"(?:tổng )?số (?:lượng )?(?P<noun>" + "|".join(
    p for _, p in voc.METRIC_PHRASES) + r")(?:[^,;:.()]{0,60}?\s(?:là|lên|đạt|lên đến|lên tới)|"
    r"[^,;:.()]{0,60}?\s*:|)\s*$")  # or a label: "Số đảng viên toàn huyện hiện có: 7.905", "tổng
# số đảng viên 8.650"
# A stock named at the head of its clause that rose to the number: "Đảng viên tăng lên hơn 5,4
# triệu", "…, đảng viên toàn tỉnh tăng lên 12.400".
RISE_RE = voc.folded(r"(?:^|[,:;]\s*)(?P<noun>" + "|".join(p for _, p in voc.METRIC_PHRASES)
                     + r")[^,;:.()]{0,40}?\s+tăng lên(?:\s+(?:đến|tới|thành))?\s*$")


def crossed_head(folded: str, floor: int, start: int):
    """"Đây là lần đầu tiên số đảng viên của tỉnh vượt mốc 100 nghìn": the stock named before the
    mark it crossed (read as if "đạt" stood before the number)."""
    return HEAD_THEN_RE.search(folded[:start] + "dat ", floor)


def people_metric_before(sentence: str, folded: str, start: int) -> str | None:
    """The nearest people metric noun before start in the sentence (a party one first); a part's
    noun before a ";" names the members, not the part ("… 15 đảng viên dự bị; 96 đồng chí là cựu
    chiến binh": members, of no status)."""
    people = [(f[0], m.start()) for m in voc.METRIC_ANY_RE.finditer(folded, 0, start)
              if (f := voc.metric_at(folded, m.start())) and f[0] in voc.PEOPLE]
    party = [m for m in people if m[0] != "_candidates"]  # "… là đoàn viên …; 134 người …"
    found, at = (party or people or [(None, 0)])[-1]
    if found in _NARROWER_MEMBERS and ";" in folded[at:start]:
        found = "members_total"
    if found is None and _COMRADES_OF_RE.search(sentence[max(0, start - 60):start + 12]):
        return "members_total"  # "Chi bộ hiện có 18 đồng chí": a party body's comrades
    return found


_NARROWER_MEMBERS = ("members_female", "members_official", "members_probationary")
# A body holding comrades: "Chi bộ hiện có 18 đồng chí" (not "Ban Chấp hành … gồm 25 đồng chí": seats).
_COMRADES_OF_RE = re.compile(r"(?<!hành )(?<!vụ )(?:chi bộ|đảng bộ)(?:\s+(?-i:[A-ZĐ])[^,;.]{0,40}?)?\s+(?:hiện\s+)?có"
                             r"\s+\d[\d.]*\s+(?:đồng chí|đ/c)(?![\wđ])", re.IGNORECASE)
_LEVELS_RE = voc.folded(r"\s*đảng bộ (?:xã|phường|thị trấn|đặc khu)(?:(?:, | và |, và )(?:xã|phường|thị trấn|đặc khu))*(?!\w)")
_BREAKDOWN_OF_RE = re.compile(voc.IN_WHICH_RE.pattern + r"|(?:theo|về) loại hình(?![\wđ])", re.IGNORECASE)


def org_counted(sentence: str, folded: str, q, end: int, floor: int):
    """"loại hình xã, phường, thị trấn có 91 tổ chức", "24 đảng bộ xã, thị trấn": organisations
    of the kind named before in the sentence (base organisations by default, also after "trong đó"
    or "theo loại hình"), by the sector before the number in its item, or right after the counter."""
    kinds = [f[0] for m in voc.METRIC_ANY_RE.finditer(folded, 0, q.start)
             if (f := voc.metric_at(folded, m.start())) and f[0] in voc.ORGS]
    item = max([floor, sentence.rfind(";", 0, q.start) + 1])
    did = (dimension_at(sentence, end) or ("",))[0] == "activity"  # "27 tổ chức chưa kết nạp được
    sector = sector_in(sentence[item:q.start]) or (  # đảng viên nào, chủ yếu là chi bộ trường học":
        None if did else sector_in(re.split(r"[.;()]", sentence[end:])[0]))  # what, not where
    breakdown = _BREAKDOWN_OF_RE.search(sentence, 0, q.start)
    if not (kinds or sector and breakdown):  # "Tỉnh có 54 đảng bộ xã, phường": the scope's sub_committees
        levels = not (kinds or breakdown) and _LEVELS_RE.match(folded, q.end)
        return ("sub_committees", end, None) if levels else (None, end, None)
    return (kinds[-1] if kinds else "base_orgs_total"), end, (("sector", sector[0], 0) if sector else None)


def dimension_item(sentence: str, start: int) -> tuple | None:
    """A list item naming its part right before the number, after a label's colon: "Cơ cấu đảng
    viên mới kết nạp: nữ 210 đồng chí; dân tộc thiểu số 85 đồng chí"."""
    item = max(sentence.rfind(c, 0, start) for c in ":;") + 1
    dim = dimension_at(sentence, item) if item else None
    return dim if dim and not sentence[dim[2]:start].strip() else None


def head_of_change(folded: str, floor: int, start: int) -> tuple[str, int] | None:
    """"số tổ chức cơ sở đảng trực thuộc … giảm từ", else "đảng viên tăng từ": what a change
    without a noun after its numbers counts."""
    heads = [h.start("noun") for h in voc.HEAD_RE.finditer(folded, floor, start)
             if re.search(r"(?:tang|giam)\s+tu\s*$", folded[h.end():start])]
    nouns = [n.start() for n in voc.METRIC_ANY_RE.finditer(folded, floor, start)
             if re.fullmatch(r"\s*(?:\w+\s+){0,2}?(?:tang|giam)\s+tu\s*", folded[n.end():start])]
    return voc.metric_at(folded, (heads or nouns)[-1]) if heads or nouns else None


# "tăng từ 4.100 đến 4.800": "đến/tới" joins two stocks of a change only after a verb of change;
# "Các chi bộ có từ 3 đến 15 đảng viên" is a range of sizes.
_CHANGE_VERB_RE = voc.folded(r"(?<!\w)(?:tăng|giảm|nâng|phát triển|đưa)(?!\w)[^,;]{0,40}từ\s*$")
_RANGE_BOUND_RE = voc.folded(r"(?<!\w)từ\s+\S+(?:\s+\S+)?\s+(?:đến|tới|-|–)\s*$")
# "12 chi bộ có trên 100 đảng viên": the size of the organisations just counted.
_SIZE_OF_COUNTED_RE = voc.folded(r"\s*(?:\w+\s+){0,3}?(?:chỉ\s+|đều\s+)?có\s*(?:từ\s+)?$")  # "… có từ 10 … trở lên"


def is_change(folded: str, start: int, joined_by: str, upper=None) -> bool:
    """Whether two numbers joined by "lên / xuống" (always) or "đến / tới" (after a verb of
    change, or before a second number qualified or in a larger scale: "từ 211 đến gần 5,6 triệu
    đảng viên") are the stocks of a change."""
    return not re.match(r"\s*(?:\([^()]*\))?\s*,?\s*(?:den|toi)\s", joined_by) or bool(
        _CHANGE_VERB_RE.search(folded, 0, start)) or _grown(upper)


def range_bound(folded: str, start: int, upper=None) -> bool:
    """The upper bound of a range of sizes ("có từ 3 đến 15 đảng viên"), not of a change."""
    return bool(_RANGE_BOUND_RE.search(folded, 0, start)) and not _CHANGE_VERB_RE.search(
        folded, 0, folded.rfind("tu", 0, start) + 2) and not _grown(upper)


def _grown(upper) -> bool:
    """A range's upper number qualified ("hơn 65.000") or in millions, tens of thousands: no bound
    of sizes but the second stock of a change."""
    return upper is not None and (upper.qualifier != "exact" or bool(_LARGE_SCALE_RE.search(upper.text)))


_LARGE_SCALE_RE = re.compile(r"(?<![\wđ])(?:triệu|vạn)(?![\wđ])", re.IGNORECASE)


def size_of_counted(folded: str, start: int, before) -> bool:
    """The size of organisations counted right before ("12 chi bộ có trên 100 đảng viên"), not
    of those singled out of a whole ("riêng 38 chi bộ thôn có 729 đảng viên": two parts) nor of
    a whole restated ("trong 17 chi bộ có 4 chi bộ quân sự, công an": the part of it)."""
    return bool(before) and before.metric in voc.ORGS and bool(
        _SIZE_OF_COUNTED_RE.fullmatch(folded, before.noun_end, start)) and not \
        re.search(r"(?:rieng|trong(?: tong)?(?: so)?) $", folded[:before.start])


def clause(sentence: str, start: int, floor: int) -> str:
    seps = [m.end() for m in _CLAUSE_SEP.finditer(sentence, 0, start)]
    return sentence[max([floor] + seps):start]


# The same, for a clause written without diacritics.
_UNBLOCK_PLAIN_RE, _PRE_BLOCK_PLAIN_RE, _POST_BLOCK_PLAIN_RE = (
    voc.folded(rx.pattern) for rx in (voc.UNBLOCK_RE, voc.PRE_BLOCK_RE, voc.POST_BLOCK_RE))
# A closed aside in brackets ("(kể cả trước sáp nhập)") says nothing of what the number counts.
_ASIDE_RE = re.compile(r"\([^()]*\)|^[^()]*\)")  # the clause may open inside it

# A headline's place before its colon: "Hà Nội: Đảng bộ lớn nhất cả nước với gần 48 vạn đảng viên".
_PLACE_LEAD_RE = re.compile(r"(?-i:[A-ZĐ])[\w.]*(?:\s+(?-i:[A-ZĐ])[\w.]*){0,3}:\s+")


def unnamed(sentence: str, clause: str) -> bool:
    """Organisations the text does not name (voc.UNNAMED_RE), except the party committee a
    headline's place has, described as the largest ("Hà Nội: Đảng bộ lớn nhất cả nước với …"; not
    "Nghệ An: Chi bộ đông nhất có …", one of its cells)."""
    found = voc.UNNAMED_RE.search(voc.fold(clause, lower=False))
    lead = _PLACE_LEAD_RE.match(sentence)
    return bool(found) and not (lead and re.search(r"(?i:dang bo) \w+ nhat$", found.group(0)) and sentence[
        lead.end():].startswith(clause.lstrip()[:12]))


def blocked(clause: str) -> bool:
    """A blocking verb in the clause with no stock cue after it ("đại diện cho" is a cue, not
    the blocking "cho"), outside a closed aside in brackets."""
    unblock, block = (voc.UNBLOCK_RE, voc.PRE_BLOCK_RE) if not clause.isascii() else (
        _UNBLOCK_PLAIN_RE, _PRE_BLOCK_PLAIN_RE)  # "Giai quyet 14 don to cao doi voi 16 …"
    cues = [(u.start(), u.end()) for u in unblock.finditer(clause)]
    asides = [(a.start(), a.end()) for a in _ASIDE_RE.finditer(clause)]
    blocks = [b for b in block.finditer(clause)
              if not any(s <= b.start() and b.end() <= e for s, e in cues + asides)]
    if blocks and re.match(r"(?:sự )?tham", blocks[-1].group(0), re.IGNORECASE):  # "có sự tham dự của
        cues = [(s, e) for s, e in cues if not clause[s:e].endswith("từ")]  # 250 … đến từ 126 …"
    return bool(blocks) and not any(s >= blocks[-1].end() for s, _ in cues)


def admitted(sentence: str, folded: str, clause_start: int, start: int, noun_end: int) -> bool:
    """Admission context: "kết nạp (được) N", "phát triển N", "N … được kết nạp vào Đảng"."""
    before = sentence[clause_start:start]
    verbs = list(voc.ADMISSION_RE.finditer(folded, clause_start, start))
    if verbs and not voc.NOT_ADMITTED_RE.search(before) and not HEAD_THEN_RE.search(
            folded, verbs[-1].end(), start):  # not "Đợt kết nạp này đưa tổng số đảng viên lên"
        return True
    return bool(voc.ADMITTED_AFTER_RE.match(folded, noun_end)) or added_new(folded, clause_start, start, noun_end)



# "đạt 77,4% chỉ tiêu cả năm (3.800 đảng viên)", "đạt 90,8% kế hoạch năm (2.400 đảng viên)": the
# count in brackets right after a plan word is the plan itself.
_BRACKETED_TARGET_RE = re.compile(
    r"(?<![\wđ])(?:chỉ tiêu|kế hoạch|mục tiêu)(?:\s+[^\s,;()]+){0,3}\s*\(\s*(?:là\s+)?$", re.IGNORECASE)

# "Cả nhiệm kỳ kết nạp từ 15.000 đảng viên trở lên": admissions "from N upwards" are a plan.
_FROM_RE = re.compile(r"(?<![\wđ])từ\s*$", re.IGNORECASE)
_UPWARDS_RE = re.compile(r"\s*(?:[^\s,.;]+\s+){0,3}?trở lên(?![\wđ])", re.IGNORECASE)
# "nhiều hơn 312 đồng chí so với đầu nhiệm kỳ": a comparative before the number (with EXCESS_RE).
_COMPARATIVE_RE = re.compile(r"(?<![\wđ])(?:nhiều|ít|cao|thấp)\s+$", re.IGNORECASE)


def stated_target(sentence: str, start: int, noun_end: int, metric: str) -> bool:
    """The number opens a bracket after a plan word ("chỉ tiêu cả năm (3.800 …)"), or counts
    admissions "từ N … trở lên"."""
    return bool(_BRACKETED_TARGET_RE.search(sentence, max(0, start - 60), start)) or (
        metric == "new_admissions" and bool(_FROM_RE.search(sentence, max(0, start - 6), start))
        and bool(_UPWARDS_RE.match(sentence, noun_end)))


# A key-figures box: an item opening with its count ("• 214 tổ chức cơ sở đảng (…)", "- 9.870 đảng
# viên") states a stock of the body the box is about, without a verb.
_ITEM_OPEN_RE = re.compile(r"\s*(?:[-+•*–●▪]|\d{1,2}[.)])\s+")


def opens_item(sentence: str, start: int, noun_end: int) -> bool:
    """The number (with its qualifier) opens a list item and its noun ends it, or a bracket or a
    comma follows ("• 1.500 đảng viên phường … tham gia cuộc thi" is a headline, no stock)."""
    return bool(_ITEM_OPEN_RE.fullmatch(sentence, 0, start)) and bool(
        re.match(r"\s*(?:[(,;.]|$)", sentence[noun_end:]))


# A clause whose subject is another organisation counts its own members ("…; Đoàn Thanh niên kết
# nạp mới 86 đoàn viên; Công đoàn cơ sở có 540 đoàn viên"), also after a "trong đó" of the Party's.
_OTHER_ORGANISATION_RE = re.compile(
    r"\s*(?:(?:Ban Chấp hành |BCH )?Đoàn (?:Thanh niên|TNCS|thanh niên|xã|phường)|Chi đoàn|Công đoàn|"
    r"Hội (?!nghị|đồng|thảo|diễn)\w+|Mặt trận|Hợp tác xã)(?![\wđ])")


def other_organisation(sentence: str, start: int) -> bool:
    """The number's clause (from the last ";" or sentence start) opens with another organisation."""
    return bool(_OTHER_ORGANISATION_RE.match(sentence, sentence.rfind(";", 0, start) + 1))


_OPENS_PART_RE = re.compile(r"(?<![\wđ])(?:trong đó|trong số đó|trong số này)\s*,?\s*(?:có\s+)?"
                            r"(?:[^\d,;.:]{2,30}\s)?$",  # after a label: "trong đó đảng viên nữ bốn trăm …"
                            re.IGNORECASE)


def opens_part(sentence: str, start: int) -> bool:
    """Right after "trong đó", or opening the next item of its list: "mười bốn đảng viên, trong đó
    năm đồng chí là nữ, hai đồng chí là đảng viên dự bị" (parts in words)."""
    return bool(_OPENS_PART_RE.search(sentence, max(0, start - 50), start) or voc.IN_WHICH_RE.search(
        sentence, 0, start) and re.search(r"[,;]\s*$", sentence[:start]))


def comparative(sentence: str, start: int) -> bool:
    """"nhiều hơn", "cao hơn" … just before the number's qualifier, or "ít hơn" as it."""
    return bool(_COMPARATIVE_RE.search(sentence, max(0, start - 10), start)) or sentence[
        start:start + 7].lower() == "ít hơn "  # "ít hơn 38 đồng chí so với năm 2023"


def plan_of_admissions(sentence: str, folded: str, start: int) -> bool:
    """"kết nạp 768 đảng viên, đạt 51,2% kế hoạch (kế hoạch năm 2024 là 1.500 đảng viên)": a
    plan after admissions, with no stock between ("có", "tổng số đảng viên"), is of admissions."""
    verbs = list(voc.ADMISSION_RE.finditer(folded, 0, start))
    return bool(verbs) and not (voc.HEAD_RE.search(folded, verbs[-1].end(), start) or re.search(
        r"(?<![\wđ])có(?![\wđ])", sentence[verbs[-1].end():start]))


def label_of_event(sentence: str, folded: str, clause_start: int, start: int) -> bool:
    """"Số đảng viên được miễn sinh hoạt: 45 đồng chí": the label's noun has a blocking
    complement (what happened to the members counted)."""
    heads = list(voc.HEAD_RE.finditer(folded, clause_start, start)) or [  # or a members noun
        m for m in voc.METRIC_ANY_RE.finditer(folded, clause_start, start)  # opening the clause:
        if voc.metric_at(folded, m.start())[0] in voc.MEMBERS  # "đảng viên sinh hoạt tại nơi cư
        and not re.search(r"\d", sentence[clause_start:m.start()])]  # trú là 640 đồng chí"
    post = voc.POST_BLOCK_RE if not sentence.isascii() else _POST_BLOCK_PLAIN_RE  # "So dang vien bi …"
    return bool(heads) and bool(post.match(sentence, heads[-1].end()))


# "Trong 482 tổ chức cơ sở đảng của …, xã, … có 178", "Hà Nội, 21/01/2026 - Trong 245 …": a breakdown's whole
WHOLE_OPENS_RE = voc.folded(r"(?:^|,|\s[-–—])\s*trong(?:\s+tổng)?(?:\s+số)?\s+$")
# "con số này (đã) vượt bốn vạn", "số này lên 5.120": the number restates what the figure before
# it counted; "vượt 2 đảng viên so với chỉ tiêu" is an excess.
THIS_NUMBER_RE = voc.folded(r"(?:con số|số lượng|số) (?:này|đó|ấy|trên)(?:\s+(?:đã|cũng|nay|hiện|là|đạt|"
                             r"lên|tăng lên|lên tới|lên đến|còn|giảm xuống|giảm còn))*\s*$")
# "giai đoạn 1996 - 2000 con số tương ứng là 669.000 đảng viên": the same count as the figure
# before, for another period or place.
CORRESPONDING_RE = voc.folded(r"(?:con số|số liệu|số lượng|số) tương ứng(?:\s+(?:là|đạt|lên|còn))?\s*$")
EXCESS_RE = voc.folded(r"\s*(?:so với|so cùng kỳ|kế hoạch|chỉ tiêu)")
# Not tracked, so no figure: an excess ("vượt chỉ tiêu 5 đảng viên"), members moved ("chuyển đến 1 đồng
# chí"), a rank ("vào nhóm 5 đảng bộ …"), a streak's bound ("năm thứ 11 liên tiếp kết nạp trên 150 nghìn").
_NOT_COUNTED_BEFORE_RE = voc.folded(r"(?<![\wđ])(?:vượt (?:so với )?(?:chỉ tiêu|kế hoạch)(?: (?:đề ra|được "
                                    r"giao|năm))?|chuyển (?:đến|đi|về|ra)|chuyển sinh hoạt (?:đến|đi|về)|"
                                    r"(?:nhóm|tốp|top)(?: dẫn đầu)?)\s+$")
_STREAK_RE = voc.folded(r"(?<![\wđ])năm (?:thứ \S+ liên (?:tiếp|tục)|liền)[^,;.\d]{0,25}\s+$")


def not_counted(folded: str, start: int, qualifier: str) -> bool:
    """Before the number, words that make it no figure (an exact count after a streak is the year's)."""
    return bool(_NOT_COUNTED_BEFORE_RE.search(folded, max(0, start - 40), start) or qualifier != "exact"
                and _STREAK_RE.search(folded, max(0, start - 60), start))


_HAVING_RE = re.compile(r"[^.]*[,;]\s*(?:có|với)\s*$|\s*[,;][^,;]{1,40}\schiếm\s*$", re.IGNORECASE)


def of_which(sentence: str, start: int, end: int) -> bool:
    """Between admissions and a counter, "trong đó", "…, có", "…; có" or "; … chiếm": it counts some of
    them; or another period: it counts them over that period (admitted.py)."""
    return bool(voc.IN_WHICH_RE.search(sentence, start, end) or _HAVING_RE.match(sentence[start:end])) \
        or other_period(voc.fold(sentence), start, end)

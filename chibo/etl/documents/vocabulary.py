"""Controlled vocabulary for published figures: metrics with the Vietnamese phrases naming them,
the words that make a number a figure (cues), block it (other counts), make it an admission or a
target, breakdown rules (which metrics are parts of which total) and the tolerance per qualifier.

Metrics (value = a count of party organisations or people, stock unless said otherwise):

| metric | meaning | Vietnamese phrases (after the number) |
|---|---|---|
| members_total | party members | đảng viên |
| members_official | full members | đảng viên chính thức |
| members_probationary | probationary members | đảng viên dự bị |
| members_female | female members (a subset) | đảng viên nữ, nữ đảng viên |
| new_admissions | members admitted (a flow over a period) | đảng viên mới, tân đảng viên; "kết nạp (được) N đảng viên", "N quần chúng được kết nạp", "phát triển N đảng viên", "N trường hợp … vào Đảng" |
| base_orgs_total | base party organisations (TCCSĐ) | tổ chức cơ sở đảng, TCCSĐ, tổ chức đảng cơ sở |
| base_party_committees | base party committees | đảng bộ cơ sở |
| base_committees_upper_powers | base committees granted upper-level powers | đảng bộ (cơ sở) được giao quyền cấp trên cơ sở |
| base_cells | base cells | chi bộ cơ sở |
| sub_cells | cells under a base party committee | chi bộ trực thuộc |
| cells_total | all cells (base cells + sub-cells) | chi bộ |
| upper_committees | upper-level (district-level) committees | đảng bộ cấp trên cơ sở, đảng bộ cấp trên trực tiếp cơ sở |
| partial_committees | partial committees | đảng bộ bộ phận |
| sub_committees | committees directly under the scope's committee | đảng bộ trực thuộc; đảng bộ xã, phường trực thuộc (sector commune) |
| bloc_committees | bloc committees | đảng ủy khối, đảng bộ khối |
| province_bloc_committees | agency bloc committees of provinces and centrally-run cities | đảng ủy khối (các) cơ quan tỉnh, thành phố |
| province_committees | provincial party committees | đảng bộ tỉnh, thành phố |
| fulltime_staff | full-time party staff (people) | cán bộ chuyên trách |

Not tracked, so never extracted: changes ("tăng/giảm N"), members sanctioned, awarded, attending,
speaking, rated, exempted, transferred or deceased, cells inspected, dissolved or founded,
delegates, votes, hamlets, averages, members of other organisations. A counter noun ("N đồng chí",
"N người") takes the people metric named before it in its clause ("Tổng số cán bộ chuyên trách …
có gần 1.300 đồng chí", "đảng viên nữ 17.238 đồng chí"); "không có <metric>" is the value 0.
Metric nouns, admission verbs, qualifiers and party prefixes also match without their diacritics
("dang vien", "ket nap"), because pasted pages lose them in a few words.
"""
import re
import unicodedata
from functools import lru_cache

METRICS: dict[str, str] = {
    "members_total": "party members",
    "members_official": "full members",
    "members_probationary": "probationary members",
    "members_female": "female members",
    "new_admissions": "members admitted",
    "base_orgs_total": "base party organisations",
    "base_party_committees": "base party committees",
    "base_committees_upper_powers": "base committees granted upper-level powers",
    "base_cells": "base cells",
    "sub_cells": "cells under a base party committee",
    "cells_total": "all cells",
    "upper_committees": "upper-level committees",
    "partial_committees": "partial committees",
    "sub_committees": "committees directly under the scope's committee",
    "bloc_committees": "bloc committees",
    "province_bloc_committees": "agency bloc committees of provinces and centrally-run cities",
    "province_committees": "provincial party committees",
    "fulltime_staff": "full-time party staff",
}
# Metrics counting people (a counter noun "đồng chí"/"người" can stand for them).
PEOPLE = frozenset({"members_total", "members_official", "members_probationary", "members_female",
                    "new_admissions", "fulltime_staff", "_candidates"})
MEMBERS = frozenset({"members_total", "members_official", "members_probationary",
                     "members_female", "new_admissions"})


class _FoldTable(dict):
    """str.translate's table for fold, filled one character at a time as text meets it."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        self[code] = out = "d" if c in "đð" else "D" if c in "ĐÐ" else unicodedata.normalize("NFD", c)[0]
        return out


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=8192)  # the same sentence and its prefixes are folded many times
def fold(text: str, lower: bool = True) -> str:
    """Without diacritics, one character for one (offsets unchanged): "Đảng" → "dang"."""
    out = text.translate(_FOLD_TABLE)
    return out.lower() if lower else out


def folded(pattern: str) -> re.Pattern:
    """A pattern written with diacritics, compiled to match folded (lower-case) text."""
    return re.compile(fold(pattern, lower=False), re.IGNORECASE)


# (metric, phrase) tried in order at the position right after the number; longest phrases first.
METRIC_PHRASES: list[tuple[str, str]] = [
    ("base_committees_upper_powers",
     r"đảng bộ (?:cơ sở )?được giao (?:một số )?quyền (?:của )?cấp trên (?:trực tiếp )?cơ sở"),
    ("upper_committees", r"đảng bộ cấp trên (?:trực tiếp )?cơ sở"),
    ("base_orgs_total", r"tổ chức cơ sở đảng|tổ chức đảng cơ sở|tccsđ|tccs đảng|"
                        r"chi bộ, đảng bộ cơ sở|chi, đảng bộ cơ sở|đảng bộ, chi bộ cơ sở|"
                        r"chi bộ và đảng bộ cơ sở|đảng bộ và chi bộ cơ sở|"
                        r"chi bộ cơ sở và đảng bộ cơ sở|đảng bộ cơ sở và chi bộ cơ sở"),
    ("base_party_committees", r"đảng bộ cơ sở|đbcs"),  # reports' abbreviations: ĐBCS, CBCS
    ("partial_committees", r"đảng bộ bộ phận"),
    ("sub_committees", r"đảng bộ (?:(?:xã|phường|thị trấn|đặc khu)(?:, | và |, và ))*"
                       r"(?:xã|phường|thị trấn|đặc khu) trực thuộc|đảng bộ trực thuộc"
                       r"(?: (?:tỉnh|thành|huyện|quận|thị|đảng) (?:ủy|uỷ))?"),  # "… trực thuộc Tỉnh ủy"
    ("province_bloc_committees",
     r"đảng (?:ủy|uỷ|bộ) khối (?:các )?cơ quan (?:các )?(?:tỉnh, thành phố|tỉnh, thành|tỉnh)"),
    ("bloc_committees", r"đảng (?:ủy|uỷ|bộ) khối"),
    ("province_committees", r"đảng bộ tỉnh, thành phố|đảng bộ tỉnh, thành|tỉnh ủy, thành ủy"),
    ("base_cells", r"chi bộ cơ sở|cbcs"),
    ("sub_cells", r"(?:chi bộ|cb) trực thuộc(?: (?:các )?(?:đảng ủy|đảng uỷ|đảng bộ) cơ sở)?"),
    ("cells_total", r"chi bộ"),
    # "ĐV" is short for "đảng viên" in minutes and reports ("Tổng số ĐV: 24 đ/c; ĐV nữ: 17 đ/c")
    ("members_probationary", r"(?:đảng viên|đv) dự bị"),
    ("members_official", r"(?:đảng viên|đv) chính thức"),
    ("members_female", r"(?:đảng viên|đv) (?:là )?(?:nữ giới|phái nữ|nữ)|nữ đảng viên"),
    ("new_admissions", r"đảng viên (?:mới )?(?:được |đã được )?kết nạp(?: mới)?|đảng viên mới|"
                       r"tân đảng viên"),
    ("members_total", r"đảng viên|đv"),
    ("fulltime_staff", r"cán bộ chuyên trách(?: công tác đảng)?"),
    # people admitted, named by who they are: new_admissions when admitted, else no figure
    ("_candidates", r"quần chúng(?: ưu tú)?|học sinh, sinh viên|sinh viên|học sinh|học viên|chiến sĩ|"
                    r"công nhân|giáo viên|kỹ sư|bác sĩ|y sĩ|điều dưỡng|giảng viên|kỹ thuật viên|"
                    r"đoàn viên(?: thanh niên)?"),
]
_END = r"(?![\w])"
METRIC_RES = [(m, folded(r"(?:" + p + r")" + _END)) for m, p in METRIC_PHRASES]
METRIC_ANY_RE = folded(r"(?<!\w)(?:" + "|".join(p for _, p in METRIC_PHRASES) + r")" + _END)


def metric_at(folded: str, pos: int) -> tuple[str, int] | None:
    """(metric, end) of the metric noun at pos of folded text, longest phrase first."""
    for metric, rx in METRIC_RES:
        found = rx.match(folded, pos)
        if found:
            return metric, found.end()
    return None


# Counters taking the people metric named before in the clause; none before "là" + a group ("98 là bác sĩ").
COUNTER_RE = re.compile(r"\s*(?:(?:đồng chí|đ/c|người|trường hợp|dong chi|nguoi|truong hop)(?![\wđ])"
                        r"(?!\s+(?:lao động|dân|công nhân|làm việc|lao dong|dan)(?![\wđ])(?!\s+(?:tộc|toc)))"
                        r"|(?=là\s+(?!(?:năm|một|số|mức|con số|tỷ lệ)\s)(?-i:[a-zđăâêôơưủúùụũ])))", re.IGNORECASE)
HEAD_RE = folded(r"(?:tổng )?số (?:lượng )?(?P<noun>" + "|".join(p for _, p in METRIC_PHRASES)
                 + r")")

# After the metric noun: the figure counts a subset we do not track (sanctioned, awarded,
# attending, speaking members …) or something that happened to those counted.
POST_BLOCK_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:nào\s+|cao tuổi\s+|(?:[^\s,.;]+\s+){1,3}?(?=(?:được (?!giao quyền|kết nạp|đứng vào|vinh dự|đảng viên|quần chúng|(?:các )?(?:chi bộ|cấp ủy) kết nạp)|(?<!dự )bị|vi phạm)))?(?:bị|vi phạm|được (?!giao quyền|kết nạp|đứng vào|vinh dự|(?:các )?(?:chi bộ|cấp ủy) kết nạp)|vinh dự được (?!kết"
    r" nạp|đứng)|(?:(?:lần đầu|nhiều lần|đã|cùng) )*(?:tham dự|tham gia|đăng ký)|dự (?!bị)|có mặt|vắng|phát biểu|"
    r"hoàn thành(?! nghĩa vụ)|không hoàn thành|xếp loại|[^.;\d%]{0,30}?\s(?:tham gia|tham dự|dự thi)(?=\s*(?:[.;]|$))|cam kết|(?:đã |đều |cũng )*(?:sử dụng|ứng dụng|triển khai|áp dụng|cài đặt|kích hoạt)|"
    r"đạt danh hiệu|(?:sinh hoạt )?đạt [\"“]?(?:trong sạch|tiêu chuẩn|loại|mức|chất lượng|khá|tốt|xuất sắc|"
    r"trung bình|yếu|kém)(?![\wđ])|ra khỏi|[\"“]?(?:trong sạch,? )?vững mạnh|(?:được )?công nhận|"
    r"(?:đang )?sinh hoạt (?:tại|ở) nơi cư trú|chuyển|từ trần|qua đời|từ nơi khác|xin ra|được miễn|(?:được )?nhận|"
    r"(?:có\s+)?(?:từ\s+)?\d+\s+năm tuổi Đảng)",
    re.IGNORECASE)

# Verbs before the number that make the counted noun the object of another action (counts of
# inspections, awards, sanctions …); a stock cue between the verb and the number lifts the block
# ("350 đại biểu, đại diện cho 52.000 đảng viên", "thành lập năm 1997 với 6 chi bộ").
PRE_BLOCK_RE = re.compile(
    r"(?<![\wđ])(?:kỷ luật|khen thưởng|biểu dương|trao|tặng|xóa tên|xoá tên|khai trừ|đề nghị|"
    r"giới thiệu|bồi dưỡng|tập huấn|kiểm tra|giám sát|triệu tập|giải thể|thành lập|"
    r"(?<!trước )(?<!sau )(?<!khi )(?:sáp nhập|hợp nhất)|kiện toàn|củng cố|tăng|giảm|chuyển sinh hoạt|miễn sinh hoạt|đại biểu|tiếp nhận|"
    r"bầu|bình quân|trung bình|hỗ trợ|học viên|cho(?! biết| hay| thấy| rằng)|vi phạm|xử lý|vắng(?: mặt)?|phân công|"
    r"(?:sự )?tham (?:gia|dự) của|tố cáo|khiếu nại|kiến nghị|phản ánh|khiển trách|cảnh cáo|"
    r"cách chức|thanh tra|xem xét|rà soát|tuyên dương|đào tạo|xử phạt|đối thoại|gặp mặt|thăm hỏi|"
    r"đối với(?=\s*$))(?![\wđ])", re.IGNORECASE)  # "… đối với 6 đảng viên": the object of an action
# Blocks that only a delegate's "thay mặt cho / đại diện cho" lifts: attendance at a meeting
# ("Dự sinh hoạt có 22 đảng viên"), averages ("bình quân mỗi chi bộ có 25 đảng viên").
HARD_BLOCK_RE = re.compile(r"(?<![\wđ])(?:(?:tham )?dự (?:buổi |cuộc )?(?:sinh hoạt|họp|hội nghị|lễ)"
                           r"|bình quân|trung bình)(?![\wđ])", re.IGNORECASE)
# The size of organisations the text does not name, opening the clause: "Nhiều chi bộ khu phố có
# trên 40 đảng viên", "trong khi một số chi bộ doanh nghiệp chỉ có 3 đảng viên", "Chi bộ đông nhất
# có 120 đảng viên", "100% chi bộ có từ 3 đảng viên chính thức trở lên": no figure of any scope
# ("Đảng bộ tỉnh sau hợp nhất có …" is no superlative).
UNNAMED_RE = folded(
    r"^\s*(?:trong khi\s+|nhưng\s+|còn\s+|song\s+)?(?:(?:nhiều|một số|mỗi|vài|một vài|không ít|"
    r"có|những|hầu hết|phần lớn|đa số|\d{1,3}(?:,\d+)?\s*%)\s+(?:chi bộ|đảng bộ|tổ chức cơ sở đảng|tổ chức đảng)(?!\s+(?-i:[A-ZĐ]))"
    r"|(?:chi bộ|đảng bộ)[^,;]{0,25}?(?<!hợp)(?<!thống)\s(?-i:nhất))(?![\w])(?![^,;]*tổng)")
# A list item counting those present or absent: "…; có mặt: 14 đồng chí; vắng: 1 đồng chí".
ATTENDANCE_RE = re.compile(r"(?:^|[;,.(]\s*)(?:số\s+)?(?:đảng viên\s+)?(?:có mặt|vắng(?: mặt)?(?: có lý do|"
                           r" không có lý do| không lý do)?|dự họp|tham dự)\s*:?\s*$", re.IGNORECASE)
# A label counting what happened to members ("Số đảng viên được miễn sinh hoạt: 45 đồng chí",
# "chuyển đến: 12; chuyển đi: 8"): the label's noun has a blocking complement, or the item opens
# with an event.
EVENT_ITEM_RE = re.compile(r"(?:^|[;,.(]\s*)(?:chuyển (?:đến|đi)|từ trần|qua đời|bị kỷ luật|xóa tên|"
                           r"xoá tên|ra khỏi Đảng|miễn sinh hoạt)\s*:?\s*$", re.IGNORECASE)
DELEGATE_RE = re.compile(r"(?<![\wđ])(?:thay mặt|đại diện cho)(?![\wđ])", re.IGNORECASE)


def hard_blocked(clause: str) -> bool:
    """Attendance ("Dự sinh hoạt có 22 đảng viên") or an average ("bình quân mỗi chi bộ có 25
    đảng viên") in the clause, unless a delegate represents the number."""
    hard = list(HARD_BLOCK_RE.finditer(clause))
    return bool(hard) and not DELEGATE_RE.search(clause, hard[-1].end())


UNBLOCK_RE = re.compile(
    r"(?<![\wđ])(?:có|(?<!đối )(?<!thoại )(?<!việc )với|gồm|là|thay mặt(?: cho)?|đại diện cho|lên|(?:tăng|giảm) từ|"
    r"(?:lễ )?kết nạp(?: đảng viên(?: mới)?| Đảng| vào Đảng)? cho|(?:và|rồi|sau đó) kết nạp(?: được)?|"
    r"(?:được bầu|đến) từ)(?![\wđ])", re.IGNORECASE)

# Words before a number that make a list of figures: at least one must occur earlier in the
# sentence for stock figures ("có", "với", "gồm", "là", "thay mặt cho", "trong số" ...).
CUE_RE = folded(
    r"(?<![\w])(?:có|với|gồm|là|đạt|còn|hiện|quản lý|thay mặt(?: cho)?|đại diện cho|kết nạp|"
    r"phát triển|trong số|trong tổng số|trong đó|chỉ đạo|lên|sinh hoạt (?:tại|ở|trong)|đang sinh hoạt|tổng số|tổng cộng|"
    r"chúc mừng|chào mừng|chào đón|đón nhận|cán mốc|chạm mốc|chỉ(?=\s*$)|"  # "CHÚC MỪNG 03 ĐẢNG VIÊN MỚI!"
    r"(?:tăng|giảm) từ|về (?:cơ cấu|trình độ|độ tuổi|tuổi đời|giới tính|thành phần|dân tộc|tôn giáo)|theo loại hình)"
    r"(?![\w])|:|^tu(?=\s)|^ngoài(?=\s+$)")  # "Về trình độ, …": a breakdown; "Ngoài 1.736 …, … còn có"
# After the noun, a stock ("500 đảng viên sinh hoạt tại 20 chi bộ"), a caption ("26 đảng viên mới tuyên thệ …").
STOCK_AFTER_RE = folded(r"\s*(?:đang\s+)?sinh hoạt (?:tại|ở|trong)\s+\d|[^.;]{0,60}?\s(?:hiện|đang)\s+sinh hoạt\s+\d|"
                        r"(?<=mới)\s+(?:vinh dự\s+)?tuyên thệ")
ADMISSION_RE = folded(r"(?<![\w])(?:kết nạp|phát triển(?! từ)(?: được| thêm| mới)?)(?![\w])")
NOT_ADMITTED_RE = re.compile(r"(?<![\wđ])(?:đề nghị|xem xét|chưa|giới thiệu|xét)\s+kết nạp",
                             re.IGNORECASE)
# After the counted people: they were admitted ("186 quần chúng ưu tú được kết nạp vào Đảng").
ADMITTED_AFTER_RE = folded(
    r"\s*(?:mới\s+)?(?:đã\s+)?(?:được\s+(?:(?:các\s+)?(?:chi bộ|cấp ủy|đảng ủy)\s+)?|vinh dự\s+(?:được\s+)?)?"
    r"(?:kết nạp|đứng vào hàng ngũ)"  # "… đã được các chi bộ kết nạp vào Đảng"
    r"|\s*vào Đảng(?! bộ)|\s*(?:mới\s+)?(?:đã\s+)?trở thành đảng viên"
    r"|\s*(?:[^\s,.;]+\s+){1,14}?(?:đã\s+)?(?:(?:được|vinh dự được)\s+(?:kết nạp|đứng vào hàng ngũ)"
    r"|trở thành đảng viên)")
# A sentence opening with a plan: all its figures are targets ("Mục tiêu …, mỗi năm kết nạp từ 200 …").
TARGET_OPEN_RE = re.compile(r"\s*(?:mục tiêu|phấn đấu|chỉ tiêu|kế hoạch)(?![\wđ])", re.IGNORECASE)
# "kết nạp mới 6.540 đoàn viên": the Youth Union admitting its own members, not the Party.
OWN_MEMBERS_RE = folded(r"\s*(?:đoàn viên|hội viên)(?![\w])(?!.{0,40}vào Đảng)")
# Before the count, the Party is named as what they join: "trao quyết định kết nạp Đảng cho 7
# đoàn viên ưu tú" (not the Youth Union's own admissions).
INTO_PARTY_RE = folded(r"kết nạp (?:vào )?Đảng(?! bộ| ủy| uỷ)|kết nạp đảng viên")
# "91 tổ chức", "24 đảng bộ xã, thị trấn": organisations counted by a counter noun, in a
# breakdown by sector.
ORG_COUNTER_RE = re.compile(r"\s*(?:tổ chức|đảng bộ)(?![\wđ])", re.IGNORECASE)
ORGS = ("base_orgs_total", "base_party_committees", "cells_total", "base_cells", "sub_cells",
        "sub_committees")
TARGET_RE = re.compile(r"(?<![\wđ])(?:phấn đấu|chỉ tiêu|mục tiêu|dự kiến|kế hoạch|đề ra|sẽ|"
                       r"phan dau|chi tieu|muc tieu)(?![\wđ])", re.IGNORECASE)  # also without diacritics
DONE_RE = re.compile(r"(?<![\wđ])(?:đã|hiện|đạt|có)(?![\wđ])", re.IGNORECASE)
# What follows is a part of the count before it.
IN_WHICH_RE = re.compile(r"(?<![\wđ])(?:trong đó|trong số đó|trong số này)(?![\wđ])", re.IGNORECASE)
BREAKDOWN_RE = re.compile(r"(?<![\wđ])(?:trong đó|trong số đó|gồm có|bao gồm|gồm|chia ra|cụ thể"
                          r"|chiếm)(?![\wđ])|[:(]", re.IGNORECASE)

# Breakdown rules: total -> (parts that partition it, parts that are subsets of it).
PARTS: dict[str, tuple[frozenset, frozenset]] = {
    "base_orgs_total": (frozenset({"base_party_committees", "base_committees_upper_powers",
                                   "base_cells"}), frozenset()),
    "cells_total": (frozenset({"base_cells", "sub_cells"}), frozenset()),
    "members_total": (frozenset({"members_official", "members_probationary"}), frozenset({"members_female"})),
    "base_party_committees": (frozenset(), frozenset({"base_committees_upper_powers"})),
    "sub_committees": (frozenset(), frozenset({"upper_committees", "base_party_committees",
                                               "partial_committees", "province_committees",
                                               "bloc_committees"})),
}

QUALIFIERS = ("exact", "over", "nearly", "approx", "under", "target")

# How a warehouse value w matches a published value v with this qualifier (for reconciliation
# in SQL and for the dashboard docs): (low factor, high factor, low inclusive, high inclusive),
# i.e. v*low <= w <= v*high with the inclusivity given. 'target' is never reconciled.
QUALIFIER_TOLERANCE: dict[str, tuple[float, float, bool, bool] | None] = {
    "exact": (1.0, 1.0, True, True),      # equal
    "over": (1.0, 1.05, False, True),     # "hơn/trên 25.500": 25.500 < w <= 26.775
    "nearly": (0.97, 1.0, True, True),    # "gần 1.300": 1.261 <= w <= 1.300
    "approx": (0.97, 1.03, True, True),   # "khoảng 4.560": within ±3 %
    "under": (0.95, 1.0, True, False),    # "dưới 500": 475 <= w < 500
    "target": None,                       # a plan, not an achievement: not compared
}


def within_tolerance(published: float, warehouse: float, qualifier: str) -> bool | None:
    """True when a warehouse value agrees with a published figure under QUALIFIER_TOLERANCE."""
    rule = QUALIFIER_TOLERANCE.get(qualifier)
    if rule is None:
        return None
    low, high, low_inc, high_inc = rule
    lo, hi = published * low, published * high
    ok_low = warehouse >= lo if low_inc else warehouse > lo
    ok_high = warehouse <= hi if high_inc else warehouse < hi
    return ok_low and ok_high


# Sectors by the words that name them (scope.py narrows scopes by them, parts.py reads parts).
SECTORS: list[tuple[str, str]] = [
    ("mass_association", r"(?:cơ quan )?hội quần chúng"),
    ("commune", r"xã, phường, thị trấn|xã, phường|xã, thị trấn|phường, thị trấn|phường, xã|cấp xã"),
    ("residential", r"(?:thôn|ấp|bản|xóm|buôn|làng|khóm|khu phố|khối phố)(?:,| và) (?:tổ dân phố|"
                    r"khu phố|khối phố|khóm|xóm|bản|buôn|ấp|làng|tiểu khu|khu dân cư)|"
                    r"khu dân cư|tổ dân phố|khối phố"),
    ("agency", r"cơ quan hành chính(?: nhà nước)?|cơ quan nhà nước"),
    ("public_service", r"đơn vị sự nghiệp(?: công lập)?|(?:khu vực|lĩnh vực) sự nghiệp"
                       r"(?: giáo dục| y tế)?|trường học"),
    ("state_enterprise", r"doanh nghiệp nhà nước"),
    ("private_enterprise", (r"doanh nghiệp (?:tư nhân|ngoài (?:khu vực )?nhà nước)|"
                           r"doanh nghiệp có vốn đầu tư nước ngoài|"
                           r"(?:khu vực )?kinh tế (?:tư nhân|ngoài nhà nước)")),
    # "2 chi bộ quân sự, công an", "3 chi bộ quân sự": a kind of cell, not "Ban Chỉ huy quân sự xã"
    ("armed_forces", r"lực lượng vũ trang|quân đội|công an|quân sự(?:(?:,| và| -| –) công an)?(?=\s*(?:[,.;:)]|$|và\s))"),
]

"""Controlled vocabulary for published figures: metrics with the Vietnamese phrases naming them,
breakdown rules (which metrics are parts of which total) and the tolerance per qualifier.

Metrics (value = a count of party organisations or people, stock unless said otherwise):

| metric | meaning | Vietnamese phrases (after the number) |
|---|---|---|
| members_total | party members | đảng viên |
| members_official | full members | đảng viên chính thức |
| members_probationary | probationary members | đảng viên dự bị |
| members_female | female members (a subset) | đảng viên nữ, nữ đảng viên |
| new_admissions | members admitted (a flow) | đảng viên mới; or "kết nạp (được) N đảng viên" |
| base_orgs_total | base party organisations (TCCSĐ) | tổ chức cơ sở đảng, TCCSĐ, tổ chức đảng cơ sở |
| base_party_committees | base party committees | đảng bộ cơ sở |
| base_committees_upper_powers | base committees granted upper-level powers | đảng bộ (cơ sở) được giao quyền cấp trên cơ sở |
| base_cells | base cells | chi bộ cơ sở |
| sub_cells | cells under a base party committee | chi bộ trực thuộc |
| cells_total | all cells (base cells + sub-cells) | chi bộ |
| upper_committees | upper-level (district-level) committees | đảng bộ cấp trên cơ sở, đảng bộ cấp trên trực tiếp cơ sở |
| partial_committees | partial committees | đảng bộ bộ phận |
| sub_committees | committees directly under the scope's committee | đảng bộ trực thuộc |
| bloc_committees | bloc committees | đảng ủy khối, đảng bộ khối |
| province_bloc_committees | agency bloc committees of provinces and centrally-run cities | đảng ủy khối (các) cơ quan tỉnh, thành phố |
| province_committees | provincial party committees | đảng bộ tỉnh, thành phố |
| fulltime_staff | full-time party staff (people) | cán bộ chuyên trách |

"kết nạp N quần chúng ưu tú" counts as new_admissions (only after "kết nạp"). Not tracked, so
never extracted: changes ("tăng/giảm N"), members sanctioned, awarded, attending or rated, cells
inspected, dissolved or founded, delegates, hamlets, speeches, tasks.
"N đồng chí" / "N người" take the metric named earlier in the clause ("Tổng số cán bộ chuyên
trách ... có gần 1.300 đồng chí"); "không có <metric>" is the value 0.
"""
import re

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

# (metric, regex) tried in order at the position right after the number; longest phrases first.
METRIC_PHRASES: list[tuple[str, str]] = [
    ("base_committees_upper_powers",
     r"đảng bộ (?:cơ sở )?được giao (?:một số )?quyền (?:của )?cấp trên (?:trực tiếp )?cơ sở"),
    ("upper_committees", r"đảng bộ cấp trên (?:trực tiếp )?cơ sở"),
    ("base_orgs_total", r"tổ chức cơ sở đảng|tổ chức đảng cơ sở|tccsđ|tccs đảng"),
    ("base_party_committees", r"đảng bộ cơ sở"),
    ("partial_committees", r"đảng bộ bộ phận"),
    ("sub_committees", r"đảng bộ trực thuộc"),
    ("province_bloc_committees",
     r"đảng (?:ủy|uỷ|bộ) khối (?:các )?cơ quan (?:các )?(?:tỉnh, thành phố|tỉnh, thành|tỉnh)"),
    ("bloc_committees", r"đảng (?:ủy|uỷ|bộ) khối"),
    ("province_committees", r"đảng bộ tỉnh, thành phố|đảng bộ tỉnh, thành|tỉnh ủy, thành ủy"),
    ("base_cells", r"chi bộ cơ sở"),
    ("sub_cells", r"chi bộ trực thuộc"),
    ("cells_total", r"chi bộ"),
    ("members_probationary", r"đảng viên dự bị"),
    ("members_official", r"đảng viên chính thức"),
    ("members_female", r"đảng viên (?:là )?nữ|nữ đảng viên"),
    ("new_admissions", r"đảng viên mới"),
    ("members_total", r"đảng viên"),
    ("fulltime_staff", r"cán bộ chuyên trách(?: công tác đảng)?"),
    ("_candidates", r"quần chúng ưu tú"),  # new_admissions after "kết nạp", else not a figure
]
METRIC_RES = [(m, re.compile(r"(?:" + p + r")(?![\wđ])", re.IGNORECASE)) for m, p in METRIC_PHRASES]

# Counter nouns that take the metric from "(tổng) số <metric>" earlier in the clause.
COUNTER_RE = re.compile(r"đồng chí|người(?![\wđ])", re.IGNORECASE)
HEAD_RE = re.compile(r"(?:tổng )?số (?:lượng )?(?P<noun>" + "|".join(p for _, p in METRIC_PHRASES)
                     + r")", re.IGNORECASE)

# A metric noun followed by one of these names a subset we do not track (sanctioned, awarded,
# attending members ...): such numbers are counts of other things.
POST_BLOCK_RE = re.compile(
    r"\s*(?:nào\s+)?(?:bị|vi phạm|được (?!giao quyền)|tham dự|tham gia|dự |hoàn thành|"
    r"không hoàn thành|xếp loại|đạt danh hiệu|có tuổi|từ \d|trên \d|dưới \d|ra khỏi|chuyển)",
    re.IGNORECASE)

# Verbs that make the counted noun an object of some other action (checked in the clause
# before the number): counts of inspections, awards, sanctions, dissolutions ...
PRE_BLOCK_RE = re.compile(
    r"(?<![\wđ])(?:kỷ luật|khen thưởng|biểu dương|trao|tặng|xóa tên|xoá tên|khai trừ|đề nghị|"
    r"giới thiệu|bồi dưỡng|tập huấn|kiểm tra|giám sát|triệu tập|giải thể|thành lập|sáp nhập|"
    r"hợp nhất|kiện toàn|củng cố|tăng|giảm|chuyển sinh hoạt|miễn sinh hoạt|đại biểu|(?<!thay mặt )cho)"
    r"(?![\wđ])", re.IGNORECASE)

# Words before a number that make a list of figures: at least one must occur earlier in the
# sentence for stock figures ("có", "với", "gồm", "là", "thay mặt cho" ...).
CUE_RE = re.compile(
    r"(?<![\wđ])(?:có|với|gồm|là|đạt|còn|hiện|quản lý|thay mặt cho|đại diện cho|kết nạp)"
    r"(?![\wđ])|:", re.IGNORECASE)
ADMISSION_RE = re.compile(r"(?<![\wđ])kết nạp(?![\wđ])", re.IGNORECASE)
TARGET_RE = re.compile(
    r"(?<![\wđ])(?:phấn đấu|chỉ tiêu|mục tiêu|dự kiến|kế hoạch|đề ra|sẽ)(?![\wđ])", re.IGNORECASE)
BREAKDOWN_RE = re.compile(r"(?<![\wđ])(?:trong đó|gồm có|bao gồm|gồm|chia ra|cụ thể)(?![\wđ])"
                          r"|:", re.IGNORECASE)

# Breakdown rules: total -> (parts that partition it, parts that are subsets of it).
PARTS: dict[str, tuple[frozenset, frozenset]] = {
    "base_orgs_total": (frozenset({"base_party_committees", "base_committees_upper_powers",
                                   "base_cells"}), frozenset()),
    "cells_total": (frozenset({"base_cells", "sub_cells"}), frozenset()),
    "members_total": (frozenset({"members_official", "members_probationary"}),
                      frozenset({"members_female"})),
    "base_party_committees": (frozenset(), frozenset({"base_committees_upper_powers"})),
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

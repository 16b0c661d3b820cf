"""Seed 004 (report for 2022; no publication date in the page): the VUSTA party committee.

"Theo Báo cáo kết quả công tác năm 2022 …, Đảng ủy Liên hiệp Hội có 58 chi bộ trực thuộc với 787
đảng viên": 58 sub-cells (cells under a base party committee) and 787 members, year 2022 stated
(a year alone: as of 31-12-2022, source explicit). The same two figures are restated later
with "nhưng không có cán bộ chuyên trách": both mentions are extracted (each is a published
statement with its own span) and the restatement keeps the dating of the first mention; "không
có cán bộ chuyên trách" is the figure fulltime_staff = 0 (the organisation's staffing is exactly
what the sentence reports). The short name "Liên hiệp Hội" resolves to the full name in the title.
"""
from datetime import date

SOURCE = "004_7c3ef1e7c61c5b47.txt"
PUBLISHED_ON = None
PUBLISHED_ON_TEXT = None
TITLE_STARTS = "Ban Thường vụ Đảng ủy Khối các cơ quan Trung ương làm việc với Đảng đoàn"

_ORG = {"scope_kind": "organisation",
        "scope_value": "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
        "as_of": date(2022, 12, 31), "as_of_source": "explicit", "year": 2022, "parent": None,
        "parts_sum_ok": None}
FIGURES = [
    dict(number_text="58", metric="sub_cells", value=58, qualifier="exact",
         scope_text="Đảng ủy Liên hiệp Hội", **_ORG),
    dict(number_text="787", metric="members_total", value=787, qualifier="exact",
         scope_text="Đảng ủy Liên hiệp Hội", **_ORG),
    dict(number_text="58", metric="sub_cells", value=58, qualifier="exact",
         scope_text="Liên hiệp Hội", **_ORG),
    dict(number_text="787", metric="members_total", value=787, qualifier="exact",
         scope_text="Liên hiệp Hội", **_ORG),
    dict(number_text="không có", metric="fulltime_staff", value=0, qualifier="exact",
         scope_text="Liên hiệp Hội", **_ORG),
]

NOT_FIGURES = [
    ("253-QĐ/TW", "document number"),
    ("07/08/2009", "date of the decision"),
    ("năm 2022", "year"),
    ("năm 2023", "year"),
    ("07 nhiệm vụ", "count of tasks"),
    ("2022 - 2025", "term of office"),
    ("21-KL/TW", "document number"),
    ("01-KL/TW", "document number"),
    ("05-CT/TW", "document number"),
]
CHROME = ["Có thể bạn quan tâm", "Phản hồi", "Thông tin người gửi phản hồi", "Liên kết website",
          "Xem nhiều nhất"]

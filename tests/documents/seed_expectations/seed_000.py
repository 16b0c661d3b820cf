"""Seed 000 (2023-10-11): mass-association base organisations nationwide, one breakdown.

An analyst reads one figure sentence: 640 base organisations = 40 base party committees + 1 committee
granted upper-level powers + 599 base cells (40 + 1 + 599 = 640), holding 10.579 members. The members
are not a part of the 640 (another metric), so they carry no parent. No date in the sentence
("hiện có"), so the as-of date is the publication date read from "Ngày 11/10/2023,".
"""
from datetime import date

SOURCE = "000_d58f63ce7d55c96b.txt"
PUBLISHED_ON = date(2023, 10, 11)
PUBLISHED_ON_TEXT = "Ngày 11/10/2023,"
TITLE_STARTS = "Hội nghị trực tuyến lấy ý kiến góp ý về tổng kết 15 năm"

_COMMON = {"scope_kind": "country", "scope_value": "VN",  # narrowed by the sector mass_association
           "scope_text": "Cả nước … cơ quan hội quần chúng",
           "as_of": PUBLISHED_ON, "as_of_source": "publication", "year": 2023}
FIGURES = [
    dict(number_text="640", metric="base_orgs_total", value=640, qualifier="exact",
         parent=None, parts_sum_ok=True, **_COMMON),
    dict(number_text="40", metric="base_party_committees", value=40, qualifier="exact",
         parent="640", parts_sum_ok=None, **_COMMON),
    dict(number_text="1", metric="base_committees_upper_powers", value=1, qualifier="exact",
         parent="640", parts_sum_ok=None, **_COMMON),
    dict(number_text="599", metric="base_cells", value=599, qualifier="exact",
         parent="640", parts_sum_ok=None, **_COMMON),
    dict(number_text="10.579", metric="members_total", value=10579, qualifier="exact",
         parent=None, parts_sum_ok=None, **_COMMON),
]

# (text in the cleaned document, why it is not a figure)
NOT_FIGURES = [
    ("15 năm", "a duration (15 years of the regulation)"),
    ("171-QĐ/TW", "document number"),
    ("27/6/2008", "date of the regulation"),
    ("11/10/2023", "the publication date"),
    ("Quy định số 171-QĐ/TW", "document number with 'số'"),
]
# Page chrome that read_document removes (must not be in the cleaned text at all).
CHROME = ["Thống kê truy cập", "73981550", "Go top", "Người trực tuyến", "491",
          "Hiện tại không có bình chọn"]

"""Seed 001 (2018-08-24): agency-bloc committees nationwide.

"Hiện cả nước có 63 đảng ủy khối các cơ quan tỉnh, thành phố … và Đảng ủy Khối các cơ quan Trung
ương": the number written is 63 and it counts the agency bloc committees of the provinces and
centrally-run cities (metric province_bloc_committees, country scope), not all bloc committees:
the text names the central bloc committee besides them but gives no number for the whole; 64
would be a derived figure with no span in the text, so it is not extracted. The next sentence gives four figures for "các đảng bộ khối cơ quan" (all agency
blocs, 63 provincial + central): nearly 1.300 full-time staff (the head noun "cán bộ chuyên trách"
is counted in "đồng chí"), about 4.560 base organisations, over 25.500 cells (all cells: "chi
bộ"), nearly 30 vạn = 300,000 members. A list of statistics, not a breakdown: no parents.
"""
from datetime import date

SOURCE = "001_c44a0c87816ecb1f.txt"
PUBLISHED_ON = date(2018, 8, 24)
PUBLISHED_ON_TEXT = "24/08/2018 | 16:30 PM"
TITLE_STARTS = "Đảng ủy Khối các cơ quan Trung ương tổ chức Hội nghị toàn quốc"

_DATED = {"as_of": PUBLISHED_ON, "as_of_source": "publication", "year": 2018, "parent": None,
          "parts_sum_ok": None}
_BLOCS = {"scope_kind": "organisation", "scope_value": "agency_blocs",
          "scope_text": "các đảng bộ khối cơ quan"}
FIGURES = [
    dict(number_text="63", metric="province_bloc_committees", value=63, qualifier="exact",
         scope_kind="country", scope_value="VN", scope_text="cả nước", **_DATED),
    dict(number_text="gần 1.300", metric="fulltime_staff", value=1300, qualifier="nearly",
         **_BLOCS, **_DATED),
    dict(number_text="khoảng 4.560", metric="base_orgs_total", value=4560, qualifier="approx",
         **_BLOCS, **_DATED),
    dict(number_text="hơn 25.500", metric="cells_total", value=25500, qualifier="over",
         **_BLOCS, **_DATED),
    dict(number_text="gần 30 vạn", metric="members_total", value=300000, qualifier="nearly",
         **_BLOCS, **_DATED),
]

NOT_FIGURES = [
    ("24-8-2018", "event date"),
    ("16:30", "time of publication"),
    ("Nghị quyết Trung ương 6", "plenum number"),
    ("Nghị quyết số 18", "resolution number"),
    ("Nghị quyết số 19", "resolution number"),
    ("Quyết định 98", "decision number"),
    ("Quy định 293", "regulation number"),
    ("16 tham luận", "count of speeches"),
]
CHROME = ["Xem với cỡ chữ"]

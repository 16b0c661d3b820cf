"""A hand-checkable warehouse for reconciliation tests: two old provinces that merge into N08, a
provincial and the central agency bloc, eight members; loaded through the normal `load` path.

On 31-12-2023 (C2 dissolved 2022-01-01, M3 moved from B1 to C1 on 2023-06-30):

| org | kind | sector | province | members counted |
|---|---|---|---|---|
| HG-K Đảng ủy Khối các cơ quan tỉnh Hà Giang | bloc_committee | | 02 | |
| HG-K-B1 Chi bộ Hội Nông dân tỉnh Hà Giang | base_cell | mass_association | 02 | M1 ♀, M2 (probationary, admitted 2023) |
| HG-K-D1 Đảng bộ Sở Y tế | base_committee | public_service | 02 | |
| HG-K-D1-C1 Chi bộ Phòng Kế hoạch | sub_cell | (public_service) | 02 | M3 (transfer in), M4 ♀ (probationary, admitted 2023) |
| TQ-B1 Chi bộ Hội Nông dân tỉnh Tuyên Quang | base_cell | mass_association | 08 | M5 |
| TW-K Đảng ủy Khối các cơ quan Trung ương | bloc_committee | | | |
| TW-K-V Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam | base_committee, upper powers | mass_association | | |
| TW-K-V-C1 Chi bộ cơ quan Liên hiệp Hội | sub_cell | | | M6, M7 ♀ |
| TW-K-V-C2 Chi bộ Văn phòng Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam | sub_cell | | | M8 |
"""
from __future__ import annotations

from pathlib import Path

from chibo.etl.load import load_files
from chibo.etl.publish import Publication

ORGANISATIONS = """org_id,name,kind,parent_id,sector,province,founded_on,dissolved_on,successor_id,upper_powers
HG,Đảng bộ tỉnh Hà Giang,province_committee,,,Hà Giang,2000-01-01,,,
HG-K,Đảng ủy Khối các cơ quan tỉnh Hà Giang,bloc_committee,HG,,,2000-01-01,,,
HG-K-B1,Chi bộ Hội Nông dân tỉnh Hà Giang,base_cell,HG-K,mass_association,,2000-01-01,,,
HG-K-D1,Đảng bộ Sở Y tế,base_committee,HG-K,public_service,,2000-01-01,,,không
HG-K-D1-C1,Chi bộ Phòng Kế hoạch,sub_cell,HG-K-D1,,,2000-01-01,,,
HG-K-D1-C2,Chi bộ Phòng Tổ chức,sub_cell,HG-K-D1,,,2000-01-01,2022-01-01,HG-K-D1-C1,
TQ,Đảng bộ tỉnh Tuyên Quang,province_committee,,,Tuyên Quang,2000-01-01,,,
TQ-B1,Chi bộ Hội Nông dân tỉnh Tuyên Quang,base_cell,TQ,mass_association,,2000-01-01,,,
TW-K,Đảng ủy Khối các cơ quan Trung ương,bloc_committee,,,,2000-01-01,,,
TW-K-V,Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam,base_committee,TW-K,mass_association,,2000-01-01,,,có
TW-K-V-C1,Chi bộ cơ quan Liên hiệp Hội,sub_cell,TW-K-V,,,2000-01-01,,,
TW-K-V-C2,Chi bộ Văn phòng Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam,sub_cell,TW-K-V,,,2000-01-01,,,
"""

MEMBERS = """member_id,org_id,gender,birth_year,admitted_on,official_on,joined_on,left_on,leave_reason
M1,HG-K-B1,female,1980,2010-01-01,2011-01-01,2010-01-01,,
M2,HG-K-B1,male,1995,2023-03-01,2024-03-01,2023-03-01,,
M3,HG-K-B1,male,1985,2015-05-01,2016-05-01,2015-05-01,2023-06-30,transfer_out
M3,HG-K-D1-C1,male,1985,2015-05-01,2016-05-01,2023-06-30,,
M4,HG-K-D1-C1,female,1998,2023-08-01,,2023-08-01,,
M5,TQ-B1,male,1970,2000-01-01,2001-01-01,2000-01-01,,
M6,TW-K-V-C1,male,1975,2005-01-01,2006-01-01,2005-01-01,,
M7,TW-K-V-C1,female,1982,2008-01-01,2009-01-01,2008-01-01,,
M8,TW-K-V-C2,male,1990,2012-01-01,2013-01-01,2012-01-01,,
"""

FIGURE_FIELDS = ("figure_id", "doc_id", "ordinal", "metric", "value", "qualifier", "as_of",
                 "year", "scope_kind", "scope_value", "sector", "period_from", "part_of_figure_id",
                 "dimension", "dimension_value", "share")


def build(warehouse: Path) -> Path:
    """Load the organisations and members above into a new warehouse at `warehouse`."""
    inputs = warehouse.parent / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    (inputs / "organisations.csv").write_text(ORGANISATIONS, encoding="utf-8")
    (inputs / "members.csv").write_text(MEMBERS, encoding="utf-8")
    outcome = load_files([inputs / "organisations.csv", inputs / "members.csv"], warehouse)
    assert outcome.result == "loaded", outcome
    return warehouse


def add_figures(warehouse: Path, figures: list[dict], doc_id: str = "hand") -> None:
    """Publish hand-written reported figures (FIGURE_FIELDS; missing ones NULL) under one
    document, which rebuilds the marts like `documents` does."""
    with Publication(warehouse) as pub:
        pub.con.execute("INSERT INTO core.documents (doc_id, source_name) VALUES (?, ?)",
                        [doc_id, f"{doc_id}.txt"])
        for ordinal, fig in enumerate(figures, start=1):
            row = {"figure_id": f"{doc_id}-{ordinal:03d}", "doc_id": doc_id, "ordinal": ordinal,
                   **fig}
            pub.con.execute(
                f"INSERT INTO core.reported_figures ({', '.join(FIGURE_FIELDS)}) "
                f"VALUES ({', '.join('?' for _ in FIGURE_FIELDS)})",
                [row.get(k) for k in FIGURE_FIELDS])
        pub.publish(note=f"hand-written figures {doc_id}")

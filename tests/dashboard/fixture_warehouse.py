"""A tiny warehouse with hand-checkable numbers, its tables created from the warehouse contract
(chibo/etl/sql/contract.sql: every marts and meta table, the ETL's types); the rollups, trends, the
metric registry and the exact-day macros are made by the ETL's own SQL from the facts below (the
bridges by the hierarchy alone). Every change of a month happens on its first day: the daily mart
holds the month-to-month differences on the 1st, so a stock on any day of a month is that month's.

2 provinces, 1 base committee (3 sub-cells) + 1 base cell = 2 base orgs, 4 cells; 24 months.
Key figures (month 2025-12): members 45 (official 40, probationary 5); 2024-12: 43.
Admissions: 2024 → 1, 2025 → 3. Cells with fewer than 3 full members: 1 (S3).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from chibo.dashboard.queries.lookup import fold
from chibo.etl import contract, warehouse
from tests.dashboard.structure_fixture import add_structure, insert

MARTS_SQL = Path(__file__).resolve().parents[2] / "chibo" / "etl" / "sql" / "marts"
DERIVED = ("agg_members_monthly", "agg_members_daily", "agg_base_org_monthly_by_key",
           "agg_meetings_province_monthly", "cell_quality_trend", "cell_poor_12m",
           "cell_missed_regular_by_key", "dim_metric",
           "agg_org_tree_by_key", "agg_base_org_members_by_key")
STOCK_COLUMNS = ("official", "probationary", "female", "cells", "cells_lt3")
# stored flows (left_party is computed on read from the five left_* columns)
FLOW_COLUMNS = ("admitted", "transferred_in", "transferred_out", "left_death",
                "left_struck_off", "left_expelled", "left_resigned", "left_other")
MONTHS = [dt.date(2024 + (i // 12), i % 12 + 1, 1) for i in range(24)]

REGIONS = [
    ("northern_midlands", "Trung du và miền núi phía Bắc", "Northern midlands and mountains", 1),
    ("red_river_delta", "Đồng bằng sông Hồng", "Red River Delta", 2),
    ("north_central_coast", "Bắc Trung Bộ và duyên hải miền Trung", "North central coast", 3),
    ("central_highlands", "Tây Nguyên", "Central Highlands", 4),
    ("southeast", "Đông Nam Bộ", "Southeast", 5),
    ("mekong_delta", "Đồng bằng sông Cửu Long", "Mekong Delta", 6),
    ("central", "Trực thuộc Trung ương", "Directly under the Central Committee", 7),
]
# province_code, name, is_current, successor_code, region, seat_lat, seat_lon
PROVINCES = [
    ("01", "Hà Nội", False, "N01", "red_river_delta", 21.03, 105.85),
    ("25", "Phú Thọ", False, "N25", "northern_midlands", 21.32, 105.40),
    ("26", "Vĩnh Phúc", False, "N25", "red_river_delta", 21.31, 105.60),
    ("N01", "Hà Nội", True, None, "red_river_delta", 21.03, 105.85),
    ("N25", "Phú Thọ", True, None, "northern_midlands", 21.32, 105.40),
]
# org_id, name, kind, sector, parent_id, base_org_id, province_code, current, region, depth
ORGS = [
    ("P1", "Đảng bộ thành phố Hà Nội", "province_committee", None, None, None,
     "01", "N01", "red_river_delta", 0),
    ("P2", "Đảng bộ tỉnh Phú Thọ", "province_committee", None, None, None,
     "25", "N25", "northern_midlands", 0),
    ("C1", "Đảng bộ Sở Tài chính", "base_committee", "agency", "P1", "C1",
     "01", "N01", "red_river_delta", 1),
    ("S1", "Chi bộ Phòng Ngân sách", "sub_cell", "agency", "C1", "C1",
     "01", "N01", "red_river_delta", 2),
    ("S2", "Chi bộ Phòng Đầu tư", "sub_cell", "agency", "C1", "C1",
     "01", "N01", "red_river_delta", 2),
    ("S3", "Chi bộ Văn phòng", "sub_cell", "agency", "C1", "C1",
     "01", "N01", "red_river_delta", 2),
    ("B2", "Chi bộ xã Đồng Ích", "base_cell", "commune", "P2", "B2",
     "26", "N25", "northern_midlands", 1),
]


def _membership_rows():
    """cell × month rows: (month, org, official, probationary, admitted, left, reasons…, female)."""
    rows = []
    for m in MONTHS:
        y = m.year
        s2_official = 5 if y == 2024 else 6
        b2 = (20, 3) if y == 2024 else (22, 2)
        spec = {
            "S1": (10, 2, 1 if m in (dt.date(2024, 3, 1), dt.date(2025, 3, 1)) else 0,
                   "death" if m == dt.date(2025, 6, 1) else None, 5),
            "S2": (s2_official, 0, 0, None, 2),
            "S3": (2, 1, 0, None, 1),
            "B2": (b2[0], b2[1], 2 if m == dt.date(2025, 2, 1) else 0,
                   "transfer_out" if m == dt.date(2024, 8, 1) else None, 10),
        }
        for org, (off, prob, adm, reason, fem) in spec.items():
            reasons = ["transfer_out", "death", "struck_off", "expelled", "resigned", "other"]
            left = [1 if reason == r else 0 for r in reasons]
            # transferred_in, transferred_out, cells (exists at month end), cells_lt3
            rows.append((m, org, off, prob, adm, *left[1:], fem, 0, left[0],
                         1, 1 if 0 < off + prob and off < 3 else 0))
    return rows


def _daily_rows(con) -> None:
    """marts.fct_membership_daily from the monthly facts: each month's changes of the stocks and
    its flows on its first day (a stock on any day = that month's month-end stock)."""
    d = ", ".join(f"CAST({c} - coalesce(lag({c}) OVER w, 0) AS INTEGER) AS d_{c}"
                  for c in STOCK_COLUMNS)
    con.execute(f"""INSERT INTO marts.fct_membership_daily_by_key BY NAME
        SELECT month AS day, org_key, {d}, {", ".join(FLOW_COLUMNS)}
        FROM marts.fct_membership_monthly_by_key WINDOW w AS (PARTITION BY org_key ORDER BY month)""")


def _meeting_rows():
    """cell × month: every cell holds a regular meeting, except S3 in 2025-10 and 2025-11.

    Quality: S1 good, S2 fair, S3 average, B2 good in 2024 and poor in 2025. B2 meets online in 2025.
    Attendance: expected 10, present 9, excused 1 for every meeting. Scores 95/80/60/40 by level,
    except S3 in 2025: 68 in Jan–Jun, 52 in Jul–Dec (falling). S1 meets hybrid in 2025-12.
    """
    rows = []
    for m in MONTHS:
        for org in ("S1", "S2", "S3", "B2"):
            held = 0 if (org == "S3" and m.year == 2025 and m.month in (10, 11)) else 1
            thematic = 1 if m.month in (3, 6, 9, 12) else 0
            online = 1 if (org == "B2" and m.year == 2025) else 0
            level = {"S1": 4, "S2": 3, "S3": 2, "B2": 4 if m.year == 2024 else 1}[org]
            counts = [held if level == q else 0 for q in (4, 3, 2, 1)]
            score = {4: 95.0, 3: 80.0, 2: 60.0, 1: 40.0}[level] if held else None
            if org == "S3" and held and m.year == 2025:  # still average, but falling: 68 → 52
                score = 68.0 if m.month <= 6 else 52.0
            hybrid = 1 if (org == "S1" and m == dt.date(2025, 12, 1)) else 0
            rows.append((m, org, held, thematic, online, 10 * held, 9 * held, held,
                         *counts, score or 0.0, held, 95 * held, hybrid, held))
    return rows


def _core_meetings(con, rows) -> None:
    """core.meetings for the rollup that sums excused and durations from the meetings (not kept
    per cell): one meeting a cell-month held, excused 1, 95 minutes (dropped once it is built)."""
    tables = (warehouse.SQL_DIR / "core" / "tables.sql").read_text(encoding="utf-8")
    con.execute("CREATE SCHEMA core")
    con.execute(next(s for s in tables.split(";") if "core.meetings (" in s))
    insert(con, "core.meetings", "meeting_id org_id held_on kind expected present excused"
           " duration_minutes source_file load_id",
           [(f"{r[1]}-{r[0]}", r[1], r[0], "regular", r[5], r[6], r[7], r[14], "fixture", 1)
            for r in rows if r[2]])


def build(path: str | Path) -> Path:
    """Write the fixture warehouse to `path` (overwriting) and return the path."""
    path = Path(path)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    con.execute(contract.DDL)  # every table of the contract, empty, and the views over those
    contract.create_views(con)  # stored by key
    insert(con, "marts.dim_region", "region name_vi name_en sort_order", REGIONS)
    insert(con, "marts.dim_province",
           "province_code name is_current successor_code region seat_lat seat_lon", PROVINCES)
    insert(con, "marts.dim_org", "org_id name kind sector parent_id base_org_id province_code"
           " province_code_current region depth valid_from upper_powers province_code_old"
           " old_province_how", [(*o, dt.date(2024, 1, 1), False, o[6], "recorded") for o in ORGS])
    con.execute(f"UPDATE marts.dim_org SET search_name = {fold('name')}")  # as the ETL folds names
    con.execute("UPDATE marts.dim_org o SET base_org_name = b.name FROM marts.dim_org b"
                " WHERE b.org_id = o.base_org_id")  # as the ETL names base organisations
    con.execute("UPDATE marts.dim_org o SET org_key = k.n FROM (SELECT org_id, row_number() OVER"
                " (ORDER BY org_id) AS n FROM marts.dim_org) k WHERE k.org_id = o.org_id")  # as the ETL
    insert(con, "marts.fct_membership_monthly", "month org_id official probationary admitted"
           " left_death left_struck_off left_expelled left_resigned left_other"
           " female transferred_in transferred_out cells cells_lt3", _membership_rows())
    meetings = _meeting_rows()
    insert(con, "marts.fct_meetings_monthly", "month org_id regular_held thematic_held online_held"
           " expected absent unrated fair average poor score_sum scored hybrid_held",
           [r[:6] + (r[5] - r[6], r[2] + r[3] - sum(r[8:12])) + r[9:14] + r[15:16]
            for r in meetings])  # present and good are computed: unrated = held - rated
    _core_meetings(con, meetings)
    insert(con, "marts.fct_member_structure_yearly", "year org_id gender age_band members", [
        (2025, "S1", "male", "31-40", 7), (2025, "S1", "female", "18-30", 5),
        (2025, "B2", "male", "41-50", 14), (2025, "B2", "female", "61+", 10),
        (2024, "S1", "male", "31-40", 8),
    ])
    insert(con, "marts.fct_assessment_yearly", "year org_id rating",
           [(2024, "C1", 4), (2024, "B2", 3), (2025, "C1", 3), (2025, "B2", 2)])
    insert(con, "marts.fct_member_assessment_yearly", "year org_id rating members",
           [(2025, "S1", 4, 2), (2025, "S1", 3, 10), (2025, "B2", 3, 24)])
    insert(con, "marts.data_quality", "rule severity org_id member_id month detail", [
        ("cell_min_official", "warning", "S3", None, dt.date(2025, 12, 1),
         "Chi bộ có 2 đảng viên chính thức (< 3)"),
        ("missed_regular_meeting", "warning", "S3", None, dt.date(2025, 10, 1),
         "Không sinh hoạt thường kỳ"),
    ])
    insert(con, "marts.ref_events", "event_on code label_vi label_en", [
        (dt.date(2025, 7, 1), "reorg_2025", "Sắp xếp tỉnh 1/7/2025", "Provinces merged 1/7/2025")])
    insert(con, "meta.load_ledger", "load_id loaded_at file_name file_hash entity sheet rows_read"
           " rows_loaded rows_rejected result", [
        (1, dt.datetime(2026, 1, 5, 8, 0), "to_chuc.csv", "aa11", "organisations", None,
         7, 7, 0, "loaded"),
        (2, dt.datetime(2026, 1, 5, 8, 1), "đảng_viên.xlsx", "bb22", "members", "dang_vien",
         50, 48, 2, "loaded_with_rejects"),
    ])
    insert(con, "meta.quarantine", "load_id file_name sheet row_number column_name value reason_vi"
           " reason_en", [
        (2, "đảng_viên.xlsx", "dang_vien", 12, "birth_year", "1890",
         "Năm sinh ngoài khoảng cho phép", "Birth year out of range"),
        (2, "đảng_viên.xlsx", "dang_vien", 31, "org_id", "X9",
         "Mã tổ chức không tồn tại", "Unknown organisation id"),
    ])
    insert(con, "marts.dim_month", "month month_end",  # 2010-01 … the last month with data
           [(dt.date(y, m, 1), dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1))
            for y in range(2010, 2026) for m in range(1, 13)])
    insert(con, "meta.generation", "generation published_at",
           [(3, dt.datetime(2026, 1, 5, 8, 2))])
    for bridge in ("bridge_org_ancestor", "bridge_org_lineage"):  # no successors: lineage = tree
        con.execute(f"""INSERT INTO marts.{bridge} BY NAME
            WITH RECURSIVE up(ancestor_id, org_id, depth) AS (
                SELECT org_id, org_id, 0 FROM marts.dim_org
                UNION ALL
                SELECT o.parent_id, up.org_id, up.depth + 1
                FROM up JOIN marts.dim_org o ON o.org_id = up.ancestor_id
                WHERE o.parent_id IS NOT NULL)
            SELECT * FROM up""")
    _daily_rows(con)
    con.execute("CREATE SCHEMA ref")  # the reference tables the registry mart reads
    warehouse.load_reference(con)
    warehouse.create_macros(con)  # marts.stocks_on(D), marts.flows_between(A, B), structure_on(D) …
    for name in DERIVED:  # the ETL's own SQL over the fixture facts (some read the macros)
        sql = (MARTS_SQL / f"{name}.sql").read_text(encoding="utf-8").strip().rstrip(";")
        con.execute(f"INSERT INTO marts.{name} BY NAME {sql}")
    add_structure(con)  # member structure rows and the structure marts (they read ref.*)
    con.execute("DROP SCHEMA ref CASCADE")
    con.execute("DROP SCHEMA core CASCADE")
    con.execute("CHECKPOINT")
    con.close()
    return path


if __name__ == "__main__":
    import sys

    print(build(sys.argv[1] if len(sys.argv) > 1 else "fixture.duckdb"))

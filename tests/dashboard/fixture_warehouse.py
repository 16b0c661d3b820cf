"""A tiny warehouse with every marts/meta table of the README contract and hand-checkable numbers.

2 provinces, 1 base committee (3 sub-cells) + 1 base cell = 2 base orgs, 4 cells; 24 months.
Key figures (month 2025-12): members 45 (official 40, probationary 5); 2024-12: 43.
Admissions: 2024 → 1, 2025 → 3. Cells with fewer than 3 full members: 1 (S3).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

MARTS_SQL = Path(__file__).resolve().parents[2] / "etl" / "sql" / "marts"
ROLLUPS = ("agg_members_monthly", "agg_base_org_monthly")  # the dashboard helper's rollups (see also DERIVED_MARTS)
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
            # transferred_in, transferred_out, left_party, cells (exists at month end), cells_lt3
            rows.append((m, org, off, prob, adm, sum(left), *left, fem, 0, left[0], sum(left[1:]),
                         1, 1 if 0 < off + prob and off < 3 else 0))
    return rows


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
                         *counts, score, held, 95.0 if held else None, hybrid, held))
    return rows


def build(path: str | Path) -> Path:
    """Write the fixture warehouse to `path` (overwriting) and return the path."""
    path = Path(path)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA marts; CREATE SCHEMA meta;")
    con.execute("CREATE TABLE marts.dim_region (region VARCHAR, name_vi VARCHAR, name_en VARCHAR,"
                " sort_order INTEGER)")
    con.executemany("INSERT INTO marts.dim_region VALUES (?, ?, ?, ?)", REGIONS)
    con.execute("CREATE TABLE marts.dim_province (province_code VARCHAR, name VARCHAR,"
                " is_current BOOLEAN, successor_code VARCHAR, region VARCHAR, seat_lat DOUBLE,"
                " seat_lon DOUBLE)")
    con.executemany("INSERT INTO marts.dim_province VALUES (?, ?, ?, ?, ?, ?, ?)", PROVINCES)
    con.execute("CREATE TABLE marts.dim_org (org_id VARCHAR, name VARCHAR, kind VARCHAR,"
                " sector VARCHAR, parent_id VARCHAR, base_org_id VARCHAR, province_code VARCHAR,"
                " province_code_current VARCHAR, region VARCHAR, valid_from DATE, valid_to DATE,"
                " successor_id VARCHAR, upper_powers BOOLEAN, depth INTEGER,"
                " province_code_old VARCHAR, old_province_how VARCHAR)")
    for o in ORGS:
        con.execute("INSERT INTO marts.dim_org VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, DATE '2000-01-01',"
                    " NULL, NULL, false, ?, ?, 'recorded')", [*o, o[6]])
    con.execute("CREATE TABLE marts.dim_month (month DATE, month_end DATE)")
    con.executemany("INSERT INTO marts.dim_month VALUES (?, ?)",
                    [(m, (MONTHS + [dt.date(2026, 1, 1)])[i + 1] - dt.timedelta(days=1))
                     for i, m in enumerate(MONTHS)])
    con.execute("""CREATE TABLE marts.bridge_org_ancestor AS
        WITH RECURSIVE up(ancestor_id, org_id, depth) AS (
            SELECT org_id, org_id, 0 FROM marts.dim_org
            UNION ALL
            SELECT o.parent_id, up.org_id, up.depth + 1
            FROM up JOIN marts.dim_org o ON o.org_id = up.ancestor_id
            WHERE o.parent_id IS NOT NULL)
        SELECT * FROM up""")
    # no organisation here has a successor: the lineage is the hierarchy
    con.execute("CREATE TABLE marts.bridge_org_lineage AS SELECT * FROM marts.bridge_org_ancestor")
    con.execute("CREATE TABLE marts.fct_membership_monthly (month DATE, org_id VARCHAR,"
                " official INTEGER, probationary INTEGER, admitted INTEGER, \"left\" INTEGER,"
                " left_transfer_out INTEGER, left_death INTEGER, left_struck_off INTEGER,"
                " left_expelled INTEGER, left_resigned INTEGER, left_other INTEGER,"
                " female INTEGER, transferred_in INTEGER, transferred_out INTEGER,"
                " left_party INTEGER, cells INTEGER, cells_lt3 INTEGER)")
    con.executemany("INSERT INTO marts.fct_membership_monthly VALUES"
                    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _membership_rows())
    con.execute("CREATE TABLE marts.fct_meetings_monthly (month DATE, org_id VARCHAR,"
                " regular_held INTEGER, thematic_held INTEGER, online_held INTEGER,"
                " expected INTEGER, present INTEGER, excused INTEGER, good INTEGER, fair INTEGER,"
                " average INTEGER, poor INTEGER, mean_score DOUBLE, scored INTEGER,"
                " mean_duration DOUBLE, hybrid_held INTEGER, timed INTEGER)")
    con.executemany("INSERT INTO marts.fct_meetings_monthly VALUES"
                    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _meeting_rows())
    con.execute("CREATE TABLE marts.fct_member_structure_yearly (year INTEGER, org_id VARCHAR,"
                " gender VARCHAR, age_band VARCHAR, members INTEGER)")
    con.executemany("INSERT INTO marts.fct_member_structure_yearly VALUES (?, ?, ?, ?, ?)", [
        (2025, "S1", "male", "31-40", 7), (2025, "S1", "female", "18-30", 5),
        (2025, "B2", "male", "41-50", 14), (2025, "B2", "female", "61+", 10),
        (2024, "S1", "male", "31-40", 8),
    ])
    con.execute("CREATE TABLE marts.fct_assessment_yearly (year INTEGER, org_id VARCHAR,"
                " rating INTEGER)")
    con.executemany("INSERT INTO marts.fct_assessment_yearly VALUES (?, ?, ?)",
                    [(2024, "C1", 4), (2024, "B2", 3), (2025, "C1", 3), (2025, "B2", 2)])
    con.execute("CREATE TABLE marts.fct_member_assessment_yearly (year INTEGER, org_id VARCHAR,"
                " rating INTEGER, members INTEGER)")
    con.executemany("INSERT INTO marts.fct_member_assessment_yearly VALUES (?, ?, ?, ?)",
                    [(2025, "S1", 4, 2), (2025, "S1", 3, 10), (2025, "B2", 3, 24)])
    con.execute("CREATE TABLE marts.data_quality (rule VARCHAR, severity VARCHAR, org_id VARCHAR,"
                " member_id VARCHAR, month DATE, detail VARCHAR)")
    con.executemany("INSERT INTO marts.data_quality VALUES (?, ?, ?, ?, ?, ?)", [
        ("cell_min_official", "warning", "S3", None, dt.date(2025, 12, 1),
         "Chi bộ có 2 đảng viên chính thức (< 3)"),
        ("missed_regular_meeting", "warning", "S3", None, dt.date(2025, 10, 1),
         "Không sinh hoạt thường kỳ"),
    ])
    con.execute("CREATE TABLE marts.ref_events (event_on DATE, code VARCHAR, label_vi VARCHAR,"
                " label_en VARCHAR)")
    con.execute("INSERT INTO marts.ref_events VALUES (DATE '2025-07-01', 'reorg_2025',"
                " 'Sắp xếp tỉnh 1/7/2025', 'Provinces merged 1/7/2025')")
    con.execute("CREATE TABLE marts.documents (doc_id VARCHAR, title VARCHAR)")
    con.execute("CREATE TABLE marts.reported_figures (doc_id VARCHAR, metric VARCHAR,"
                " value DOUBLE)")
    con.execute("CREATE TABLE meta.load_ledger (load_id INTEGER, loaded_at TIMESTAMP,"
                " file_name VARCHAR, file_hash VARCHAR, entity VARCHAR, sheet VARCHAR,"
                " rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, result VARCHAR)")
    con.executemany("INSERT INTO meta.load_ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (1, dt.datetime(2026, 1, 5, 8, 0), "to_chuc.csv", "aa11", "organisations", None,
         7, 7, 0, "loaded"),
        (2, dt.datetime(2026, 1, 5, 8, 1), "đảng_viên.xlsx", "bb22", "members", "dang_vien",
         50, 48, 2, "loaded_with_rejects"),
    ])
    con.execute("CREATE TABLE meta.quarantine (load_id INTEGER, file_name VARCHAR, sheet VARCHAR,"
                " row_number INTEGER, column_name VARCHAR, value VARCHAR, reason_vi VARCHAR,"
                " reason_en VARCHAR)")
    con.executemany("INSERT INTO meta.quarantine VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (2, "đảng_viên.xlsx", "dang_vien", 12, "birth_year", "1890",
         "Năm sinh ngoài khoảng cho phép", "Birth year out of range"),
        (2, "đảng_viên.xlsx", "dang_vien", 31, "org_id", "X9",
         "Mã tổ chức không tồn tại", "Unknown organisation id"),
    ])
    con.execute("CREATE TABLE meta.generation (generation INTEGER, published_at TIMESTAMP)")
    con.execute("INSERT INTO meta.generation VALUES (3, TIMESTAMP '2026-01-05 08:02:00')")
    _derived_marts(con)
    for name in ROLLUPS:  # the real rollup SQL over the fixture facts
        sql = (MARTS_SQL / f"{name}.sql").read_text(encoding="utf-8")
        con.execute(f"CREATE TABLE marts.{name} AS {sql}")
    con.execute("CHECKPOINT")
    con.close()
    return path


# ---- derived marts (quality/regions helper): built by the ETL's own SQL from the tables above ----
DERIVED_MARTS = ("agg_meetings_province_monthly", "cell_quality_trend")


def _derived_marts(con) -> None:
    """Rollups and per-cell precomputations, from etl/sql/marts/<name>.sql over the fixture."""
    sql_dir = Path(__file__).resolve().parents[2] / "etl" / "sql" / "marts"
    for name in DERIVED_MARTS:
        sql = (sql_dir / f"{name}.sql").read_text(encoding="utf-8").strip().rstrip(";")
        con.execute(f"CREATE TABLE marts.{name} AS {sql}")
# ---- end derived marts ----


if __name__ == "__main__":
    import sys

    print(build(sys.argv[1] if len(sys.argv) > 1 else "fixture.duckdb"))

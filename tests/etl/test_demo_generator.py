"""The demo generator's small scale, checked directly on the written files with DuckDB: the seed
figures hold exactly, the events are there, and the rows obey the input rules."""

from __future__ import annotations

import hashlib

import duckdb
import pytest
from python_calamine import CalamineWorkbook

from chibo.etl.demo import write_demo_inputs

ALIVE = "coalesce(joined_on, admitted_on) <= DATE '{d}' AND (left_on IS NULL OR left_on > DATE '{d}')"
VALID = "founded_on <= DATE '{d}' AND (dissolved_on IS NULL OR dissolved_on > DATE '{d}')"
AGENCY_BLOCS = ("SELECT org_id FROM orgs WHERE kind = 'bloc_committee' "
                "AND name LIKE 'Đảng ủy Khối các cơ quan%'")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    files = write_demo_inputs(out, "small", seed=0)
    return out, files


@pytest.fixture(scope="module")
def con(demo):
    out, _ = demo
    c = duckdb.connect()
    c.execute(f"""
        CREATE TABLE orgs AS SELECT org_id, name, kind, parent_id, sector, province,
            CAST(founded_on AS DATE) AS founded_on, CAST(dissolved_on AS DATE) AS dissolved_on,
            successor_id, upper_powers = 'true' AS upper_powers
        FROM read_csv('{out}/organisations.csv', all_varchar = true);
        CREATE TABLE members AS SELECT * FROM read_parquet('{out}/members.parquet');
        CREATE TABLE meetings AS SELECT * FROM read_parquet('{out}/meetings.parquet');
        CREATE TABLE anc AS WITH RECURSIVE a(org_id, ancestor) AS (
            SELECT org_id, org_id FROM orgs
            UNION ALL
            SELECT a.org_id, p.parent_id FROM a JOIN orgs p ON p.org_id = a.ancestor
            WHERE p.parent_id IS NOT NULL)
        SELECT * FROM a;
        CREATE TABLE cell_base AS SELECT c.org_id, b.org_id AS base_id, b.sector AS base_sector
            FROM orgs c JOIN orgs b
              ON b.org_id = CASE WHEN c.kind = 'sub_cell' THEN c.parent_id ELSE c.org_id END
            WHERE c.kind IN ('base_cell', 'sub_cell');
    """)
    yield c
    c.close()


def one(con, sql: str):
    return con.execute(sql).fetchone()[0]


def test_files_and_formats(demo):
    """Organisations in CSV with English headers; assessments as XLSX with Vietnamese headers."""
    out, files = demo
    assert [f.name for f in files] == ["organisations.csv", "members.parquet", "meetings.parquet",
                                       "assessments.xlsx", "assessments_members.parquet"]
    header = (out / "organisations.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("org_id,name,kind,parent_id,sector,province,founded_on")
    book = CalamineWorkbook.from_path(str(out / "assessments.xlsx"))
    assert book.sheet_names == ["danh_gia"]
    rows = book.get_sheet_by_name("danh_gia").to_python()
    assert rows[0] == ["Mã tổ chức", "Năm", "Xếp loại"]
    assert {r[2] for r in rows[1:]} >= {"hoàn thành tốt nhiệm vụ", "trong sạch vững mạnh"}


def test_agency_bloc_figures_2018(con):
    """24/8/2018: 64 agency blocs with ~4,560 base orgs, over 25,500 cells, nearly 300,000 members."""
    assert one(con, f"SELECT count(*) FROM ({AGENCY_BLOCS})") == 64
    assert one(con, f"SELECT count(*) FROM ({AGENCY_BLOCS}) b JOIN orgs USING (org_id) "
                    "WHERE province IS NULL") == 1
    d = "2018-08-24"
    under = f"org_id IN (SELECT org_id FROM anc WHERE ancestor IN ({AGENCY_BLOCS}))"
    base = one(con, f"SELECT count(*) FROM orgs WHERE kind IN ('base_cell', 'base_committee') "
                    f"AND {VALID.format(d=d)} AND {under}")
    cells = one(con, f"SELECT count(*) FROM orgs WHERE kind IN ('base_cell', 'sub_cell') "
                     f"AND {VALID.format(d=d)} AND {under}")
    members = one(con, f"SELECT count(*) FROM members WHERE {ALIVE.format(d=d)} AND {under}")
    assert 4540 <= base <= 4580
    assert 25501 <= cells <= 25700
    assert 285_000 <= members <= 299_999


def test_mass_association_figures_2023(con):
    """11/10/2023: 640 base orgs (40 committees, 1 with upper powers, 599 cells), 10,579 members."""
    d = "2023-10-11"
    rows = con.execute(f"""
        SELECT kind, upper_powers, count(*) FROM orgs
        WHERE sector = 'mass_association' AND kind IN ('base_cell', 'base_committee')
          AND {VALID.format(d=d)} GROUP BY ALL ORDER BY ALL""").fetchall()
    assert rows == [("base_cell", False, 599), ("base_committee", False, 40),
                    ("base_committee", True, 1)]
    members = one(con, f"""SELECT count(*) FROM members JOIN cell_base USING (org_id)
                           WHERE base_sector = 'mass_association' AND {ALIVE.format(d=d)}""")
    assert members == 10_579


def test_vusta_figures_2022(con):
    """VUSTA, under the central agency bloc with upper-level powers: 58 cells, 787 members."""
    assert con.execute("SELECT kind, upper_powers, parent_id FROM orgs WHERE org_id = 'VUSTA'"
                       ).fetchone() == ("base_committee", True, "TW-K")
    d = "2022-12-31"
    cells = one(con, f"SELECT count(*) FROM orgs WHERE parent_id = 'VUSTA' AND kind = 'sub_cell' "
                     f"AND {VALID.format(d=d)}")
    members = one(con, f"SELECT count(*) FROM members WHERE {ALIVE.format(d=d)} AND org_id IN "
                       "(SELECT org_id FROM orgs WHERE parent_id = 'VUSTA')")
    assert (cells, members) == (58, 787)


def test_commune_agency_cells_dissolved_with_members_moved(con):
    """Commune agency cells end in 2018-2019; each member present then moves on that very day."""
    years = con.execute("""SELECT min(year(dissolved_on)), max(year(dissolved_on)), count(*)
        FROM orgs WHERE name LIKE 'Chi bộ cơ quan xã%' OR name LIKE 'Chi bộ cơ quan phường%'
        OR name LIKE 'Chi bộ cơ quan thị trấn%'""").fetchone()
    assert years[0] == 2018 and years[1] == 2019 and years[2] > 10
    unmoved = one(con, """
        SELECT count(*) FROM members m JOIN orgs o USING (org_id)
        WHERE o.org_id LIKE '%-CQ' AND m.left_on = o.dissolved_on AND NOT EXISTS (
            SELECT 1 FROM members n WHERE n.member_id = m.member_id AND n.org_id <> m.org_id
              AND n.joined_on = m.left_on)""")
    moved = one(con, """SELECT count(*) FROM members m JOIN orgs o USING (org_id)
        WHERE o.org_id LIKE '%-CQ' AND m.left_on = o.dissolved_on
          AND m.leave_reason = 'transfer_out'""")
    still_there = one(con, """SELECT count(*) FROM members m JOIN orgs o USING (org_id)
        WHERE o.org_id LIKE '%-CQ' AND (m.left_on IS NULL OR m.left_on > o.dissolved_on)""")
    assert moved > 100 and unmoved == 0 and still_there == 0


def test_merger_and_bloc_replacement(con):
    """Old provincial committees are dissolved on 2025-07-01 (their last day is 30/06) with a new
    'N' successor founded that day; blocs are dissolved on 2025-02-01 (last day 31/01)."""
    old = con.execute("""SELECT count(*), count(DISTINCT successor_id), min(dissolved_on)
        FROM orgs o WHERE kind = 'province_committee' AND province NOT LIKE 'N%'""").fetchone()
    assert old[0] == 63 and old[1] == 34 and str(old[2]) == "2025-07-01"
    bad_successor = one(con, """SELECT count(*) FROM orgs o JOIN orgs s ON s.org_id = o.successor_id
        WHERE o.kind = 'province_committee' AND (s.founded_on <> DATE '2025-07-01'
              OR s.province NOT LIKE 'N%')""")
    assert bad_successor == 0
    blocs = con.execute("""SELECT count(*), min(dissolved_on), max(dissolved_on),
        count(*) FILTER (WHERE successor_id IS NULL) FROM orgs WHERE kind = 'bloc_committee'""").fetchone()
    assert blocs[0] == 64 and str(blocs[1]) == str(blocs[2]) == "2025-02-01" and blocs[3] == 0
    assert con.execute("SELECT s.name, s.kind FROM orgs o JOIN orgs s ON s.org_id = o.successor_id "
                       "WHERE o.org_id = 'TW-K'").fetchone() == (
        "Đảng ủy các cơ quan Đảng Trung ương", "central_committee")


def test_member_rows_obey_the_input_rules(con):
    """Dates in order, one row per member and cell, cells only, pseudonymous ids."""
    bad = con.execute("""SELECT
        count(*) FILTER (WHERE official_on < admitted_on OR joined_on < admitted_on
                         OR left_on < coalesce(joined_on, admitted_on) OR left_on < official_on),
        count(*) FILTER (WHERE (left_on IS NULL) <> (leave_reason IS NULL)),
        count(*) FILTER (WHERE birth_year > year(admitted_on) - 14),
        count(*) FILTER (WHERE NOT regexp_full_match(member_id, 'DV[0-9]{9}')),
        count(*) FILTER (WHERE org_id NOT IN (SELECT org_id FROM orgs
                                              WHERE kind IN ('base_cell', 'sub_cell')))
        FROM members""").fetchone()
    assert bad == (0, 0, 0, 0, 0)
    assert one(con, "SELECT count(*) FROM (SELECT member_id, org_id FROM members "
                    "GROUP BY ALL HAVING count(*) > 1)") == 0


def test_meeting_rows_are_consistent(con):
    """Attendance adds up, scores fall in the quality band they state, ids are unique."""
    bad = con.execute("""SELECT
        count(*) FILTER (WHERE present + excused > expected OR present < 0),
        count(*) FILTER (WHERE score < 0 OR score > 100),
        count(*) FILTER (WHERE quality IS NOT NULL AND score IS NOT NULL AND quality <>
            CASE WHEN score >= 90 THEN 'tốt' WHEN score >= 70 THEN 'khá'
                 WHEN score >= 50 THEN 'trung bình' ELSE 'kém' END),
        count(*) FILTER (WHERE score IS NULL AND quality IS NULL),
        count(*) - count(DISTINCT meeting_id)
        FROM meetings""").fetchone()
    assert bad == (0, 0, 0, 0, 0)
    assert 100_000 < one(con, "SELECT count(*) FROM meetings") < 2_000_000


def test_meeting_trends(con):
    """Good meetings rise after the 2018 guidance; online meetings peak in 2020-2021."""
    share = dict(con.execute("""SELECT year(held_on),
        avg(CASE WHEN coalesce(score >= 90, quality = 'tốt') THEN 1 ELSE 0 END)
        FROM meetings GROUP BY 1""").fetchall())
    assert 0.25 < share[2015] < 0.45 and share[2025] > 0.5
    online = dict(con.execute("""SELECT year(held_on), avg(CASE WHEN format = 'online'
        THEN 1 ELSE 0 END) FROM meetings GROUP BY 1""").fetchall())
    assert online[2021] > 3 * online[2019] and 0 < online[2024] < online[2021]


def test_history_is_monthly_from_2010(con):
    """A featured province's cells meet in every month from January 2010 to October 2026."""
    months = one(con, """SELECT count(DISTINCT date_trunc('month', held_on)) FROM meetings
                         WHERE org_id LIKE 'T02-%' AND kind = 'regular'""")
    assert months == (2026 - 2010) * 12 + 10


def test_deliberate_charter_warnings(con):
    """The data-quality view gets something to show for each charter rule."""
    d = "2026-10-31"
    few_full = one(con, f"""SELECT count(*) FROM (SELECT org_id FROM members
        WHERE {ALIVE.format(d=d)} GROUP BY org_id
        HAVING count(*) FILTER (WHERE official_on <= DATE '{d}') < 3)""")
    big_base_cells = one(con, f"""SELECT count(*) FROM (SELECT org_id FROM members
        JOIN orgs USING (org_id) WHERE kind = 'base_cell' AND {ALIVE.format(d=d)}
        GROUP BY org_id HAVING count(*) >= 30)""")
    overdue = one(con, f"""SELECT count(*) FROM members WHERE official_on IS NULL
        AND left_on IS NULL AND admitted_on < DATE '{d}' - INTERVAL 13 MONTH""")
    odd_age = one(con, """SELECT count(*) FROM members
        WHERE year(admitted_on) - birth_year NOT BETWEEN 18 AND 60""")
    assert few_full >= 1 and big_base_cells >= 1 and overdue >= 3 and odd_age >= 3
    assert big_base_cells < 50 and odd_age < 100


def test_same_seed_same_files(demo, tmp_path):
    """A seed fixes the demo: a second run writes byte-identical members and organisations."""
    out, _ = demo
    files = write_demo_inputs(tmp_path, "small", seed=0)
    for name in ("organisations.csv", "members.parquet"):
        digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (out / name, tmp_path / name)]
        assert digest[0] == digest[1], name
    assert [f.name for f in files] == [f.name for f in demo[1]]


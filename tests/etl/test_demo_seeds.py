"""The demo warehouse reproduces the seed documents' figures for their scope and date, through
the normal load path (python -m chibo.etl demo)."""

from __future__ import annotations

import datetime as dt

from tests.etl.helpers import query

VALID_ON = "coalesce(o.valid_from, DATE '1900-01-01') <= ? AND (o.valid_to IS NULL OR o.valid_to > ?)"
MEMBER_ON = "m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)"


def test_mass_association_sector_on_11_10_2023(demo_warehouse):
    """Seed 000: 640 base organisations = 40 base committees + 1 with upper-level powers + 599 base cells."""
    day = dt.date(2023, 10, 11)
    rows = query(demo_warehouse, f"""SELECT
            count(*) FILTER (WHERE kind IN ('base_cell', 'base_committee')),
            count(*) FILTER (WHERE kind = 'base_committee' AND NOT upper_powers),
            count(*) FILTER (WHERE kind = 'base_committee' AND upper_powers),
            count(*) FILTER (WHERE kind = 'base_cell')
        FROM marts.dim_org o WHERE sector = 'mass_association' AND {VALID_ON}""", [day, day])
    assert rows == [(640, 40, 1, 599)]


def test_mass_association_members_on_11_10_2023(demo_warehouse):
    """Seed 000: with 10.579 members."""
    day = dt.date(2023, 10, 11)
    rows = query(demo_warehouse, f"""SELECT count(*) FROM core.members m JOIN marts.dim_org o USING (org_id)
        WHERE o.sector = 'mass_association' AND {MEMBER_ON}""", [day, day])
    assert rows == [(10579,)]


def test_science_and_technology_associations_in_2022(demo_warehouse):
    """Seed 004: the VUSTA party committee has 58 cells directly under it and 787 members (2022)."""
    day = dt.date(2022, 12, 31)
    rows = query(demo_warehouse, f"""SELECT count(DISTINCT o.org_id), count(m.member_id)
        FROM marts.dim_org o LEFT JOIN core.members m ON m.org_id = o.org_id AND {MEMBER_ON}
        WHERE o.parent_id = 'VUSTA' AND o.kind = 'sub_cell' AND {VALID_ON}""", [day, day, day, day])
    assert rows == [(58, 787)]


def test_agency_bloc_committees_in_august_2018(demo_warehouse):
    """Seed 001: about 4.560 base organisations, over 25.500 cells, nearly 30 vạn members."""
    day = dt.date(2018, 8, 24)
    blocs = """SELECT org_id FROM marts.dim_org WHERE kind = 'bloc_committee'
               AND name LIKE 'Đảng ủy Khối các cơ quan%'"""
    base_orgs, cells = query(demo_warehouse, f"""SELECT
            count(*) FILTER (WHERE kind IN ('base_cell', 'base_committee')),
            count(*) FILTER (WHERE kind IN ('base_cell', 'sub_cell'))
        FROM marts.dim_org o JOIN marts.bridge_org_ancestor b ON b.org_id = o.org_id AND b.depth > 0
        WHERE b.ancestor_id IN ({blocs}) AND {VALID_ON}""", [day, day])[0]
    members = query(demo_warehouse, f"""SELECT count(*) FROM core.members m
        JOIN marts.bridge_org_ancestor b ON b.org_id = m.org_id
        WHERE b.ancestor_id IN ({blocs}) AND {MEMBER_ON}""", [day, day])[0][0]
    assert query(demo_warehouse, f"SELECT count(*) FROM ({blocs})") == [(64,)]
    assert 4540 <= base_orgs <= 4580
    assert 25_500 < cells <= 25_700
    assert 285_000 <= members < 300_000


def test_history_spans_2010_to_2026_monthly(demo_warehouse):
    assert query(demo_warehouse, "SELECT min(month), max(month) FROM marts.fct_meetings_monthly") == [
        (dt.date(2010, 1, 1), dt.date(2026, 10, 1))]


def test_meeting_quality_improves_after_the_2018_guidance(demo_warehouse):
    rows = dict(query(demo_warehouse, """SELECT year(month) >= 2019, sum(good) / sum(good + fair + average + poor)
        FROM marts.fct_meetings_monthly WHERE year(month) IN (2016, 2017, 2020, 2021) GROUP BY 1"""))
    assert rows[True] > rows[False] + 0.1


def test_online_meetings_rise_in_2020_2021(demo_warehouse):
    rows = dict(query(demo_warehouse, """SELECT year(month), sum(online_held) / sum(regular_held + thematic_held)
        FROM marts.fct_meetings_monthly WHERE year(month) IN (2018, 2021) GROUP BY 1"""))
    assert rows[2021] > 3 * rows[2018]


def test_province_merger_and_bloc_replacement_have_successors(demo_warehouse):
    """Old provincial committees end on 30/06/2025 with a successor; bloc committees end in early 2025."""
    dissolved = query(demo_warehouse, """SELECT kind, count(*), count(successor_id) FROM marts.dim_org
        WHERE kind IN ('province_committee', 'bloc_committee') AND valid_to IS NOT NULL GROUP BY kind ORDER BY kind""")
    assert dissolved == [("bloc_committee", 64, 64), ("province_committee", 63, 63)]


def test_commune_agency_cells_dissolved_in_2018_2019(demo_warehouse):
    rows = query(demo_warehouse, """SELECT count(*), min(year(valid_to)), max(year(valid_to)) FROM marts.dim_org
        WHERE sector = 'agency' AND kind = 'sub_cell' AND name LIKE 'Chi bộ cơ quan%' AND valid_to IS NOT NULL""")
    count, first, last = rows[0]
    assert count > 0 and (first, last) == (2018, 2019)

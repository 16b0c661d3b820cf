"""Loading the hand-checkable fixture: the marts hold the totals computed by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo.etl.load import load_files
from tests.etl.helpers import FIXTURE_FILES, query, run_etl

JUNE = dt.date(2021, 6, 1)


@pytest.fixture
def loaded(inputs, warehouse):
    outcome = load_files([inputs / f for f in FIXTURE_FILES], warehouse)
    assert outcome.result == "loaded", outcome.sample
    return warehouse


def test_stocks_at_month_end(loaded):
    """June 2021: C1 has DV01, DV02 and DV03 (transferred in on 30/06); BC1 has DV05 and DV06
    (probationary); C2, left by DV03 on 30/06, has nobody."""
    rows = query(loaded, """SELECT org_id, official, probationary, female FROM marts.fct_membership_monthly
                            WHERE month = ? ORDER BY org_id""", [JUNE])
    assert rows == [("HN-B1-C1", 3, 0, 2), ("HN-B1-C2", 0, 0, 0), ("HN-BC1", 1, 1, 1)]


def test_flows_in_the_month(loaded):
    """June 2021: DV06 admitted in BC1; DV03 transferred out of C2 (the move in is not an admission)."""
    rows = query(loaded, """SELECT org_id, admitted, transferred_out + left_party, transferred_out
                            FROM marts.fct_membership_monthly
                            WHERE month = ? ORDER BY org_id""", [JUNE])
    assert rows == [("HN-B1-C1", 0, 0, 0), ("HN-B1-C2", 0, 1, 1), ("HN-BC1", 1, 0, 0)]


def test_death_recorded_by_reason(loaded):
    """DV04 died on 05/05/2019."""
    assert query(loaded, """SELECT org_id, left_death FROM marts.fct_membership_monthly
                            WHERE month = DATE '2019-05-01' AND left_death > 0""") == [("HN-B1-C2", 1)]


def test_history_ends_with_the_last_loaded_month(loaded):
    assert query(loaded, "SELECT min(month), max(month) FROM marts.dim_month") == [
        (dt.date(2010, 1, 1), JUNE)]


def test_dissolved_cell_has_no_rows_after_dissolution(loaded):
    """C2 was dissolved on 30/06/2021, so June 2021 is its last month."""
    assert query(loaded, "SELECT max(month) FROM marts.fct_membership_monthly WHERE org_id = 'HN-B1-C2'") == [(JUNE,)]


def test_dim_org_inherits_sector_province_and_base_org(loaded):
    rows = query(loaded, """SELECT org_id, sector, base_org_id, province_code, province_code_current, region
                            FROM marts.dim_org ORDER BY org_id""")
    assert rows == [
        ("HN", None, None, "01", "N01", "red_river_delta"),
        ("HN-B1", "mass_association", "HN-B1", "01", "N01", "red_river_delta"),
        ("HN-B1-C1", "mass_association", "HN-B1", "01", "N01", "red_river_delta"),
        ("HN-B1-C2", "mass_association", "HN-B1", "01", "N01", "red_river_delta"),
        ("HN-BC1", "mass_association", "HN-BC1", "01", "N01", "red_river_delta"),
    ]


def test_dim_org_names_each_organisations_base_organisation(loaded):
    """base_org_name is the name of base_org_id: the base committee's for its cells and itself,
    the base cell's own; none above the base level."""
    rows = query(loaded, "SELECT org_id, base_org_name FROM marts.dim_org ORDER BY org_id")
    assert rows == [
        ("HN", None),
        ("HN-B1", "Đảng bộ Hội Nông dân thành phố"),
        ("HN-B1-C1", "Đảng bộ Hội Nông dân thành phố"),
        ("HN-B1-C2", "Đảng bộ Hội Nông dân thành phố"),
        ("HN-BC1", "Chi bộ Hội Luật gia thành phố"),
    ]


def test_bridge_lists_every_ancestor(loaded):
    rows = query(loaded, "SELECT ancestor_id, depth FROM marts.bridge_org_ancestor WHERE org_id = 'HN-B1-C1' ORDER BY depth")
    assert rows == [("HN-B1-C1", 0), ("HN-B1", 1), ("HN", 2)]


def test_meetings_monthly(loaded):
    """C1 in Feb 2021: a regular online meeting scored 75 (fair, derived) and a thematic one rated tốt."""
    rows = query(loaded, """SELECT regular_held, thematic_held, online_held, expected, present,
                                   good, fair, average, poor, score_sum, scored
                            FROM marts.fct_meetings_monthly WHERE org_id = 'HN-B1-C1' AND month = DATE '2021-02-01'""")
    assert rows == [(1, 1, 1, 6, 5, 1, 1, 0, 0, 75.0, 1)]


def test_meeting_rollup_sums_excused_and_durations_from_the_meetings(loaded):
    """Not kept per cell: the province rollup sums them from core.meetings, month by month, beside
    the sums it takes from fct_meetings_monthly."""
    rolled = query(loaded, """SELECT month, sum(excused), sum(duration_sum), sum(timed), sum(expected)
                              FROM marts.agg_meetings_province_monthly GROUP BY 1 ORDER BY 1""")
    meetings = query(loaded, """SELECT CAST(date_trunc('month', held_on) AS DATE), sum(coalesce(excused, 0)),
                                       coalesce(sum(duration_minutes), 0), count(duration_minutes), sum(expected)
                                FROM core.meetings GROUP BY 1 ORDER BY 1""")
    assert rolled == meetings and any(r[1] for r in rolled)
    assert {"excused", "duration_sum", "timed"}.isdisjoint(
        c for (c,) in query(loaded, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'fct_meetings_monthly'"))


def test_quality_derived_from_score_with_default_thresholds(loaded):
    """Scores 95 → good (4), 75 → fair (3), 45 → poor (1)."""
    rows = query(loaded, "SELECT meeting_id, quality FROM core.meetings WHERE score IS NOT NULL ORDER BY meeting_id")
    assert rows == [("SH1", 4), ("SH2", 3), ("SH4", 1)]


def test_vietnamese_meeting_words_are_normalised(loaded):
    assert query(loaded, "SELECT kind, format FROM core.meetings WHERE meeting_id = 'SH4'") == [("regular", "in_person")]


def test_assessments_harmonise_old_labels(loaded):
    """'trong sạch vững mạnh' (before 2019) is mapped to the current level 'good' (3)."""
    assert query(loaded, "SELECT org_id, rating FROM marts.fct_assessment_yearly ORDER BY org_id") == [
        ("HN-B1", 3), ("HN-BC1", 3)]


def test_member_assessments_counted_in_their_cell(loaded):
    assert query(loaded, "SELECT org_id, rating, members FROM marts.fct_member_assessment_yearly ORDER BY rating") == [
        ("HN-B1-C1", 3, 1), ("HN-B1-C1", 4, 1)]


def test_charter_warnings(loaded):
    """BC1 has 1 full member; HN-B1 rated 1 excellent for 1 good. Meeting data for Hà Nội covers
    January-March 2021: BC1 missed February, C1 fell silent in March, C2 (a live cell with a
    member) never reported: January, February and March."""
    rows = query(loaded, "SELECT rule, org_id, month FROM marts.data_quality ORDER BY rule, org_id, month")
    assert rows == [
        ("cell_few_full_members", "HN-BC1", JUNE),
        ("excellent_share", "HN-B1", dt.date(2020, 12, 1)),
        ("missed_regular_meeting", "HN-B1-C1", dt.date(2021, 3, 1)),
        ("missed_regular_meeting", "HN-B1-C2", dt.date(2021, 1, 1)),
        ("missed_regular_meeting", "HN-B1-C2", dt.date(2021, 2, 1)),
        ("missed_regular_meeting", "HN-B1-C2", dt.date(2021, 3, 1)),
        ("missed_regular_meeting", "HN-BC1", dt.date(2021, 2, 1)),
    ]


def test_probation_past_12_months_and_a_level_contradicting_its_score(inputs, warehouse):
    """The last loaded day is 30/06/2021. N1 (admitted 29/06/2020) is past 12 months of probation,
    N2 (30/06/2020) exactly at 12 months is not; meeting Q9 scored 95 but recorded "kém" (poor,
    1) where the thresholds 90/70/50 give good (4)."""
    (inputs / "members_more.csv").write_text(
        "member_id,org_id,admitted_on\nN1,HN-B1-C1,29/06/2020\nN2,HN-B1-C1,30/06/2020\n",
        encoding="utf-8")
    (inputs / "meetings_more.csv").write_text(
        "meeting_id,org_id,held_on,kind,expected,present,score,quality\n"
        "Q9,HN-B1-C1,05/03/2021,regular,3,3,95,kém\nQ10,HN-B1-C1,06/03/2021,thematic,3,3,95,tốt\n",
        encoding="utf-8")
    outcome = load_files([inputs / f for f in FIXTURE_FILES]
                         + [inputs / "members_more.csv", inputs / "meetings_more.csv"], warehouse)
    assert outcome.result == "loaded", outcome.sample
    assert query(warehouse, """SELECT member_id FROM marts.data_quality
                               WHERE rule = 'probation_overdue'""") == [("N1",)]
    assert query(warehouse, """SELECT org_id, month, detail FROM marts.data_quality
                               WHERE rule = 'quality_score_mismatch'""") == [
        ("HN-B1-C1", dt.date(2021, 3, 1), "meeting=Q9;score=95.0;quality=1;score_quality=4")]


def test_age_structure_snapshot(loaded):
    """31-12-2020: C1 holds DV01 (born 1980, 40) and DV02 (born 1990, 30); C2 holds DV03 (35)."""
    rows = query(loaded, """SELECT org_id, gender, age_band, count(*) FROM marts.structure_on(DATE '2020-12-31')
                            WHERE org_id LIKE 'HN-B1-%' GROUP BY ALL ORDER BY org_id, age_band""")
    assert rows == [("HN-B1-C1", "female", "18_30", 1), ("HN-B1-C1", "male", "31_40", 1),
                    ("HN-B1-C2", "female", "31_40", 1)]


def test_ledger_and_raw_store(loaded):
    rows = query(loaded, "SELECT file_name, entity, rows_read, rows_loaded, result FROM meta.load_ledger ORDER BY file_name")
    assert rows == [("assessments.csv", "assessments", 4, 4, "loaded"), ("meetings.csv", "meetings", 5, 5, "loaded"),
                    ("members.csv", "members", 7, 7, "loaded"), ("organisations.csv", "organisations", 5, 5, "loaded")]
    stored = sorted(p.name for p in (loaded.parent / "warehouse.raw").iterdir())
    assert len([s for s in stored if s.endswith(".csv")]) == 4 and "ledger.sqlite3" in stored


def test_lineage_puts_a_merged_provinces_organisations_under_its_successor(tmp_path):
    """Old province P02 (dissolved 30/06/2025, successor PN08) over an abolished district D over
    base committee B over cell C: C is under B, D, P02 and PN08 in the lineage (for filters and
    scopes), while the hierarchy of record (bridge_org_ancestor) stops at P02."""
    orgs = tmp_path / "to_chuc.csv"
    orgs.write_text(
        "org_id,name,kind,parent_id,province,founded_on,dissolved_on,successor_id\n"
        "P02,Đảng bộ tỉnh Hà Giang,province_committee,,02,01/01/1991,30/06/2025,PN08\n"
        "PN08,Đảng bộ tỉnh Tuyên Quang,province_committee,,N08,01/07/2025,,\n"
        "D,Đảng bộ huyện Vị Xuyên,upper_committee,P02,,01/01/1991,30/06/2025,\n"
        "B,Đảng bộ xã Việt Lâm,base_committee,D,,01/01/1991,,\n"
        "C,Chi bộ thôn 1,sub_cell,B,,01/01/1991,,\n", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    result = run_etl("load", str(orgs), "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stdout + result.stderr
    lineage = query(warehouse, "SELECT ancestor_id, depth FROM marts.bridge_org_lineage "
                               "WHERE org_id = 'C' ORDER BY depth, ancestor_id")
    assert lineage == [("C", 0), ("B", 1), ("D", 2), ("P02", 3), ("PN08", 4)]
    assert ("PN08",) not in query(warehouse, "SELECT ancestor_id FROM marts.bridge_org_ancestor "
                                             "WHERE org_id = 'C'")
    assert query(warehouse, "SELECT org_id FROM marts.bridge_org_lineage WHERE ancestor_id = 'PN08' "
                            "ORDER BY org_id") == [("B",), ("C",), ("D",), ("P02",), ("PN08",)]

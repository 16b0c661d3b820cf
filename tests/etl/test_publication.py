"""Loading as a whole: idempotence, corrections, all-or-nothing, quarantine, rebuild, and the
published warehouse surviving readers and killed loads."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb

from etl.load import load_files
from etl.progress import Steps
from etl.rebuild import rebuild
from tests.etl.helpers import FIXTURE_FILES, ROOT, query

MART_TABLES = ["dim_org", "bridge_org_ancestor", "bridge_org_lineage", "fct_membership_monthly",
               "fct_meetings_monthly",
               "fct_assessment_yearly", "fct_member_assessment_yearly", "fct_member_structure_yearly",
               "data_quality"]


def fixture_paths(inputs):
    return [inputs / f for f in FIXTURE_FILES]


def generation(warehouse):
    return query(warehouse, "SELECT max(generation) FROM meta.generation")[0][0]


def marts_snapshot(warehouse):
    return {t: query(warehouse, f"SELECT * FROM marts.{t} ORDER BY ALL") for t in MART_TABLES}


def test_same_content_twice_changes_nothing(inputs, warehouse):
    """A second load of identical files publishes no new generation."""
    load_files(fixture_paths(inputs), warehouse)
    before = marts_snapshot(warehouse), generation(warehouse)
    assert load_files(fixture_paths(inputs), warehouse).result == "unchanged"
    assert (marts_snapshot(warehouse), generation(warehouse)) == before


def test_corrected_file_replaces_rows_by_natural_key(inputs, warehouse):
    """Reloading a corrected members.csv updates DV02's official date without duplicating rows."""
    load_files(fixture_paths(inputs), warehouse)
    members = inputs / "members.csv"
    members.write_text(members.read_text(encoding="utf-8").replace("DV02;HN-B1-C1;nữ;1990;15/01/2020;15/01/2021",
                                                                   "DV02;HN-B1-C1;nữ;1990;15/01/2020;20/01/2021"),
                       encoding="utf-8")
    assert load_files([members], warehouse).result == "loaded"
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(7,)]
    assert query(warehouse, "SELECT official_on FROM core.members WHERE member_id = 'DV02'")[0][0].day == 20


def test_rejected_file_loads_nothing(inputs, warehouse):
    """One bad row rejects the whole file: core tables stay as they were."""
    load_files(fixture_paths(inputs)[:1], warehouse)
    members = inputs / "members.csv"
    members.write_text(members.read_text(encoding="utf-8") + "DV07;HN-B1-C1;nam;1990;32/01/2020;;;;\n",
                       encoding="utf-8")
    outcome = load_files([members], warehouse)
    assert outcome.result == "rejected"
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(0,)]
    assert query(warehouse, "SELECT result, rows_loaded, rows_rejected FROM meta.load_ledger WHERE file_name = 'members.csv'") == [
        ("rejected", 0, 8)]
    report = outcome.report.read_text(encoding="utf-8-sig").splitlines()
    assert report[0] == "file,sheet,row,column,value,reason_vi,reason_en"
    assert report[1].startswith("members.csv,,9,admitted_on,32/01/2020,")


def test_accept_valid_loads_the_rest_and_quarantines_the_bad_row(inputs, warehouse):
    load_files(fixture_paths(inputs)[:1], warehouse)
    members = inputs / "members.csv"
    members.write_text(members.read_text(encoding="utf-8") + "DV07;HN-B1-C1;nam;1990;32/01/2020;;;;\n",
                       encoding="utf-8")
    outcome = load_files([members], warehouse, accept_valid=True)
    assert outcome.result == "partial"
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(7,)]
    rows = query(warehouse, "SELECT row_number, column_name, value, record FROM meta.quarantine")
    assert [(r[0], r[1], r[2]) for r in rows] == [(9, "admitted_on", "32/01/2020")]
    assert '"member_id":"DV07"' in rows[0][3].replace(" ", "")


def test_rebuild_gives_the_same_marts(inputs, warehouse):
    """Two loads, then a rebuild from the raw store alone: every mart is identical."""
    load_files(fixture_paths(inputs)[:2], warehouse)
    load_files(fixture_paths(inputs)[2:], warehouse)
    before = marts_snapshot(warehouse)
    outcomes = rebuild(warehouse, Steps.quiet())
    assert [o.result for _, o in outcomes] == ["loaded", "loaded"]
    assert marts_snapshot(warehouse) == before


def test_reader_keeps_its_generation_and_sees_the_new_one_after_reopening(inputs, warehouse):
    """A dashboard holding the file open read-only never blocks a load."""
    load_files(fixture_paths(inputs)[:1], warehouse)
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert reader.execute("SELECT count(*) FROM core.members").fetchone() == (0,)
        assert load_files(fixture_paths(inputs)[1:2], warehouse).result == "loaded"
        assert reader.execute("SELECT count(*) FROM core.members").fetchone() == (0,)
    finally:
        reader.close()
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(7,)]


def test_previous_generation_is_kept(inputs, warehouse):
    load_files(fixture_paths(inputs)[:1], warehouse)
    load_files(fixture_paths(inputs)[1:2], warehouse)
    previous = warehouse.with_name("warehouse.previous.duckdb")
    assert query(previous, "SELECT max(generation) FROM meta.generation") == [(1,)]
    assert generation(warehouse) == 2


def big_members_file(path, n=300_000):
    with path.open("w", encoding="utf-8") as out:
        out.write("member_id,org_id,gender,birth_year,admitted_on,official_on\n")
        for i in range(n):
            out.write(f"X{i:07d},HN-B1-C1,nam,1980,01/03/2010,01/03/2011\n")


def test_killed_load_leaves_the_warehouse_intact(inputs, warehouse, tmp_path):
    """kill -9 while the new generation is being built: the published file is untouched and the
    next load succeeds."""
    load_files(fixture_paths(inputs)[:1], warehouse)
    before = generation(warehouse)
    big = tmp_path / "big_members.csv"
    big_members_file(big)
    proc = subprocess.Popen([sys.executable, "-m", "etl", "load", str(big), "--warehouse", str(warehouse)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(warehouse.parent.glob(".*.building")) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert generation(warehouse) == before
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(0,)]
    assert load_files(fixture_paths(inputs)[1:2], warehouse).result == "loaded"
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(7,)]
    assert not list(warehouse.parent.glob(".*.building*"))

"""Loading as a whole: idempotence, corrections, all-or-nothing, quarantine, rebuild, and the
published warehouse surviving readers and killed loads."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb

from chibo.etl.load import load_files
from chibo.etl.progress import Steps
from chibo.etl.rebuild import rebuild
from tests.etl.helpers import FIXTURE_FILES, ROOT, ledger_loads, query

MART_TABLES = ["dim_org", "bridge_org_ancestor", "bridge_org_lineage", "fct_membership_monthly",
               "fct_meetings_monthly",
               "fct_assessment_yearly", "fct_member_assessment_yearly", "fct_member_structure_yearly",
               "fct_member_structure", "agg_member_structure", "dim_structure",
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
    before = generation(warehouse), os.stat(warehouse).st_ino
    outcome = load_files([members], warehouse)
    assert outcome.result == "rejected"
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(0,)]
    assert (generation(warehouse), os.stat(warehouse).st_ino) == before  # nothing published
    assert [(s.rows_read, s.rows_rejected) for s in outcome.stats] == [(8, 8)]
    load = ledger_loads(warehouse)[0]
    assert (load.load_id, load.state, load.result, load.problems) == (2, "rejected", "rejected", 1)
    assert load.report == str(outcome.report) and [f.name for f in load.files] == ["members.csv"]
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
    outcome = rebuild(warehouse, Steps.quiet())
    assert [(i, o.result) for i, o in outcome.loads] == [(1, "loaded"), (2, "loaded")]
    assert outcome.generation == 3 == generation(warehouse)
    assert marts_snapshot(warehouse) == before


def test_reader_keeps_its_generation_and_sees_the_new_one_after_reopening(inputs, warehouse):
    """A dashboard holding the file open read-only never blocks a load."""
    load_files(fixture_paths(inputs)[:1], warehouse)
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        read = ("SELECT max(generation), (SELECT coalesce(sum(official + probationary), 0) "
                "FROM marts.fct_membership_monthly) FROM meta.generation")
        assert reader.execute(read).fetchone() == (1, 0)
        assert load_files(fixture_paths(inputs)[1:2], warehouse).result == "loaded"
        assert reader.execute(read).fetchone() == (1, 0)
    finally:
        reader.close()
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(7,)]


def pairs(kept):
    return sorted(p.name for p in kept.glob("*.duckdb"))


def test_three_previous_generations_are_kept(inputs, warehouse):
    """Each published generation N stays as warehouse.generations/N.duckdb with its core file
    N.core.duckdb; the served one is the same file as warehouse.duckdb; beyond three previous
    ones the oldest go, both files."""
    for path in fixture_paths(inputs):
        load_files([path], warehouse)
    kept = warehouse.parent / "warehouse.generations"
    assert pairs(kept) == [f"00000{n}{kind}.duckdb" for n in range(1, 5) for kind in (".core", "")]
    rename = inputs / "assessments_fixed.csv"
    rename.write_text((inputs / "assessments.csv").read_text(encoding="utf-8").replace(
        "2020", "2019"), encoding="utf-8")
    load_files([rename], warehouse)
    assert pairs(kept) == [f"00000{n}{kind}.duckdb" for n in range(2, 6) for kind in (".core", "")]
    assert os.stat(kept / "000005.duckdb").st_ino == os.stat(warehouse).st_ino
    assert query(kept / "000004.duckdb", "SELECT max(generation) FROM meta.generation") == [(4,)]
    index = json.loads((kept / "index.json").read_text(encoding="utf-8"))
    assert index["current"] == 5
    assert [g["generation"] for g in index["generations"]] == [5, 4, 3, 2]


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
    proc = subprocess.Popen([sys.executable, "-m", "chibo.etl", "load", str(big), "--warehouse", str(warehouse)],
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


def test_the_served_file_is_written_without_free_blocks(demo_warehouse):
    """The served file is checkpointed once, when its marts are built: no earlier copy of its
    catalog (each dictionary-coded column holds all of dim_org's ids) is left inside it as free
    blocks (a checkpoint during the marts left about 5 % of a small demo file free, and a copy of
    the catalog, 34 MB, in a national one)."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        used, free = con.execute("SELECT used_blocks, free_blocks FROM pragma_database_size()"
                                 " WHERE database_name = current_database()").fetchone()
    assert used > 0 and free * 100 <= used, (used, free)

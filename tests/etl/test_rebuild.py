"""`rebuild` keeps the rows of a kind of load validated from the same stored files under today's
rules, replays the others from the raw store, checks the stored files first, and gives the same
marts and bookkeeping either way."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from chibo.etl import validated
from chibo.etl.corefile import ALIAS
from chibo.etl.documents.load import load_documents
from chibo.etl.faults import CouldNotComplete
from chibo.etl.generations import GenerationFiles
from chibo.etl.load import load_files
from chibo.etl.progress import Steps
from chibo.etl.rebuild import rebuild
from tests.etl.helpers import FIXTURE_FILES, ROOT, assert_pairs, query, run_etl
from tests.etl.test_publication import generation, marts_snapshot

SEEDS = sorted((ROOT / "chibo" / "etl" / "demo" / "seeds").glob("*.txt"))[:2]
BOOKKEEPING = ("SELECT load_id, file_name, file_hash, entity, sheet, rows_read, rows_loaded, "
               "rows_rejected, result FROM meta.load_ledger ORDER BY ALL",
               "SELECT * FROM meta.quarantine ORDER BY ALL")
CORE = ("SELECT * EXCLUDE (load_id) FROM core.members ORDER BY ALL",
        "SELECT * FROM core.documents ORDER BY ALL",
        "SELECT count(*) FROM core.reported_figures",
        "SELECT load_id, kind, files FROM core.validated_loads ORDER BY ALL")


def snapshot(warehouse: Path):
    return marts_snapshot(warehouse), [query(warehouse, sql) for sql in (*BOOKKEEPING, *CORE)]


def three_loads(inputs: Path, warehouse: Path) -> None:
    """Inputs (one partial, with a quarantined row), then documents, then inputs again."""
    members = inputs / "members.csv"
    members.write_text(members.read_text(encoding="utf-8") + "DV07;HN-B1-C1;nam;1990;32/01/2020;;;;\n",
                       encoding="utf-8")
    paths = [inputs / f for f in FIXTURE_FILES]
    assert load_files(paths[:2], warehouse, accept_valid=True).result == "partial"
    assert load_documents(SEEDS, warehouse).result == "loaded"
    assert load_files(paths[2:], warehouse).result == "loaded"


def served_core(warehouse: Path) -> Path:
    files = GenerationFiles(warehouse)
    return files.core_path(files.served())


def set_rules(warehouse: Path, kind: str, rules: str) -> None:
    """Make the served core file say its `kind` loads were validated under other rules."""
    with duckdb.connect(str(served_core(warehouse))) as con:
        con.execute(f"UPDATE {validated.TABLE} SET rules = ? WHERE kind = ?", [rules, kind])


def test_unchanged_rules_keep_every_load_and_give_the_same_warehouse(inputs, warehouse):
    three_loads(inputs, warehouse)
    before = snapshot(warehouse)
    outcome = rebuild(warehouse, Steps.quiet())
    assert outcome.kept == [1, 2, 3] and outcome.generation == 4 == generation(warehouse)
    assert [(i, o.result) for i, o in outcome.loads] == [(1, "partial"), (2, "loaded"), (3, "loaded")]
    assert snapshot(warehouse) == before
    assert_pairs(warehouse)


def test_full_rebuild_replays_every_load_and_gives_the_same_warehouse(inputs, warehouse):
    three_loads(inputs, warehouse)
    before = snapshot(warehouse)
    outcome = rebuild(warehouse, Steps.quiet(), full=True)
    assert outcome.kept == [] and outcome.generation == 4
    assert [(i, o.result) for i, o in outcome.loads] == [(1, "partial"), (2, "loaded"), (3, "loaded")]
    assert snapshot(warehouse) == before
    # replayed under today's rules: the next rebuild keeps them all
    assert rebuild(warehouse, Steps.quiet()).kept == [1, 2, 3]
    assert snapshot(warehouse) == before


@pytest.mark.parametrize(("changed", "kept"), [("inputs", [2]), ("documents", [1, 3])])
def test_other_rules_replay_that_kind_only(inputs, warehouse, changed, kept):
    three_loads(inputs, warehouse)
    before = snapshot(warehouse)
    set_rules(warehouse, changed, "rules of an older version")
    outcome = rebuild(warehouse, Steps.quiet())
    assert outcome.kept == kept
    assert snapshot(warehouse) == before
    keys = query(warehouse, "SELECT DISTINCT kind, rules FROM core.validated_loads ORDER BY kind")
    assert keys == [("documents", validated.rules_key("documents")),
                    ("inputs", validated.rules_key("inputs"))]  # the replayed kind: today's key


def test_a_core_file_without_records_is_replayed(inputs, warehouse):
    """A generation published before the records were kept (or by a load whose raw files the
    ledger names differently) is read again."""
    three_loads(inputs, warehouse)
    before = snapshot(warehouse)
    with duckdb.connect(str(served_core(warehouse))) as con:
        con.execute(f"DELETE FROM {validated.TABLE} WHERE load_id = 3")
    assert rebuild(warehouse, Steps.quiet()).kept == [2]
    assert snapshot(warehouse) == before
    with duckdb.connect(str(served_core(warehouse))) as con:
        con.execute(f"DROP TABLE {validated.TABLE}")
    assert rebuild(warehouse, Steps.quiet()).kept == []
    assert snapshot(warehouse) == before


def test_rows_changed_since_loading_are_not_kept_for_other_files(inputs, warehouse):
    """The record names the load's raw files: a record of other files is not today's load."""
    three_loads(inputs, warehouse)
    with duckdb.connect(str(served_core(warehouse))) as con:
        con.execute(f"UPDATE {validated.TABLE} SET files = 'other' WHERE load_id = 1")
    assert rebuild(warehouse, Steps.quiet()).kept == [2]


@pytest.mark.parametrize("damage", ["missing", "changed"])
def test_a_damaged_raw_store_stops_the_rebuild(inputs, warehouse, damage):
    three_loads(inputs, warehouse)
    before = generation(warehouse)
    stored = sorted((warehouse.parent / "warehouse.raw").glob("*.csv"))[0]
    if damage == "missing":
        stored.unlink()
    else:
        stored.write_bytes(stored.read_bytes() + b"\n")
    with pytest.raises(CouldNotComplete, match=stored.name):
        rebuild(warehouse, Steps.quiet())
    assert generation(warehouse) == before


def test_the_rules_key_follows_the_validation_sources(tmp_path):
    """A change to what validates a kind changes its key; marts, publication and the other
    kind's own sources do not."""
    root = tmp_path / "etl"
    shutil.copytree(ROOT / "chibo" / "etl", root, ignore=shutil.ignore_patterns("__pycache__"))
    base = {kind: validated.rules_key(kind, root) for kind in validated.KIND_TABLES}
    assert base == {kind: validated.rules_key(kind) for kind in validated.KIND_TABLES}

    def keys_after(relative: str) -> dict[str, bool]:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\n-- changed\n" if path.suffix == ".sql" else text + "\n# changed\n",
                        encoding="utf-8")
        try:
            return {kind: validated.rules_key(kind, root) != base[kind] for kind in base}
        finally:
            path.write_text(text, encoding="utf-8")

    assert keys_after("rules.py") == {"inputs": True, "documents": True}
    assert keys_after("sql/staging/stg_members.sql") == {"inputs": True, "documents": True}
    assert keys_after("reference/provinces.csv") == {"inputs": True, "documents": True}
    assert keys_after("documents/figures.py") == {"inputs": False, "documents": True}
    assert keys_after("sql/core/documents.sql") == {"inputs": False, "documents": True}
    assert keys_after("sql/marts/dim_org.sql") == {"inputs": False, "documents": False}
    assert keys_after("publish.py") == {"inputs": False, "documents": False}
    for name in validated.EXCLUDED:  # no stale exclusion
        assert (root / name).exists(), name


def test_every_core_table_belongs_to_a_kind():
    """A new core table must be kept or replayed with its kind's loads."""
    con = duckdb.connect()
    con.execute(f"ATTACH ':memory:' AS {ALIAS}")
    from chibo.etl.warehouse import ensure_schema

    ensure_schema(con)
    tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE "
                                        "database_name = ?", [ALIAS]).fetchall()}
    owned = {t for names in validated.KIND_TABLES.values() for t in names}
    assert tables == owned | set(validated.BOOKKEEPING)


def test_the_command_says_which_loads_it_kept(inputs, warehouse):
    three_loads(inputs, warehouse)
    kept = run_etl("rebuild", "--warehouse", str(warehouse))
    assert kept.returncode == 0, kept.stdout
    assert "kept the validated rows of loads 1, 2, 3" in " ".join(kept.stdout.split())
    full = run_etl("rebuild", "--full", "--warehouse", str(warehouse))
    assert full.returncode == 0 and "kept the validated rows" not in " ".join(full.stdout.split())


def test_a_parquet_load_with_a_quarantined_row_replays_the_same(inputs, warehouse):
    """A Parquet input is read in place while validated: replayed from the raw store (under its
    original name, through a link that lasts the replay) it gives the same rows and the same
    quarantined record, read from the file."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    members = inputs / "members.parquet"
    pq.write_table(pa.table({"member_id": ["P1", "P2"], "org_id": ["HN-B1-C1", "NOWHERE"],
                             "admitted_on": [dt.date(2015, 1, 1), dt.date(2016, 1, 1)]}), members)
    assert load_files([inputs / "organisations.csv", members], warehouse, accept_valid=True).result == "partial"
    before = snapshot(warehouse)
    (row, record), = query(warehouse, "SELECT row_number, record FROM meta.quarantine")
    assert row == 2 and {k: v for k, v in json.loads(record).items() if v is not None} == {
        "_row": 2, "member_id": "P2", "org_id": "NOWHERE", "admitted_on": "2016-01-01"}
    assert rebuild(warehouse, Steps.quiet(), full=True).generation == 2
    assert snapshot(warehouse) == before

"""The core file: each generation is a pair, the served file (marts and meta: all the dashboard
reads) and its core file (the accepted rows, never served). The served file holds no core table;
every table the dashboard's SQL names is in it; a generation published before core files (core
inside the served file) is built on and rolled back to; a served generation whose core file is
gone is never built on (its rows would be lost) until `rebuild` makes it again."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import duckdb

from chibo.etl.corefile import ALIAS
from chibo.etl.generations import GenerationFiles, file_generation
from tests.etl.helpers import INPUTS, ROOT, assert_pairs, query, run_etl

DASHBOARD = ROOT / "chibo" / "dashboard"


def load(warehouse: Path, *names: str):
    return run_etl("load", *[str(INPUTS / n) for n in names], "--warehouse", str(warehouse))


def plain(path: Path, sql: str) -> list[tuple]:
    """A query on one file alone, as the dashboard opens it (nothing attached)."""
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_served_file_holds_only_what_the_dashboard_reads(demo_warehouse):
    """The demo's served file has marts and meta only; its core file has the core rows; every
    marts./meta. table, view, macro or type the dashboard's code names is in the served file."""
    schemas = {s for (s,) in plain(demo_warehouse, "SELECT DISTINCT schema_name FROM duckdb_tables()")}
    assert schemas == {"marts", "meta"}
    assert plain(demo_warehouse, "SELECT count(*) FROM duckdb_databases() WHERE NOT internal") == [(1,)]
    files = GenerationFiles(demo_warehouse)
    core = files.core_path(files.served())
    core_tables = {t for (t,) in plain(core, "SELECT table_name FROM duckdb_tables()")}
    assert {"organisations", "members", "meetings", "assessments", "documents",
            "reported_figures", "generation"} <= core_tables
    assert query(demo_warehouse, "SELECT count(*) > 0 FROM core.members") == [(True,)]
    texts = dashboard_strings()
    named = {n for text in texts for n in re.findall(r"\b((?:marts|meta)\.[a-z_0-9]+)\b", text)}
    present = {f"{s}.{t}" for s, t in plain(demo_warehouse, "SELECT schema_name, table_name FROM "
                                            "duckdb_tables() UNION SELECT schema_name, function_name "
                                            "FROM duckdb_functions() WHERE NOT internal UNION "
                                            "SELECT schema_name, view_name FROM duckdb_views() "
                                            "WHERE NOT internal UNION "
                                            "SELECT schema_name, type_name FROM duckdb_types() "
                                            "WHERE NOT internal")}
    prefixes = {n for n in named if n.endswith("_")}  # a name an f-string completes
    assert len(named) > 20 and named - prefixes <= present, sorted(named - prefixes - present)
    assert all(any(p.startswith(n) for p in present) for n in prefixes)
    assert not [t for t in texts if re.search(r"\bcore\.[a-z]", t)]


def dashboard_strings() -> list[str]:
    """Every string literal in the dashboard's code (its SQL is among them)."""
    out = []
    for path in DASHBOARD.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return out


def test_generations_are_pairs_through_load_rollback_and_prune(tmp_path):
    """Load, rollback and rebuild keep pairs; the next load builds on the rolled-back-to pair's
    core file; pruning removes both files of a generation."""
    warehouse = tmp_path / "warehouse.duckdb"
    for name in ("organisations.csv", "members.csv", "meetings.csv"):
        assert load(warehouse, name).returncode == 0
    assert_pairs(warehouse)
    assert run_etl("rollback", "--warehouse", str(warehouse), "--to", "2").returncode == 0
    assert_pairs(warehouse)
    assert query(warehouse, "SELECT (SELECT count(*) FROM core.members), "
                 "(SELECT count(*) FROM core.meetings)") == [(7, 0)]
    assert load(warehouse, "assessments.csv").returncode == 0  # built on generation 2's core
    assert query(warehouse, "SELECT max(generation), (SELECT count(*) FROM core.meetings), "
                 "(SELECT count(*) > 0 FROM core.assessments) FROM meta.generation") == [(4, 0, True)]
    pruned = run_etl("load", str(INPUTS / "meetings.csv"), "--warehouse", str(warehouse),
                     env={**os.environ, "CHIBO_KEEP_GENERATIONS": "1"})
    assert pruned.returncode == 0, pruned.stdout
    assert GenerationFiles(warehouse).on_disk() == [4, 5]  # 1, 2, 3 pruned: both files
    assert_pairs(warehouse)


def test_a_generation_with_core_inside_its_served_file_is_built_on_and_rolled_back_to(tmp_path):
    """A generation published before core files (its core tables in the served file): the next
    load carries its rows into a core file of its own, and a rollback to it is allowed."""
    warehouse = tmp_path / "warehouse.duckdb"
    assert load(warehouse, "organisations.csv").returncode == 0
    files = GenerationFiles(warehouse)
    with duckdb.connect(str(warehouse)) as con:  # the served file and generation 1 are one inode
        con.execute("ATTACH ? AS c (READ_ONLY)", [str(files.core_path(1))])
        con.execute(f"CREATE SCHEMA {ALIAS}")
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = "
                                    "'c' AND table_name <> 'generation'").fetchall():
            con.execute(f"CREATE TABLE {ALIAS}.{table} AS SELECT * FROM c.{table}")
    files.core_path(1).unlink()
    organisations = plain(warehouse, "SELECT count(*) FROM core.organisations")
    assert organisations[0][0] > 0
    assert load(warehouse, "members.csv").returncode == 0
    assert query(warehouse, "SELECT count(*) FROM core.organisations") == organisations
    assert query(warehouse, "SELECT count(*) FROM core.members") == [(7,)]
    assert {s for (s,) in plain(warehouse, "SELECT DISTINCT schema_name FROM duckdb_tables()")} == {
        "marts", "meta"}
    back = run_etl("rollback", "--warehouse", str(warehouse))
    assert back.returncode == 0, back.stdout
    assert query(warehouse, "SELECT max(generation), (SELECT count(*) FROM core.members) "
                 "FROM meta.generation") == [(1, 0)]


def test_a_served_generation_without_its_core_file_is_never_built_on(tmp_path):
    """Its core file gone, a load is refused (exit 3, nothing published) rather than publish a
    generation without the accepted rows; `rebuild` makes the pair again from the raw store;
    a rollback to a generation without its core file is refused too."""
    warehouse = tmp_path / "warehouse.duckdb"
    assert load(warehouse, "organisations.csv").returncode == 0
    assert load(warehouse, "members.csv").returncode == 0
    files = GenerationFiles(warehouse)
    files.core_path(2).unlink()
    refused = load(warehouse, "meetings.csv")
    assert refused.returncode == 3, refused.stdout
    assert "000002.core.duckdb" in refused.stdout and "rebuild" in refused.stdout
    assert file_generation(warehouse) == 2
    files.core_path(1).unlink()
    back = run_etl("rollback", "--warehouse", str(warehouse))
    assert back.returncode == 3 and "000001.core.duckdb" in back.stdout, back.stdout
    rebuilt = run_etl("rebuild", "--warehouse", str(warehouse))
    assert rebuilt.returncode == 0, rebuilt.stdout
    assert query(warehouse, "SELECT max(generation), (SELECT count(*) FROM core.members) "
                 "FROM meta.generation") == [(3, 7)]
    assert load(warehouse, "meetings.csv").returncode == 0
    assert query(warehouse, "SELECT count(*) > 0 FROM core.meetings") == [(True,)]


def core_state(warehouse: Path) -> tuple[dict, int]:
    """Every table of the served core file (rows, sorted) and its free blocks."""
    files = GenerationFiles(warehouse)
    with duckdb.connect(str(files.core_path(files.served())), read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        rows = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        return rows, con.execute("SELECT free_blocks FROM pragma_database_size()").fetchone()[0]


def test_a_load_copies_the_core_file_and_rewrites_it_only_when_worn(tmp_path):
    """Each load starts from a byte copy of the served core file: rows it replaces leave free
    blocks, kept while under CHIBO_CORE_COMPACT_PERCENT; at or over it the core file is rewritten
    without them. Both ways give the same rows, none lost; the served file is the same."""
    corrected = tmp_path / "in" / "meetings.csv"  # the same file name: a correction replaces rows
    corrected.parent.mkdir()
    corrected.write_text((INPUTS / "meetings.csv").read_text(encoding="utf-8").replace(",95,", ",96,"),
                         encoding="utf-8")
    states = {}
    for percent in ("100", "0"):
        warehouse = tmp_path / percent / "warehouse.duckdb"
        env = {**os.environ, "CHIBO_CORE_COMPACT_PERCENT": percent}
        for name in ("organisations.csv", "members.csv", "meetings.csv"):
            done = run_etl("load", str(INPUTS / name), "--warehouse", str(warehouse), env=env)
            assert done.returncode == 0, done.stdout
        done = run_etl("load", str(corrected), "--warehouse", str(warehouse), env=env)
        assert done.returncode == 0, done.stdout
        assert_pairs(warehouse)
        states[percent] = core_state(warehouse)
        assert query(warehouse, "SELECT count(*), count(*) FILTER (score = 96) FROM core.meetings") == [(5, 1)]
    (kept_rows, kept_free), (compact_rows, compact_free) = states["100"], states["0"]
    assert kept_free > 0 and compact_free == 0
    assert kept_rows == compact_rows and kept_rows["members"] and kept_rows["generation"] == [(1,), (2,), (3,), (4,)]


def test_a_core_file_with_a_column_dropped_since_is_copied_by_rows(tmp_path):
    """A byte copy keeps what the served core file holds: one with a required column the core
    tables' SQL no longer defines (as after an upgrade that dropped it) would refuse every insert.
    Such a file is copied row by row instead, the column left behind and no row lost."""
    warehouse = tmp_path / "warehouse.duckdb"
    assert load(warehouse, "organisations.csv", "members.csv").returncode == 0
    files = GenerationFiles(warehouse)
    with duckdb.connect(str(files.core_path(files.served()))) as con:
        con.execute("ALTER TABLE meetings ADD COLUMN retired_column VARCHAR NOT NULL DEFAULT 'x'")
        con.execute("ALTER TABLE meetings ALTER COLUMN retired_column DROP DEFAULT")
    done = load(warehouse, "meetings.csv")
    assert done.returncode == 0, done.stdout
    rows, _ = core_state(warehouse)
    assert len(rows["meetings"]) == 5 and len(rows["members"]) == 7
    assert query(warehouse, "SELECT count(*) FROM information_schema.columns WHERE column_name = "
                 "'retired_column'") == [(0,)]

"""The warehouse's own SQL: core tables, reference tables, marts (one SELECT per file) and the
checks a new generation must pass before it is published."""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from chibo.etl import contract
from chibo.etl.faults import CouldNotComplete
from chibo.etl.integrity import IDENTITY_CHECKS
from chibo.etl.settings import size_bytes

SQL_DIR = Path(__file__).parent / "sql"
REFERENCE_DIR = Path(__file__).parent / "reference"
SOURCE_TREE = Path(__file__).resolve().parents[2]

# Marts that others depend on come first; then facts, rollups, per-cell precomputations, the rest.
FIRST_MARTS = ("dim_month", "dim_province", "dim_region", "ref_events", "bridge_org_ancestor",
               "bridge_org_lineage",
               "dim_org")
PREFIX_ORDER = ("fct_", "agg_", "cell_")
LAST_MARTS = ("data_quality",)
SCALAR_MACROS = ("orgs.sql",)  # sql/macros over no table: made before the marts that use them
AFTER_MACROS = ("agg_member_structure", "agg_org_tree_by_key",  # rollups of a macro: built once
                "agg_subtree_structure", "fct_member_structure_yearly_by_key",  # the macros exist
                "agg_base_org_members_by_key", "agg_admissions_age_monthly")


# A mart whose SQL says `-- slices: <core table> by <date column>` is built a few years of that
# table at a time, each slice's rows appended in order (the column leads its ORDER BY): a slice's
# hash table and sort hold a few years of rows, not all of them (fct_meetings_monthly grouped the
# 70 M national meetings into 53 M cell-months at once and peaked 1,2 GB above the memory limit).
SLICES = re.compile(r"^-- slices: (\w+\.\w+) by (\w+)$", re.MULTILINE)
SLICE_SHARE = 400  # a slice aggregates at most memory limit / SLICE_SHARE rows (12 M at 5 GB)


def warehouse_path(cli_value: str | None = None) -> Path:
    """--warehouse, else $CHIBO_WAREHOUSE, else warehouse.duckdb in the data folder: $CHIBO_DATA_DIR,
    else `data/` of the source tree when run from it, else `data/` in the working folder (an
    installed package never writes into its site-packages; the dashboard's settings agree)."""
    value = cli_value or os.environ.get("CHIBO_WAREHOUSE")
    if value:
        return Path(value).expanduser().resolve()
    data_dir = os.environ.get("CHIBO_DATA_DIR") or (
        SOURCE_TREE / "data" if (SOURCE_TREE / "pyproject.toml").exists() else Path.cwd() / "data")
    return (Path(data_dir).expanduser() / "warehouse.duckdb").resolve()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the core and meta tables where missing (idempotent)."""
    con.execute((SQL_DIR / "core" / "tables.sql").read_text(encoding="utf-8"))
    for extra in sorted((SQL_DIR / "core").glob("*.sql")):
        if extra.name != "tables.sql":
            con.execute(extra.read_text(encoding="utf-8"))


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Every reference CSV becomes table ref.<name> (all text; marts cast)."""
    con.execute("CREATE SCHEMA IF NOT EXISTS ref")  # not kept in the served file
    for path in sorted(REFERENCE_DIR.glob("*.csv")):
        con.execute(f"CREATE OR REPLACE TABLE ref.{path.stem} AS SELECT * FROM "
                    "read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"')",
                    [str(path)])


def mart_files() -> list[Path]:
    """Mart SQL files in build order."""
    files = {p.stem: p for p in (SQL_DIR / "marts").glob("*.sql")}

    def rank(name: str) -> tuple[int, int, str]:
        if name in AFTER_MACROS:
            return (5, 0, name)
        if name in FIRST_MARTS:
            return (0, FIRST_MARTS.index(name), name)
        for i, prefix in enumerate(PREFIX_ORDER):
            if name.startswith(prefix):
                return (1 + i, 0, name)
        if name in LAST_MARTS:
            return (9, LAST_MARTS.index(name), name)
        return (5, 0, name)
    return [files[name] for name in sorted(files, key=rank)]


def _is_fact_or_rollup(name: str) -> bool:
    return name not in AFTER_MACROS and (name in FIRST_MARTS or name.startswith(PREFIX_ORDER))


def build_marts(con: duckdb.DuckDBPyConnection, progress=None) -> None:
    """Rebuild every mart from core and ref tables, the view showing ids over a table stored by
    key (contract.create_views) once that table is built. The table
    macros (sql/macros) are created once the facts and rollups they read exist, so the marts after
    them (figure_reconciliation) use them too."""
    load_reference(con)
    for name in SCALAR_MACROS:
        con.execute((SQL_DIR / "macros" / name).read_text(encoding="utf-8"))
    files = mart_files()
    macros = False
    for i, path in enumerate(files):
        if not macros and not _is_fact_or_rollup(path.stem):
            create_macros(con)
            macros = True
        build_mart(con, path.stem, path.read_text(encoding="utf-8").strip().rstrip(";"))
        contract.create_views(con, f"marts.{path.stem}")  # a no-op unless it is stored by key
        if progress:
            progress(i + 1, len(files), path.stem)
    if not macros:
        create_macros(con)


def build_mart(con: duckdb.DuckDBPyConnection, name: str, sql: str,
               budget: int | None = None) -> None:
    """marts.<name> from its SELECT: into the contract's own table where that has columns
    computed on read (CREATE TABLE AS cannot make them), rows inserted by name; in slices of at
    most `budget` rows (default: from the memory limit) where its SQL asks for them."""
    found = SLICES.search(sql)
    ranges = slice_ranges(con, *found.groups(), budget) if found else []
    parts = [sql]
    if len(ranges) >= 2:
        table, column = found.groups()
        parts = [re.sub(rf"\b{re.escape(table)}\b",
                        f"(SELECT * FROM {table} WHERE {column} >= DATE '{start}-01-01' "
                        f"AND {column} < DATE '{end}-01-01')", sql) for start, end in ranges]
    ddl = contract.statement(f"marts.{name}")
    if ddl:
        con.execute(ddl.replace("CREATE TABLE", "CREATE OR REPLACE TABLE", 1))
    for i, part in enumerate(parts):
        con.execute(f"CREATE OR REPLACE TABLE marts.{name} AS {part}" if i == 0 and not ddl
                    else f"INSERT INTO marts.{name} BY NAME {part}")


def slice_ranges(con: duckdb.DuckDBPyConnection, table: str, column: str,
                 budget: int | None = None) -> list[tuple[int, int]]:
    """[start year, end year) ranges of `table`'s rows by `column` (a DATE never NULL), whole
    years each, of at most `budget` rows (memory limit / SLICE_SHARE) unless a year alone holds
    more."""
    if budget is None:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        budget = size_bytes(limit) // SLICE_SHARE
    ranges: list[tuple[int, int]] = []
    rows = 0
    for year, count in con.execute(f"SELECT year({column}) AS y, count(*) FROM {table} "
                                   "GROUP BY y ORDER BY y").fetchall():
        if ranges and rows + count <= budget:
            ranges[-1] = (ranges[-1][0], year + 1)
            rows += count
        else:
            ranges.append((year, year + 1))
            rows = count
    return ranges


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The table macros (sql/macros: exact days, member structure) over the facts and rollups
    already built (also what the dashboard's test warehouse uses, so no reader restates them)."""
    first, last = con.execute("SELECT coalesce(min(month), DATE '2010-01-01'), coalesce(max(month), "
                              "DATE '2010-01-01') FROM marts.dim_month").fetchone()
    for path in sorted((SQL_DIR / "macros").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8").replace("{last_month}", last.isoformat())
                    .replace("{first_month}", first.isoformat()))


# Each check counts violations; a new generation is published only when all are zero.
CHECKS = {
    "organisation keys unique": "SELECT count(*) - count(DISTINCT org_id) FROM core.organisations",
    "member keys unique": "SELECT count(*) - count(DISTINCT (member_id, org_id)) FROM core.members",
    "meeting keys unique": "SELECT count(*) - count(DISTINCT meeting_id) FROM core.meetings",
    "members point at organisations": """SELECT count(*) FROM core.members m
        WHERE NOT EXISTS (SELECT 1 FROM core.organisations o WHERE o.org_id = m.org_id)""",
    "meetings point at organisations": """SELECT count(*) FROM core.meetings m
        WHERE NOT EXISTS (SELECT 1 FROM core.organisations o WHERE o.org_id = m.org_id)""",
    "one dim_org row per organisation":
        "SELECT (SELECT count(*) FROM marts.dim_org) - (SELECT count(*) FROM core.organisations)",
    "provinces known": """SELECT count(*) FROM marts.dim_org o WHERE o.province_code IS NOT NULL
        AND o.province_code NOT IN (SELECT province_code FROM marts.dim_province)""",
    "no negative stocks": """SELECT count(*) FROM marts.fct_membership_monthly_by_key
        WHERE official < 0 OR probationary < 0""",
    **IDENTITY_CHECKS,
}


class CheckFailed(CouldNotComplete):
    """A data check failed: the new generation is not published (exit 3, with the reason)."""


def run_checks(con: duckdb.DuckDBPyConnection) -> None:
    failed = {name: n for name, sql in CHECKS.items() if (n := con.execute(sql).fetchone()[0])}
    if failed:
        detail = "; ".join(f"{name}: {n}" for name, n in failed.items())
        raise CheckFailed(f"Kiểm tra dữ liệu không đạt, không công bố gì: {detail}",
                          f"Data checks failed, nothing was published: {detail}")
    broken = contract.differences(con)
    if broken:  # readers rely on exactly these tables, columns and types (chibo/etl/contract.py)
        detail = "; ".join(broken)
        raise CheckFailed(f"Kho dữ liệu không đúng hợp đồng, không công bố gì: {detail}",
                          f"Warehouse contract not met, nothing was published: {detail}")

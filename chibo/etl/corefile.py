"""The core file: the accepted rows of every input (organisations, members, meetings, assessments,
documents, reported figures) in a DuckDB file of its own per generation,
`<stem>.generations/<N:06d>.core.duckdb` (chibo/etl/generations.py), beside the served file
`<N:06d>.duckdb`, which holds only what the dashboard reads (marts and meta). The ETL attaches it
under the catalog name `core`, so its SQL names `core.members` as before (DuckDB resolves
`core.members` to the attached database's table `members`); the dashboard never opens it.

A core file records the generations it was written for in its table `generation` (like
meta.generation). A generation published before core files existed holds its core rows in the
served file's own schema `core`: `source` finds them there, and the next publication writes
them into a core file.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from chibo.etl.faults import CouldNotComplete, fault
from chibo.etl.generations import GenerationFiles, file_generation, fsync_file

ALIAS = "core"  # the catalog name the ETL attaches a core file under
STAMP = "generation"  # the core file's table of the generations written into it


@dataclass(frozen=True)
class Source:
    """Where a generation's core rows are: a core file (schema main) or, for a generation
    published before core files, the served file itself (schema core)."""

    path: Path
    schema: str


def attach(con: duckdb.DuckDBPyConnection, path: Path, read_only: bool = False) -> None:
    con.execute(f"ATTACH ? AS {ALIAS}" + (" (READ_ONLY)" if read_only else ""), [str(path)])


def _has_core_schema(path: Path) -> bool:
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = "
                                    "'core' AND database_name = current_database()").fetchone()[0])
    except duckdb.Error:
        return False


def source_of(files: GenerationFiles, generation: int | None, path: Path) -> Source | None:
    """The core rows of `generation` whose served file is `path` (None: not found)."""
    if generation is not None and files.core_path(generation).exists():
        return Source(files.core_path(generation), "main")
    return Source(path, ALIAS) if path.exists() and _has_core_schema(path) else None


def served_source(files: GenerationFiles) -> Source | None:
    """The core rows of the served generation (None: no warehouse, or none found)."""
    return source_of(files, files.served(), files.warehouse)


def require_pair(files: GenerationFiles, generation: int) -> Source:
    """The core rows of a kept `generation` to be served again, checked: its core file opens
    and was written for it (or it is a generation with core inside its served file)."""
    found = source_of(files, generation, files.path(generation))
    if found is not None and (found.schema == ALIAS or
                              file_generation(found.path, STAMP) == generation):
        return found
    name = files.core_path(generation).name
    raise CouldNotComplete(f"Tệp dữ liệu gốc của thế hệ {generation} thiếu hoặc không đọc được ({name})",
                           f"The core file of generation {generation} is missing or unreadable ({name})")


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """The served warehouse, read-only, with its core rows readable as core.* (for tools and
    tests: the dashboard never reads core)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    files = GenerationFiles(warehouse)
    served = files.served()
    if served is not None and files.core_path(served).exists():
        attach(con, files.core_path(served), read_only=True)
    return con


def copy(source: Path, target: Path) -> None:
    """A byte copy of a closed core file (checkpointed when published: no WAL beside it)."""
    if Path(f"{source}.wal").exists():
        raise CouldNotComplete(f"Tệp dữ liệu gốc còn nhật ký chưa ghi ({source.name}.wal)",
                               f"The core file has an unmerged write-ahead log ({source.name}.wal)")
    target.unlink(missing_ok=True)
    shutil.copyfile(source, target)


def holds_only(path: Path, make_schema) -> bool:
    """Whether every column of the core file `path` is one the core tables' SQL still defines
    (`make_schema(con)` creates them under catalog `core`). A byte copy keeps what a file holds:
    a column dropped since (required, inserts would fail) calls for a copy of the rows by name."""
    with duckdb.connect() as con:
        con.execute(f"ATTACH ':memory:' AS {ALIAS}")
        make_schema(con)
        con.execute("ATTACH ? AS served (READ_ONLY)", [str(path)])
        return not con.execute(
            "SELECT count(*) FROM duckdb_columns() s WHERE s.database_name = 'served' AND NOT "
            "EXISTS (SELECT 1 FROM duckdb_columns() c WHERE c.database_name = ? AND c.table_name "
            "= s.table_name AND c.column_name = s.column_name)", [ALIAS]).fetchone()[0]


def free_share(con: duckdb.DuckDBPyConnection, database: str = ALIAS) -> float:
    """The share of an attached database's blocks that are free (checkpointed first: blocks a
    delete frees count from the checkpoint after it)."""
    free, total = con.execute("SELECT free_blocks, total_blocks FROM pragma_database_size() "
                              "WHERE database_name = ?", [database]).fetchone()
    return free / total if total else 0.0


def compact(path: Path, config: dict) -> None:
    """Rewrite the closed core file `path` without its free blocks: every table copied into a
    fresh file beside it (a leftover of the writer if killed), which then replaces it. The rows,
    types, defaults and constraints are the same."""
    fresh = path.with_name(path.name + ".compact")
    fresh.unlink(missing_ok=True)
    with duckdb.connect(config={**config, "temp_directory": f"{fresh}.tmp"}) as con:
        con.execute("ATTACH ? AS worn (READ_ONLY)", [str(path)])
        con.execute("ATTACH ? AS fresh", [str(fresh)])
        con.execute("COPY FROM DATABASE worn TO fresh")
        con.execute("CHECKPOINT fresh")
    shutil.rmtree(f"{fresh}.tmp", ignore_errors=True)
    fsync_file(fresh)
    fault("mid_compact")
    os.replace(fresh, path)


def carry_over(con: duckdb.DuckDBPyConnection, published: Path, core: Source,
               rows: bool = True) -> None:
    """Copy the bookkeeping (meta) of the served generation into the new served file and, with
    rows, its accepted rows (core) into the attached core file (without: that file is a byte copy
    of the served one, chibo/etl/publish.py); marts are rebuilt. Rows are copied by name: a table
    that gained columns since is filled by name, and a column dropped since is left behind."""
    here = con.execute("SELECT current_database()").fetchone()[0]
    con.execute("ATTACH ? AS published (READ_ONLY)", [str(published)])
    sources = [("published", "meta", here, "meta")]
    if rows and core.path == published:
        sources.append(("published", ALIAS, ALIAS, "main"))
    elif rows:
        con.execute("ATTACH ? AS published_core (READ_ONLY)", [str(core.path)])
        sources.append(("published_core", "main", ALIAS, "main"))
    try:
        for database, schema, target, target_schema in sources:
            _copy_tables(con, database, schema, target, target_schema)
    finally:
        for database in {s[0] for s in sources}:
            con.execute(f"DETACH {database}")


def _copy_tables(con, database: str, schema: str, target: str, target_schema: str) -> None:
    tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND "
                         "schema_name = ?", [database, schema]).fetchall()
    for (table,) in tables:
        copy_rows(con, (database, schema), (target, target_schema), table)


def copy_rows(con, source: tuple[str, str], target: tuple[str, str], table: str,
              load_ids: list[int] | None = None) -> None:
    """Copy a table's rows (those of `load_ids` only, when given) from (database, schema) into
    the same table in another, by name: the columns both have."""
    columns = ", ".join(f'"{c}"' for (c,) in con.execute(
        """SELECT o.column_name FROM duckdb_columns() o JOIN duckdb_columns() n
           USING (table_name, column_name)
           WHERE o.database_name = ? AND o.schema_name = ? AND n.database_name = ?
             AND n.schema_name = ? AND table_name = ? ORDER BY o.column_index""",
        [*source, *target, table]).fetchall())
    where, params = ("", []) if load_ids is None else (" WHERE list_contains(?, load_id)", [load_ids])
    con.execute(f'INSERT INTO "{target[0]}"."{target[1]}"."{table}" BY NAME SELECT {columns} '
                f'FROM "{source[0]}"."{source[1]}"."{table}"{where}', params)

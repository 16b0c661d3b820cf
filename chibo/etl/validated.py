"""What the accepted rows of a core file were validated under, so that `rebuild` can keep them
instead of reading and validating every raw file again.

Every load applied to a core file leaves a row in its table `validated_loads`: the load, its
kind (inputs | documents), the rules key of that kind when it was validated and the digest of
its raw files (their content hashes, in order). The table is carried over with the core rows.
The rules key is a hash of everything that decides which rows a kind's load accepts and how
they are written to core: the ETL's source files and SQL except those that only publish, build
marts, serve or describe (EXCLUDED), the reference tables, the input limits, the DuckDB and
Unicode versions and the current year (a rule compares with today's year). Replaying the same
raw files under the same key gives the same rows, so a kind whose every load carries the
current key is kept as it is (chibo/etl/rebuild.py); any change of its rules replays it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import duckdb

from chibo.etl.settings import settings

ETL_DIR = Path(__file__).parent
TABLE = "validated_loads"  # in the core file (catalog `core`)
# The core tables each kind of load writes (the rest of the core file: bookkeeping).
KIND_TABLES = {
    "inputs": ("organisations", "members", "meetings", "assessments"),
    "documents": ("documents", "reported_figures"),
}
BOOKKEEPING = ("generation", TABLE)
# Sources that never change which rows a load accepts: publication, marts, serving, commands,
# the demo generator, reports. Everything else under chibo/etl counts (a new module too).
EXCLUDED = (
    "__init__.py", "__main__.py", "commands.py", "contract.py", "corefile.py", "faults.py",
    "generations.py", "ledger.py", "ledger_sqlite.py", "progress.py", "publish.py", "rebuild.py",
    "rollback.py", "shared.py", "status.py", "template.py", "warehouse.py", "writer.py",
    "demo", "report", "sql/marts", "sql/macros", "sql/contract.sql",
)
KIND_ONLY = {"documents": ("documents", "sql/core/documents.sql")}  # in this kind's key only


def _sources(kind: str, root: Path) -> list[Path]:
    others = [p for k, parts in KIND_ONLY.items() if k != kind for p in parts]
    skipped = [root / part for part in (*EXCLUDED, *others)]
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix not in (".py", ".sql", ".csv", ".txt"):
            continue
        if "__pycache__" in path.parts or any(path == s or s in path.parents for s in skipped):
            continue
        found.append(path)
    return found


def rules_key(kind: str, root: Path = ETL_DIR) -> str:
    """The key of the rules that validate and write a load of `kind` today."""
    digest = hashlib.sha256()
    for path in _sources(kind, root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    limits = sorted(asdict(settings().limits).items())
    digest.update(repr((kind, limits, duckdb.__version__, unicodedata.unidata_version,
                        dt.date.today().year)).encode())
    return digest.hexdigest()


def files_digest(hashes: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(hashes).encode()).hexdigest()


def record(con: duckdb.DuckDBPyConnection, loads: Iterable[tuple[int, str, list[str]]]) -> None:
    """Record (load id, kind, its files' hashes) as validated under today's rules."""
    keys: dict[str, str] = {}
    for load_id, kind, hashes in loads:
        key = keys.setdefault(kind, rules_key(kind))
        con.execute(f"DELETE FROM core.{TABLE} WHERE load_id = ?", [load_id])
        con.execute(f"INSERT INTO core.{TABLE} VALUES (?, ?, ?, ?)",
                    [load_id, kind, key, files_digest(hashes)])


def recorded(path: Path) -> dict[int, tuple[str, str, str]] | None:
    """load id → (kind, rules, files) recorded in the core file `path`; None when it has no
    record (made before records were kept) or cannot be read."""
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND "
                               "schema_name = 'main'", [TABLE]).fetchone()[0]:
                return None
            rows = con.execute(f"SELECT load_id, kind, rules, files FROM {TABLE}").fetchall()
    except duckdb.Error:
        return None
    return {load_id: (kind, rules, files) for load_id, kind, rules, files in rows}


def reusable_kinds(path: Path, loads) -> set[str]:
    """The kinds whose rows in the core file `path` are what replaying `loads` (LoadRecords,
    those the file's generation holds) would give: the file records exactly the loads of that
    kind, each with today's rules key and the same raw files."""
    held = recorded(path)
    if held is None:
        return set()
    kinds = set()
    for kind in KIND_TABLES:
        mine = [ld for ld in loads if ld.kind == kind]
        keep = {i for i, (k, _, _) in held.items() if k == kind} == {ld.load_id for ld in mine}
        key = rules_key(kind) if keep and mine else None
        if keep and all(held[ld.load_id][1:] == (key, files_digest(f.hash for f in ld.files))
                        for ld in mine):
            kinds.add(kind)
    return kinds

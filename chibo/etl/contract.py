"""The warehouse contract, read from chibo/etl/sql/contract.sql (plain DuckDB DDL: every table readers
may use, its grain as the table's comment, its typed columns in order). A new generation is
published only when its tables match it exactly (`differences`, called by the data checks); the
README's tables are generated from it (`python -m chibo.etl contract --markdown`); the dashboard's test
warehouse is created from it (`DDL`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb

DDL_FILE = Path(__file__).parent / "sql" / "contract.sql"
DDL = DDL_FILE.read_text(encoding="utf-8")
SCHEMAS = ("marts", "meta")
# An ENUM column's type names every value: the contract names it ENUM (marts.org_code, see CODES).
# A column with an expression (column_default) is a generated one: the contract has no defaults.
_COLUMNS = """SELECT schema_name || '.' || table_name, column_name,
    CASE WHEN data_type LIKE 'ENUM(%' THEN 'ENUM' ELSE data_type END, comment, column_default
    FROM duckdb_columns() WHERE schema_name IN ('marts', 'meta') AND database_name = {database}
    ORDER BY schema_name, table_name, column_index"""
# The statement making marts.org_code, the dictionary of dim_org's ids the big facts store org_id
# in; the contract runs it after dim_org (empty there), the ETL once dim_org is built.
CODES = next(line for line in DDL.splitlines() if line.startswith("CREATE TYPE marts.org_code"))


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    note: str = ""
    generated: str = ""  # the expression of a column computed on read (not stored)


@dataclass(frozen=True)
class Table:
    """schema.name, its grain (one row per …), and its columns in order."""

    schema: str
    name: str
    grain: str
    columns: tuple[Column, ...]

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@lru_cache(maxsize=1)
def tables() -> tuple[Table, ...]:
    """The contract's tables, in the order the file gives them."""
    con = duckdb.connect(":memory:")
    con.execute(DDL)
    grains = dict(con.execute("SELECT schema_name || '.' || table_name, comment FROM duckdb_tables()"
                              " WHERE database_name = 'memory'").fetchall())
    columns: dict[str, list[Column]] = {}
    for table, column, typ, note, expr in con.execute(
            _COLUMNS.format(database="'memory'")).fetchall():
        columns.setdefault(table, []).append(Column(column, typ, note or "", expr or ""))
    order = [line.split()[2] for line in DDL.splitlines() if line.startswith("CREATE TABLE")]
    return tuple(Table(*name.split("."), grains[name] or "", tuple(columns[name]))
                 for name in order)


def coded_tables() -> tuple[str, ...]:
    """The contract's tables with a column of type marts.org_code (ENUM)."""
    return tuple(t.qualified for t in tables() if any(c.type == "ENUM" for c in t.columns))


def statement(name: str) -> str | None:
    """The contract's CREATE TABLE statement of `schema.table` when it has a generated column (the
    ETL creates such a table from it, then inserts the mart's rows by name); None otherwise."""
    table = next(t for t in tables() if t.qualified == name)
    if not any(c.generated for c in table.columns):
        return None
    return _ddl_of(name)


def _ddl_of(name: str) -> str:
    """The contract file's CREATE TABLE statement of `schema.table`, as written."""
    start = DDL.index(f"CREATE TABLE {name} (")
    return DDL[start:DDL.index(");", start) + 2]


def create_codes(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)make marts.org_code from marts.dim_org; the coded tables made before are dropped first
    (a type in use cannot be replaced), so this runs before they are built."""
    for name in coded_tables():
        con.execute(f"DROP TABLE IF EXISTS {name}")
    con.execute("DROP TYPE IF EXISTS marts.org_code")
    con.execute(CODES)


def ddl_parts() -> tuple[str, str]:
    """The contract's DDL before marts.org_code is made and from there on: fill dim_org in between
    and the coded columns take its ids (how a test warehouse is made)."""
    before, after = DDL.split(CODES)
    return before, CODES + after


def _typed(typ: str, expr: str | None) -> str:
    return f"{typ} = {expr}" if expr else typ


def actual(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """{'schema.table': [(column, type), ...]} of the contract's schemas in a warehouse (the type
    of a generated column followed by "= its expression")."""
    out: dict[str, list[tuple]] = {}
    for table, column, typ, _note, expr in con.execute(
            _COLUMNS.format(database="current_database()")).fetchall():
        out.setdefault(table, []).append((column, _typed(typ, expr)))
    return out


def differences(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What differs between a warehouse and the contract, one line per table (empty: it holds)."""
    have = actual(con)
    want = {t.qualified: [(c.name, _typed(c.type, c.generated)) for c in t.columns]
            for t in tables()}
    out = [f"{name}: not in the contract" for name in sorted(set(have) - set(want))]
    out += [f"{name}: missing" for name in sorted(set(want) - set(have))]
    for name in sorted(set(have) & set(want)):
        if have[name] != want[name]:
            extra = [f"{c} {t}" for c, t in have[name] if (c, t) not in want[name]]
            lack = [f"{c} {t}" for c, t in want[name] if (c, t) not in have[name]]
            out.append(f"{name}: " + "; ".join(
                [f"has {', '.join(extra)}"] * bool(extra) + [f"lacks {', '.join(lack)}"] * bool(lack)
                + ["columns in another order"] * (not extra and not lack)))
    return out


def _written(table: str, column: str) -> str:
    """A generated column's expression as the contract's file writes it."""
    line = next(x for x in _ddl_of(table).splitlines() if x.strip().startswith(f"{column} "))
    return line.split("GENERATED ALWAYS AS (", 1)[1].rsplit(") VIRTUAL", 1)[0]


def markdown() -> str:
    """The README's tables of the contract: one row per table, its grain and typed columns."""
    lines = []
    for schema in SCHEMAS:
        lines += [f"| table (`{schema}`) | grain | columns |", "|---|---|---|"]
        for t in (t for t in tables() if t.schema == schema):
            cols = ", ".join(f"{c.name} {c.type}" + (f" ({c.note})" if c.note else "")
                             + (f" (computed on read, not stored: {_written(t.qualified, c.name)})"
                                if c.generated else "") for c in t.columns)
            lines.append(f"| `{t.name}` | {t.grain} | {cols} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

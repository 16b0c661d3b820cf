"""The warehouse contract, read from chibo/etl/sql/contract.sql (plain DuckDB DDL: every table readers
may use, its grain as the table's comment, its typed columns in order). A new generation is
published only when its tables match it exactly (`differences`, called by the data checks); the
README's tables are generated from it (`python -m chibo.etl contract --markdown`); the dashboard's test
warehouse is created from it (`DDL`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import duckdb

DDL_FILE = Path(__file__).parent / "sql" / "contract.sql"
DDL = DDL_FILE.read_text(encoding="utf-8")
SCHEMAS = ("marts", "meta")
# A column with an expression (column_default) is a generated one: the contract has no defaults.
# A view's columns are listed as a table's.
_COLUMNS = """SELECT schema_name || '.' || table_name, column_name, data_type, comment, column_default
    FROM duckdb_columns() WHERE schema_name IN ('marts', 'meta') AND database_name = {database}
    ORDER BY schema_name, table_name, column_index"""
# A table marts.<name>_by_key stores organisations by dim_org.org_key (an INTEGER, a few bits a
# row on disk); the view marts.<name> shows each key column as the id (KEYS: key → id column).
BY_KEY = "_by_key"
KEYS = {"org_key": "org_id", "base_org_key": "base_org_id", "parent_key": "parent_id"}
NULLABLE_KEYS = {"parent_key"}  # NULL at the top of the tree: the view keeps such rows


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
    view_of: str = ""  # a view's table stored by key (its name): the view shows the ids

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@lru_cache(maxsize=1)
def tables() -> tuple[Table, ...]:
    """The contract's tables, in the order the file gives them."""
    con = duckdb.connect(":memory:")
    con.execute(DDL)
    create_views(con)
    grains = dict(con.execute("SELECT schema_name || '.' || table_name, comment FROM duckdb_tables()"
                              " WHERE database_name = 'memory' UNION ALL SELECT schema_name || '.' ||"
                              " view_name, comment FROM duckdb_views() WHERE database_name = 'memory'"
                              " AND NOT internal").fetchall())
    columns: dict[str, list[Column]] = {}
    for table, column, typ, note, expr in con.execute(
            _COLUMNS.format(database="'memory'")).fetchall():
        columns.setdefault(table, []).append(Column(column, typ, note or "", expr or ""))
    order = [name for line in DDL.splitlines() if line.startswith("CREATE TABLE")
             for name in (_shown(line.split()[2]), line.split()[2]) if name]
    return tuple(Table(*name.split("."), grains[name] or "", tuple(columns[name]),
                       name.split(".")[1] + BY_KEY if name + BY_KEY in order else "")
                 for name in order)


def _shown(name: str) -> str | None:
    """The view showing ids of a table stored by key (marts.x_by_key → marts.x), else None."""
    return name.removesuffix(BY_KEY) if name.endswith(BY_KEY) else None


def keyed_tables() -> tuple[str, ...]:
    """The contract's tables that store organisations by dim_org.org_key."""
    return tuple(line.split()[2] for line in DDL.splitlines()
                 if line.startswith("CREATE TABLE") and line.split()[2].endswith(BY_KEY))


@lru_cache(maxsize=1)
def _keyed_columns() -> dict[str, tuple[str, list[tuple[str, str | None]]]]:
    """{'marts.x_by_key': (grain, [(column, note), ...])} of the tables stored by key, read from
    the contract file once."""
    con = duckdb.connect(":memory:")
    con.execute(DDL)
    out = {}
    for name in keyed_tables():
        rows = con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE schema_name ||"
                           " '.' || table_name = ? ORDER BY column_index", [name]).fetchall()
        grain = con.execute("SELECT comment FROM duckdb_tables() WHERE schema_name || '.' ||"
                            " table_name = ?", [name]).fetchone()[0]
        out[name] = (grain, rows)
    return out


@cache
def view_statements(name: str) -> tuple[str, ...]:
    """The statements making the view marts.<x> over marts.<x>_by_key (`name`): its columns in the
    table's order, each key column replaced by the id of dim_org it keys, with the table's grain and
    notes; a key that may be NULL shows NULL."""
    view = _shown(name)
    grain, rows = _keyed_columns()[name]
    picks, joins, notes = [], [], []
    for column, note in rows:
        shown = KEYS.get(column, column)
        if column in KEYS:
            alias = f"k_{column}"
            picks.append(f"{alias}.org_id AS {shown}")
            how = "LEFT JOIN" if column in NULLABLE_KEYS else "JOIN"
            joins.append(f"{how} marts.dim_org {alias} ON {alias}.org_key = t.{column}")
            note = (f"an id of dim_org ({name.split('.')[1]} stores its org_key)"
                    if note == "dim_org.org_key of the organisation" else note)
        else:
            picks.append(f"t.{column}")
        if note:
            notes.append(f"COMMENT ON COLUMN {view}.{shown} IS {_quoted(note)}")
    return (f"CREATE OR REPLACE VIEW {view} AS SELECT {', '.join(picks)} FROM {name} t "
            + " ".join(joins), f"COMMENT ON VIEW {view} IS {_quoted(grain)}", *notes)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_views(con: duckdb.DuckDBPyConnection, name: str | None = None) -> None:
    """The views showing ids over the tables stored by key: of `name` (a no-op unless it is one
    of them), or of all of them."""
    for table in keyed_tables() if name is None else [name] * (name in keyed_tables()):
        for sql in view_statements(table):
            con.execute(sql)


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
            shown = f" (view of `{t.view_of}`, ids in place of keys)" if t.view_of else ""
            lines.append(f"| `{t.name}`{shown} | {t.grain} | {cols} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

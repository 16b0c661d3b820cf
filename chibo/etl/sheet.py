"""One table of one input file as the batch's work database sees it: `Sheet.create_table` puts its
cells there (from an Arrow table, a CSV read by DuckDB, or a Parquet file) with the source row
number of each, and checks the cells (chibo.etl.cells)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from chibo.etl.cells import add_problems, check_cells, sql_text
from chibo.etl.problems import Problem
from chibo.etl.read_csv import CsvSource
from chibo.etl.schema import Entity
from chibo.etl.settings import settings

# (Parquet column type as read, input column type) pairs kept typed (Sheet.typed_columns)
TYPED = {("BIGINT", "int"), ("BIGINT", "number"), ("DATE", "date")}


@dataclass
class Sheet:
    """One table of one input file, recognised as one entity.

    Cells are held as an Arrow table of text (`_row` = source row number, the header row counts),
    or read by DuckDB straight from the file (CSV, Parquet), so large files never pass through
    Python. create_table puts them in the batch's work database and checks the cells (chibo.etl.cells).
    """

    path: Path
    sheet: str | None
    entity: Entity
    table: pa.Table | None  # canonical columns as text, plus _row
    parquet_columns: dict[str, tuple[str, str]] | None = None  # canonical → (source name, type)
    n_rows: int = 0
    ignored_headers: list[str] = field(default_factory=list)
    csv: CsvSource | None = None
    csv_columns: dict[str, int] = field(default_factory=dict)  # canonical → position
    warnings: list[Problem] = field(default_factory=list)  # found while creating the table

    def create_table(self, con: duckdb.DuckDBPyConnection, name: str, checks=()) -> None:
        """Create table (or view) `name` (_row BIGINT, one VARCHAR per entity column) in `con`;
        problems found on the way, and by `checks` (RowRule-like, over its text), go to
        work.problems."""
        _drop(con, name)
        targets = {c.name: (name, c.name) for c in self.entity.columns}
        if self.csv is not None:
            targets = self._load_csv(con, name)
        elif self.table is not None:
            con.register("_sheet_input", self.table)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM _sheet_input")
            con.unregister("_sheet_input")
        else:
            selects = ["file_row_number + 1 AS _row"]
            typed = self.typed_columns
            for col in self.entity.columns:
                source = (self.parquet_columns or {}).get(col.name)
                selects.append(f"{_parquet_column(source, col.name in typed)} AS {col.name}")
            # a view: the file is read where the cells are checked and typed, never copied
            con.execute(f"CREATE VIEW {name} AS SELECT {', '.join(selects)} FROM read_parquet("
                        f"{sql_text(str(self.path))}, file_row_number = true)")
            targets = {c: t for c, t in targets.items() if c not in typed}  # no text to check
        self.warnings.extend(check_cells(con, name, self.path, self.sheet, self.entity, targets, checks))

    @property
    def typed_columns(self) -> set[str]:
        """Parquet columns kept typed in the work table (whole numbers as BIGINT, dates as DATE):
        those feeding an input's whole-number, number or date column, whose every value the
        text form would give back unchanged; validation checks their values in SQL. Every
        other cell arrives as text."""
        kinds = {c.name: c.type for c in self.entity.columns}
        return {name for name, (_source, type_) in (self.parquet_columns or {}).items()
                if (type_, kinds.get(name)) in TYPED}

    def _load_csv(self, con, name: str) -> dict[str, tuple[str, str]]:
        data = f"{name}_data"
        _drop(con, data)
        width = len(self.csv.header)
        rows, problems = self.csv.load(con, data, width)
        add_problems(con, problems)
        count = con.execute(f"SELECT count(*) FROM {data}").fetchall()[0][0]
        self.n_rows = count + sum(1 for p in problems if p.row is not None)
        if count > settings().limits.max_rows:
            add_problems(con, [Problem.for_file(self.path, None, f"Quá nhiều dòng: hơn {settings().limits.max_rows:,}"
                                                .replace(",", "."), f"Too many rows: more than "
                                                f"{settings().limits.max_rows:,}", str(count))])
        if rows is None:  # row numbers cannot be told exactly (broken quotes reject the file)
            rows = np.arange(count) + self.csv.header_line + 1
        mapped = [f"c{pos}" for pos in self.csv_columns.values()]
        selects = [f"c{self.csv_columns[c.name]} AS {c.name}" if c.name in self.csv_columns
                   else f"NULL::VARCHAR AS {c.name}" for c in self.entity.columns]
        blank = " AND ".join(f"{c} IS NULL" for c in mapped) or "false"
        if not con.execute(f"SELECT EXISTS (SELECT 1 FROM {data} WHERE {blank})").fetchall()[0][0]:
            blank = "false"  # no row to leave out: each column is read on its own
        if count == 0 or (rows[-1] - rows[0] == count - 1):  # consecutive: no join needed
            source = f"(SELECT rowid + {int(rows[0]) if count else 0} AS _row, * FROM {data})"
        else:
            con.register("_lines", pa.table({"ordinal": np.arange(count), "line": rows}))
            con.execute(f"CREATE TABLE {name}_lines AS SELECT * FROM _lines")
            con.unregister("_lines")
            source = f"(SELECT l.line AS _row, d.* FROM {data} d JOIN {name}_lines l ON l.ordinal = d.rowid)"
        where = f" WHERE NOT ({blank})" if blank != "false" else ""
        con.execute(f"CREATE VIEW {name} AS SELECT _row, {', '.join(selects)} FROM {source}{where}")
        return {c: (data, f"c{pos}") for c, pos in self.csv_columns.items()}


def _drop(con, name: str) -> None:
    """Drop table or view `name` (schema.table) if it exists."""
    schema, _, table = name.rpartition(".")
    for kind, catalog in (("VIEW", "duckdb_views()"), ("TABLE", "duckdb_tables()")):
        found = con.execute(f"SELECT count(*) FROM {catalog} WHERE database_name = ? AND "
                            f"{'view_name' if kind == 'VIEW' else 'table_name'} = ?",
                            [schema or "work", table]).fetchall()[0][0]
        if found:
            con.execute(f"DROP {kind} {name}")
    for extra in ("_lines",):
        con.execute(f"DROP TABLE IF EXISTS {name}{extra}")


def _parquet_column(source: tuple[str, str] | None, typed: bool) -> str:
    if source is None:
        return "NULL::VARCHAR"
    if typed:
        return f"CAST({_quoted(source[0])} AS {source[1]})"
    return _parquet_text(*source)


def _quoted(source: str) -> str:
    """A Parquet column's name as an SQL identifier."""
    return '"' + source.replace('"', '""') + '"'


def _parquet_text(source: str, type_: str) -> str:
    """SQL turning a typed Parquet column into the same text a CSV would carry."""
    quoted = _quoted(source)
    upper = type_.upper()
    if upper.startswith(("DOUBLE", "FLOAT", "DECIMAL", "REAL")):
        return (f"CASE WHEN {quoted} = trunc({quoted}) THEN CAST(CAST({quoted} AS BIGINT) AS VARCHAR)"
                f" ELSE replace(CAST({quoted} AS VARCHAR), '.', ',') END")
    if upper == "DATE" or upper.startswith("TIMESTAMP"):
        return f"strftime(CAST({quoted} AS DATE), '%Y-%m-%d')"
    if upper == "BOOLEAN":
        return f"CASE WHEN {quoted} THEN '1' WHEN NOT {quoted} THEN '0' END"
    return f"CAST({quoted} AS VARCHAR)"


def arrow_sheet(path: Path, sheet: str | None, entity: Entity, columns: dict[str, pa.Array],
                rows: pa.Array, ignored: list[str]) -> Sheet:
    data = {"_row": rows}
    for col in entity.columns:
        data[col.name] = columns.get(col.name, pa.nulls(len(rows), pa.string()))
    return Sheet(path, sheet, entity, pa.table(data), n_rows=len(rows), ignored_headers=ignored)

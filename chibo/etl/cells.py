"""Checks on the cells of one sheet's table in the batch's work database, in SQL:
NUL characters, identifiers that Excel turned into scientific notation, text typed in a legacy
encoding (cell by cell, so a few legacy rows under a Unicode header are caught) and canonical
keys for identifiers and names (tone placement; look-alike letters, reported as a warning). Only
the distinct non-ASCII values of a column pass through Python. Problems go to work.problems."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from chibo.etl.canonical import canonical, look_alike, look_alike_reason
from chibo.etl.legacy import detect_legacy_encoding
from chibo.etl.problems import Problem
from chibo.etl.rules import RowRule
from chibo.etl.schema import Entity

SCIENTIFIC = r"^\s*[+-]?[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+\s*$"
SCIENTIFIC_REASON = (
    "Mã ở dạng số mũ: Excel đã đổi mã thành số và làm mất chữ số; định dạng cột là Text rồi "
    "nhập lại mã",
    "Identifier in scientific notation: Excel turned it into a number and lost digits; format "
    "the column as Text and enter the identifiers again")
CANONICAL_TYPES = ("id", "text")
TEXT_TYPES = ("id", "text", "enum", "province")


def legacy_problem(path: Path, sheet: str | None, encoding: str, where: str = "",
                   value: str | None = None) -> Problem:
    return Problem.for_file(
        path, sheet,
        f"Văn bản có vẻ được gõ bằng bảng mã cũ {encoding}, không phải Unicode{where}; hãy "
        "chuyển sang Unicode (ví dụ bằng Unikey) rồi nạp lại",
        f"The text looks like the legacy {encoding} encoding, not Unicode{where}; convert it to "
        "Unicode (e.g. with Unikey's converter) and load again", value=value or encoding)


def add_problems(con, problems: list[Problem]) -> None:
    if problems:
        con.executemany("INSERT INTO work.problems VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(p.file, p.sheet, p.row, p.column, p.value, p.reason_vi, p.reason_en)
                         for p in problems])


def sql_text(text: str | None) -> str:
    """A SQL string literal (NULL for None)."""
    return "NULL" if text is None else "'" + text.replace("'", "''") + "'"


def blank(column: str) -> str:
    """SQL: the cell is empty or only spaces (`nullif(trim(x), '') IS NULL`, trimming only the few
    cells that start with a space)."""
    return f"({column} IS NULL OR {column} = '' OR (starts_with({column}, ' ') AND trim({column}) = ''))"


def insert_checks(con, table: str, file: str, sheet: str | None, checks) -> None:
    """Every check (RowRule-like: column, condition, value, reason_vi, reason_en) of one table in
    one statement: a problem for each row and check whose condition holds. Each check is its own
    filtered scan of its columns (measured: cheaper than one scan testing every condition, since
    DuckDB then skips row groups by their statistics, e.g. a column without NULLs)."""
    if not checks:
        return
    parts = [f"SELECT {sql_text(file)}, {sql_text(sheet)}, _row, {sql_text(c.column)}, "
             f"CAST({c.value} AS VARCHAR), {sql_text(c.reason_vi)}, {sql_text(c.reason_en)} "
             f"FROM {table} WHERE {c.condition}" for c in checks]
    con.execute("INSERT INTO work.problems " + " UNION ALL ".join(parts))


def check_cells(con, table: str, path: Path, sheet: str | None, entity: Entity,
                targets: dict[str, tuple[str, str]], extra=()) -> list[Problem]:
    """Check `table` (_row and the entity's columns as text), in one pass with the `extra` checks
    (RowRule-like), then each column's distinct non-ASCII values; canonical spellings are written
    to targets[column] = (base table, its column). Returns the warnings."""
    warnings: list[Problem] = []
    columns = [col for col in entity.columns if col.name in targets]
    checks = list(extra)
    for col in columns:
        checks.append(RowRule(col.name, f"contains({col.name}, chr(0))",
                              f"replace({col.name}, chr(0), '\\0')", "Có ký tự NUL (mã 0) trong ô",
                              "NUL character (code 0) in the cell"))
        if col.type == "id":
            checks.append(RowRule(col.name, f"regexp_full_match({col.name}, {sql_text(SCIENTIFIC)})",
                                  col.name, *SCIENTIFIC_REASON))
    insert_checks(con, table, path.name, sheet or None, checks)
    for col in columns:
        name = col.name
        values = sorted(v for (v,) in con.execute(
            f"SELECT DISTINCT {name} FROM {table} WHERE strlen({name}) <> length({name})").fetchall())
        if col.type in TEXT_TYPES:
            for value in values:
                encoding = detect_legacy_encoding(value)
                if encoding:
                    row = con.execute(f"SELECT min(_row) FROM {table} WHERE {name} = ?", [value]).fetchall()[0][0]
                    add_problems(con, [legacy_problem(path, sheet, encoding,
                                                      f" (dòng/row {row}, cột/column {name})", value)])
                    return warnings
        tricky = [v for v in values if look_alike(v)]
        if tricky:
            row, count = con.execute(f"SELECT min(_row), count(*) FROM {table} WHERE list_contains(?, {name})",
                                     [tricky]).fetchall()[0]
            first = con.execute(f"SELECT {name} FROM {table} WHERE _row = ?", [row]).fetchall()[0][0]
            vi, en = look_alike_reason(look_alike(first))
            more = f" ({count} ô / cells)" if count > 1 else ""
            warnings.append(Problem(path.name, sheet, row, name, first, vi + more, en + more))
        if col.type in CANONICAL_TYPES:
            _canonicalise(con, values, *targets[name])
    return warnings


def _canonicalise(con, values: list[str], base: str, column: str) -> None:
    changes = [(v, canonical(v)) for v in values]
    changes = [(old, new) for old, new in changes if old != new]
    if not changes:
        return
    _as_table(con, base)
    con.register("_canonical", pa.table({"old": [o for o, _ in changes], "new": [n for _, n in changes]}))
    try:
        con.execute(f'UPDATE {base} SET "{column}" = c.new FROM _canonical c WHERE {base}."{column}" = c.old')
    finally:
        con.unregister("_canonical")


def _as_table(con, name: str) -> None:
    """Make the view `name` (schema.name: a Parquet file read in place) a table, to be updated."""
    schema, _, table = name.rpartition(".")
    if con.execute("SELECT count(*) FROM duckdb_views() WHERE database_name = ? AND view_name = ?",
                   [schema, table]).fetchall()[0][0]:
        con.execute(f"CREATE TABLE {name}_copy AS SELECT * FROM {name}")
        con.execute(f"DROP VIEW {name}")
        con.execute(f"ALTER TABLE {name}_copy RENAME TO {table}")

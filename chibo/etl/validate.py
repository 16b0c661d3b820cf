"""Validation of a batch of sheets inside DuckDB: typed rows per entity plus every problem found.

Each column's distinct values are parsed once in Python (chibo.etl.values); the column is then typed
by a vectorised SQL form proven to give the same value for each of them (a cast, a date format, a
CASE), or else by a join to that map. Parquet dates and whole numbers arrive typed: only the dates
a parser could refuse (before EARLIEST, after today) go through it (_kept_form). Row rules,
duplicate keys and referential integrity run as set-based SQL over the whole batch together with
the current warehouse; no per-row Python.
Every problem goes to the temp table `problems` (file, sheet, row, column, value, reasons).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from chibo.etl import reference
from chibo.etl.cells import blank, insert_checks, sql_text
from chibo.etl.integrity import duplicate_checks, integrity_checks, report_cycles
from chibo.etl.normalize import InvalidValue
from chibo.etl.problems import Problem
from chibo.etl.read import Sheet
from chibo.etl.rules import MEMBERSHIP_CHECKS, ROW_RULES, RowRule
from chibo.etl.schema import CELL_KINDS, ENTITIES, LOAD_ORDER, Entity
from chibo.etl.values import EARLIEST, parser_for, sql_forms, sql_type, today

MERGER_DATE = "2025-07-01"
PROBLEM_COLUMNS = "file, sheet, row, column_name, value, reason_vi, reason_en"
DERIVED_COLUMNS = {"meetings": ("score_quality",)}  # computed in _derived, carried to staging


@dataclass
class SheetInput:
    """A validated sheet: its typed rows live in temp table `typed_<n>`."""

    n: int
    sheet: Sheet

    @property
    def typed(self) -> str:
        return f"work.typed_{self.n}"


def start(con: duckdb.DuckDBPyConnection) -> None:
    """Create the batch's problem table."""
    con.execute("""CREATE OR REPLACE TABLE work.problems (
        file VARCHAR, sheet VARCHAR, row BIGINT, column_name VARCHAR, value VARCHAR,
        reason_vi VARCHAR, reason_en VARCHAR)""")
    con.execute("CREATE OR REPLACE TABLE work.sheet_index (n INTEGER, file VARCHAR, sheet VARCHAR)")


def add_problems(con: duckdb.DuckDBPyConnection, problems: list[Problem]) -> None:
    if problems:
        con.executemany(f"INSERT INTO work.problems ({PROBLEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(p.file, p.sheet, p.row, p.column, p.value, p.reason_vi, p.reason_en)
                         for p in problems])


def validate_batch(con: duckdb.DuckDBPyConnection, sheets: list[Sheet],
                   thresholds: tuple[float, float, float], progress=None) -> dict[str, str]:
    """Validate all sheets; returns entity → temp view of its valid, typed rows.

    Rows listed in `problems` are excluded from the views.
    """
    ordered = sorted(sheets, key=lambda s: LOAD_ORDER[s.entity.name])
    inputs = []
    for n, sheet in enumerate(ordered):
        inputs.append(_type_sheet(con, n, sheet, thresholds))
        if progress:
            progress(n + 1, len(ordered))
    for entity in ENTITIES:
        _union(con, entity, [i for i in inputs if i.sheet.entity is entity])
    _duplicates(con)
    _integrity(con)
    _memberships(con)
    return {e.name: f"valid_{e.name}" for e in ENTITIES}


def _type_sheet(con, n: int, sheet: Sheet, thresholds) -> SheetInput:
    raw = f"work.in_{n}"
    entity = sheet.entity
    # required: blank as read (a value that did not parse is reported by its parser)
    kept = sheet.typed_columns  # typed as read (Parquet): no text to parse
    sheet.create_table(con, raw, [RowRule(c.name, f"{c.name} IS NULL" if c.name in kept else blank(c.name),
                                          "NULL", "Thiếu giá trị bắt buộc", "Required value missing")
                                  for c in entity.columns if c.required])
    con.execute("INSERT INTO work.sheet_index VALUES (?, ?, ?)", [n, sheet.path.name, sheet.sheet])
    file_sql, sheet_sql = sql_text(sheet.path.name), sql_text(sheet.sheet or None)
    selects, joins = ["r._row"], []
    parsed = [c for c in entity.columns if c.type not in ("id", "text", "province") and c.name not in kept]
    typed = {c.name: _kept_form(con, raw, n, entity, c, joins, file_sql, sheet_sql)
             for c in entity.columns if c.name in kept}
    for col, failed in zip(parsed, _map_distinct(con, raw, n, entity, parsed)):
        mapping = f"map_{n}_{col.name}"
        typed[col.name] = None if failed else _sql_form(con, mapping, entity, col)
        if typed[col.name] is None:  # a join to the map of distinct values
            joins.append(f"LEFT JOIN {mapping} ON {mapping}.raw = r.{col.name}")
            typed[col.name] = f"{mapping}.val"
        if failed:
            _map_problems(con, raw, col.name, mapping, file_sql, sheet_sql)
    for col in entity.columns:
        if col.type in ("id", "text"):
            selects.append(f"nullif(CASE WHEN regexp_full_match(r.{col.name}, '[!-~]+') THEN r.{col.name} "
                           f"ELSE regexp_replace(trim(nfc_normalize(r.{col.name})), '\\s+', ' ', 'g') END, '') "
                           f"AS {col.name}")  # printable ASCII without spaces: nothing to normalise
        elif col.type != "province":
            selects.append(f"{typed[col.name].replace('{x}', f'r.{col.name}')} AS {col.name}")
    derived = _derived(entity.name, thresholds)
    con.execute(f"CREATE OR REPLACE TABLE work.typed_{n} AS SELECT {derived} FROM (SELECT "
                f"{', '.join(selects)} FROM {raw} r {' '.join(joins)})")
    if any(c.type == "province" for c in entity.columns):
        _resolve_provinces(con, n, file_sql, sheet_sql)
    insert_checks(con, f"work.typed_{n}", sheet.path.name, sheet.sheet or None, ROW_RULES.get(entity.name, ()))
    return SheetInput(n, sheet)


def _kept_form(con, raw: str, n: int, entity: Entity, col, joins: list[str], file_sql: str,
               sheet_sql: str) -> str:
    """The typed form of a column kept typed as read (Sheet.typed_columns): a whole number parses
    to itself; of the dates, those before EARLIEST or after today go through the column's parser
    (their text written yyyy-mm-dd, as a text cell would be), which rejects or keeps each as it
    would the text, with the same reasons. Problems go to work.problems."""
    type_ = sql_type(entity, col)
    if col.type != "date":
        return f"CAST({{x}} AS {type_})"
    text = f"strftime(r.{col.name}, '%Y-%m-%d')"
    outside = (f"r.{col.name} < DATE '{EARLIEST}-01-01' OR r.{col.name} > "
               f"DATE '{today().isoformat()}'")
    values = [v for (v,) in con.execute(f"SELECT DISTINCT {text} FROM {raw} r WHERE {outside}").fetchall()]
    if not values:
        return "{x}"
    mapping = f"map_{n}_{col.name}"
    _map_values(con, f"{mapping}_text", values, parser_for(entity, col), type_)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {mapping} AS SELECT DISTINCT r.{col.name} AS raw,
        m.val, m.reason_vi, m.reason_en FROM {raw} r JOIN {mapping}_text m ON m.raw = {text}
        WHERE {outside}""")
    con.execute(f"""INSERT INTO work.problems SELECT {file_sql}, {sheet_sql}, r._row, '{col.name}',
        {text}, m.reason_vi, m.reason_en FROM {raw} r JOIN {mapping} m ON m.raw = r.{col.name}
        WHERE m.reason_en IS NOT NULL""")
    joins.append(f"LEFT JOIN {mapping} ON {mapping}.raw = r.{col.name}")
    return f"CASE WHEN {mapping}.raw IS NULL THEN {{x}} ELSE {mapping}.val END"


def _derived(entity: str, thresholds) -> str:
    """Columns computed while typing: meeting quality from the score when absent (thresholds
    for good, fair, average) and score_quality, the level the score implies under them (kept to
    flag a recorded level contradicting the score); a member's joining date defaulting to the
    admission date."""
    if entity == "meetings":
        good, fair, average = (float(t) for t in thresholds)
        level = (f"CASE WHEN score >= {good} THEN 4 WHEN score >= {fair} THEN 3 WHEN score >= {average} "
                 "THEN 2 WHEN score IS NOT NULL THEN 1 END")
        return (f"* REPLACE (coalesce(quality, {level})::TINYINT AS quality), "
                f"({level})::TINYINT AS score_quality")
    if entity == "members":
        return "* REPLACE (coalesce(joined_on, admitted_on) AS joined_on)"
    return "*"


def _map_distinct(con, raw: str, n: int, entity: Entity, columns) -> list[bool]:
    """Parse each distinct value of each column once; store map_<n>_<col> (raw, val, reason_vi,
    reason_en). Returns, per column, whether a value failed."""
    failed = []
    for col in columns:  # blanks left out after DISTINCT: a filter before it costs more
        values = [v for (v,) in con.execute(f"SELECT DISTINCT {col.name} FROM {raw}").fetchall()
                  if v is not None and v.strip(" ")]
        failed.append(_map_values(con, f"map_{n}_{col.name}", values, parser_for(entity, col),
                                  sql_type(entity, col)))
    return failed


def _map_values(con, mapping: str, values: list[str], parse, type_: str) -> bool:
    parsed, vi, en = [], [], []
    for value in values:
        try:
            parsed.append(parse(value.strip()))
            vi.append(None)
            en.append(None)
        except (InvalidValue, ValueError) as exc:
            parsed.append(None)
            vi.append(getattr(exc, "reason_vi", None) or str(exc))
            en.append(getattr(exc, "reason_en", None) or str(exc))
    table = pa.table({"raw": pa.array(values, pa.string()),
                      "val": pa.array([None if p is None else str(p) if type_ == "VARCHAR" else p
                                       for p in parsed]),
                      "reason_vi": pa.array(vi, pa.string()), "reason_en": pa.array(en, pa.string())})
    con.register("_map_input", table)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {mapping} AS
        SELECT raw, CAST(val AS {type_}) AS val, reason_vi, reason_en FROM _map_input""")
    con.unregister("_map_input")
    return any(v is not None for v in en)


def _sql_form(con, mapping: str, entity: Entity, col) -> str | None:
    """A vectorised SQL expression (over `{x}`) giving exactly the map's value for every distinct
    value and NULL for blanks, if one of the column's usual forms does; else None (join)."""
    type_ = sql_type(entity, col)
    rows = con.execute(f"SELECT raw, val FROM {mapping}").fetchall()
    for form in sql_forms(col, type_, "{x}", rows):
        expr = form.replace("{x}", "raw")
        blanks = form.replace("{x}", "b")
        wrong = con.execute(f"""SELECT (SELECT count(*) FROM {mapping} WHERE val IS DISTINCT FROM {expr})
            + (SELECT count(*) FROM (VALUES (''), (' '), ('   ')) t(b) WHERE {blanks} IS NOT NULL)""").fetchall()
        if wrong == [(0,)]:
            return form
    return None


def _map_problems(con, raw: str, column: str, mapping: str, file_sql: str, sheet_sql: str) -> None:
    con.execute(f"""INSERT INTO work.problems SELECT {file_sql}, {sheet_sql}, r._row, '{column}', r.{column},
        m.reason_vi, m.reason_en FROM {raw} r JOIN {mapping} m ON m.raw = r.{column}
        WHERE m.reason_en IS NOT NULL""")


def _resolve_provinces(con, n: int, file_sql: str, sheet_sql: str) -> None:
    """Province names resolve by the organisation's founding date (old names before the merger)."""
    pairs = con.execute(f"""SELECT DISTINCT r.province, coalesce(t.founded_on >= DATE '{MERGER_DATE}', false)
        FROM work.in_{n} r JOIN work.typed_{n} t USING (_row)
        WHERE nullif(trim(r.province), '') IS NOT NULL""").fetchall()
    rows = []
    for text, after in pairs:
        try:
            code = reference.resolve_province(text.strip(), _merger_day(after))
            rows.append((text, after, code, None, None))
        except (InvalidValue, ValueError) as exc:
            rows.append((text, after, None, getattr(exc, "reason_vi", str(exc)),
                         getattr(exc, "reason_en", str(exc))))
    con.execute(f"""CREATE OR REPLACE TEMP TABLE map_{n}_province (raw VARCHAR, after BOOLEAN,
        val VARCHAR, reason_vi VARCHAR, reason_en VARCHAR)""")
    if rows:
        con.executemany(f"INSERT INTO map_{n}_province VALUES (?, ?, ?, ?, ?)", rows)
    con.execute(f"ALTER TABLE work.typed_{n} ADD COLUMN province VARCHAR")
    con.execute(f"""UPDATE work.typed_{n} t SET province = m.val FROM work.in_{n} r, map_{n}_province m
        WHERE r._row = t._row AND m.raw = r.province
          AND m.after = coalesce(t.founded_on >= DATE '{MERGER_DATE}', false)""")
    con.execute(f"""INSERT INTO work.problems SELECT DISTINCT {file_sql}, {sheet_sql}, r._row, 'province',
        r.province, m.reason_vi, m.reason_en FROM work.in_{n} r JOIN map_{n}_province m ON m.raw = r.province
        WHERE m.reason_en IS NOT NULL""")


def _merger_day(after: bool) -> dt.date | None:
    return dt.date.fromisoformat(MERGER_DATE) if after else None


def _union(con, entity: Entity, inputs: list[SheetInput]) -> None:
    """All typed rows of one entity in the batch, with their source; `valid_*` drops problem rows."""
    cols = ", ".join([c.name for c in entity.columns] + list(DERIVED_COLUMNS.get(entity.name, ())))
    parts = [f"""SELECT {sql_text(i.sheet.path.name)} AS file, {sql_text(i.sheet.sheet)
              if i.sheet.sheet else 'NULL'} AS sheet, {i.n} AS sheet_no, _row, {cols}
              FROM work.typed_{i.n}""" for i in inputs]
    if not parts:
        types = ", ".join([f"NULL::{sql_type(entity, c)} AS {c.name}" for c in entity.columns]
                          + [f"NULL::TINYINT AS {c}" for c in DERIVED_COLUMNS.get(entity.name, ())])
        parts = [f"SELECT NULL::VARCHAR AS file, NULL::VARCHAR AS sheet, 0 AS sheet_no, "
                 f"0::BIGINT AS _row, {types} WHERE false"]
    con.execute(f"CREATE OR REPLACE TEMP VIEW batch_{entity.name} AS " + " UNION ALL ".join(parts))
    con.execute(f"""CREATE OR REPLACE TEMP VIEW valid_{entity.name} AS SELECT * FROM batch_{entity.name} b
        WHERE NOT EXISTS (SELECT 1 FROM work.problems p WHERE p.file = b.file
                          AND p.sheet IS NOT DISTINCT FROM b.sheet AND p.row = b._row)
          AND NOT EXISTS (SELECT 1 FROM work.problems p WHERE p.file = b.file AND p.row IS NULL)""")


def _duplicates(con) -> None:
    """The same natural key twice in the batch, or already loaded from another file."""
    for sql in duplicate_checks():
        con.execute(sql)


def _memberships(con) -> None:
    """Memberships inside the life of their cell; one cell at a time per member."""
    for sql in MEMBERSHIP_CHECKS:
        con.execute(sql)


def _integrity(con) -> None:
    for _ in range(5):  # a rejected organisation rejects what points at it; repeat to a fixpoint
        before = con.execute("SELECT count(*) FROM work.problems").fetchone()[0]
        for sql in integrity_checks(CELL_KINDS):
            con.execute(sql)
        report_cycles(con)
        if con.execute("SELECT count(*) FROM work.problems").fetchone()[0] == before:
            break

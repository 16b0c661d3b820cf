"""`load`: read → validate → stage → upsert into core → publish, all or nothing by default.

With accept_valid the valid rows load and the rejected ones are kept in meta.quarantine. Either
way every problem is written to a CSV report. Every load is recorded in the ledger (chibo.etl.ledger);
content the served generation already holds changes nothing, and a rejected load publishes
nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from chibo.etl import validate
from chibo.etl.faults import fault
from chibo.etl.ledger import FileRecord
from chibo.etl.problems import Problem
from chibo.etl.progress import Steps
from chibo.etl.publish import Publication
from chibo.etl.rawstore import file_hash
from chibo.etl.read import read_file
from chibo.etl.schema import ENTITIES
from chibo.etl.warehouse import SQL_DIR, mart_files

DEFAULT_THRESHOLDS = (90.0, 70.0, 50.0)
UPSERT_KEYS = {
    "organisations": ("org_id",),
    "members": ("member_id", "org_id"),
    "meetings": ("meeting_id",),
    "assessments": ("subject_kind", "subject_id", "year"),
}


@dataclass
class FileStat:
    file: str
    sheet: str | None
    entity: str | None
    rows_read: int
    rows_rejected: int

    @property
    def rows_loaded(self) -> int:
        return self.rows_read - self.rows_rejected


@dataclass
class LoadOutcome:
    """What a load did: result is loaded | partial | rejected | unchanged."""

    result: str
    stats: list[FileStat] = field(default_factory=list)
    problems: int = 0
    sample: list[tuple] = field(default_factory=list)  # the first problems, for the summary
    report: Path | None = None
    generation: int | None = None
    load_id: int | None = None
    warnings: list[Problem] = field(default_factory=list)  # never reject: look-alike letters, skipped sheets


def load_files(paths: list[Path], warehouse: Path, accept_valid: bool = False,
               thresholds: tuple[float, float, float] = DEFAULT_THRESHOLDS,
               report: Path | None = None, steps: Steps | None = None,
               dry_run: bool = False, wait: bool = True) -> LoadOutcome:
    """Validate and load `paths` as one batch. dry_run: validate fully and write the report, but
    record and publish nothing. wait=False: refused (WriterBusy) while another load runs."""
    steps = steps or Steps.quiet()
    with Publication(warehouse, on_wait=steps.waiting, dry_run=dry_run, wait=wait) as pub:
        outcome = stage_inputs(pub, paths, accept_valid, thresholds, report, steps)
        if pub.dry_run or outcome.result in ("rejected", "unchanged"):
            return outcome
        publish_with_marts(pub, outcome, steps)
    return outcome


def stage_inputs(pub: Publication, paths: list[Path], accept_valid: bool = False,
                 thresholds: tuple[float, float, float] = DEFAULT_THRESHOLDS,
                 report: Path | None = None, steps: Steps | None = None) -> LoadOutcome:
    """Validate `paths` as one batch in the publication's new file and, when accepted, apply it
    and record the load (its files kept in the raw store); publishing is the caller's."""
    steps = steps or Steps.quiet()
    records = [FileRecord(p.name, file_hash(p), p.stat().st_size) for p in paths]
    options = {"accept_valid": accept_valid, "thresholds": list(thresholds)}
    if not pub.dry_run and pub.already_loaded([r.hash for r in records], "inputs"):
        return LoadOutcome("unchanged")
    load_id = None if pub.dry_run else pub.begin("inputs", records, options)
    pub.expect(paths)
    outcome = apply_inputs(pub.con, paths, [r.hash for r in records], load_id, accept_valid,
                           thresholds, steps)
    if outcome.problems:
        outcome.report = _write_report(pub.con, report or _default_report(pub.warehouse))
    if pub.dry_run:
        return outcome
    summary = {"result": outcome.result, "problems": outcome.problems,
               "report": str(outcome.report) if outcome.report else None,
               "detail": _warnings_text(outcome.warnings)}
    if outcome.result == "rejected":
        pub.finish("rejected", **summary)
        return outcome
    pub.ledger.update_load(load_id, files=pub.store_files(paths, records), **summary)
    return outcome


def publish_with_marts(pub: Publication, outcome: LoadOutcome, steps: Steps) -> None:
    """Build the marts and publish the loads staged in `pub`; the generation goes to outcome."""
    outcome.generation = publish_in_steps(pub, steps, note=f"load {outcome.load_id}: {outcome.result}",
                                          made_by="inputs")


def publish_in_steps(pub: Publication, steps: Steps, **publish) -> int:
    """pub.publish(**publish), a progress step per mart, then one for publishing."""
    with steps.task("Tổng hợp và công bố / building marts and publishing",
                    len(mart_files()) + 1) as advance:
        generation = pub.publish(progress=lambda *_: advance(), **publish)
        advance()
    return generation


def apply_inputs(con, paths: list[Path], hashes: list[str], load_id: int | None,
                 accept_valid: bool, thresholds, steps: Steps, names: list[str] | None = None,
                 loaded_at: str | None = None) -> LoadOutcome:
    """Read and validate one batch in `con` and, when accepted and load_id is given, upsert it
    into core and record it in meta. `names` overrides the file names reported (rebuild)."""
    with tempfile.TemporaryDirectory() as tmp:
        shown = _named_copies(paths, names, Path(tmp)) if names else paths
        reads = []
        with steps.task("Đọc tệp / reading files", len(shown)) as advance:
            for path in shown:
                reads.append(read_file(path))
                advance()
        fault("after_read")
        validate.start(con)
        validate.add_problems(con, [p for r in reads for p in r.problems])
        sheets = [s for r in reads for s in r.sheets]
        with steps.task("Kiểm tra / validating", len(sheets)) as advance:
            validate.validate_batch(con, sheets, thresholds, progress=lambda *_: advance())
        fault("after_validate")
        outcome = _outcome(con, reads, accept_valid)
        outcome.load_id = load_id
        outcome.warnings = [w for r in reads for w in (*r.warnings, *(w for s in r.sheets for w in s.warnings))]
        if load_id is not None and outcome.result != "rejected":  # Parquet is read in place:
            _upsert(con, load_id)                                  # the named copies still there
            _record(con, load_id, reads, hashes, outcome, loaded_at)
    return outcome


def _warnings_text(warnings: list[Problem]) -> str | None:
    if not warnings:
        return None
    return json.dumps([[w.where(), w.value, w.reason_vi, w.reason_en] for w in warnings[:50]],
                      ensure_ascii=False)


def _named_copies(paths: list[Path], names: list[str], tmp: Path) -> list[Path]:
    """Links to stored raw files under their original names, so reports name the real file."""
    shown = []
    for i, (path, name) in enumerate(zip(paths, names)):
        folder = tmp / str(i)
        folder.mkdir()
        link = folder / name
        os.symlink(path.resolve(), link)
        shown.append(link)
    return shown


def _outcome(con, reads, accept_valid: bool) -> LoadOutcome:
    problems = con.execute("SELECT count(*) FROM work.problems").fetchone()[0]
    stats = []
    for read in reads:
        for sheet in read.sheets:
            rejected = con.execute(
                "SELECT count(DISTINCT row) FROM work.problems WHERE file = ? AND sheet IS NOT DISTINCT FROM ?",
                [sheet.path.name, sheet.sheet]).fetchone()[0]
            stats.append(FileStat(sheet.path.name, sheet.sheet, sheet.entity.name, sheet.n_rows, rejected))
        if any(p.row is None for p in read.problems):
            stats.append(FileStat(read.path.name, None, None, 0, 0))
    if not problems:
        result = "loaded"
    elif accept_valid and any(s.rows_loaded for s in stats):
        result = "partial"
    else:
        result = "rejected"
    if result == "rejected":
        for s in stats:
            s.rows_rejected = s.rows_read
    sample = con.execute("""SELECT file, sheet, row, column_name, value, reason_vi, reason_en
        FROM work.problems ORDER BY file, sheet, row NULLS FIRST LIMIT 20""").fetchall()
    return LoadOutcome(result, stats, problems, sample)


def _upsert(con, load_id: int) -> None:
    """Replace by natural key: rows of the batch overwrite the same keys in core."""
    for entity in ENTITIES:
        stg = (SQL_DIR / "staging" / f"stg_{entity.name}.sql").read_text(encoding="utf-8")
        con.execute(f"CREATE OR REPLACE TEMP VIEW stg_{entity.name} AS {stg}")
        keys = UPSERT_KEYS[entity.name]
        match = " AND ".join(f"c.{k} = s.{k}" for k in keys)
        # an empty core table (a first load, a rebuild's first replay) has nothing to replace:
        # no join of the whole batch's keys (70 M meetings nationally)
        if con.execute(f"SELECT EXISTS (SELECT 1 FROM core.{entity.name})").fetchone()[0]:
            con.execute(f"""DELETE FROM core.{entity.name} c
                WHERE EXISTS (SELECT 1 FROM stg_{entity.name} s WHERE {match})""")
        con.execute(f"INSERT INTO core.{entity.name} BY NAME SELECT *, {int(load_id)} AS load_id "
                    f"FROM stg_{entity.name}")


def _record(con, load_id: int, reads, hashes, outcome: LoadOutcome, loaded_at: str | None) -> None:
    now = dt.datetime.fromisoformat(loaded_at) if loaded_at else dt.datetime.now().replace(microsecond=0)
    by_name = {r.path.name: h for r, h in zip(reads, hashes)}
    for s in outcome.stats:
        con.execute("INSERT INTO meta.load_ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [load_id, now, s.file, by_name[s.file], s.entity, s.sheet, s.rows_read,
                     s.rows_loaded if outcome.result != "rejected" else 0, s.rows_rejected,
                     outcome.result])
    # Rejected rows with the record as read, so nothing submitted is lost.
    con.execute("""INSERT INTO meta.quarantine
        SELECT ?, p.file, p.sheet, p.row, p.column_name, p.value, p.reason_vi, p.reason_en, NULL, ?
        FROM work.problems p""", [load_id, outcome.result])
    sheets = con.execute("""SELECT n, file, sheet FROM work.sheet_index s WHERE EXISTS (SELECT 1
        FROM work.problems p WHERE p.file = s.file AND p.sheet IS NOT DISTINCT FROM s.sheet
          AND p.row IS NOT NULL)""").fetchall()  # a sheet without problem rows is not read again
    for n, file, sheet in sheets:
        con.execute(f"""UPDATE meta.quarantine q SET record = CAST(to_json(r) AS VARCHAR)
            FROM work.in_{int(n)} r WHERE q.load_id = ? AND q.file_name = ?
              AND q.sheet IS NOT DISTINCT FROM ? AND q.row_number = r._row""", [load_id, file, sheet])


def _default_report(warehouse: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return warehouse.parent / "reports" / f"load-{stamp}-{os.getpid()}.csv"


def _write_report(con, report: Path) -> Path:
    """Every problem as CSV, UTF-8 with BOM (Excel shows the diacritics)."""
    report.parent.mkdir(parents=True, exist_ok=True)
    body = report.with_name(report.name + ".body")
    try:
        con.execute(f"""COPY (SELECT file, sheet, row, column_name AS "column", value, reason_vi,
            reason_en FROM work.problems ORDER BY file, sheet, row NULLS FIRST)
            TO '{body.as_posix().replace("'", "''")}' (HEADER, DELIMITER ',')""")
        with report.open("wb") as out, body.open("rb") as src:
            out.write(b"\xef\xbb\xbf")
            while block := src.read(1 << 20):
                out.write(block)
    except BaseException:
        report.unlink(missing_ok=True)
        raise
    finally:
        body.unlink(missing_ok=True)
    return report

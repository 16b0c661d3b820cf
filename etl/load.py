"""`load`: read → validate → stage → upsert into core → publish, all or nothing by default.

With accept_valid the valid rows load and the rejected ones are kept in meta.quarantine. Either
way every problem is written to a CSV report. Content already loaded changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from etl import validate
from etl.progress import Steps
from etl.publish import Publication
from etl.rawstore import RawStore, file_hash
from etl.read import read_file
from etl.schema import ENTITIES
from etl.warehouse import SQL_DIR

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


def load_files(paths: list[Path], warehouse: Path, accept_valid: bool = False,
               thresholds: tuple[float, float, float] = DEFAULT_THRESHOLDS,
               report: Path | None = None, steps: Steps | None = None,
               names: list[str] | None = None, store_raw: bool = True,
               dry_run: bool = False) -> LoadOutcome:
    """Validate and load `paths` as one batch. `names` overrides the file names reported (rebuild).
    dry_run: validate fully and write the report, but publish nothing."""
    steps = steps or Steps.quiet()
    store = RawStore(warehouse)
    hashes = [file_hash(p) for p in paths]
    if store_raw and set(hashes) <= store.known_hashes("inputs"):
        return LoadOutcome("unchanged")
    with tempfile.TemporaryDirectory() as tmp, Publication(warehouse, on_wait=steps.waiting) as pub:
        shown = _named_copies(paths, names, Path(tmp)) if names else paths
        if store_raw:
            store.prune(_published_load_ids(pub.con))
        reads = []
        with steps.task("Đọc tệp / reading files", len(shown)) as advance:
            for path in shown:
                reads.append(read_file(path))
                advance()
        con = pub.con
        validate.start(con)
        validate.add_problems(con, [p for r in reads for p in r.problems])
        sheets = [s for r in reads for s in r.sheets]
        with steps.task("Kiểm tra / validating", len(sheets)) as advance:
            validate.validate_batch(con, sheets, thresholds, progress=lambda *_: advance())
        outcome = _outcome(con, reads, accept_valid)
        if dry_run:
            if outcome.problems:
                outcome.report = _write_report(con, report or _default_report(warehouse))
            return outcome
        load_id = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM meta.load_ledger").fetchone()[0]
        outcome.load_id = load_id
        if outcome.result != "rejected":
            _upsert(con, load_id)
        _record(con, load_id, reads, hashes, outcome)
        if outcome.problems:
            outcome.report = _write_report(con, report or _default_report(warehouse))
        stored = [store.put(p, h) for p, h in zip(paths, hashes)] if (
            store_raw and outcome.result != "rejected") else []
        entry = {"load_id": load_id, "kind": "inputs", "accept_valid": accept_valid,
                 "thresholds": list(thresholds), "loaded_at": dt.datetime.now().isoformat(" ", "seconds"),
                 "files": [{"hash": h, "name": s.name, "stored_as": st.name}
                           for h, s, st in zip(hashes, shown, stored)]}
        with steps.task("Tổng hợp và công bố / building marts and publishing", 1) as advance:
            outcome.generation = pub.publish(
                note=f"load {load_id}: {outcome.result}",
                before_swap=(lambda: store.append(entry)) if stored else None)
            advance()
    return outcome


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


def _published_load_ids(con) -> set[int]:
    return {row[0] for row in con.execute("SELECT DISTINCT load_id FROM meta.load_ledger").fetchall()}


def _outcome(con, reads, accept_valid: bool) -> LoadOutcome:
    problems = con.execute("SELECT count(*) FROM work.problems").fetchone()[0]
    stats = []
    for read in reads:
        for sheet in read.sheets:
            rejected = con.execute(
                "SELECT count(DISTINCT row) FROM work.problems WHERE file = ? AND sheet IS NOT DISTINCT FROM ?",
                [sheet.path.name, sheet.sheet]).fetchone()[0]
            stats.append(FileStat(sheet.path.name, sheet.sheet, sheet.entity.name, sheet.n_rows, rejected))
        if read.problems:
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
        con.execute(f"""DELETE FROM core.{entity.name} c
            WHERE EXISTS (SELECT 1 FROM stg_{entity.name} s WHERE {match})""")
        con.execute(f"INSERT INTO core.{entity.name} BY NAME SELECT *, {int(load_id)} AS load_id "
                    f"FROM stg_{entity.name}")


def _record(con, load_id: int, reads, hashes, outcome: LoadOutcome) -> None:
    now = dt.datetime.now().replace(microsecond=0)
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
    for n, file, sheet in con.execute("SELECT n, file, sheet FROM work.sheet_index").fetchall():
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
    con.execute(f"""COPY (SELECT file, sheet, row, column_name AS "column", value, reason_vi, reason_en
        FROM work.problems ORDER BY file, sheet, row NULLS FIRST) TO '{body.as_posix().replace("'", "''")}'
        (HEADER, DELIMITER ',')""")
    with report.open("wb") as out, body.open("rb") as src:
        out.write(b"\xef\xbb\xbf")
        while block := src.read(1 << 20):
            out.write(block)
    body.unlink()
    return report

"""`documents`: read texts, extract their figures, and publish them into core.documents and
core.reported_figures (a file read again, or a new version of a file of the same name, replaces its
rows), keeping each file in the raw store and the load in the ledger so `rebuild` can replay it
(apply_documents); summary per document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
from rich.console import Console
from rich.table import Table

from chibo.etl.documents import DOCUMENT_COLUMNS, FIGURE_COLUMNS, document_paths, extract, read_document
from chibo.etl.documents.extract import DocumentResult
from chibo.etl.ledger import FileRecord
from chibo.etl.progress import Steps
from chibo.etl.publish import Publication
from chibo.etl.rawstore import file_hash


@dataclass
class DocumentsOutcome:
    """What `documents` did: per document, its extraction and its reconciliation with the
    warehouse (doc_id → agree, compared, not comparable); result loaded | unchanged."""

    result: str
    documents: list[DocumentResult] = field(default_factory=list)
    generation: int | None = None
    reconciliation: dict[str, tuple[int, int, int]] = field(default_factory=dict)


def load_documents(paths: list[Path], warehouse: Path, steps: Steps | None = None
                   ) -> DocumentsOutcome:
    steps = steps or Steps.quiet()
    files = document_paths(paths)
    records = [FileRecord(p.name, file_hash(p), p.stat().st_size) for p in files]
    hashes = [r.hash for r in records]
    with Publication(warehouse, on_wait=steps.waiting) as pub:
        if pub.already_loaded(hashes, "documents"):
            return DocumentsOutcome("unchanged")
        load_id = pub.begin("documents", records, {})
        results = apply_documents(pub.con, files, [p.name for p in files], hashes, load_id, None,
                                  steps)
        pub.ledger.update_load(load_id, files=pub.store_files(files, records), result="loaded")
        with steps.task("Công bố / publishing", 1) as advance:
            generation = pub.publish(note=f"documents {load_id}", made_by="documents")
            advance()
    return DocumentsOutcome("loaded", results, generation,
                            _reconciliation(warehouse, [r.document["doc_id"] for r in results]))


def apply_documents(con, files: list[Path], names: list[str], hashes: list[str], load_id: int,
                    loaded_at: str | None, steps: Steps) -> list[DocumentResult]:
    """Extract the figures of `files` and write them, and their ledger rows, into `con`."""
    results = []
    with steps.task("Trích số liệu / extracting figures", len(files)) as advance:
        for path, name, digest in zip(files, names, hashes):
            # keyed by the raw file: re-reading it under newer cleaning rules replaces its rows
            results.append(extract(read_document(path), name, doc_id=digest))
            advance()
    _replace(con, results, hashes, load_id)
    at = dt.datetime.fromisoformat(loaded_at) if loaded_at else dt.datetime.now().replace(microsecond=0)
    for result, digest in zip(results, hashes):
        con.execute("INSERT INTO meta.load_ledger VALUES (?, ?, ?, ?, 'document', NULL, ?, ?, 0, 'loaded')",
                    [load_id, at, result.document["source_name"], digest,
                     len(result.figures), len(result.figures)])
    return results


def _reconciliation(warehouse: Path, doc_ids: list[str]) -> dict[str, tuple[int, int, int]]:
    """Per document, from the published marts.figure_reconciliation: figures agreeing with the
    warehouse, figures compared, figures that cannot be (metric not kept, scope unresolved …)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT doc_id, count(*) FILTER (WHERE agrees), count(agrees), "
            "count(*) FILTER (WHERE agrees IS NULL) FROM marts.figure_reconciliation "
            "WHERE list_contains(?, doc_id) GROUP BY doc_id", [doc_ids]).fetchall()
    finally:
        con.close()
    return {doc_id: (agree, compared, other) for doc_id, agree, compared, other in rows}


def _rows(records: list[dict], columns: list[tuple[str, str]], extra: dict) -> pa.Table:
    names = [c for c, _ in columns]
    data = {c: [r.get(c) for r in records] for c in names}
    data.update({k: [v] * len(records) for k, v in extra.items()})
    return pa.table(data)


def _replace(con, results: list[DocumentResult], hashes: list[str], load_id: int) -> None:
    """A document read again replaces its earlier rows (same doc_id = same raw file), and so does
    a new version of a file of the same name (a corrected article): idempotent."""
    for result, digest in zip(results, hashes):
        doc = _rows([result.document], DOCUMENT_COLUMNS, {"source_hash": digest, "load_id": load_id})
        figures = _rows(result.figures, FIGURE_COLUMNS, {})
        doc_id, name = result.document["doc_id"], result.document["source_name"]
        old = "SELECT doc_id FROM core.documents WHERE source_name = ? UNION SELECT ?"
        con.execute(f"DELETE FROM core.reported_figures WHERE doc_id IN ({old})", [name, doc_id])
        con.execute(f"DELETE FROM core.documents WHERE doc_id IN ({old})", [name, doc_id])
        con.register("_doc", doc)
        con.execute("INSERT INTO core.documents BY NAME SELECT * FROM _doc")
        con.unregister("_doc")
        if result.figures:
            con.register("_figures", figures)
            con.execute("INSERT INTO core.reported_figures BY NAME SELECT * FROM _figures")
            con.unregister("_figures")


def print_summary(console: Console, outcome: DocumentsOutcome) -> None:
    if outcome.result == "unchanged":
        console.print("Các văn bản này đã được đọc trước đây, không có gì thay đổi / "
                      "these documents were read before: nothing changed")
        return
    table = Table("văn bản / document", "ngày đăng / published", "số liệu / figures",
                  "tổng khớp / parts add up", "khớp kho / agree with warehouse",
                  title="Số liệu công bố / published figures")
    for result in outcome.documents:
        doc, figures = result.document, result.figures
        checks = [f["parts_sum_ok"] for f in figures if f["parts_sum_ok"] is not None]
        agree, compared, other = outcome.reconciliation.get(doc["doc_id"], (0, 0, 0))
        table.add_row(doc["source_name"],
                      doc["published_on"].strftime("%d/%m/%Y") if doc["published_on"] else "—",
                      str(len(figures)),
                      "—" if not checks else ("có / yes" if all(checks) else "không / no"),
                      f"{agree}/{compared}" + (f" (+{other} không so được / not comparable)"
                                               if other else ""))
    console.print(table)
    for result in outcome.documents:
        counts: dict[str, int] = {}
        for f in result.figures:
            counts[f["metric"]] = counts.get(f["metric"], 0) + 1
        if counts:
            console.print(f"  {result.document['source_name']}: "
                          + ", ".join(f"{m} {n}" for m, n in sorted(counts.items())))
    console.print(f"Thế hệ kho dữ liệu / warehouse generation {outcome.generation}")

"""`documents`: read texts, extract their figures, and publish them into core.documents and
core.reported_figures (replacing a document's rows when it is read again), keeping each file in
the raw store so `rebuild` can replay it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from rich.console import Console
from rich.table import Table

from etl.documents import DOCUMENT_COLUMNS, FIGURE_COLUMNS, document_paths, extract, read_document
from etl.documents.extract import DocumentResult
from etl.progress import Steps
from etl.publish import Publication
from etl.rawstore import RawStore, file_hash


@dataclass
class DocumentsOutcome:
    """What `documents` did: per document, its extraction; result loaded | unchanged."""

    result: str
    documents: list[DocumentResult] = field(default_factory=list)
    generation: int | None = None


def load_documents(paths: list[Path], warehouse: Path, steps: Steps | None = None,
                   names: list[str] | None = None, store_raw: bool = True) -> DocumentsOutcome:
    steps = steps or Steps.quiet()
    files = document_paths(paths) if names is None else list(paths)
    names = names or [p.name for p in files]
    store = RawStore(warehouse)
    hashes = [file_hash(p) for p in files]
    if store_raw and set(hashes) <= store.known_hashes("documents"):
        return DocumentsOutcome("unchanged")
    results = []
    with steps.task("Trích số liệu / extracting figures", len(files)) as advance:
        for path, name, digest in zip(files, names, hashes):
            # keyed by the raw file: re-reading it under newer cleaning rules replaces its rows
            results.append(extract(read_document(path), name, doc_id=digest))
            advance()
    with Publication(warehouse, on_wait=steps.waiting) as pub:
        con = pub.con
        load_id = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM meta.load_ledger").fetchone()[0]
        _replace(con, results, hashes, load_id)
        now = dt.datetime.now().replace(microsecond=0)
        for result, digest in zip(results, hashes):
            con.execute("INSERT INTO meta.load_ledger VALUES (?, ?, ?, ?, 'document', NULL, ?, ?, 0, 'loaded')",
                        [load_id, now, result.document["source_name"], digest,
                         len(result.figures), len(result.figures)])
        stored = [store.put(p, h) for p, h in zip(files, hashes)] if store_raw else []
        entry = {"load_id": load_id, "kind": "documents", "loaded_at": now.isoformat(" "),
                 "files": [{"hash": h, "name": n, "stored_as": s.name}
                           for h, n, s in zip(hashes, names, stored)]}
        with steps.task("Công bố / publishing", 1) as advance:
            generation = pub.publish(note=f"documents {load_id}",
                                     before_swap=(lambda: store.append(entry)) if stored else None)
            advance()
    return DocumentsOutcome("loaded", results, generation)


def _rows(records: list[dict], columns: list[tuple[str, str]], extra: dict) -> pa.Table:
    names = [c for c, _ in columns]
    data = {c: [r.get(c) for r in records] for c in names}
    data.update({k: [v] * len(records) for k, v in extra.items()})
    return pa.table(data)


def _replace(con, results: list[DocumentResult], hashes: list[str], load_id: int) -> None:
    """A document read again replaces its earlier rows (by doc_id): idempotent."""
    for result, digest in zip(results, hashes):
        doc = _rows([result.document], DOCUMENT_COLUMNS, {"source_hash": digest, "load_id": load_id})
        figures = _rows(result.figures, FIGURE_COLUMNS, {})
        doc_id = result.document["doc_id"]
        con.execute("DELETE FROM core.reported_figures WHERE doc_id = ?", [doc_id])
        con.execute("DELETE FROM core.documents WHERE doc_id = ?", [doc_id])
        con.register("_doc", doc)
        con.execute("INSERT INTO core.documents BY NAME SELECT * FROM _doc")
        con.unregister("_doc")
        if result.figures:
            con.register("_figures", figures)
            con.execute("INSERT INTO core.reported_figures BY NAME SELECT * FROM _figures")
            con.unregister("_figures")


def print_summary(console: Console, outcome: DocumentsOutcome) -> None:
    if outcome.result == "unchanged":
        console.print("Các văn bản này đã được đọc trước đây / these documents were read before")
        return
    table = Table("văn bản / document", "ngày đăng / published", "số liệu / figures",
                  "theo chỉ tiêu / by metric", "tổng khớp / totals add up",
                  title="Số liệu công bố / published figures")
    for result in outcome.documents:
        doc, figures = result.document, result.figures
        counts: dict[str, int] = {}
        for f in figures:
            counts[f["metric"]] = counts.get(f["metric"], 0) + 1
        checks = [f["parts_sum_ok"] for f in figures if f["parts_sum_ok"] is not None]
        table.add_row(doc["source_name"],
                      doc["published_on"].strftime("%d/%m/%Y") if doc["published_on"] else "—",
                      str(len(figures)), ", ".join(f"{m} {n}" for m, n in sorted(counts.items())),
                      "—" if not checks else ("có / yes" if all(checks) else "không / no"))
    console.print(table)
    console.print(f"Thế hệ kho dữ liệu / warehouse generation {outcome.generation}")

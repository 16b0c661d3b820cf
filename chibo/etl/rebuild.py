"""`rebuild`: make the warehouse again from the loads the served generation holds (as the ledger
says), in load order, into new files, and publish them as the next generation. Holds the writer
lock for the whole run, so no load can finish meanwhile and be lost; generation numbers only
grow, and the replayed loads keep their ids. The marts come out the same as those built load by
load.

Every stored raw file is checked against its content hash first. A kind of load (inputs,
documents) whose rows in the served core file were validated from the same raw files under
today's rules (chibo/etl/validated.py) is kept as it is, with its bookkeeping: reading and
validating them again would give the same rows. Every other kind is replayed from the raw store
(all of them with full=True). A load that is rejected on replay (the rules changed since) stops
the rebuild: nothing is published.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from chibo.etl import corefile, validated
from chibo.etl.faults import CouldNotComplete
from chibo.etl.generations import file_generation
from chibo.etl.ledger import LoadRecord, published_loads
from chibo.etl.load import LoadOutcome, _write_report, apply_inputs, publish_in_steps
from chibo.etl.progress import Steps
from chibo.etl.publish import Publication
from chibo.etl.rawstore import file_hash

KEPT_META = ("load_ledger", "quarantine")  # the bookkeeping of a kept load, in meta


@dataclass
class RebuildOutcome:
    loads: list[tuple[int, LoadOutcome]] = field(default_factory=list)
    generation: int | None = None
    kept: list[int] = field(default_factory=list)  # loads whose validated rows were kept


def rebuild(warehouse: Path, steps: Steps, full: bool = False) -> RebuildOutcome:
    result = RebuildOutcome()
    with Publication(warehouse, on_wait=steps.waiting) as pub:
        loads = published_loads(pub.ledger)
        if not loads:
            return result
        _check_raw_files(pub, loads, steps)
        source = None if full else _served_core_file(pub)
        kept = validated.reusable_kinds(source, loads) if source else set()
        replay = [ld for ld in loads if ld.kind not in kept]
        pub.expect([pub.store.root / f.stored_as for ld in replay for f in ld.files])
        with steps.task("Giữ các dòng đã kiểm tra / keeping the validated rows", 1) as advance:
            con = pub.open(carry_over=False, core_copy=source if "inputs" in kept else None)
            _keep(con, pub, source, kept, loads, copied="inputs" in kept)
            advance()
        for load in loads:
            if load.kind in kept:
                result.kept.append(load.load_id)
                result.loads.append((load.load_id, LoadOutcome(load.result or "loaded",
                                                               load_id=load.load_id)))
                continue
            outcome = _replay(con, pub, load, steps)
            result.loads.append((load.load_id, outcome))
            if outcome.result == "rejected":
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                outcome.report = _write_report(con, warehouse.parent / "reports" /
                                               f"rebuild-{stamp}-{os.getpid()}.csv")
                return result
        validated.record(con, [(ld.load_id, ld.kind, [f.hash for f in ld.files]) for ld in replay])
        result.generation = publish_in_steps(pub, steps, note="rebuild", made_by="rebuild",
                                             loads=[ld.load_id for ld in loads])
    return result


def _replay(con, pub: Publication, load: LoadRecord, steps: Steps) -> LoadOutcome:
    paths = [pub.store.root / f.stored_as for f in load.files]
    names = [f.name for f in load.files]
    hashes = [f.hash for f in load.files]
    if load.kind == "documents":
        from chibo.etl.documents.load import apply_documents

        apply_documents(con, paths, names, hashes, load.load_id, load.started_at, steps)
        return LoadOutcome("loaded", load_id=load.load_id)
    return apply_inputs(con, paths, hashes, load.load_id, load.options.get("accept_valid", False),
                        tuple(load.options.get("thresholds", (90, 70, 50))), steps,
                        names=names, loaded_at=load.started_at)


def _check_raw_files(pub: Publication, loads: list[LoadRecord], steps: Steps) -> None:
    """Every stored raw file is there and has its content hash (the store is the authority a
    rebuild stands on, even for the rows it keeps)."""
    files = {f.stored_as: f for ld in loads for f in ld.files}
    with steps.task("Kiểm tra tệp gốc / checking the stored inputs", len(files)) as advance:
        for stored_as, record in files.items():
            path = pub.store.root / (stored_as or "")
            if not stored_as or not path.is_file() or file_hash(path) != record.hash:
                raise CouldNotComplete(
                    f"Tệp gốc đã lưu của {record.name} bị thiếu hoặc hỏng ({path.name}): không dựng lại",
                    f"The stored input {record.name} is missing or damaged ({path.name}): "
                    "nothing was rebuilt")
            advance()


def _served_core_file(pub: Publication) -> Path | None:
    """The served generation's core file, when it is there and written for it."""
    served = pub.files.served()
    if served is None:
        return None
    path = pub.files.core_path(served)
    if not path.exists() or file_generation(path, corefile.STAMP) != served:
        return None
    return path


def _keep(con, pub: Publication, source: Path | None, kept: set[str], loads: list[LoadRecord],
          copied: bool) -> None:
    """The rows of the kept kinds in the new files, and none of the others': the core file was
    copied whole (copied), or the kept kinds' tables are copied into a new one; the kept loads'
    bookkeeping comes from the served file."""
    ids = [ld.load_id for ld in loads if ld.kind in kept]
    for kind, tables in validated.KIND_TABLES.items():
        if copied and kind not in kept:
            for table in tables:
                con.execute(f"DELETE FROM {corefile.ALIAS}.{table}")
            con.execute(f"DELETE FROM {corefile.ALIAS}.{validated.TABLE} WHERE kind = ?", [kind])
    if not kept:
        return
    con.execute("ATTACH ? AS published (READ_ONLY)", [str(pub.warehouse)])
    if not copied:
        con.execute("ATTACH ? AS published_core (READ_ONLY)", [str(source)])
    try:
        for table in KEPT_META:
            corefile.copy_rows(con, ("published", "meta"), (_here(con), "meta"), table, ids)
        if not copied:
            for table in (t for kind in kept for t in validated.KIND_TABLES[kind]):
                corefile.copy_rows(con, ("published_core", "main"), (corefile.ALIAS, "main"), table)
            corefile.copy_rows(con, ("published_core", "main"), (corefile.ALIAS, "main"),
                               validated.TABLE, ids)
    finally:
        con.execute("DETACH published")
        if not copied:
            con.execute("DETACH published_core")


def _here(con) -> str:
    return con.execute("SELECT current_database()").fetchone()[0]

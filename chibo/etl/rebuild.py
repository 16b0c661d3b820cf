"""`rebuild`: replay the loads the served generation holds (as the ledger says), in load order,
from the raw store into a new file, and publish it as the next generation. Holds the writer lock
for the whole run, so no load can finish meanwhile and be lost; generation numbers only grow,
and the replayed loads keep their ids. The marts come out the same as those built load by load.
A load that is rejected on replay (the rules changed since) stops the rebuild: nothing is
published.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from chibo.etl.ledger import published_loads
from chibo.etl.load import LoadOutcome, _write_report, apply_inputs
from chibo.etl.progress import Steps
from chibo.etl.publish import Publication


@dataclass
class RebuildOutcome:
    loads: list[tuple[int, LoadOutcome]] = field(default_factory=list)
    generation: int | None = None


def rebuild(warehouse: Path, steps: Steps) -> RebuildOutcome:
    result = RebuildOutcome()
    with Publication(warehouse, on_wait=steps.waiting) as pub:
        loads = published_loads(pub.ledger)
        if not loads:
            return result
        pub.expect([pub.store.root / f.stored_as for ld in loads for f in ld.files])
        con = pub.open(carry_over=False)
        for load in loads:
            paths = [pub.store.root / f.stored_as for f in load.files]
            names = [f.name for f in load.files]
            if load.kind == "documents":
                from chibo.etl.documents.load import apply_documents

                apply_documents(con, paths, names, [f.hash for f in load.files], load.load_id,
                                load.started_at, steps)
                result.loads.append((load.load_id, LoadOutcome("loaded", load_id=load.load_id)))
                continue
            outcome = apply_inputs(con, paths, [f.hash for f in load.files], load.load_id,
                                   load.options.get("accept_valid", False),
                                   tuple(load.options.get("thresholds", (90, 70, 50))), steps,
                                   names=names, loaded_at=load.started_at)
            result.loads.append((load.load_id, outcome))
            if outcome.result == "rejected":
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                outcome.report = _write_report(con, warehouse.parent / "reports" /
                                               f"rebuild-{stamp}-{os.getpid()}.csv")
                return result
        with steps.task("Tổng hợp và công bố / building marts and publishing", 1) as advance:
            result.generation = pub.publish(note="rebuild", loads=[ld.load_id for ld in loads],
                                            made_by="rebuild")
            advance()
    return result

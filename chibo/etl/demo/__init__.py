"""Synthetic demo inputs calibrated to the seed figures, written as ordinary input files.

`write_demo_inputs(out_dir, scale, seed)` writes organisations (CSV), members and meetings
(Parquet), organisation assessments (XLSX/CSV, Vietnamese headers) and member assessments (Parquet).
`seeds/` holds the five seed news reports, which `python -m chibo.etl demo` loads as documents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa

from chibo.etl.demo import assessments, calibrate, meetings, members, structure, write
from chibo.etl.demo.common import Orgs, day
from chibo.etl.demo.localorgs import build_local
from chibo.etl.demo.pool import Pool
from chibo.etl.demo.provinces import SCALES, load
from chibo.etl.demo.seedorgs import build_seed, in_subtree

Progress = Callable[[str, int, int], None]


def _noop(step: str, done: int, total: int) -> None:
    return None


def build_orgs(scale: str, rng) -> tuple[Orgs, dict, str]:
    """The organisation tree for a scale; returns (orgs, blocs, first featured province code)."""
    cfg = SCALES[scale]
    old, new = load()
    featured = set(cfg.featured) if cfg.featured else {p.code for p in old}

    def meet_province(code: str | None) -> bool:
        return code in featured if code else scale == "national"

    o = Orgs()
    blocs = build_seed(o, rng, old, new, meet_province)
    for i, p in enumerate(old):
        if p.code in featured:
            build_local(o, rng, p, o.index[f"T{p.code}"], cfg, 100 + i)
    first = cfg.featured[0] if cfg.featured else old[0].code
    return o, blocs, first


def _organisations_file(shared: dict, path: Path) -> int:
    return write.organisations_csv(path, shared["orgs"])


def _members_file(shared: dict, path: Path) -> int:
    traits = structure.draw(shared["seed"], shared["cols"], shared["org"], shared["people"],
                            shared["sp"])  # a stream of its own
    return write.members_parquet(path, shared["org_ids"], shared["people"], shared["sp"],
                                 members.REASONS, traits)


def _org_assessments_file(shared: dict, path: Path) -> int:
    rng = np.random.default_rng([shared["seed"], assessments.STREAM, 0])
    return write.org_assessments(path, shared["cols"]["org_id"],
                                 assessments.org_ratings(rng, shared["org"]), assessments.LABELS)


def _member_assessments_file(shared: dict, path: Path) -> int:
    rng = np.random.default_rng([shared["seed"], assessments.STREAM, 1])
    org = shared["org"]
    ratings = assessments.member_ratings(rng, org, shared["sp"], org["is_cell"] & org["meet"],
                                         shared["years"])
    return write.member_assessments_parquet(path, ratings, assessments.LABELS)


def _meetings_table(shared: dict, number: int, lo: int, hi: int) -> pa.Table:
    return write.meetings_table(shared["org_ids"], number, meetings.chunk(shared, number, lo, hi))


def write_demo_inputs(out_dir: Path, scale: str = "small", seed: int = 0,
                      progress: Progress | None = None) -> list[Path]:
    """Write the demo input files for `scale` (small | province | national) into out_dir."""
    if scale not in SCALES:
        raise ValueError(f"Quy mô không hợp lệ: {scale!r} (small, province, national) / "
                         f"Unknown scale: {scale!r} (small, province, national)")
    progress = progress or _noop
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    cfg = SCALES[scale]

    progress("organisations", 0, 1)
    o, blocs, first = build_orgs(scale, rng)
    small_cell, big_cell = calibrate.add_special_orgs(
        o, o.index[f"T{first}-H01-X01"], o.index[f"T{first}-H01"])
    org = o.arrays()
    org_ids = pa.array(o.cols["org_id"], pa.string())
    files = [out_dir / "organisations.csv"]
    progress("organisations", 1, 1)

    progress("members", 0, 1)
    people, sp = members.generate(rng, org)
    sector = np.array(o.cols["sector"], dtype=object)
    bloc_mask = in_subtree(o, list(blocs.values()))
    people, sp = calibrate.calibrate(rng, org, people, sp, bloc_mask, sector)
    residential = next(o.index[f"T{first}-H01-X01-R{j:02d}"] for j in range(1, 30)
                       if org["founded"][o.index[f"T{first}-H01-X01-R{j:02d}"]] < day(2010))
    people, sp = calibrate.plant_warnings(rng, org, people, sp, small_cell, big_cell, residential)
    progress("members", 1, 1)

    meets = org["meet"] | (cfg.meetings_from is not None)
    meet_cells = np.flatnonzero(org["is_cell"] & meets)
    since = np.where(org["meet"][meet_cells], 0, cfg.meetings_from or 0)
    order = np.argsort(since, kind="stable")  # chunks of cells meeting from the same month
    meet_cells, since = meet_cells[order], since[order]
    stock = meetings.monthly_stock(meet_cells, len(o), sp.cell, sp.joined, sp.left)
    files += [out_dir / "members.parquet", out_dir / "meetings.parquet",
              out_dir / ("assessments.csv" if scale == "national" else "assessments.xlsx"),
              out_dir / "assessments_members.parquet"]
    shared = {"seed": seed, "orgs": o, "cols": o.cols, "org": org, "org_ids": org_ids, "people": people,
              "sp": sp, "meet_cells": meet_cells, "stock": stock, "since": since,
              "years": cfg.member_assessment_years}
    chunks = meetings.jobs(len(meet_cells))
    with Pool(shared) as pool:
        others = [pool.submit(fn, path) for fn, path in zip(
            (_organisations_file, _members_file, _org_assessments_file, _member_assessments_file),
            (files[0], files[1], files[3], files[4]))]
        write.meetings_parquet(files[2], pool.ordered(_meetings_table, chunks, 2 * pool.workers + 1),
                               lambda step, done, _t: progress(step, done, len(chunks)))
        progress("files", 0, len(others))
        for done, job in enumerate(others, 1):
            job.result()
            progress("files", done, len(others))
    return files

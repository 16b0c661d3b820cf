"""Measure `etl rebuild` on a warehouse folder (a copy: the rebuild publishes a new generation in
it): every stage (checking the stored inputs, keeping the validated rows, reading, validating,
the upsert, each mart, checks and publishing: wall, CPU, peak memory), then the total, beside
the issue's target and, with --full-first, beside a full replay (every stored input read and
validated again, as `rebuild --full` and every rebuild before validated rows were kept) measured
in the same run. Asserts nothing.

    .venv/bin/python benchmarks/bench_rebuild.py --warehouse COPY/warehouse.duckdb [--full-first]
    .venv/bin/python benchmarks/bench_rebuild.py --warehouse COPY/warehouse.duckdb --full

Without --full-first, the baseline printed is the last national figure measured before (a full
replay, machine busy with other work).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from etl_stages import StageClock, print_stages  # noqa: E402

from chibo.etl.rebuild import rebuild  # noqa: E402

TARGET_S = 300
NATIONAL_BEFORE_S = 21 * 60 + 50  # `etl rebuild` at national scale before rows were kept


def run(warehouse: Path, full: bool) -> float:
    clock = StageClock(warehouse)
    t0 = time.perf_counter()
    outcome = rebuild(warehouse, clock, full=full)
    wall = time.perf_counter() - t0
    print(f"\nrebuild{' --full' if full else ''}: generation {outcome.generation}, loads kept "
          f"{outcome.kept or 'none'}, replayed {[i for i, _ in outcome.loads if i not in outcome.kept]}")
    print_stages(clock)
    print(f"{'total':44} {wall:8.1f} s   peak RSS {clock.peak_gb:.2f} GB")
    return wall


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--warehouse", type=Path, required=True, help="a copy: it is rebuilt")
    args.add_argument("--full", action="store_true", help="measure a full replay only")
    args.add_argument("--full-first", action="store_true",
                      help="a full replay first (the baseline), then the rebuild as it runs by default")
    opts = args.parse_args()
    baseline = run(opts.warehouse, True) if opts.full_first else None
    wall = run(opts.warehouse, opts.full)
    print()
    if baseline is not None:
        print(f"full replay (same run)   {baseline:8.1f} s")
    else:
        print(f"national before          {NATIONAL_BEFORE_S:8.1f} s (last measured, machine busy)")
    ref = baseline or NATIONAL_BEFORE_S
    print(f"rebuild{' --full' if opts.full else '':8}         {wall:8.1f} s ({wall / ref:4.0%} of it) | "
          f"target <= {TARGET_S} s: {'met' if wall <= TARGET_S else 'MISSED'}")


if __name__ == "__main__":
    main()

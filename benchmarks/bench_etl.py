"""Measure the ETL at a demo scale: time to generate the inputs, to load them (read, validate,
marts, publish), to rebuild from the raw store, and the sizes. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_etl.py --scale province [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chibo.etl.demo import write_demo_inputs  # noqa: E402
from chibo.etl.load import load_files  # noqa: E402
from chibo.etl.progress import Steps  # noqa: E402
from chibo.etl.rebuild import rebuild  # noqa: E402


def size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size
    return f"{total / 1e6:,.1f} MB"


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--scale", default="small", choices=("small", "province", "national"))
    args.add_argument("--keep", type=Path, help="build here and keep the result")
    args.add_argument("--no-rebuild", action="store_true")
    opts = args.parse_args()
    root = opts.keep or Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    warehouse = root / "warehouse.duckdb"
    inputs = root / "inputs"
    shutil.rmtree(inputs, ignore_errors=True)
    warehouse.unlink(missing_ok=True)
    shutil.rmtree(root / "warehouse.raw", ignore_errors=True)

    t0 = time.perf_counter()
    files = write_demo_inputs(inputs, scale=opts.scale)
    t1 = time.perf_counter()
    outcome = load_files(sorted(files), warehouse, steps=Steps.quiet())
    t2 = time.perf_counter()
    print(f"scale                {opts.scale}")
    print(f"generate inputs      {t1 - t0:8.1f} s   ({size(inputs)})")
    print(f"load + publish       {t2 - t1:8.1f} s   result {outcome.result}")
    print(f"warehouse file       {size(warehouse)}")
    con = duckdb.connect(str(warehouse), read_only=True)
    for table in ("core.organisations", "core.members", "core.meetings", "core.assessments",
                  "marts.fct_membership_monthly", "marts.fct_meetings_monthly"):
        print(f"{table:28} {con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]:>12,}")
    last = con.execute("SELECT max(month) FROM marts.dim_month").fetchone()[0]
    members = con.execute("SELECT sum(official + probationary), count(*) FROM marts.fct_membership_monthly "
                          "WHERE month = ?", [last]).fetchone()
    print(f"members at {last}     {members[0]:>12,} in {members[1]:,} cells")
    con.close()
    if not opts.no_rebuild:
        t3 = time.perf_counter()
        rebuild(warehouse, Steps.quiet())
        print(f"rebuild from raw     {time.perf_counter() - t3:8.1f} s")
    if not opts.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()

"""Measure the ETL at a demo scale: time to generate the inputs, to load them (read, validate,
marts, publish), to rebuild from the raw store, the CPU time, the peak memory and the sizes,
printed beside the targets of issue 12 and, at national scale, beside the baseline measured on
the code the issue started from (a national build there needs ~21 GB: not rerun). Asserts nothing.

    .venv/bin/python benchmarks/bench_etl.py --scale province [--keep DIR]
    .venv/bin/python benchmarks/bench_etl.py --scale national --inputs DIR --keep DIR --no-rebuild

--inputs loads demo inputs written before (`etl demo` keeps them in demo-inputs/<scale>/ beside
the warehouse) instead of generating them. Then every stage of the load is printed (reading,
validating, the upsert, each mart, checks and publishing: wall, CPU, peak memory) and the size
of every table, beside the figures of the last national attempt where known.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from etl_stages import StageClock, print_sizes, print_stages  # noqa: E402

from chibo.etl import corefile  # noqa: E402
from chibo.etl.demo import write_demo_inputs  # noqa: E402
from chibo.etl.generations import GenerationFiles  # noqa: E402
from chibo.etl.load import load_files  # noqa: E402
from chibo.etl.progress import Steps  # noqa: E402
from chibo.etl.rebuild import rebuild  # noqa: E402

# National baseline (issue 12, the code it started from, quiet 2-core machine) and the targets.
BASELINE = {"build_s": 20.5 * 60, "cpu_s": 24.6 * 60, "peak_gb": 20.6, "file_gb": 3.1}
TARGET = {"build_s": 300, "peak_gb": 6.0, "file_gb": 1.0, "rebuild_s": 300}
# National stages of the last attempt before this benchmark printed stages (DuckDB limit 4 GB,
# machine at load 17-24; it ran out of memory in the marts): only what it measured.
STAGE_BASELINE = {"validating": 25.8 * 60, "upsert into core, record the load": 30 * 60}


def beside(label: str, value: float, unit: str, key: str, national: bool) -> None:
    """One figure, the baseline (national only) and the target, in one line."""
    parts = [f"{label:20} {value:9.1f} {unit}"]
    if national and key in BASELINE:
        parts.append(f"baseline {BASELINE[key]:8.1f} {unit} ({value / BASELINE[key]:4.0%} of it)")
    if key in TARGET:
        parts.append(f"target <= {TARGET[key]:g} {unit}: {'met' if value <= TARGET[key] else 'MISSED'}")
    print(" | ".join(parts))


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20)


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size
    return f"{total / 1e6:,.1f} MB"


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--scale", default="small", choices=("small", "province", "national"))
    args.add_argument("--keep", type=Path, help="build here and keep the result")
    args.add_argument("--no-rebuild", action="store_true")
    args.add_argument("--inputs", type=Path, help="load the demo inputs in this folder (not generated)")
    opts = args.parse_args()
    root = opts.keep or Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    warehouse = root / "warehouse.duckdb"
    inputs = root / "inputs"
    if not opts.inputs:
        shutil.rmtree(inputs, ignore_errors=True)
    warehouse.unlink(missing_ok=True)
    shutil.rmtree(root / "warehouse.raw", ignore_errors=True)

    national = opts.scale == "national"
    t0 = time.perf_counter()
    if opts.inputs:
        inputs = opts.inputs
        files = [p for p in inputs.iterdir() if p.suffix in (".csv", ".xlsx", ".parquet")]
    else:
        files = write_demo_inputs(inputs, scale=opts.scale)
    t1 = time.perf_counter()
    clock = StageClock(warehouse)
    outcome = load_files(sorted(files), warehouse, steps=clock)
    t2 = time.perf_counter()
    print(f"scale                {opts.scale}")
    print(f"generate inputs      {t1 - t0:8.1f} s   ({size(inputs)}{', given' if opts.inputs else ''})")
    print(f"load + publish       {t2 - t1:8.1f} s   result {outcome.result}")
    print_stages(clock, STAGE_BASELINE if national else None)
    beside("build (gen + load)", t2 - t0, "s", "build_s", national)
    beside("CPU time", cpu_s(), "s", "cpu_s", national)
    beside("peak RSS", max(peak_gb(), clock.peak_gb), "GB", "peak_gb", national)
    beside("served file", warehouse.stat().st_size / 1e9, "GB", "file_gb", national)
    files = GenerationFiles(warehouse)
    core = files.core_path(files.served())
    beside("core file", core.stat().st_size / 1e9, "GB", "core_gb", national)
    print(f"warehouse file       {size(warehouse)} (served)   core file {size(core)}")
    print_sizes(warehouse)
    print_sizes(core)
    con = corefile.connect(warehouse)
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
        beside("rebuild from raw", time.perf_counter() - t3, "s", "rebuild_s", national)
    if not opts.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()

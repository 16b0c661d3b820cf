"""What opening a warehouse costs a dashboard worker, beside a baseline file in the same run: the
resident memory and CPU time a fresh process spends attaching the file read-only (DuckDB reads
its catalog: every table, view, macro and type) and running one query on it, as the gateway does
before a worker's first callback.

    .venv/bin/python benchmarks/bench_open.py NEW.duckdb --baseline OLD.duckdb [--repeat 3]

Each measurement runs in its own process (after importing duckdb, so the library's own pages are
not counted), the files alternating; the median of the repeats is printed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, os, sys, time
import duckdb

def rss():
    with open("/proc/self/status") as f:
        return next(int(x.split()[1]) for x in f if x.startswith("VmRSS")) / 1024

before, cpu = rss(), time.process_time()
con = duckdb.connect(":memory:", config={"threads": 2, "memory_limit": "1GB"})
con.execute("SET enable_progress_bar = false")
con.execute("ATTACH ? AS w (READ_ONLY)", [sys.argv[1]])
con.execute("SELECT count(*) FROM w.marts.dim_org").fetchone()
print(json.dumps({"rss_mib": rss() - before, "cpu_s": time.process_time() - cpu}))
"""


def measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {"baseline": [], "new": []}
    for _ in range(args.repeat):
        runs["baseline"].append(measure(args.baseline))
        runs["new"].append(measure(args.file))
    print(f"{'file':10} {'RSS MiB':>9} {'CPU s':>7} {'size MB':>9}")
    for name, path in (("baseline", args.baseline), ("new", args.file)):
        rss = statistics.median(r["rss_mib"] for r in runs[name])
        cpu = statistics.median(r["cpu_s"] for r in runs[name])
        print(f"{name:10} {rss:9.1f} {cpu:7.2f} {path.stat().st_size / 1e6:9.1f}")


if __name__ == "__main__":
    main()

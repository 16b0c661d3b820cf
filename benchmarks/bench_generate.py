"""Measure demo input generation alone (`write_demo_inputs`) at a scale: wall time, CPU time (the
generator's own process and its workers) and peak memory, beside the same generator at a base
commit (default: where this branch leaves main) measured in the same run. The base runs from a
`git archive` of that commit in a temporary folder, so no old code is kept here. Asserts nothing.

    .venv/bin/python benchmarks/bench_generate.py --scale province [--base REF | --no-base]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = {"national": 90.0}  # issue 12: national generation within 60-90 s (the build <= 5 min)

# Run in a fresh interpreter whose working folder holds the code under test.
RUNNER = """
import json, resource, sys, time
sys.path.insert(0, ".")
from chibo.etl.demo import write_demo_inputs
t = time.perf_counter()
files = write_demo_inputs(sys.argv[1], scale=sys.argv[2], seed=int(sys.argv[3]))
wall = time.perf_counter() - t
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall_s": wall, "cpu_s": me.ru_utime + me.ru_stime,
                  "workers_cpu_s": kids.ru_utime + kids.ru_stime,
                  "peak_gb": me.ru_maxrss / 2**20, "worker_peak_gb": kids.ru_maxrss / 2**20,
                  "mb": sum(f.stat().st_size for f in map(__import__("pathlib").Path, files)) / 1e6,
                  "files": [str(f) for f in files]}))
"""


def measure(code: Path, out: Path, scale: str, seed: int) -> dict:
    done = subprocess.run([sys.executable, "-c", RUNNER, str(out), scale, str(seed)], cwd=code,
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def rows(files: list[str]) -> dict[str, int]:
    import pyarrow.parquet as pq
    return {Path(f).name: pq.read_metadata(f).num_rows for f in files if f.endswith(".parquet")}


def line(label: str, m: dict, base: dict | None, target: float | None) -> str:
    cpu = m["cpu_s"] + m["workers_cpu_s"]
    text = (f"{label:8} wall {m['wall_s']:7.1f} s | CPU {cpu:7.1f} s (workers {m['workers_cpu_s']:6.1f})"
            f" | peak RSS {m['peak_gb']:4.2f} GB (workers {m['worker_peak_gb']:4.2f}) | {m['mb']:,.0f} MB")
    if base:
        text += (f" | {m['wall_s'] / base['wall_s']:4.0%} of base wall, "
                 f"{cpu / (base['cpu_s'] + base['workers_cpu_s']):4.0%} of base CPU")
    if target:
        text += f" | target <= {target:g} s: {'met' if m['wall_s'] <= target else 'MISSED'}"
    return text


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--scale", default="province", choices=("small", "province", "national"))
    args.add_argument("--seed", type=int, default=0)
    args.add_argument("--base", help="git commit or branch to compare with (default: merge-base "
                      "with main)")
    args.add_argument("--no-base", action="store_true", help="measure this code only")
    args.add_argument("--out", type=Path, help="a folder for the inputs (default: a temporary one)")
    opts = args.parse_args()
    root = Path(tempfile.mkdtemp(prefix="chibo-bench-gen-", dir=opts.out))
    try:
        base = None
        if not opts.no_base:
            ref = opts.base or subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT,
                                              check=True, capture_output=True, text=True).stdout.strip()
            code = root / "base-code"
            code.mkdir()
            archive = subprocess.run(["git", "archive", ref, "chibo"], cwd=ROOT, check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
            base = measure(code, root / "base", opts.scale, opts.seed)
            print(f"scale {opts.scale}, seed {opts.seed}; base {ref[:10]}")
            print(line("base", base, None, None))
            print("  rows  " + ", ".join(f"{k} {v:,}" for k, v in rows(base["files"]).items()))
            shutil.rmtree(root / "base")
        new = measure(ROOT, root / "new", opts.scale, opts.seed)
        print(line("this", new, base, TARGET_S.get(opts.scale)))
        print("  rows  " + ", ".join(f"{k} {v:,}" for k, v in rows(new["files"]).items()))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

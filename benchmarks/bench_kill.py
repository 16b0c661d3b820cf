"""Random kill -9 trials against the ETL's writers: each trial starts a load (most often), a
rebuild or a rollback as its own process, kills it at a random moment, then checks that the served
warehouse opens, that `etl status` makes the ledger agree with it (the served generation, the
loads it holds, no running load left, no half-built file), and that the retried command succeeds
with the data in place. Prints the counts; asserts nothing.

    .venv/bin/python benchmarks/bench_kill.py --trials 100
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chibo.etl import corefile  # noqa: E402
from chibo.etl.generations import GenerationFiles  # noqa: E402
from chibo.etl.ledger import RUNNING, generation, open_ledger  # noqa: E402

INPUTS = ROOT / "tests" / "fixtures" / "inputs"
CELLS = ("HN-B1-C1", "HN-B1-C2", "HN-BC1")


def etl(warehouse: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "chibo.etl", *args, "--warehouse", str(warehouse)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def run(warehouse: Path, *args: str) -> int:
    proc = etl(warehouse, *args)
    proc.communicate(timeout=900)
    return proc.returncode


def members_file(path: Path, trial: int, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("member_id,org_id,gender,birth_year,admitted_on\n")
        for k in range(rows):
            out.write(f"T{trial:04d}-{k:05d},{CELLS[k % 3]},nữ,1980,01/03/2010\n")


def check(warehouse: Path) -> list[str]:
    """What disagrees between the served file, the ledger and the folder (empty: all agree)."""
    wrong = []
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            served = con.execute("SELECT max(generation) FROM meta.generation").fetchone()[0]
            in_file = {r[0] for r in con.execute("SELECT DISTINCT load_id FROM meta.load_ledger").fetchall()}
        finally:
            con.close()
    except duckdb.Error as exc:
        return [f"unopenable: {exc}"]
    ledger = open_ledger(warehouse.parent / f"{warehouse.stem}.raw")
    try:
        current = ledger.current()
        held = generation(ledger, current)
        if current != served:
            wrong.append(f"ledger serves {current}, file is {served}")
        if held is None or set(held.loads) != in_file:
            wrong.append(f"ledger holds {held and held.loads}, file holds {sorted(in_file)}")
        if ledger.loads(states=RUNNING):
            wrong.append("a load still running after recovery")
        if GenerationFiles(warehouse).served() != current:
            wrong.append("served file is not the ledger's generation")
    finally:
        ledger.close()
    if list(warehouse.parent.glob(f".{warehouse.name}.*")):
        wrong.append("half-built files left")
    return wrong


def members_of(warehouse: Path, trial: int) -> int:
    con = corefile.connect(warehouse)
    try:
        return con.execute("SELECT count(*) FROM core.members WHERE member_id LIKE ?",
                           [f"T{trial:04d}-%"]).fetchone()[0]
    finally:
        con.close()


def load_ids(warehouse: Path) -> dict[int, str]:
    ledger = open_ledger(warehouse.parent / f"{warehouse.stem}.raw")
    try:
        return {ld.load_id: ld.state for ld in ledger.loads()}
    finally:
        ledger.close()


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--trials", type=int, default=100)
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--rows", type=int, default=2000, help="members per loaded file")
    opts = args.parse_args()
    rng = random.Random(opts.seed)
    work = Path(tempfile.mkdtemp(prefix="chibo-kill-"))
    warehouse = work / "warehouse.duckdb"
    counts: Counter = Counter()
    try:
        assert run(warehouse, "load", str(INPUTS / "organisations.csv")) == 0
        started = time.perf_counter()
        probe = work / "probe.csv"
        members_file(probe, 9999, opts.rows)
        assert run(warehouse, "load", str(probe)) == 0
        span = time.perf_counter() - started  # how long one load runs, to spread the kills over
        print(f"one load takes about {span:.1f} s; killing within 0..{span * 1.2:.1f} s")
        for trial in range(opts.trials):
            command = rng.choices(["load", "rebuild", "rollback"], [80, 8, 12])[0]
            path = work / f"members-{trial:04d}.csv"
            members_file(path, trial, opts.rows)
            argv = {"load": ["load", str(path)], "rebuild": ["rebuild"], "rollback": ["rollback"]}[command]
            before = max(load_ids(warehouse))
            proc = etl(warehouse, *argv)
            time.sleep(rng.uniform(0, span * 1.2))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                counts[f"{command}: killed while running"] += 1
            else:
                counts[f"{command}: finished before the kill (exit {proc.returncode})"] += 1
            proc.communicate()
            opened = check(warehouse)  # before recovery: may lag, must open
            if any(w.startswith("unopenable") for w in opened):
                counts["served warehouse unopenable after the kill"] += 1
            if run(warehouse, "status") != 0:
                counts["status failed"] += 1
            wrong = check(warehouse)
            counts["ledger, file and folder agree after recovery" if not wrong
                   else "DISAGREE after recovery: " + "; ".join(wrong)] += 1
            if command == "load":
                new = [state for i, state in load_ids(warehouse).items() if i > before]
                counts["load: ledger says " + (" + ".join(new) or "nothing (killed before it began)")] += 1
            retry = run(warehouse, *argv)
            if command == "load":
                ok = retry == 0 and members_of(warehouse, trial) == opts.rows
                counts["load retried: loaded, all rows in place" if ok else "load retry FAILED"] += 1
            elif command == "rebuild":
                counts["rebuild retried: ok" if retry == 0 else "rebuild retry FAILED"] += 1
            if check(warehouse):
                counts["DISAGREE after the retry"] += 1
        print(f"{opts.trials} trials, seed {opts.seed}, {opts.rows} rows per load:")
        for key, n in sorted(counts.items()):
            print(f"  {n:5d}  {key}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

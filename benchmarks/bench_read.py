"""Reading speed of the ETL beside DuckDB's own read_csv, in the same run: a synthetic meetings file
(default 3,5 million rows, as CSV, and its first rows as XLSX) pointing at 20.000 cells, loaded
over a warehouse holding those cells. Each measurement runs in its own process, so its peak
memory is its own. The ETL figure is a dry run: read and validate every row, publish nothing.
With --baseline (a checkout of another commit, e.g. `git worktree add /tmp/base main`) that
commit's ETL is measured on the same files in the same run, interleaved with this one's.

    .venv/bin/python benchmarks/bench_read.py [--rows 3500000] [--xlsx-rows 300000] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
root, mode, path, extra = sys.argv[1:5]
sys.path.insert(0, root)
started = time.perf_counter()
if mode == "duckdb":
    import duckdb
    con = duckdb.connect(extra)
    con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [path])
    rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
else:
    from pathlib import Path
    import chibo
    assert chibo.__file__.startswith(root), (chibo.__file__, root)  # the checkout measured
    from chibo.etl.load import load_files
    outcome = load_files([Path(path)], Path(extra), dry_run=(mode == "etl"))
    assert outcome.result in ("loaded", "partial"), (outcome.result, outcome.sample[:3])
    rows = sum(s.rows_read for s in outcome.stats)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"rows": rows, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024}))
"""


def generate(folder: Path, rows: int, xlsx_rows: int) -> None:
    import duckdb

    con = duckdb.connect()
    orgs, meetings, head = folder / "organisations.csv", folder / "meetings.csv", folder / "head.csv"
    con.execute(f"""COPY (
      SELECT 'P01' AS org_id, 'Đảng bộ tỉnh Thử' AS name, 'province_committee' AS kind,
             NULL AS parent_id, '01' AS province, '01/01/2000' AS founded_on
      UNION ALL SELECT 'B' || lpad(i::VARCHAR, 4, '0'), 'Đảng bộ xã số ' || i, 'base_committee',
             'P01', NULL, '01/01/2000' FROM range(500) t(i)
      UNION ALL SELECT 'C' || lpad(i::VARCHAR, 5, '0'), 'Chi bộ thôn ' || i, 'sub_cell',
             'B' || lpad((i % 500)::VARCHAR, 4, '0'), NULL, '01/01/2000' FROM range(20000) t(i)
    ) TO '{orgs}' (HEADER, DELIMITER ',')""")
    select = """SELECT 'SH' || lpad(i::VARCHAR, 9, '0') AS meeting_id,
         'C' || lpad((hash(i) % 20000)::VARCHAR, 5, '0') AS org_id,
         strftime(DATE '2010-01-01' + ((hash(i * 7) % 5800)::INTEGER), '%d/%m/%Y') AS held_on,
         CASE WHEN hash(i * 3) % 5 = 0 THEN 'chuyên đề' ELSE 'thường kỳ' END AS kind,
         CASE hash(i * 5) % 10 WHEN 0 THEN 'trực tuyến' WHEN 1 THEN 'kết hợp' ELSE 'trực tiếp' END AS format,
         (10 + hash(i * 11) % 30)::INTEGER AS expected,
         (5 + hash(i * 11) % 30 - hash(i * 13) % 5)::INTEGER AS present,
         (hash(i * 13) % 3)::INTEGER AS excused,
         replace(((500 + hash(i * 17) % 500) / 10.0)::VARCHAR, '.', ',') AS score,
         (60 + hash(i * 19) % 120)::INTEGER AS duration_minutes
      FROM range({n}) t(i)"""
    con.execute(f"COPY ({select.format(n=rows)}) TO '{meetings}' (HEADER, DELIMITER ',')")
    con.execute(f"COPY ({select.format(n=xlsx_rows)}) TO '{head}' (HEADER, DELIMITER ',')")
    xlsx = folder / "meetings.xlsx"
    import xlsxwriter

    book = xlsxwriter.Workbook(str(xlsx), {"constant_memory": True})
    sheet = book.add_worksheet("Sinh hoạt")
    cur = con.execute(f"SELECT * FROM read_csv('{head}', all_varchar = true)")
    sheet.write_row(0, 0, [d[0] for d in cur.description])
    r = 1
    while batch := cur.fetchmany(10000):
        for row in batch:
            sheet.write_row(r, 0, [int(v) if v.isdigit() else v for v in row])
            r += 1
    book.close()


def measure(mode: str, path: Path, extra: Path, root: Path = ROOT) -> dict:
    result = subprocess.run([sys.executable, "-c", CHILD, str(root), mode, str(path), str(extra)],
                            capture_output=True, text=True, cwd=root)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--rows", type=int, default=3_500_000)
    args.add_argument("--xlsx-rows", type=int, default=300_000)
    args.add_argument("--full", action="store_true", help="also time a real load (marts, publish)")
    args.add_argument("--baseline", type=Path, help="checkout of the commit to compare with")
    args.add_argument("--only", choices=("CSV", "XLSX"), help="measure one input kind")
    args.add_argument("--inputs", type=Path, help="folder for the generated inputs, kept and reused")
    opts = args.parse_args()
    etls = [("this", ROOT)] + ([("base", opts.baseline.resolve())] if opts.baseline else [])
    work = Path(tempfile.mkdtemp(prefix="chibo-bench-read-"))
    try:
        t = time.perf_counter()
        folder = opts.inputs / f"{opts.rows}-{opts.xlsx_rows}" if opts.inputs else work
        if not (folder / "meetings.xlsx").exists():
            folder.mkdir(parents=True, exist_ok=True)
            generate(folder, opts.rows, opts.xlsx_rows)
        files = {"orgs": folder / "organisations.csv", "csv": folder / "meetings.csv",
                 "head_csv": folder / "head.csv", "xlsx": folder / "meetings.xlsx"}
        print(f"inputs written in {time.perf_counter() - t:.0f} s: {files['csv'].stat().st_size / 1e6:.0f} MB "
              f"CSV ({opts.rows:,} rows), {files['xlsx'].stat().st_size / 1e6:.0f} MB XLSX "
              f"({opts.xlsx_rows:,} rows)")
        lines = []
        for label, etl_input, csv_twin in (("CSV", files["csv"], files["csv"]),
                                           ("XLSX", files["xlsx"], files["head_csv"])):
            if opts.only and opts.only != label:
                continue
            for name, root in etls:
                duck = measure("duckdb", csv_twin, work / f"duck-{label}-{name}.duckdb")
                warehouse = work / f"etl-{label}-{name}" / "warehouse.duckdb"
                measure("load", files["orgs"], warehouse, root)  # the cells the meetings point at
                lines.append((f"{label} {name}", duck, measure("etl", etl_input, warehouse, root)))
                if opts.full:
                    lines.append((f"{label} {name} full", duck, measure("load", etl_input, warehouse, root)))
        print(f"{'input':18} {'rows':>10} | {'DuckDB read_csv':>38} | {'ETL read + validate':>38} | "
              "ratio (wall, CPU) | target >= 50 %, <= 2 GB")
        for label, duck, etl in lines:
            def fmt(m):
                return (f"{m['seconds']:6.1f} s {m['cpu']:6.1f} CPU-s {m['rows'] / m['seconds']:9,.0f} r/s "
                        f"{m['rss_mb']:6.0f} MB")
            wall = (etl['rows'] / etl['seconds']) / (duck['rows'] / duck['seconds'])
            cpu = (etl['rows'] / etl['cpu']) / (duck['rows'] / duck['cpu'])
            met = "met" if wall >= 0.5 and etl["rss_mb"] <= 2048 else "MISSED"
            print(f"{label:18} {etl['rows']:>10,} | {fmt(duck):>38} | {fmt(etl):>38} | "
                  f"{wall:5.0%} {cpu:5.0%} | {met}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""First page interactive on `gunicorn -k gthread -w 2` (127.0.0.1): from opening the overview
with a fresh login's session to every KPI card and every chart drawn and nothing loading, in a
real chromium (Playwright), a fresh browser context (empty HTTP cache) per run.

    .venv/bin/python benchmarks/bench_first_page.py --warehouse data/warehouse.duckdb [--runs 5]

The first run meets cold answer caches in the workers; the others the warm ones (each worker
answers for itself, so a run may still meet a cold one). Printed beside the same with the
answer cache off (CHIBO_ANSWER_CACHE_MB=0) from the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import browser_trace
import served

DRAWN = """() => {
  const cards = document.querySelectorAll('#overview-kpis .kpi-card, #overview-kpis .mantine-Alert-root');
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const loading = document.querySelector('[data-dash-is-loading="true"]');
  return cards.length > 0 && plots.length > 0 && !loading
    && plots.every(p => p.querySelector('.main-svg'));
}"""


def first_page(b, port: int, user: str, detail: bool = False) -> tuple[float, float]:
    """(seconds from opening the overview, just logged in (a fresh session), to it drawn,
    seconds the page's main thread was busy meanwhile: what a busy machine distorts least); with
    `detail`, every request made before then is printed (start, duration, bytes received) and
    where the main thread's time went (browser_trace.py)."""
    page = served.logged_in_page(b, port, served.login(port, user))
    if detail:
        b.start_tracing(page=page, categories=browser_trace.CATEGORIES)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    seen, started = [], {}
    if detail:
        page.on("request", lambda r: started.setdefault(id(r), time.perf_counter()))
        page.on("requestfinished",
                lambda r: seen.append((started.get(id(r)), time.perf_counter(), r)))
    t0 = time.perf_counter()
    page.goto(f"http://127.0.0.1:{port}/")
    page.wait_for_function(DRAWN, timeout=120_000, polling=20)
    seconds = time.perf_counter() - t0
    busy = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    if detail:
        print_requests(t0, seconds, seen)
        browser_trace.report(json.loads(b.stop_tracing()))
        print(f"    main thread busy {busy['TaskDuration']:.2f} s (scripts "
              f"{busy['ScriptDuration']:.2f} s, layout {busy['LayoutDuration']:.2f} s)")
    page.context.close()
    return seconds, busy["TaskDuration"]


def print_requests(t0: float, drawn: float, seen: list) -> None:
    """The requests finished before the page was drawn, in the order they started."""
    rows, total = [], 0
    for t_start, t_end, r in seen:
        if t_end - t0 > drawn:
            continue
        size = r.sizes()["responseBodySize"]
        total += size
        what = r.url.split(":", 2)[-1].split("/", 1)[-1][:90]
        if r.post_data and "_dash-update-component" in r.url:
            what = "callback " + json.loads(r.post_data).get("output", "")[:70]
        rows.append(((t_start or t0) - t0, t_end - t0, size, what))
    for start, end, size, what in sorted(rows):
        print(f"    {start:6.2f} → {end:6.2f} s {size / 1024:8.1f} KiB  {what}")
    print(f"    {len(rows)} requests, {total / 1024:.0f} KiB before the page was drawn")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--user", default="lanhdao", help="lanhdao (leader), quantri (admin), "
                   "phantich_tinh (a province), phantich_to_chuc (a provincial committee)")
    p.add_argument("--detail", action="store_true",
                   help="print the requests of each mode's last run (start, end, bytes) and where "
                   "its main thread went (scripts, style and layout, long tasks)")
    served.add_mode_options(p, "cached,off")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-first-page-"))
    env = served.environment(args.warehouse, tmp)
    served.add_users(env, served.viewers(args.warehouse))
    print(f"warehouse {args.warehouse}; user {args.user}; load average before: "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    out = {}
    for mode, (extra, root) in served.modes(args).items():
        with served.gunicorn({**env, **extra}, root=root) as (port, _pid), served.browser() as b:
            runs = [first_page(b, port, args.user, args.detail and i == args.runs - 1)
                    for i in range(args.runs)]
        times = [t for t, _busy in runs]
        out[mode] = times
        rest = times[1:] or times
        print(f"{mode:7s} first run {times[0]:6.2f} s; later runs median "
              f"{statistics.median(rest):6.2f} s, max {max(rest):6.2f} s  "
              f"({', '.join(f'{t:.2f}' for t in times)}); page's main thread busy median "
              f"{statistics.median(busy for _t, busy in runs):.2f} s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""First page interactive on `gunicorn -k gthread -w 2` (127.0.0.1): from opening the overview
with a fresh login's session to every KPI card and every chart drawn and nothing loading, in a
real chromium (Playwright), a fresh browser context (empty HTTP cache) per run.

    .venv/bin/python benchmarks/bench_first_page.py --warehouse data/warehouse.duckdb [--runs 5]

The first run meets cold answer caches in the workers; the others the warm ones (each worker
answers for itself, so a run may still meet a cold one). Printed beside the same with the
answer cache off (CHIBO_ANSWER_CACHE_MB=0) from the same run; `--modes base,cached --base DIR`:
beside another commit's tree. Each mode prints the wall time, the page's main-thread time and
long tasks, the requests and bytes received and the callback rounds before the draw.
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


LONG_TASKS = """new PerformanceObserver(list => { window.__longTasks = (window.__longTasks || [])
    .concat(list.getEntries().map(e => e.duration)); }).observe({type: 'longtask', buffered: true});"""


def first_page(b, port: int, user: str, detail: bool = False) -> dict:
    """One opening of the overview, just logged in (a fresh session), until it is drawn:
    {'seconds': wall time, 'busy': seconds the page's main thread was busy meanwhile (what a
    busy machine distorts least), 'script': of which running scripts, 'long': [ms of each long
    task (over 50 ms: input waits)], 'requests', 'kib' (bodies received), 'rounds': callback
    rounds}. With `detail`, every request made before then is printed (start, duration, bytes)
    and where the main thread's time went (browser_trace.py)."""
    page = served.logged_in_page(b, port, served.login(port, user))
    page.add_init_script(LONG_TASKS)
    if detail:
        b.start_tracing(page=page, categories=browser_trace.CATEGORIES)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    seen, started = [], {}
    page.on("request", lambda r: started.setdefault(id(r), time.perf_counter()))
    page.on("requestfinished",
            lambda r: seen.append((started.get(id(r)), time.perf_counter(), r)))
    t0 = time.perf_counter()
    page.goto(f"http://127.0.0.1:{port}/")
    page.wait_for_function(DRAWN, timeout=120_000, polling=20)
    seconds = time.perf_counter() - t0
    busy = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    rows = requests_before(t0, seconds, seen)
    out = {"seconds": seconds, "busy": busy["TaskDuration"], "script": busy["ScriptDuration"],
           "long": page.evaluate("() => window.__longTasks || []"), "requests": len(rows),
           "kib": sum(r[2] for r in rows) / 1024, "rounds": rounds(rows)}
    if detail:
        for start, end, size, what in rows:
            print(f"    {start:6.2f} → {end:6.2f} s {size / 1024:8.1f} KiB  {what}")
        print(f"    {out['requests']} requests, {out['kib']:.0f} KiB before the page was drawn, "
              f"{out['rounds']} callback rounds")
        browser_trace.report(json.loads(b.stop_tracing()))
        print(f"    main thread busy {busy['TaskDuration']:.2f} s (scripts "
              f"{busy['ScriptDuration']:.2f} s, layout {busy['LayoutDuration']:.2f} s)")
    page.context.close()
    return out


def requests_before(t0: float, drawn: float, seen: list) -> list[tuple]:
    """(start, end, bytes, what) of the requests finished before the page was drawn, in the
    order they started."""
    rows = []
    for t_start, t_end, r in seen:
        if t_end - t0 > drawn:
            continue
        what = r.url.split(":", 2)[-1].split("/", 1)[-1][:90]
        if r.post_data and "_dash-update-component" in r.url:
            what = "callback " + json.loads(r.post_data).get("output", "")[:70]
        rows.append(((t_start or t0) - t0, t_end - t0, r.sizes()["responseBodySize"], what))
    return sorted(rows)


def rounds(rows: list[tuple]) -> int:
    """Callback rounds: a callback asked once an answer of the round before had come back
    starts a new round (the browser waited for it)."""
    n, first_end = 0, None
    for start, end, _size, what in rows:
        if not what.startswith("callback "):
            continue
        if first_end is None or start >= first_end:
            n, first_end = n + 1, end
        else:
            first_end = min(first_end, end)
    return n


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--user", default="lanhdao", help="lanhdao (leader), quantri (admin), "
                   "phantich_tinh (a province), phantich_to_chuc (a provincial committee)")
    p.add_argument("--detail", action="store_true",
                   help="print the requests of each mode's last run (start, end, bytes) and where "
                   "its main thread went (scripts, style and layout, long tasks)")
    p.add_argument("--alternate", type=int, default=1, metavar="N",
                   help="run the modes N times in turn (a, b, a, b…), each time on a new server, "
                   "and print each mode over all its runs too: on a busy machine both meet the "
                   "same periods")
    served.add_mode_options(p, "cached,off")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-first-page-"))
    env = served.environment(args.warehouse, tmp)
    served.add_users(env, served.viewers(args.warehouse))
    print(f"warehouse {args.warehouse}; user {args.user}; load average before: "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    out: dict[str, list[dict]] = {}
    for turn in range(args.alternate):
        for mode, (extra, root) in served.modes(args).items():
            with (served.gunicorn({**env, **extra}, root=root) as (port, _pid),
                  served.browser() as b):
                runs = [first_page(b, port, args.user, args.detail and i == args.runs - 1
                                   and turn == args.alternate - 1) for i in range(args.runs)]
            out.setdefault(mode, []).append(runs)
            print_mode(mode, runs)
    if args.alternate > 1:
        print("every turn together (first runs left out):")
        for mode, turns in out.items():
            print_mode(mode, [turns[0][0]] + [r for runs in turns for r in runs[1:]])
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


def print_mode(mode: str, runs: list[dict]) -> None:
    """The first run (cold answer caches) and the median of the others."""
    def med(key, f=lambda v: v):
        return statistics.median(f(r[key]) for r in (runs[1:] or runs))

    times = [r["seconds"] for r in runs]
    print(f"{mode:7s} first run {times[0]:6.2f} s; later runs median {med('seconds'):6.2f} s, "
          f"max {max(times[1:] or times):6.2f} s  ({', '.join(f'{t:.2f}' for t in times)})")
    print(f"        later runs median: main thread busy {med('busy'):.2f} s (scripts "
          f"{med('script'):.2f} s), long tasks {med('long', len):.0f} "
          f"({med('long', sum) / 1000:.2f} s); {med('requests'):.0f} requests, "
          f"{med('kib'):.0f} KiB, {med('rounds'):.0f} callback rounds before the draw")


if __name__ == "__main__":
    sys.exit(main())

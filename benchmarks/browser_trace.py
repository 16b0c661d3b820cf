"""Where a page's main thread spent its time, from a Chromium trace (Playwright's
`browser.start_tracing`): compiling and running each script, layout, paint, and the long tasks
(over 50 ms, each one a stretch the page could not answer input). Used by bench_first_page.py
--detail; the figures are CPU time of the page's own thread, which a busy machine stretches less
than wall time."""

from __future__ import annotations

from collections import defaultdict

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "toplevel"]
LONG_TASK_MS = 50


def main_thread(events: list[dict]) -> tuple[int, int] | None:
    """(pid, tid) of the page's renderer main thread (the one that ran the page's scripts)."""
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    runs = defaultdict(float)
    for e in events:
        if e.get("name") == "EvaluateScript" and names.get((e["pid"], e["tid"])) == "CrRendererMain":
            runs[(e["pid"], e["tid"])] += e.get("dur", 0)
    return max(runs, key=runs.get) if runs else None


def script_of(e: dict) -> str:
    data = (e.get("args") or {}).get("data") or {}
    url = data.get("url") or (e.get("args") or {}).get("fileName") or ""
    return url.split("/")[-1].split("?")[0][:48] or "(inline)"


def summary(trace: dict) -> dict:
    """{'tasks': ms of all top-level tasks, 'long': [ms of each long task], 'scripts':
    {script: (compile ms, evaluate ms, call ms)}, 'layout': ms, 'paint': ms}."""
    events = trace.get("traceEvents", trace) if isinstance(trace, dict) else trace
    main = main_thread(events)
    out = {"tasks": 0.0, "long": [], "scripts": defaultdict(lambda: [0.0, 0.0, 0.0]),
           "layout": 0.0, "paint": 0.0}
    for e in events:
        if main is None or (e.get("pid"), e.get("tid")) != main or e.get("ph") != "X":
            continue
        ms = e.get("dur", 0) / 1000
        name = e.get("name")
        if name == "RunTask":
            out["tasks"] += ms
            if ms > LONG_TASK_MS:
                out["long"].append(ms)
        elif name in ("v8.compile", "v8.compileModule"):
            out["scripts"][script_of(e)][0] += ms
        elif name == "EvaluateScript":
            out["scripts"][script_of(e)][1] += ms
        elif name == "FunctionCall":
            out["scripts"][script_of(e)][2] += ms
        elif name in ("Layout", "UpdateLayoutTree"):
            out["layout"] += ms
        elif name in ("Paint", "PrePaint", "Layerize"):
            out["paint"] += ms
    return out


def report(trace: dict, top: int = 12) -> None:
    s = summary(trace)
    long = s["long"]
    print(f"    main thread: tasks {s['tasks'] / 1000:.2f} s, {len(long)} long tasks "
          f"(> {LONG_TASK_MS} ms) {sum(long) / 1000:.2f} s, longest {max(long, default=0):.0f} ms; "
          f"style+layout {s['layout'] / 1000:.2f} s, paint {s['paint'] / 1000:.2f} s")
    rows = sorted(s["scripts"].items(), key=lambda kv: -sum(kv[1]))[:top]
    print("    script (compile / evaluate / calls, ms):")
    for name, (comp, ev, call) in rows:
        print(f"      {name:48s} {comp:7.0f} {ev:7.0f} {call:7.0f}")

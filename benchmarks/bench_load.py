"""Many viewers at once on `gunicorn -k gthread -w 2` (127.0.0.1): callbacks/s, p50/p95/p99,
errors, the share of answers served from the kept whole responses and each worker's memory (RSS,
PSS and USS), with every cache on (`cached`) and, as baselines from the same run, with query
answers cached but no whole responses kept (`answers`: CHIBO_RESPONSE_CACHE_MB=0), with no cache
at all (`off`), or under plain gunicorn without the deployed settings (`plain`: no libraries
shared by the master, no malloc trims).

    .venv/bin/python benchmarks/bench_load.py --warehouse data/warehouse.duckdb \
        [--viewers 50] [--seconds 60] [--warmup 5] [--rest 10] [--modes cached,answers,off]
        [--states N] [--base DIR] [--variant NAME:CHIBO_X=VALUE,…]

`--states N`: each user's viewers draw from N of its filter states only (the same N for every
mode; default: all of them), an audience that looks at a few views rather than every one.
`--prime`: every question of the run is asked once before it is timed, so the run measures a
server that has been answering for a while (kept answers warm), not its first minute.

Kept answers are counted with the share given from the store every worker shares
(`X-Chibo-Kept: 2`: an answer another worker drew, or drew before it was replaced); each mode
has its own state store (users database), made by the code it runs.

Besides the rates and times: the workers' CPU per callback (their user + system time over the
counted calls; capacity = cores / that, what a busy machine distorts least) and their memory
during the load and `--rest` seconds after it.

Users of four scopes (leader, admin, a province's analyst, a provincial committee's analyst) are
made with `python -m chibo.dashboard users` in a temporary users database; each viewer logs in. The
callbacks are the real ones: a chromium (Playwright) opens every page once and their request
bodies are recorded; viewers replay them with the filter state replaced by one of ~1.400 valid
combinations of period, province, sector and old boundaries (within the viewer's scope). The
per-viewer callback rate limit is raised for the run (several viewers share one user name).
"""

from __future__ import annotations

import argparse
import collections
import copy
import http.client
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import served

sys.path.insert(0, str(served.ROOT))  # the working tree's dashboard


def state_pools(env: dict, users: list[dict]) -> dict[str, list[dict]]:
    """Valid filter states per user name: period × province × sector × old boundaries, drawn
    from what the user's scope holds (the server parses them as it parses a URL)."""
    os.environ.update({k: v for k, v in env.items() if k.startswith("CHIBO_")})
    from chibo.dashboard import runtime, settings, urlstate
    from chibo.dashboard.data import Scope

    rt = runtime.Runtime.build(settings.load())
    pools = {}
    with runtime.bound(rt):
        for u in users:
            sc = u["scope"]
            scope = Scope(provinces=frozenset([sc["provinces"]]) if "provinces" in sc else None,
                          org_roots=frozenset([sc["org_roots"]]) if "org_roots" in sc else None)
            ch = urlstate.choices_for(scope)
            periods = [*urlstate.PRESETS, *urlstate.named_periods(ch)[:6]]
            provinces = [None, *sorted(ch.provinces_current)] if not sc else [None]
            sectors = [None, *sorted(ch.sectors)]
            combos = itertools.product(periods, provinces, sectors, ("0", "1"))
            states = []
            for period, prov, sector, old in combos:
                q = {"period": period, "sector": sector, "old": old}
                if prov and old == "0":
                    q["province"] = prov
                state, bad = urlstate.parse(
                    "&".join(f"{k}={v}" for k, v in q.items() if v), ch)
                if not bad:
                    states.append(state)
            pools[u["name"]] = states
    return pools


def with_state(body: dict, state: dict) -> str:
    """The recorded body with the filter state (`state.data`) replaced."""
    body = copy.deepcopy({k: v for k, v in body.items() if k not in ("page", "path")})
    for group in (body.get("inputs", []), body.get("state", [])):
        for item in group:
            if isinstance(item, dict) and item.get("id") == "state" and item.get("property") == "data":
                item["value"] = state
    return json.dumps(body)


def output_name(body: dict) -> str:
    out = body.get("output", "")
    return (out if len(out) < 60 else out[:57] + "…") + f"  [{body.get('page')}]"


def prime(port, viewers, payloads, pools) -> float:
    """Ask every question of the run (each user's payloads × its states) once, `viewers` at a
    time, before the timed run, as a long-running server would have been asked them (what is
    measured then is the steady state, not the first minute after a start); the seconds taken."""
    items = [(u, b, s) for u in pools for b in payloads for s in pools[u]]
    cookies = {u: served.login(port, u) for u in pools}
    start = time.monotonic()

    def asker(i):
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for user, body, state in items[i::viewers]:
            headers = {"Cookie": cookies[user], "Content-Type": "application/json"}
            try:
                served.request(port, "POST", body["path"], with_state(body, state), headers,
                               con=con)
            except (OSError, http.client.HTTPException):
                con.close()
                con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        con.close()

    threads = [threading.Thread(target=asker, args=(i,), daemon=True) for i in range(viewers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - start


def run(port, master, viewers, payloads, pools, seconds, warmup, rest) -> dict:
    """`viewers` threads, each its own session and kept-alive connection, for warmup + seconds;
    then `rest` idle seconds, to see the workers' memory after the load."""
    users = list(pools)
    sessions = [(users[i % len(users)], served.login(port, users[i % len(users)]))
                for i in range(viewers)]
    rss: dict[int, list] = {w: [served.memory_mib(w)] for w in served.worker_pids(master)}
    t_start = time.monotonic()
    t_count, t_end = t_start + warmup, t_start + warmup + seconds
    results: list[tuple[float, int, str]] = []
    lock = threading.Lock()

    def viewer(i):
        user, cookie = sessions[i]
        rnd = random.Random(i)
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"Cookie": cookie, "Content-Type": "application/json"}
        while (now := time.monotonic()) < t_end:
            body = rnd.choice(payloads)
            data = with_state(body, rnd.choice(pools[user]))
            t0 = time.perf_counter()
            try:
                status, _h, _b = served.request(port, "POST", body["path"], data,
                                                headers, con=con)
            except (OSError, http.client.HTTPException):
                status, _h = -1, {}
                con.close()
                con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            if now >= t_count:
                with lock:
                    results.append((time.perf_counter() - t0, status, output_name(body),
                                    _h.get("x-chibo-kept") if status > 0 else None))
        con.close()

    def sample():
        for w in served.worker_pids(master):
            rss.setdefault(w, []).append(served.memory_mib(w))

    threads = [threading.Thread(target=viewer, args=(i,), daemon=True) for i in range(viewers)]
    for t in threads:
        t.start()
    cpu0 = None
    while any(t.is_alive() for t in threads):
        if cpu0 is None and time.monotonic() >= t_count:
            cpu0 = served.cpu_seconds(master)
        sample()
        time.sleep(0.5)
    cpu = served.cpu_seconds(master) - (cpu0 if cpu0 is not None else 0.0)
    loaded = {w: len(seen) for w, seen in rss.items()}  # samples taken under load
    quiet_end = time.monotonic() + rest
    while time.monotonic() < quiet_end:
        time.sleep(0.5)
        sample()
    return {"results": results, "seconds": seconds, "rss": rss, "loaded": loaded, "cpu": cpu,
            "rest": rest}


def summary(label: str, r: dict) -> dict:
    times = sorted(t for t, s, _n, _k in r["results"] if s in (200, 204))
    errors = collections.Counter(s for _t, s, _n, _k in r["results"] if s not in (200, 204))
    kept = sum(k in ("1", "2") for *_x, k in r["results"])
    shared = sum(k == "2" for *_x, k in r["results"])
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [0.0] * 99
    out = {"label": label, "n": len(r["results"]), "rate": len(r["results"]) / r["seconds"],
           "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000, "errors": errors}
    print(f"{label:12s} {out['rate']:8.1f} callbacks/s   p50 {out['p50']:7.1f} ms   "
          f"p95 {out['p95']:7.1f} ms   p99 {out['p99']:7.1f} ms   errors {sum(errors.values())}"
          f" {dict(errors) if errors else ''}; kept answers {kept * 100 / max(len(times), 1):.0f} %"
          f" ({shared * 100 / max(len(times), 1):.0f} % from the store every worker shares)")
    failed = collections.Counter(n for _t, s, n, _k in r["results"] if s not in (200, 204))
    for name, n in failed.most_common(5):
        print(f"{'':12s} failed {n} × {name}")
    counted = max(len(r["results"]), 1)
    out["cpu_ms"] = r["cpu"] * 1000 / counted
    print(f"{'':12s} workers' CPU {out['cpu_ms']:.1f} ms a callback (capacity on "
          f"{os.cpu_count()} cores: {os.cpu_count() * 1000 / out['cpu_ms']:.0f} callbacks/s)"
          if out["cpu_ms"] else f"{'':12s} workers' CPU not read")
    out["peak_rss"] = 0.0
    for w, seen in r["rss"].items():
        under = seen[:r["loaded"][w]] or seen
        after = seen[r["loaded"][w]:]
        for kind in ("rss", "pss", "uss"):
            mibs = [m[kind] for m in under]
            rest = (f", {r['rest']:g} s after {after[-1][kind]:6.0f} MiB" if after else
                    " (gone before the end)")
            print(f"{'':12s} worker {w}: {kind.upper()} at start {mibs[0]:6.0f} MiB, peak "
                  f"{max(mibs):6.0f} MiB, at the load's end {mibs[-1]:6.0f} MiB{rest}")
        out["peak_rss"] = max(out["peak_rss"], *(m["rss"] for m in under))
    per = collections.defaultdict(list)
    for t, _s, name, _k in r["results"]:
        per[name].append(t * 1000)
    print(f"{'':12s} slowest callbacks (p95 ms, n):")
    slow = sorted(per.items(), key=lambda kv: -statistics.quantiles(kv[1], n=20)[-1]
                  if len(kv[1]) > 1 else 0)[:6]
    for name, ts in slow:
        p95 = statistics.quantiles(ts, n=20)[-1] if len(ts) > 1 else ts[0]
        print(f"{'':14s} {p95:7.1f}  {len(ts):5d}  {name}")
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", required=True)
    p.add_argument("--viewers", type=int, default=50)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--warmup", type=float, default=5)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--rest", type=float, default=10,
                   help="idle seconds after the load before the workers' memory is read again")
    p.add_argument("--states", type=int, default=0,
                   help="draw from this many filter states of each user (0: all)")
    p.add_argument("--prime", action="store_true",
                   help="ask every question once before the timed run (with --states N)")
    served.add_mode_options(p, "cached,answers,off")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    users = served.viewers(args.warehouse)
    base_env = served.environment(args.warehouse, tmp, callback_rate_limit="100000 per 10 seconds")
    pools = state_pools(base_env, users)
    if args.states:
        pools = {u: random.Random(u).sample(v, min(args.states, len(v))) for u, v in pools.items()}
    print(f"warehouse {args.warehouse}; {args.viewers} viewers, {args.seconds:g} s (+{args.warmup:g} s"
          f" warm-up), gunicorn gthread -w {args.workers} --threads {args.threads}; load average"
          f" before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("filter states per user: " + ", ".join(f"{k} {len(v)}" for k, v in pools.items()))
    payloads, outs = None, {}
    for mode, (extra, root) in served.modes(args).items():
        log = open(tmp / f"{mode}.log", "w")  # the app's log lines (errors' reasons)
        env = {**base_env, **extra, "CHIBO_USERS_DB": str(tmp / f"{mode}.users.sqlite3")}
        served.add_users(env, users, root)  # each mode its own state store (and kept answers)
        with log, served.gunicorn(env, args.workers, args.threads,
                                  config=mode != "plain", root=root, log=log) as (port, pid):
            if payloads is None:
                payloads = served.record_payloads(port, served.login(port, "lanhdao"))
                pages = collections.Counter(b["page"] for b in payloads)
                print(f"recorded callbacks: {len(payloads)} ({dict(pages)})")
            if args.prime:
                took = prime(port, args.viewers, payloads, pools)
                print(f"{mode}: every question asked once first ({took:.0f} s)")
            outs[mode] = summary(mode, run(port, pid, args.viewers, payloads, pools,
                                           args.seconds, args.warmup, args.rest))
    print(f"the servers' logs: {tmp}/MODE.log")
    o = outs.get("off", {})
    for mode, c in outs.items():
        if mode != "off" and c.get("rate") and o.get("rate") and c.get("p95"):
            print(f"{mode} / off: throughput × {c['rate'] / o['rate']:.2f}, p95 × "
                  f"{o['p95'] / c['p95']:.2f} faster")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

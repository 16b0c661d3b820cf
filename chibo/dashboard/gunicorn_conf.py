"""gunicorn's settings for the dashboard, as deploy/ runs it:

    gunicorn -c python:chibo.dashboard.gunicorn_conf chibo.dashboard.app:server --bind ADDRESS

gthread workers (2 × 4 threads: a 2-core host; more cores, more workers: the README's table),
and a worker's memory kept small (chibo/dashboard/memory.py): the libraries are imported once
in the master and shared copy-on-write by the workers, two malloc arenas a process, freed heap
given back after requests, and each worker replaced by a fresh one after about `max_requests`
requests (jittered, so the workers are not replaced together): what a long-lived worker's heap
keeps (fragments, objects a library leaks) never builds up. Options on the command line win
over these.
"""

from chibo.dashboard import memory

worker_class = "gthread"
workers = 2
threads = 4
timeout = 120
# An idle connection from nginx stays open longer than nginx keeps it (its upstream
# keepalive_timeout, 60 s in deploy/nginx): nginx closes it first, so it never sends a request
# on a connection gunicorn is closing (a POST there is not retried: a 502 for the viewer).
keepalive = 75
# A fresh worker costs ~3 s of CPU at national scale (its app and the warehouse's catalogue):
# under 0,1 % of the ~10 000 callbacks it serves first, at 20-150 ms of CPU each.
max_requests = 10_000
max_requests_jitter = 1_000

memory.limit_arenas()  # before any thread allocates: the workers inherit it with the fork
memory.share_libraries()


def post_request(worker, req, environ, resp):
    memory.trim_now_and_then()

"""gunicorn's settings for the dashboard, as deploy/ runs it:

    gunicorn -c python:chibo.dashboard.gunicorn_conf chibo.dashboard.app:server --bind ADDRESS

gthread workers (2 × 4 threads: a 2-core host; more cores, more workers: the README's table),
and a worker's memory kept small (chibo/dashboard/memory.py): the libraries are imported once
in the master and shared copy-on-write by the workers, two malloc arenas a process, freed heap
given back after requests. Options on the command line win over these.
"""

from chibo.dashboard import memory

worker_class = "gthread"
workers = 2
threads = 4
timeout = 120

memory.limit_arenas()  # before any thread allocates: the workers inherit it with the fork
memory.share_libraries()


def post_request(worker, req, environ, resp):
    memory.trim_now_and_then()

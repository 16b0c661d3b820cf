"""`/healthz`: whether this process can serve, for nginx, systemd and a load balancer. Outside the
login gate and returning no data: the served warehouse generation and its age, whether the users
database answers. 200 when both are there, else 503 (with the same fields)."""

from __future__ import annotations

import logging
import time

import flask

from chibo.dashboard import data, runtime

log = logging.getLogger(__name__)


def healthz() -> flask.Response:
    body: dict = {"status": "ok"}
    sig = data.signature()
    if sig is None:
        body.update(status="unavailable", warehouse=None)
    else:
        try:
            generation = data.query_row("SELECT max(generation) FROM meta.generation")[0]
        except Exception:  # a warehouse built before generations were recorded
            generation = None
        body["warehouse"] = {"generation": generation,
                             "age_seconds": max(0, round(time.time() - sig[2] / 1e9))}
    try:
        runtime.current().store.ping()
        body["users_db"] = "ok"
    except Exception as e:  # noqa: BLE001 - any failure means: not reachable
        log.warning("users database unreachable: %s", e)
        body.update(status="unavailable", users_db="unreachable")
    response = flask.jsonify(body)
    response.status_code = 200 if body["status"] == "ok" else 503
    return response


def register(server: flask.Flask) -> None:
    server.add_url_rule("/healthz", "chibo_healthz", healthz, methods=["GET"])

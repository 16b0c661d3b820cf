"""When a new generation is served, the answers viewers asked most of the one before (each
scope's first page with its default filters, above all) are drawn again for it in the
background, so the first viewers after a publication find them kept.

The first process that sees the generation claims the work in the state store (one per store:
per host with SQLite, for every host with PostgreSQL), reads the FILL_MOST answers asked most
of earlier generations (chibo/dashboard/kept.py), forgets those generations' answers, and draws
each question again in a thread of its own, as its viewer's role and scope would (the login
gate, the rate limit and the input check run as for a viewer; the read audit does not: nobody
read it), resting between two questions PACE times as long as the last took, so live requests
keep most of the process.
"""

from __future__ import annotations

import json
import logging
import threading
import time

import flask

from chibo.dashboard import kept, runtime
from chibo.dashboard.store import KeptAnswer, User, utcnow

log = logging.getLogger(__name__)
FILL_MOST = 300
PACE = 2.0
MIN_REST = 0.15  # seconds: under the default rate limit of one viewer (100 per 10 s)
FILL_USER = "(fill)"  # no user can be named so (chibo/dashboard/auth/users.normalise_name)
URL = "/_dash-update-component"
_seen: set[str] = set()
_lock = threading.Lock()


def seen(generation: str) -> threading.Thread | None:
    """Called with the generation each kept answer is asked of: the first time this process
    sees `generation`, a thread that fills it if no other process did (returned, for tests)."""
    if generation in _seen:
        return None
    with _lock:
        if generation in _seen:
            return None
        _seen.add(generation)
    worker = threading.Thread(target=fill, args=(flask.current_app._get_current_object(),
                                                 runtime.current(), generation),
                              daemon=True, name="chibo-fill")
    worker.start()
    return worker


def is_filling() -> bool:
    """This request is a question drawn again by `fill`, not a viewer's."""
    return flask.has_request_context() and bool(flask.g.get("chibo_fill"))


def fill(server: flask.Flask, rt: runtime.Runtime, generation: str, most: int = FILL_MOST) -> int:
    """Draw the `most` answers asked most for `generation` unless another process claimed it;
    how many were drawn."""
    with runtime.bound(rt):
        try:
            if not rt.store.claim_fill(generation, kept.host(), utcnow()):
                return 0
            questions = rt.store.most_asked(generation, most)
            rt.store.drop_answers(generation)
        except Exception:
            log.info("kept answers: no fill", exc_info=True)
            return 0
        done = 0
        for question in questions:
            started = time.monotonic()
            done += draw(server, question) == 200
            time.sleep(max(MIN_REST, PACE * (time.monotonic() - started)))
        log.info("kept answers filled", extra={"generation": generation, "drawn": done,
                                               "asked": len(questions)})
        return done


def draw(server: flask.Flask, question: KeptAnswer) -> int:
    """Ask `question` again as its viewer's role and scope would; the status."""
    viewer = json.loads(question.viewer)
    user = User(FILL_USER, viewer["role"], tuple(viewer.get("provinces") or ()),
                tuple(viewer.get("orgs") or ()))
    try:
        with server.test_request_context(URL, method="POST", data=question.asked,
                                         content_type="application/json"):
            flask.g.chibo_user = user
            flask.g.chibo_fill = True
            return server.full_dispatch_request().status_code
    except Exception:
        log.info("kept answers: a question not drawn again", exc_info=True)
        return 500

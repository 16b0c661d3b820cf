"""The request path of kept callback responses (chibo/dashboard/responses.py): a Dash callback
request that passed the login gate, the rate limit and the check of its inputs
(chibo/dashboard/auth/callback_inputs.py) is answered from the kept responses when the same
viewer scope and role asked the same thing of the same warehouse file before, before Dash
dispatches it; otherwise its answer is kept after it — unless it failed. A failed answer is one
whose status is not 200, or during which a warning or an error was logged (a chart drawn as
"could not be drawn", a fallback notice, a query stopped or too big), or one `dont_keep()` named.

Behind this process's kept answers are those every process and host keeps
(chibo/dashboard/kept.py): one found there is kept here too. The same question asked again while
its first answer is being drawn waits for that answer instead of drawing it too (many viewers
opening one view at once draw it once per process). A new generation has the answers asked most
drawn again in the background (chibo/dashboard/auth/fill.py).
The read audit (chibo/dashboard/auth/audit_reads.py) runs on kept answers as on fresh ones.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading

import dash
import flask

from chibo.dashboard import data, kept, responses, runtime
from chibo.dashboard.auth import access, fill, web
from chibo.dashboard.store import KeptAnswer

CALLBACK_SUFFIX = "_dash-update-component"
HIT_HEADER = "X-Chibo-Kept"  # on a kept answer: "1" kept by this process, "2" by the store
_DRAWING: dict[tuple, threading.Event] = {}  # questions being answered now -> set when done
_DRAWING_LOCK = threading.Lock()


def install(server: flask.Flask) -> None:
    """After the gate, the limits and the input check (their before_request hooks come first)."""
    server.before_request(_serve)
    server.after_request(_keep)
    server.teardown_request(_drawn)
    root = logging.getLogger()
    if not any(isinstance(h, _FailureWatch) for h in root.handlers):
        root.addHandler(_FailureWatch())


def dont_keep() -> None:
    """The answer of this request must not be kept (nothing outside a request)."""
    if flask.has_request_context():
        flask.g.chibo_failed = True


class _FailureWatch(logging.Handler):
    """A warning or an error logged while a request is answered marks its answer as failed."""

    def __init__(self):
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        dont_keep()


def _budget() -> int:
    return runtime.current().settings.response_cache_mb * 1024 * 1024


def _callback_of(body: dict):
    entry = dash.get_app().callback_map.get(body.get("output"))
    return entry and entry.get("callback")


def _question(key: tuple, signature) -> KeptAnswer | None:
    """What the kept answers of every process are asked (None: none kept for this file)."""
    if kept.budget() <= 0:
        return None
    name = kept.generation(signature)
    if name is None:
        return None
    fill.seen(name)
    scope, role, lang, request = key
    scope = kept.scope_text(scope)
    return KeptAnswer(kept.digest(name, scope, str(role), lang, request), name, scope, str(role),
                      lang, "", "", b"", "")


def _asker(question: KeptAnswer) -> KeptAnswer:
    """The question with who asked (role and scope) and what (the request), to ask it again."""
    user = web.current_user()
    viewer = {"role": question.role, "provinces": sorted(user.provinces) if user else [],
              "orgs": sorted(user.orgs) if user else []}
    return dataclasses.replace(question, viewer=json.dumps(viewer), asked=json.dumps(
        flask.request.get_json(silent=True), ensure_ascii=False))


def _kept(key: tuple, signature, question: KeptAnswer | None):
    """(body, content type, where) of this process's kept answer ("1"), else of the one every
    process keeps ("2", then kept here too); None when neither is."""
    hit = responses.RESPONSES.get(key, signature)
    if hit is not None:
        return (*hit, "1")
    found = kept.fetch(question) if question is not None else None
    if found is None:
        return None
    if not fill.is_filling():
        responses.RESPONSES.put(key, signature, *found, _budget())
    return (*found, "2")


def _serve():
    req = flask.request
    if req.method != "POST" or not req.path.endswith(CALLBACK_SUFFIX) or _budget() <= 0:
        return None
    body = req.get_json(silent=True)
    if not isinstance(body, dict) or not responses.is_cacheable(_callback_of(body)):
        return None
    signature = data.signature()
    if signature is None:
        return None
    key = (access.current_scope(), access.current_role(), responses.language(body),
           responses.request_key(body))
    question = _question(key, signature)
    flask.g.chibo_response = (key, signature, question)
    if question is not None and not fill.is_filling():
        kept.asked(question.key)
    hit = _kept(key, signature, question)
    if hit is None:
        with _DRAWING_LOCK:
            drawing = _DRAWING.get((key, signature))
            if drawing is None:
                _DRAWING[key, signature] = threading.Event()
                flask.g.chibo_drawing = (key, signature)
        if drawing is None:
            return None
        drawing.wait(runtime.current().settings.query_timeout_seconds)
        hit = _kept(key, signature, question)  # (a fill keeps its answers in the store only)
        if hit is None:  # that answer failed or was not kept: this one is drawn afresh
            return None
    answer = flask.Response(hit[0], status=200, content_type=hit[1])
    answer.headers[HIT_HEADER] = hit[2]
    return answer


def _keep(response: flask.Response) -> flask.Response:
    asked = flask.g.pop("chibo_response", None)
    if (asked is None or response.status_code != 200 or response.headers.get(HIT_HEADER)
            or flask.g.get("chibo_failed") or response.is_streamed):
        return response
    key, signature, question = asked
    if data.signature() == signature:  # not when the file changed while it was answered
        body = response.get_data()
        if not fill.is_filling():  # kept here once a viewer of this process asks
            responses.RESPONSES.put(key, signature, body, response.content_type, _budget())
        if question is not None:
            kept.keep(_asker(question), body, response.content_type)
    return response


def _drawn(_error=None) -> None:
    """The answer of a question others may be waiting for is kept (or failed): wake them."""
    asked = flask.g.pop("chibo_drawing", None)
    if asked is not None:
        with _DRAWING_LOCK:
            event = _DRAWING.pop(asked, None)
        if event is not None:
            event.set()

"""Whole callback responses kept per process, so a view many viewers open is answered without
running its Dash callback at all (the request path: chibo/dashboard/auth/response_cache.py).

Only callbacks marked `@cacheable` (under `@callback`) are kept: those whose answer follows from
the warehouse, the viewer's scope and role, and the request's inputs and state alone (never the
user's name, a form token, the clock or an upload job). A response is keyed by the warehouse file
read (its signature: a new generation is a new key, and the first request that sees it drops
every response of the one before), the viewer's scope and role, the language, the callback's
outputs, inputs and state and what triggered it. The store is a least-recently-used one bounded
in bytes (CHIBO_RESPONSE_CACHE_MB; 0: none).
"""

from __future__ import annotations

import hashlib
import json
import threading

from chibo.dashboard.answers import MISSING, AnswerCache

MARK = "_chibo_cacheable"  # functools.wraps (Dash's callback wrapper) carries it over


def cacheable(fn):
    """Mark a callback function whose whole response may be kept (put it under `@callback`)."""
    setattr(fn, MARK, True)
    return fn


def is_cacheable(fn) -> bool:
    return bool(getattr(fn, MARK, False))


def request_key(body: dict) -> str:
    """A digest of what a callback request asks: its outputs, inputs, state and trigger."""
    asked = [body.get(k) for k in ("output", "outputs", "inputs", "state", "changedPropIds")]
    text = json.dumps(asked, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


def language(body: dict) -> str:
    """The language the request asks in: the `lang` store, else the filter state's."""
    for part in ("inputs", "state"):
        for entry in body.get(part) or []:
            for e in entry if isinstance(entry, list) else [entry]:
                if isinstance(e, dict) and e.get("id") == "lang" and e.get("property") == "data":
                    return str(e.get("value"))
                if isinstance(e, dict) and e.get("id") == "state" and isinstance(e.get("value"), dict):
                    return str(e["value"].get("lang"))
    return ""


class ResponseCache:
    """Responses (body bytes, content type) under a byte budget, for one warehouse file at a
    time: `get`/`put` with another signature than the last one seen forget every response."""

    def __init__(self):
        self._store = AnswerCache()
        self._signature = None
        self._lock = threading.Lock()

    def _at(self, signature) -> None:
        with self._lock:
            if signature != self._signature:
                self._store.clear()
                self._signature = signature

    def get(self, key: tuple, signature):
        """The kept (body, content type) of `key` on the file `signature`, or None."""
        self._at(signature)
        hit = self._store.get((signature, *key))
        return None if hit is MISSING else hit

    def put(self, key: tuple, signature, body: bytes, content_type: str, budget: int) -> None:
        self._at(signature)
        self._store.put((signature, *key), (body, content_type), budget)

    def clear(self) -> None:
        self._store.clear()

    @property
    def bytes(self) -> int:
        return self._store.bytes

    def __len__(self) -> int:
        return len(self._store)


RESPONSES = ResponseCache()

"""Whole callback responses kept for every process and host, in the state store (the SQLite
users database beside the warehouse, or PostgreSQL when several hosts share one), behind the
per-process store of chibo/dashboard/responses.py: an answer one worker drew is given by the
others, and by a worker that replaced it, without drawing it again.

An answer is stored under a digest of its generation, the viewer's scope and role, the language
and the request (responses.request_key), and the row repeats the first four, which a reader
checks against its own before it gives the answer: never across scopes, roles, languages or
generations. The generation is named by the dashboard's code (a digest of its files: hosts in the
middle of an upgrade never share answers) and the file's content (the number the file records,
its size and a digest of its first and last MiB), so two hosts serving copies of one file share
answers and no two files do. The store keeps to CHIBO_KEPT_ANSWERS_MB (the oldest kept go first)
and counts how often each answer is asked (counted in memory, added to the store every FLUSH_SECONDS),
so that a new generation can draw the answers asked most first (chibo/dashboard/auth/fill.py).
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import hashlib
import json
import logging
import os
import threading
import time
from pathlib import Path

from chibo.dashboard import data, runtime, serving
from chibo.dashboard.store import KeptAnswer, utcnow

log = logging.getLogger(__name__)
FLUSH_SECONDS = 30.0
EDGE = 1 << 20  # bytes read from each end of the file to name its content
_NAMES: dict[tuple, str] = {}  # file signature -> generation name
_asks: collections.Counter = collections.Counter()
_asks_lock = threading.Lock()
_flushed = [time.monotonic()]


def budget() -> int:
    return runtime.current().settings.kept_answers_mb * 1024 * 1024


@functools.cache
def code_version() -> str:
    """A digest of the dashboard package's own files (code, SQL, texts)."""
    root = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def generation(signature: tuple) -> str | None:
    """The name of the content of the file `signature` names (None: it changed meanwhile, or
    it cannot be read)."""
    name = _NAMES.get(signature)
    if name is not None:
        return name
    served = data.gateway().serving()
    path, size = signature[0], signature[3]
    try:
        with open(path, "rb") as f:
            digest = hashlib.blake2b(f.read(EDGE), digest_size=16)
            f.seek(max(size - EDGE, 0))
            digest.update(f.read(EDGE))
    except OSError:
        return None
    if serving.signature_of(path) != signature or served.signature != signature:
        return None  # replaced while it was read
    name = _NAMES[signature] = f"{code_version()}:{served.generation}:{size}:{digest.hexdigest()}"
    return name


@functools.lru_cache(maxsize=1024)
def scope_text(scope: data.Scope) -> str:
    return json.dumps({k: None if v is None else sorted(v) for k, v in vars(scope).items()},
                      sort_keys=True)


def digest(generation_name: str, scope: str, role: str, lang: str, request: str) -> str:
    text = json.dumps([generation_name, scope, role, lang, request], separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


def fetch(question: KeptAnswer) -> tuple[bytes, str] | None:
    """The kept (body, content type) answering `question` (its body unused), or None."""
    try:
        found = runtime.current().store.kept_answer(question.key)
    except Exception:  # the store is a cache here: never an error for the viewer
        log.warning("kept answers unreadable", exc_info=True)
        return None
    if found is None or (found.generation, found.scope, found.role, found.lang) != (
            question.generation, question.scope, question.role, question.lang):
        return None
    return found.body, found.content_type


def keep(question: KeptAnswer, body: bytes, content_type: str) -> None:
    size = budget()
    if len(body) > size:
        return
    answer = dataclasses.replace(question, body=body, content_type=content_type)
    try:
        runtime.current().store.keep_answer(answer, utcnow(), size)
    except Exception:
        log.warning("kept answers unwritable", exc_info=True)


def asked(key: str) -> None:
    """Count one ask of the answer `key`; every FLUSH_SECONDS the counts go to the store (in a
    thread of their own: no viewer waits for it)."""
    with _asks_lock:
        _asks[key] += 1
        if time.monotonic() - _flushed[0] < FLUSH_SECONDS:
            return
        _flushed[0] = time.monotonic()
        counts = dict(_asks)
        _asks.clear()
    threading.Thread(target=_flush, args=(runtime.current(), counts), daemon=True).start()


def _flush(rt, counts: dict[str, int]) -> None:
    try:
        with runtime.bound(rt):
            rt.store.count_asks(counts)
    except Exception:
        log.warning("kept answers: asks not counted", exc_info=True)


def host() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"

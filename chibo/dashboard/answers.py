"""Cached answers of the query functions (`data.cached`): one least-recently-used store per
process, bounded by memory (CHIBO_ANSWER_CACHE_MB; 0 turns caching off), keyed by the function,
the warehouse file read (its signature: a new generation is a new key) and the arguments (the
viewer's scope first)."""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict

import pandas as pd

_MISSING = object()
_SHARED: set[int] = set()  # ids of objects many answers hold (kept alive by their owner)


def shared(value):
    """Mark `value` (kept for the process's life, e.g. the Plotly template every figure holds)
    as not an answer's own: `size_of` neither counts nor walks it. Returns `value`."""
    _SHARED.add(id(value))
    return value


def size_of(value) -> int:
    """Bytes an answer holds, roughly: DataFrames deeply, containers by their items (shared
    objects left out)."""
    if id(value) in _SHARED:
        return 0
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return int(value.memory_usage(deep=True).sum()) if isinstance(value, pd.DataFrame) \
            else int(value.memory_usage(deep=True))
    if isinstance(value, dict):
        return sys.getsizeof(value) + sum(size_of(k) + size_of(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return sys.getsizeof(value) + sum(size_of(v) for v in value)
    return sys.getsizeof(value)


class AnswerCache:
    """Thread-safe LRU of answers under a byte budget; an answer larger than the budget is not
    kept."""

    def __init__(self):
        self._items: OrderedDict = OrderedDict()  # key -> (value, bytes)
        self._lock = threading.Lock()
        self.bytes = 0

    def get(self, key):
        with self._lock:
            hit = self._items.get(key, _MISSING)
            if hit is _MISSING:
                return _MISSING
            self._items.move_to_end(key)
            return hit[0]

    def put(self, key, value, budget: int) -> None:
        size = size_of(value)
        if size > budget:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._items[key] = (value, size)
            self.bytes += size
            while self.bytes > budget and self._items:
                _k, (_v, n) = self._items.popitem(last=False)
                self.bytes -= n

    def clear(self, fn=None) -> None:
        """Forget every answer (of `fn` only, when given)."""
        with self._lock:
            for key in [k for k in self._items if fn is None or k[0] is fn]:
                self.bytes -= self._items.pop(key)[1]

    def __len__(self) -> int:
        return len(self._items)


ANSWERS = AnswerCache()
MISSING = _MISSING

"""The demo generator's independent pieces on every core: forked worker processes that share the
parent's arrays copy-on-write (nothing large is sent to them), results taken back in the order
they were asked for with a bounded number in flight, so memory stays flat however many pieces.

Every piece draws from a random stream of its own (seeded from the demo seed and the piece), so
the files do not depend on which worker ran what, nor on how many workers there are.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor

_SHARED: dict = {}  # what the workers read: set before the fork, inherited by every worker


def cores() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _call(fn: Callable, args: tuple):
    return fn(_SHARED, *args)


class _Inline(Executor):
    """One core: run each piece when it is asked for."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


class Pool:
    """`with Pool(shared) as pool`: pool.submit(fn, *args) runs fn(shared, *args) in a worker."""

    def __init__(self, shared: dict, workers: int | None = None) -> None:
        self.workers = workers or min(2, cores())
        _SHARED.clear()
        _SHARED.update(shared)
        if self.workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._ex: Executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("fork"))
        else:
            self._ex = _Inline()

    def submit(self, fn: Callable, *args) -> Future:
        return self._ex.submit(_call, fn, args)

    def ordered(self, fn: Callable, jobs: Iterable[tuple], ahead: int) -> Iterator:
        """fn(shared, *job) for every job, yielded in order, at most `ahead` running or waiting."""
        pending: deque[Future] = deque()
        for job in jobs:
            pending.append(self.submit(fn, *job))
            if len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self._ex.shutdown(wait=True, cancel_futures=exc[0] is not None)
        _SHARED.clear()

"""Faults: what makes a command stop with "could not complete" (exit 3), and the fault-injection
points the tests and benchmarks/bench_kill.py use.

CHIBO_FAULT=POINT kills the process (SIGKILL, as `kill -9`) when it reaches POINT;
CHIBO_FAULT=POINT:enospc raises "No space left on device" there instead. Points, in order:
after_read, after_validate, after_marts, mid_compact (the new core file rewritten compactly beside
itself, not yet moved over it), after_manifest (the ledger says "publishing" and the raw files are
stored), core_kept (the new generation's core file is kept, its served file not yet),
mid_swap (both files are kept, not yet served), after_swap (served, ledger not yet told). Unset in production: the checks cost one dictionary lookup.
"""

from __future__ import annotations

import errno
import os
import signal

import duckdb

POINTS = ("after_read", "after_validate", "after_marts", "mid_compact", "after_manifest", "core_kept", "mid_swap",
          "after_swap")
ENV = "CHIBO_FAULT"


class CouldNotComplete(RuntimeError):
    """The command could not finish for a reason outside the input (disk, files, the warehouse);
    nothing was published. Carries a Vietnamese and an English message."""

    def __init__(self, message_vi: str, message_en: str):
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en


def fault(point: str) -> None:
    """Stop here when CHIBO_FAULT names this point (tests only)."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    name, _, how = wanted.partition(":")
    if name != point:
        return
    if how == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"(injected at {point})")
    os.kill(os.getpid(), signal.SIGKILL)


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc)
    return isinstance(exc, duckdb.Error) and ("No space left on device" in text
                                              or "Disk quota exceeded" in text)


def explain(exc: BaseException) -> CouldNotComplete | None:
    """A clear message for a fault we know (disk full, read-only or unwritable files), else None."""
    if isinstance(exc, CouldNotComplete):
        return exc
    if is_disk_full(exc):
        return CouldNotComplete(
            "Hết chỗ trống trên đĩa: không công bố gì, kho dữ liệu đang dùng không đổi; hãy giải "
            "phóng chỗ trống rồi nạp lại",
            "The disk is full: nothing was published and the warehouse in use is unchanged; free "
            "some space and load again")
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        where = exc.filename or ""
        return CouldNotComplete(
            f"Không có quyền ghi {where}: không công bố gì, kho dữ liệu đang dùng không đổi",
            f"No permission to write {where}: nothing was published and the warehouse in use is "
            "unchanged")
    return None

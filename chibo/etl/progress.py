"""Progress for long steps: rich progress bars on the command line, silence elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class Steps:
    """`with steps.task(label, total) as advance: ... advance()` shows one bar per step."""

    def __init__(self, console: Console | None):
        self.console = console

    @classmethod
    def quiet(cls) -> Steps:
        return cls(None)

    @contextmanager
    def task(self, label: str, total: int) -> Iterator[Callable[[], None]]:
        if self.console is None:
            yield lambda *_: None
            return
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=self.console, transient=False) as bar:
            task = bar.add_task(label, total=max(total, 1))
            yield lambda *_: bar.advance(task)

    def waiting(self) -> None:
        if self.console is not None:
            self.console.print("Đang chờ một lần nạp khác kết thúc / waiting for another load to finish…")

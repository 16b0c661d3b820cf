"""What the gateway (chibo/dashboard/gateway.py) raises when it cannot answer: a statement past
its time limit or past the memory it may use, no warehouse to read, a warehouse of an older
contract, a start refused. Pages and the callback error handler catch these; only the gateway
raises them."""

from __future__ import annotations

import logging
import re

log = logging.getLogger("chibo.dashboard.sql")


class QueryTimeout(RuntimeError):
    """A statement ran past the gateway's time limit and was stopped."""


class QueryTooBig(RuntimeError):
    """A statement needed more memory than the dashboard process may give DuckDB
    (CHIBO_MEMORY_MB), even running alone."""


class WarehouseUnavailable(RuntimeError):
    """There is no warehouse to read (pages say so instead of showing data)."""


class WarehouseMissing(WarehouseUnavailable, FileNotFoundError):
    """No warehouse file and no kept generation: nothing was ever published."""


class WarehouseUnreadable(WarehouseUnavailable):
    """No generation of the warehouse can be read (the published file's reason given)."""


class WarehouseOutdated(WarehouseUnavailable):
    """The file read was built before a macro the dashboard calls (an older contract): the
    views that call it cannot be drawn until `etl rebuild` builds the file with today's code."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(
            f"Kho dữ liệu được dựng bằng phiên bản cũ (thiếu marts.{name}): quản trị viên cần "
            f"chạy python -m chibo.etl rebuild / the warehouse was built by an older version "
            f"(it lacks marts.{name}): an administrator must run python -m chibo.etl rebuild")

    @classmethod
    def of(cls, error: str, sql: str) -> WarehouseOutdated | None:
        """The error when a catalog error's text says the statement calls a marts macro the file
        does not have (logged for the IT office); None for any other catalog error."""
        found = re.search(r"Function with name (\w+) does not exist", error)
        if found is None or f"marts.{found[1]}(" not in sql:
            return None
        log.error("warehouse lacks marts.%s (built before it): rebuild it with python -m "
                  "chibo.etl rebuild", found[1])
        return cls(found[1])


class StartRefused(RuntimeError):
    """The dashboard must not start on this warehouse; the message says why, in both languages."""

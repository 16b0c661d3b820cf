"""Helpers shared by every test folder: a read-only warehouse query, and dashboard runtimes of
their own (a warehouse, settings and access mode) for a test to bind or to serve."""

from __future__ import annotations

import contextlib
from pathlib import Path


def query(warehouse: Path, sql: str, params=None) -> list[tuple]:
    """Run one query against a published warehouse, read-only, as a reader would; the served
    generation's core rows (its core file, which the dashboard never reads) read as core.*."""
    from chibo.etl.corefile import connect

    con = connect(warehouse)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def runtime_for(warehouse: Path, open_access: bool = True, **settings):
    """A dashboard runtime (settings, gateway, access mode) of its own for a warehouse file."""
    from chibo.dashboard import runtime
    from chibo.dashboard import settings as dashboard_settings

    return runtime.Runtime.build(dashboard_settings.load(warehouse=warehouse, **settings),
                                 open_access)


@contextlib.contextmanager
def serving(app, rt):
    """The app's requests (every thread) and this test's own calls use runtime `rt`."""
    from chibo.dashboard import runtime

    before = runtime.install(app.server, rt)
    try:
        with runtime.bound(rt):
            yield rt
    finally:
        runtime.install(app.server, before)

"""The app factory: `create_app(settings)` builds the one Dash app of the process from validated
settings. `server` is the WSGI app for gunicorn (`gunicorn dashboard.app:server`), built from the
environment on first use; importing this module builds nothing.

Nothing queries at build time: the warehouse is opened on the first request that needs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dash

from dashboard import runtime, settings
from dashboard.auth import web
from dashboard.settings import Settings

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent / "assets"
_built: list[dash.Dash] = []  # page modules register their callbacks process-wide: one app


def create_app(settings: Settings, *, open_access: bool = False) -> dash.Dash:
    """Build the app with its runtime (settings, warehouse gateway, access mode).

    Logins are required unless `open_access=True` (demo on 127.0.0.1 through `python -m
    dashboard`, and tests of the open pages); no setting can turn that on.
    """
    if _built:
        raise RuntimeError("create_app builds one app per process (pages register callbacks "
                           "process-wide); use runtime.install to serve another runtime")
    app = dash.Dash(
        __package__, use_pages=True, pages_folder=str(HERE / "pages"), assets_folder=str(ASSETS),
        suppress_callback_exceptions=True, title="chibo", update_title=None,
        serve_locally=True,
    )
    runtime.install(app.server, runtime.Runtime.build(settings, open_access))
    from dashboard.components import shell  # after Dash(): pages and callbacks need the app

    app.layout = shell.layout
    app.index_string = app.index_string.replace("<html>", '<html lang="vi">', 1)
    shell.install_not_found(app.server)
    web.install(app.server, settings)  # sessions, login gate, security headers (auth/web.py)
    from dashboard.exports import routes as export_routes  # /export/deck.pptx, /export/chart/…

    export_routes.register(app.server)
    _built.append(app)
    return app


APP_LOAD_ERROR = 4  # gunicorn stops (rather than restarting the worker) on this exit code


def __getattr__(name: str):
    """`server`: the production WSGI app, built once from the environment (logins required);
    a bad setting stops gunicorn with a one-line message."""
    if name != "server":
        raise AttributeError(name)
    try:
        loaded = settings.load()
    except settings.SettingsError as e:
        print(e, file=sys.stderr)
        raise SystemExit(APP_LOAD_ERROR) from None
    server = create_app(loaded).server
    globals()["server"] = server
    return server

"""The app factory; `server` is the WSGI app for gunicorn (`gunicorn dashboard.app:server`).

Nothing queries at import time: the warehouse is opened on the first request that needs it.
"""

from __future__ import annotations

from pathlib import Path

import dash

from dashboard import data
from dashboard.auth import config as auth_config
from dashboard.auth import web

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent / "assets"
_app: dash.Dash | None = None


def create_app(warehouse: str | Path | None = None, open_access: bool | None = None) -> dash.Dash:
    """Build the Dash app once per process (page modules register callbacks globally).

    Logins are required unless `open_access=True` (demo on 127.0.0.1; tests of the open pages).
    """
    global _app
    data.configure(warehouse)
    if open_access is not None:
        auth_config.configure(open_access=open_access)
    if _app is not None:
        return _app
    app = dash.Dash(
        __package__, use_pages=True, pages_folder=str(HERE / "pages"), assets_folder=str(ASSETS),
        suppress_callback_exceptions=True, title="chibo", update_title=None,
        serve_locally=True,
    )
    from dashboard.components import shell  # after Dash(): pages and callbacks need the app

    app.layout = shell.layout
    web.install(app.server)  # sessions, login gate, security headers (dashboard/auth/web.py)
    from dashboard.exports import routes as export_routes  # /export/deck.pptx, /export/chart/…

    export_routes.register(app.server)
    _app = app
    return app


app = create_app()
server = app.server

"""The app factory: `create_app(settings)` builds the one Dash app of the process from validated
settings. `server` is the WSGI app for gunicorn (`gunicorn chibo.dashboard.app:server`), built from the
environment on first use; importing this module builds nothing.

Nothing queries at build time: the warehouse is opened on the first request that needs it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import dash
from werkzeug.middleware.proxy_fix import ProxyFix

from chibo.dashboard import bundles, follow, health, logs, mount, outdated, runtime, settings
from chibo.dashboard.auth import (
    audit_reads,
    callback_inputs,
    headers,
    response_cache,
    throttle,
    web,
)
from chibo.dashboard.errors import StartRefused
from chibo.dashboard.settings import Settings

HERE = Path(__file__).resolve().parent
# the source tree's assets/, else the copy an installed wheel put in <prefix>/share/chibo/assets
ASSETS = next((p for p in (HERE.parents[1] / "assets", Path(sys.prefix) / "share" / "chibo" / "assets")
               if p.is_dir()), HERE.parents[1] / "assets")
_built: list[dash.Dash] = []  # page modules register their callbacks process-wide: one app


def create_app(settings: Settings, *, open_access: bool = False) -> dash.Dash:
    """Build the app with its runtime (settings, warehouse gateway, access mode).

    Logins are required unless `open_access=True` (demo on 127.0.0.1 through `python -m
    chibo.dashboard`, and tests of the open pages); no setting can turn that on. Raises
    errors.StartRefused when the warehouse cannot be read (chibo/dashboard/gateway.py check_start).
    """
    if _built:
        raise RuntimeError("create_app builds one app per process (pages register callbacks "
                           "process-wide); use runtime.install to serve another runtime")
    built = runtime.Runtime.build(settings, open_access)
    if follow.enabled(settings):  # several hosts: serve the generation the ETL announced
        follow.Follower(settings).start()
    if built.gateway.check_start().path is not None:
        with runtime.bound(built):  # a file of an older contract: logged with what to do
            outdated.check()
    app = dash.Dash(
        __package__, use_pages=True, pages_folder=str(HERE / "pages"), assets_folder=str(ASSETS),
        suppress_callback_exceptions=True, title="chibo", update_title=None,
        serve_locally=True, on_error=_on_callback_error,
        assets_ignore=re.escape(bundles.PLOTLY),  # loaded by dcc.Graph, not with the page
        requests_pathname_prefix=settings.url_prefix, routes_pathname_prefix="/",
    )
    runtime.install(app.server, built)
    from chibo.dashboard.components import first_view, shell  # after Dash(): pages, callbacks

    app.layout = first_view.layout
    app.index_string = app.index_string.replace("<html>", '<html lang="vi">', 1)
    bundles.install(app, ASSETS, settings.url_prefix)  # plotly.js of our traces, cache, gzip
    shell.install_not_found(app.server)
    headers.install(app)  # Origin check, CSP with Dash's fixed hashes (auth/headers.py)
    web.install(app.server, settings)  # sessions, exact-route login gate (auth/web.py)
    throttle.install(app.server)  # body size and callback rate limits (auth/throttle.py)
    callback_inputs.install(app.server)  # every callback's inputs checked: 400, never 500
    audit_reads.install(app.server)  # every chart, table and export read is logged
    response_cache.install(app.server)  # kept whole answers, after the checks above
    app.server.wsgi_app = _behind_proxies(app.server, settings.url_prefix)
    app.server.register_error_handler(  # a made-up component path is not found, not an error
        dash.exceptions.DependencyException, lambda _e: ("Not found / không có", 404))
    from chibo.dashboard.exports import routes as export_routes  # /export/deck.pptx, /export/chart/…

    export_routes.register(app.server)
    from chibo.dashboard.admin import upload_route  # POST /upload: files streamed to a job's folder

    upload_route.register(app.server)
    health.register(app.server)  # /healthz, public, no data
    _built.append(app)
    return app


def _on_callback_error(error: Exception):
    from chibo.dashboard.components import warehouse_banner  # needs the app (see create_app)

    return warehouse_banner.on_callback_error(error)


def _behind_proxies(server, prefix: str):
    """The WSGI app under CHIBO_URL_PREFIX (chibo/dashboard/mount.py), trusting CHIBO_PROXY_HOPS
    proxies (nginx: 1) for X-Forwarded-For, -Proto and -Host (the client's address, HTTPS, the
    public host). Never -Prefix: the prefix is a setting, and nginx passes a client's own
    X-Forwarded-Prefix through."""
    inner = mount.mounted(server.wsgi_app, prefix)

    def wsgi_app(environ, start_response):
        n = runtime.of(server).settings.proxy_hops
        if not n:
            return inner(environ, start_response)
        return ProxyFix(inner, x_for=n, x_proto=n, x_host=n)(environ, start_response)
    return wsgi_app


APP_LOAD_ERROR = 4  # gunicorn stops (rather than restarting the worker) on this exit code


def __getattr__(name: str):
    """`server`: the production WSGI app, built once from the environment (logins required);
    a bad setting or an unreadable warehouse stops gunicorn with the reason."""
    if name != "server":
        raise AttributeError(name)
    logs.setup()  # JSON lines beside gunicorn's access log
    try:
        server = create_app(settings.load()).server
    except (settings.SettingsError, StartRefused) as e:
        print(e, file=sys.stderr)
        raise SystemExit(APP_LOAD_ERROR) from None
    globals()["server"] = server
    return server

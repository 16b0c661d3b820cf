"""The app mounted under `CHIBO_URL_PREFIX` (e.g. `/chibo/` behind nginx): a WSGI wrapper that
moves the prefix from the request path into `SCRIPT_NAME`, so every route is registered once at
the root and every address the app makes (`url_for`, redirects, the cookie's path, Dash's
`requests_pathname_prefix`) carries the prefix. `/chibo` is redirected to `/chibo/`; a path
outside the prefix is not found."""

from __future__ import annotations

from werkzeug.utils import redirect
from werkzeug.wrappers import Response


def mounted(inner, prefix: str):
    """`inner` (a WSGI app) served under `prefix` ('/' or '/name/…/'); `inner` itself at '/'."""
    if prefix == "/":
        return inner
    root = prefix.rstrip("/")

    def wsgi_app(environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        if path == root:
            query = environ.get("QUERY_STRING")
            return redirect(prefix + (f"?{query}" if query else ""), 308)(environ, start_response)
        if not path.startswith(prefix):
            return Response("Not found / không có", 404)(environ, start_response)
        environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + root
        environ["PATH_INFO"] = path[len(root):]
        return inner(environ, start_response)
    return wsgi_app

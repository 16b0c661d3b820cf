"""Several hosts sign sessions with one key from the settings (CHIBO_SECRET_KEY or
CHIBO_SECRET_KEY_FILE): two separately built servers accept each other's cookie; a configured key
file that is missing or short stops the start with a clear message. (tests/ops/test_multihost.py
proves it through nginx with three gunicorn hosts.)"""

from __future__ import annotations

import flask
import pytest

from chibo.dashboard import runtime, settings
from chibo.dashboard.auth import web

KEY = "k" * 40


def _server(config: settings.Settings) -> flask.Flask:
    server = flask.Flask("host")
    runtime.install(server, runtime.Runtime.build(config, open_access=True))
    web.install(server, config)

    @server.get("/set")
    def _set():
        flask.session["sid"] = "token-of-a-session"
        return "ok"

    @server.get("/get")
    def _get():
        return flask.session.get("sid", "none")

    return server


@pytest.mark.parametrize("how", ["key", "file"])
def test_a_cookie_signed_by_host_a_is_read_by_host_b(how, tmp_path):
    if how == "key":
        config = settings.load(warehouse=tmp_path / "w.duckdb", secret_key=KEY)
    else:
        (tmp_path / "key").write_text(KEY + "\n")
        config = settings.load(warehouse=tmp_path / "w.duckdb", secret_key_file=tmp_path / "key")
    a, b = _server(config), _server(config)
    client_a = a.test_client()
    client_a.get("/set")
    client_b = b.test_client()
    client_b.set_cookie("chibo_session", client_a.get_cookie("chibo_session").value)
    assert client_b.get("/get").get_data(as_text=True) == "token-of-a-session"
    other = _server(settings.load(warehouse=tmp_path / "w.duckdb", secret_key="x" * 40))
    client_c = other.test_client()
    client_c.set_cookie("chibo_session", client_a.get_cookie("chibo_session").value)
    assert client_c.get("/get").get_data(as_text=True) == "none"  # another key: no session


def test_a_missing_or_short_key_is_refused_with_a_clear_message(tmp_path):
    config = settings.load(warehouse=tmp_path / "w.duckdb", secret_key_file=tmp_path / "none")
    with pytest.raises(RuntimeError, match="cannot read the session key"):
        _server(config)
    (tmp_path / "short").write_text("abc")
    with pytest.raises(RuntimeError, match="at least 32 characters"):
        _server(settings.load(warehouse=tmp_path / "w.duckdb", secret_key_file=tmp_path / "short"))
    with pytest.raises(settings.SettingsError, match=r"CHIBO_SECRET_KEY=…: .*at least 32"):
        settings.load(secret_key="short")

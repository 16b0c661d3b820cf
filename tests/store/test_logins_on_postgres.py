"""Logins with the state in PostgreSQL (CHIBO_DATABASE_URL): the real login form, the session
found by a second runtime on the same database (another host), failed logins counted across both,
the audit log shared."""

from __future__ import annotations

from tests.auth.conftest import PASSWORD, login
from tests.helpers import runtime_for, serving


def test_login_session_lockout_and_audit_live_in_postgres(pg_url, dash_app, fixture_warehouse):
    from chibo.dashboard.auth import users
    from chibo.dashboard.store.postgres import PostgresStore

    host_a = runtime_for(fixture_warehouse, open_access=False, database_url=pg_url)
    host_b = runtime_for(fixture_warehouse, open_access=False, database_url=pg_url)
    assert isinstance(host_a.store, PostgresStore)
    with serving(dash_app, host_a):
        users.add_user("lead", "leader", PASSWORD)
        client = login(dash_app, "lead")
        assert client.login_status == 302 and client.get("/_dash-layout").status_code == 200
        for _ in range(5):
            assert login(dash_app, "lead", "wrong-password").login_status == 401
    with serving(dash_app, host_b):  # the other host: same session, same failures
        assert client.get("/_dash-layout").status_code == 200
        assert login(dash_app, "lead").login_status == 429
        actions = [e["action"] for e in users.audit_log(50)]
    assert actions.count("login_failed") == 5 and "login" in actions

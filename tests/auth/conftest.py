"""Logins switched on for the one Dash app of the process: a users database with one user per
role (analysts of province 01, of organisation C1, and one without scope), a test client that
logs in through the real form, and a helper that posts forged Dash callback requests."""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import runtime_for, serving

PASSWORD = "mat-khau-dai-12"
USERS = {  # name: (role, provinces, orgs)
    "boss": ("admin", (), ()),
    "lead": ("leader", (), ()),
    "ana": ("analyst", ("01",), ()),
    "organa": ("analyst", (), ("S1",)),
    "nobody": ("analyst", (), ()),
}


@pytest.fixture(scope="session")
def users_db(tmp_path_factory, dash_app, fixture_warehouse):
    """A users database with USERS (hashing is slow, so once per session)."""
    from chibo.dashboard import runtime
    from chibo.dashboard.auth import users

    path = tmp_path_factory.mktemp("auth") / "users.sqlite3"
    with runtime.bound(runtime_for(fixture_warehouse, users_db=path)):
        for name, (role, provinces, orgs) in USERS.items():
            users.add_user(name, role, PASSWORD, provinces, orgs)
    return path


@pytest.fixture(autouse=True)
def _open_on_fixture(fixture_runtime):
    """Direct calls read the fixture warehouse in open access unless a test turns logins on."""
    from chibo.dashboard import runtime

    with runtime.bound(fixture_runtime):
        yield


@pytest.fixture
def logins(users_db, dash_app, fixture_warehouse):
    """Logins required (as in production) for the duration of one test."""
    rt = runtime_for(fixture_warehouse, open_access=False, users_db=users_db,
                     callback_rate_limit="100000 per 10 seconds")  # forged-request matrices
    with serving(dash_app, rt):
        dash_app.server.test_client().get("/login")  # Dash sets up its callbacks on a first request
        yield dash_app


def login(app, name: str, password: str = PASSWORD):
    """A Flask test client logged in through the form (CSRF token included)."""
    client = app.server.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    r = client.post("/login", data={"csrf": token, "name": name, "password": password,
                                    "next": "/"})
    client.login_status = r.status_code
    return client


def _outputs(output: str) -> list[str]:
    return output[2:-2].split("...") if output.startswith("..") else [output]


def _id_str(i) -> str:
    return json.dumps(i, sort_keys=True, separators=(",", ":")) if isinstance(i, dict) else i

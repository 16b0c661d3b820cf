"""The served app with logins on (the fixtures of tests/auth/conftest.py: one user per role)."""

from tests.auth.conftest import _open_on_fixture, logins, users_db  # noqa: F401

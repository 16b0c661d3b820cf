"""The one settings object: every CHIBO_* variable the dashboard reads is a field, validated at
start with a one-line bilingual message, documented in the README by the generated table; the
app is built only by the factory (importing chibo.dashboard.app builds nothing)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chibo.dashboard import settings

ROOT = Path(__file__).resolve().parents[2]


def _run(code_or_args: list[str], **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    return subprocess.run([sys.executable, *code_or_args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**clean, **env})


@pytest.mark.parametrize("value", ["true", "1", "TRUE", "yes"])
def test_secure_cookies_true_is_honoured_like_1(monkeypatch, value):
    from chibo.dashboard import settings

    monkeypatch.setenv("CHIBO_SECURE_COOKIES", value)
    assert settings.load().secure_cookies is True


@pytest.mark.parametrize("variable, value, reason", [
    ("CHIBO_SESSION_IDLE_MINUTES", "abc", "cần một số / a number is expected"),
    ("CHIBO_THREADS", "0", "phải từ 1 trở lên / must be at least 1"),
    ("CHIBO_SECURE_COOKIES", "maybe", "cần 1/0 hoặc true/false / 1/0 or true/false is expected"),
    ("CHIBO_CALLBACK_RATE_LIMIT", "lots", "cần dạng 100 per 10 seconds / a rate such as 100 per 10 "
     "seconds is expected"),
    ("CHIBO_RATE_LIMIT_STORAGE", "ftp://x", "cần memory:// hoặc một URI lưu trữ của limits (redis://…) / "
     "memory:// or a limits storage URI (redis://…) is expected"),
])
def test_a_bad_value_stops_the_start_with_one_line(variable, value, reason):
    """Exit 2 and one line naming the variable, its value and why, in both languages."""
    result = _run(["-m", "chibo.dashboard", "--port", "1"], **{variable: value})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"Cấu hình không hợp lệ / invalid setting: {variable}='{value}': {reason}"]


def test_gunicorn_entry_stops_on_a_bad_value_without_a_traceback():
    """`gunicorn chibo.dashboard.app:server` resolves `server`: the same message, and gunicorn's "app
    failed to load" exit code, so gunicorn stops instead of restarting the worker forever."""
    result = _run(["-c", "import chibo.dashboard.app as a; a.server"], CHIBO_LOCKOUT_MINUTES="-1")
    assert result.returncode == 4 and "Traceback" not in result.stderr
    assert "CHIBO_LOCKOUT_MINUTES='-1'" in result.stderr


def test_importing_the_app_module_builds_nothing():
    """No app, no pages and no settings read at import: tests and tools build their own."""
    result = _run(["-c", "import sys, chibo.dashboard.app as a; print(len(a._built), "
                         "any(m.startswith('chibo.dashboard.pages') for m in sys.modules))"],
                  CHIBO_THREADS="not a number")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "False"]


def test_values_come_from_the_environment_and_arguments_win():
    """Variables of any case fill the fields; an empty one counts as unset."""
    env = {"CHIBO_WAREHOUSE": "/srv/w.duckdb", "chibo_threads": "2", "CHIBO_USERS_DB": ""}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        loaded = settings.load()
        assert (loaded.warehouse, loaded.threads, loaded.users_db) == (Path("/srv/w.duckdb"), 2, None)
        assert loaded.users_db_path() == Path("/srv/users.sqlite3")
        assert settings.load(threads=4).threads == 4


def test_every_variable_the_dashboard_reads_is_a_setting():
    """No module reads a CHIBO_* variable itself: settings.py is the one place."""
    fields = {settings.ENV_PREFIX + name.upper() for name in settings.Settings.model_fields}
    for path in sorted((ROOT / "chibo" / "dashboard").rglob("*.py")):
        if path.name == "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(environ|getenv)\W[^\n]*CHIBO_", text), path
        assert set(re.findall(r"CHIBO_[A-Z_]+", text)) <= fields, path


def test_readme_documents_every_setting():
    """The README's table is the one `python -m chibo.dashboard settings` prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- settings:start -->")[1].split("<!-- settings:end -->")[0]
    assert table.strip() == settings.markdown_table()

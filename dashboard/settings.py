"""The dashboard's one typed settings object: every CHIBO_* environment variable it reads, with
its default, validated once at start (`load()`), documented in the README (`markdown_table()`).

A new setting is one field here with its description; the README table is generated from them.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "CHIBO_"


class Settings(BaseSettings):
    """Read from CHIBO_<FIELD NAME> (any case); an empty variable counts as unset."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="ignore",
                                      frozen=True)

    warehouse: Path = Field(PROJECT_ROOT / "data" / "warehouse.duckdb",
                            description="the published DuckDB warehouse (read-only)")
    users_db: Path | None = Field(None, description="the users database (default: "
                                  "`users.sqlite3` beside the warehouse)")
    provinces_geojson: Path | None = Field(None, description="a GeoJSON of the provinces for "
                                           "the true map (default: `provinces.geojson` beside "
                                           "the warehouse, when there is one)")
    threads: int = Field(1, ge=1, description="DuckDB threads per dashboard process")
    query_timeout_seconds: float = Field(60.0, gt=0, description="seconds one warehouse query "
                                         "may run before it is stopped")
    session_idle_minutes: float = Field(30.0, gt=0, description="a session unused this long "
                                        "ends")
    session_max_hours: float = Field(12.0, gt=0, description="a session ends this long after "
                                     "its login")
    login_max_failures: int = Field(5, ge=1, description="failed logins in a row that lock an "
                                    "account")
    lockout_minutes: float = Field(15.0, gt=0, description="how long a locked account stays "
                                   "locked")
    login_failure_delay: float = Field(1.0, ge=0, description="seconds a failed login waits, "
                                       "doubled per failure (at most 8 times)")
    secure_cookies: bool = Field(False, description="`1`: the session cookie is sent over HTTPS "
                                 "only (behind nginx with TLS)")

    def users_db_path(self) -> Path:
        """The users database: beside the warehouse, so rebuilding the warehouse never loses it."""
        return self.users_db or self.warehouse.parent / "users.sqlite3"

    def geojson_path(self) -> Path:
        """Where the provinces' GeoJSON is looked for (it need not exist)."""
        return self.provinces_geojson or self.warehouse.parent / "provinces.geojson"


class SettingsError(ValueError):
    """A setting has a bad value; the message is one line in Vietnamese and English."""


_REASONS = {  # pydantic error type -> (Vietnamese, English)
    "float_parsing": ("cần một số", "a number is expected"),
    "int_parsing": ("cần một số nguyên", "a whole number is expected"),
    "int_from_float": ("cần một số nguyên", "a whole number is expected"),
    "bool_parsing": ("cần 1 hoặc 0", "1 or 0 is expected"),
    "greater_than": ("phải lớn hơn {gt}", "must be greater than {gt}"),
    "greater_than_equal": ("phải từ {ge} trở lên", "must be at least {ge}"),
}


def describe_error(error: ValidationError) -> str:
    """One line naming each bad variable, its value and the reason, in both languages."""
    parts = []
    for e in error.errors():
        name = ENV_PREFIX + str(e["loc"][0]).upper() if e["loc"] else ENV_PREFIX
        vi, en = _REASONS.get(e["type"], ("giá trị không hợp lệ", e["msg"]))
        ctx = e.get("ctx") or {}
        parts.append(f"{name}={e.get('input')!r}: {vi.format(**ctx)} / {en.format(**ctx)}")
    return "Cấu hình không hợp lệ / invalid setting: " + "; ".join(parts)


def load(**overrides) -> Settings:
    """The settings from the environment (overrides win); SettingsError when a value is bad."""
    try:
        return Settings(**overrides)
    except ValidationError as e:
        raise SettingsError(describe_error(e)) from None


def markdown_table() -> str:
    """The README's table of settings, generated from the fields above."""
    rows = ["| variable | default | what it sets |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, Path):
            default = default.relative_to(PROJECT_ROOT).as_posix()
        if isinstance(default, bool):
            default = int(default)
        shown = "" if default is None else f"`{default}`"
        rows.append(f"| `{ENV_PREFIX}{name.upper()}` | {shown} | {field.description} |")
    return "\n".join(rows)

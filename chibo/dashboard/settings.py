"""The dashboard's one typed settings object: every CHIBO_* environment variable it reads, with
its default, validated once at start (`load()`), documented in the README (`markdown_table()`).

A new setting is one field here with its description; the README table is generated from them.
"""

from __future__ import annotations

import re
from pathlib import Path

import limits
import limits.storage
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ENV_PREFIX = "CHIBO_"
PATH_SEGMENT = re.compile(r"^[A-Za-z0-9._~-]+$")


def default_data_dir() -> Path:
    """`data/` of the source tree when running from it, else `data/` in the working folder
    (an installed package never writes into its site-packages)."""
    in_source_tree = (PROJECT_ROOT / "pyproject.toml").exists()
    return (PROJECT_ROOT if in_source_tree else Path.cwd()) / "data"


class Settings(BaseSettings):
    """Read from CHIBO_<FIELD NAME> (any case); an empty variable counts as unset."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="ignore",
                                      frozen=True)

    data_dir: Path = Field(None, description="the data folder (default: `data/` of the source "
                           "tree when run from it, else `data/` in the working folder)")
    warehouse: Path = Field(None, description="the published DuckDB warehouse, read-only "
                            "(default: `warehouse.duckdb` in the data folder)")
    users_db: Path | None = Field(None, description="the users database (default: "
                                  "`users.sqlite3` beside the warehouse)")
    provinces_geojson: Path | None = Field(None, description="a GeoJSON of the provinces for "
                                           "the true map (default: `provinces.geojson` beside "
                                           "the warehouse, when there is one)")
    threads: int = Field(1, ge=1, description="DuckDB threads per dashboard process")
    memory_mb: int = Field(128, ge=0, description="DuckDB memory limit of each dashboard "
                           "process (its serving threads share one instance), in MB: cached "
                           "blocks of the warehouse and query memory; a larger query spills to "
                           "`chibo-duckdb` in the system's temporary folder; `0`: DuckDB's "
                           "default (80 % of the machine's memory)")
    answer_cache_mb: int = Field(64, ge=0, description="memory each dashboard process keeps "
                                 "for cached answers, in MB (least recently used go first; `0`: "
                                 "no cache)")
    response_cache_mb: int = Field(32, ge=0, description="memory each dashboard process keeps "
                                   "for whole callback responses, in MB, answered again without "
                                   "running the callback (same warehouse file, viewer scope and "
                                   "role, language, inputs; least recently used go first; `0`: "
                                   "none)")
    kept_answers_mb: int = Field(256, ge=0, description="bytes, in MB, of the whole callback "
                                 "responses kept in the state store (the SQLite users database, "
                                 "or PostgreSQL when CHIBO_DATABASE_URL names one) for every "
                                 "process and host to answer again; the answers asked most are "
                                 "drawn again in the background when a new generation is served "
                                 "(oldest kept go first; `0`: none)")
    query_timeout_seconds: float = Field(60.0, gt=0, description="seconds one warehouse query "
                                         "may run before it is stopped")
    session_idle_minutes: float = Field(30.0, gt=0, description="a session unused this long "
                                        "ends")
    session_max_hours: float = Field(12.0, gt=0, description="a session ends this long after "
                                     "its login")
    lockout_minutes: float = Field(15.0, gt=0, description="the window in which failed logins "
                                   "count (a lock lifts as the failures age out of it)")
    login_max_failures: int = Field(5, ge=1, description="failed logins from one address for "
                                    "one user name that lock that name for that address")
    login_max_failures_per_address: int = Field(20, ge=1, description="failed logins from one "
                                                "address, any names, that refuse the address")
    login_max_failures_per_user: int = Field(50, ge=1, description="failed logins for one user "
                                             "name from all addresses after which only "
                                             "addresses without a failure may try it")
    secure_cookies: bool = Field(False, description="`1` or `true`: the session cookie is sent "
                                 "over HTTPS only (behind nginx with TLS)")
    max_request_kb: int = Field(1024, ge=16, description="largest request body in KB (uploads "
                                "aside): a larger one gets 413 before it is read")
    max_upload_mb: int = Field(200, ge=1, description="largest upload in MB (all files of one "
                               "drop, streamed to `POST /upload`); nginx's "
                               "`client_max_body_size` is the same figure")
    callback_rate_limit: str = Field("100 per 10 seconds", description="Dash callbacks one "
                                     "viewer may send (`limits` notation, `;` between several); "
                                     "beyond it 429")
    rate_limit_storage: str = Field("memory://", description="where callback rates are counted: "
                                    "`memory://` (each process), or a `limits` storage URI "
                                    "shared by several hosts (`redis://host:6379`)")
    url_prefix: str = Field("/", description="the path the app is served under behind a proxy "
                            "(`/chibo/`: pages, Dash routes, assets, login, uploads, `/healthz` "
                            "and the session cookie all live under it)")
    proxy_hops: int = Field(0, ge=0, le=5, description="proxies in front (nginx: `1`) whose "
                            "`X-Forwarded-For/-Proto/-Host` are trusted")

    database_url: str | None = Field(None, description="a PostgreSQL database "
                                     "(`postgresql://user:password@host/db`) shared by several "
                                     "hosts for users, sessions, lockouts, audit, upload jobs "
                                     "and the served generation (default: SQLite beside the "
                                     "warehouse)")
    secret_key_file: Path | None = Field(None, description="the file holding the session "
                                         "signing key, the same on every host (default: "
                                         "`secret_key` beside the users database, made on first "
                                         "run)")
    secret_key: str | None = Field(None, min_length=32, repr=False, description="the session "
                                   "signing key itself (at least 32 characters, the same on "
                                   "every host); wins over the key file")
    shared_warehouse: Path | None = Field(None, description="several hosts: the warehouse the "
                                          "ETL publishes to on the shared volume; this host "
                                          "copies each generation published there (as "
                                          "CHIBO_DATABASE_URL says) into its own warehouse")
    follow_seconds: float = Field(2.0, gt=0, description="several hosts: how often a host asks "
                                  "the database for a newly published generation")

    @model_validator(mode="before")
    @classmethod
    def _paths(cls, values: dict) -> dict:
        """Default and absolute paths: relative ones are taken from the working folder."""
        values = dict(values)
        data_dir = Path(values.get("data_dir") or default_data_dir()).expanduser().resolve()
        values["data_dir"] = data_dir
        values["warehouse"] = Path(values.get("warehouse") or data_dir / "warehouse.duckdb"
                                   ).expanduser().resolve()
        return values

    @field_validator("callback_rate_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        try:
            limits.parse_many(value)
        except ValueError:
            raise ValueError("rate") from None
        return value

    @field_validator("url_prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        """`chibo`, `/chibo` and `/chibo/` all mean `/chibo/`; plain path segments only."""
        segments = [s for s in value.strip().split("/") if s]
        if any(s in (".", "..") or not PATH_SEGMENT.match(s) for s in segments):
            raise ValueError("prefix")
        return "/" + "".join(s + "/" for s in segments)

    @field_validator("rate_limit_storage")
    @classmethod
    def _storage(cls, value: str) -> str:
        if value.split("://", 1)[0] not in limits.storage.SCHEMES:
            raise ValueError("storage")
        return value

    @field_validator("shared_warehouse")
    @classmethod
    def _absolute(cls, value: Path | None) -> Path | None:
        return value and value.expanduser().resolve()

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str | None) -> str | None:
        if value and value.split("://", 1)[0] not in ("postgresql", "postgres"):
            raise ValueError("database")
        return value

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
    "bool_parsing": ("cần 1/0 hoặc true/false", "1/0 or true/false is expected"),
    "less_than_equal": ("phải từ {le} trở xuống", "must be at most {le}"),
    "greater_than": ("phải lớn hơn {gt}", "must be greater than {gt}"),
    "greater_than_equal": ("phải từ {ge} trở lên", "must be at least {ge}"),
    "string_too_short": ("cần ít nhất {min_length} ký tự", "at least {min_length} characters "
                         "are expected"),
}
_HIDDEN = {"secret_key", "database_url"}  # never repeated in a message


_VALUE_REASONS = {  # our validators' ValueError(key) -> (Vietnamese, English)
    "rate": ("cần dạng 100 per 10 seconds", "a rate such as 100 per 10 seconds is expected"),
    "prefix": ("cần một đường dẫn như /chibo/", "a path such as /chibo/ is expected"),
    "storage": ("cần memory:// hoặc một URI lưu trữ của limits (redis://…)",
                "memory:// or a limits storage URI (redis://…) is expected"),
    "database": ("cần một URL postgresql://…", "a postgresql://… URL is expected"),
}


def describe_error(error: ValidationError) -> str:
    """One line naming each bad variable, its value and the reason, in both languages."""
    parts = []
    for e in error.errors():
        name = ENV_PREFIX + str(e["loc"][0]).upper() if e["loc"] else ENV_PREFIX
        vi, en = _REASONS.get(e["type"], ("giá trị không hợp lệ", e["msg"]))
        if e["type"] == "value_error":
            vi, en = _VALUE_REASONS.get(str(e.get("ctx", {}).get("error")), (vi, en))
        ctx = e.get("ctx") or {}
        shown = "…" if e["loc"] and e["loc"][0] in _HIDDEN else repr(e.get("input"))
        parts.append(f"{name}={shown}: {vi.format(**ctx)} / {en.format(**ctx)}")
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
        if isinstance(default, bool):
            default = int(default)
        shown = "" if default is None else f"`{default}`"
        rows.append(f"| `{ENV_PREFIX}{name.upper()}` | {shown} | {field.description} |")
    return "\n".join(rows)

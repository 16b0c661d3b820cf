"""The schema of the SQLite store, as numbered migrations applied in order and recorded in the
table `schema_migrations` (version, name, applied_at). A migration is never edited once released:
a change is a new one at the end.

Migration 1 is the schema the users database had before migrations were recorded (so an existing
file is adopted as it is); times are ISO 8601 text in UTC with the zone from migration 2 on
(older, zone-less values were local time and are read as such).
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "users, sessions, failures, audit", """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, provinces TEXT NOT NULL DEFAULT '[]',
    orgs TEXT NOT NULL DEFAULT '[]', password_hash TEXT NOT NULL, created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL, last_login_at TEXT);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL, address TEXT);
CREATE TABLE IF NOT EXISTS failures (name TEXT NOT NULL, address TEXT, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT, action TEXT NOT NULL,
    target TEXT, detail TEXT, address TEXT);
"""),
    (2, "UTC times, the page of each audit entry, upload jobs", """
DELETE FROM failures;
CREATE INDEX failures_name_at ON failures (name, at);
CREATE INDEX failures_address_at ON failures (address, at);
CREATE INDEX sessions_name ON sessions (name);
ALTER TABLE audit ADD COLUMN page TEXT;
CREATE TABLE jobs (
    id TEXT PRIMARY KEY, user TEXT NOT NULL, files TEXT NOT NULL, folder TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, step TEXT, state TEXT NOT NULL,
    rc INTEGER, accept_valid INTEGER NOT NULL DEFAULT 0, host TEXT, pid INTEGER);
"""),
)

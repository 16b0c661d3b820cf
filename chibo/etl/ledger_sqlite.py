"""The ledger in a SQLite file beside the raw files (`warehouse.raw/ledger.sqlite3`): plain tables,
schema version in `PRAGMA user_version`, every write one transaction with a full fsync."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
from pathlib import Path

from chibo.etl.ledger import FileRecord, GenerationRecord, LoadRecord

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE loads (
  load_id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, state TEXT NOT NULL,
  started_at TEXT NOT NULL, finished_at TEXT, generation INTEGER, options TEXT NOT NULL,
  result TEXT, problems INTEGER, report TEXT, detail TEXT, host TEXT, pid INTEGER);
CREATE TABLE load_files (
  load_id INTEGER NOT NULL REFERENCES loads, position INTEGER NOT NULL, name TEXT NOT NULL,
  hash TEXT NOT NULL, bytes INTEGER, stored_as TEXT, PRIMARY KEY (load_id, position));
CREATE TABLE generations (
  generation INTEGER PRIMARY KEY, state TEXT NOT NULL, made_by TEXT NOT NULL,
  created_at TEXT NOT NULL, load_id INTEGER, published_at TEXT, file TEXT, bytes INTEGER,
  served_seq INTEGER, note TEXT);
CREATE TABLE generation_loads (
  generation INTEGER NOT NULL REFERENCES generations, load_id INTEGER NOT NULL,
  PRIMARY KEY (generation, load_id));
CREATE TABLE pointer (
  name TEXT PRIMARY KEY, generation INTEGER NOT NULL, seq INTEGER NOT NULL, changed_at TEXT NOT NULL);
"""
_LOAD_FIELDS = ("state", "generation", "result", "problems", "report", "detail", "finished_at")
_GENERATION_FIELDS = ("state", "file", "bytes", "published_at")


def now() -> str:
    return dt.datetime.now().isoformat(" ", "seconds")


class SqliteLedger:
    """chibo.etl.ledger.Ledger in one SQLite file."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("PRAGMA foreign_keys = ON")
        with self._tx():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{path}: ledger schema {version} is newer than this "
                                   f"program's ({SCHEMA_VERSION})")
            if version == 0:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _tx(self):
        return _Transaction(self.db)

    # --- loads ---------------------------------------------------------------------------------
    def begin_load(self, kind, files, options, load_id=None, state="started") -> int:
        with self._tx():
            cur = self.db.execute(
                "INSERT INTO loads (load_id, kind, state, started_at, options, host, pid) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [load_id, kind, state, now(), json.dumps(options, ensure_ascii=False),
                 socket.gethostname(), os.getpid()])
            new_id = cur.lastrowid
            self.db.executemany(
                "INSERT INTO load_files VALUES (?, ?, ?, ?, ?, ?)",
                [(new_id, i, f.name, f.hash, f.bytes, f.stored_as) for i, f in enumerate(files)])
        return new_id

    def update_load(self, load_id, **fields) -> None:
        files = fields.pop("files", None)
        unknown = set(fields) - set(_LOAD_FIELDS)
        if unknown:
            raise TypeError(f"unknown load fields {unknown}")
        with self._tx():
            if fields:
                sets = ", ".join(f"{k} = ?" for k in fields)
                self.db.execute(f"UPDATE loads SET {sets} WHERE load_id = ?",
                                [*fields.values(), load_id])
            for i, f in enumerate(files or ()):
                self.db.execute("UPDATE load_files SET stored_as = ?, bytes = ? "
                                "WHERE load_id = ? AND position = ?", [f.stored_as, f.bytes, load_id, i])

    def loads(self, states=None, limit=None) -> list[LoadRecord]:
        sql, params = "SELECT * FROM loads", []
        if states:
            sql += f" WHERE state IN ({', '.join('?' for _ in states)})"
            params += list(states)
        sql += " ORDER BY load_id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        rows = self._dicts(sql, params)
        files: dict[int, list[FileRecord]] = {}
        for f in self._dicts("SELECT * FROM load_files ORDER BY load_id, position"):
            files.setdefault(f["load_id"], []).append(
                FileRecord(f["name"], f["hash"], f["bytes"], f["stored_as"]))
        return [LoadRecord(r["load_id"], r["kind"], r["state"], r["started_at"], r["finished_at"],
                           r["generation"], json.loads(r["options"]), r["result"], r["problems"],
                           r["report"], r["detail"], tuple(files.get(r["load_id"], ())))
                for r in rows]

    # --- generations ---------------------------------------------------------------------------
    def allocate_generation(self, made_by, load_id, loads, note="", generation=None) -> int:
        with self._tx():
            if generation is None:
                generation = self.db.execute(
                    "SELECT coalesce(max(generation), 0) + 1 FROM generations").fetchone()[0]
            self.db.execute("INSERT INTO generations (generation, state, made_by, created_at, "
                            "load_id, note) VALUES (?, 'building', ?, ?, ?, ?)",
                            [generation, made_by, now(), load_id, note])
            self.db.executemany("INSERT INTO generation_loads VALUES (?, ?)",
                                [(generation, i) for i in sorted(set(loads))])
        return generation

    def update_generation(self, generation, **fields) -> None:
        unknown = set(fields) - set(_GENERATION_FIELDS)
        if unknown:
            raise TypeError(f"unknown generation fields {unknown}")
        with self._tx():
            sets = ", ".join(f"{k} = ?" for k in fields)
            self.db.execute(f"UPDATE generations SET {sets} WHERE generation = ?",
                            [*fields.values(), generation])

    def generations(self, states=None) -> list[GenerationRecord]:
        sql, params = "SELECT * FROM generations", []
        if states:
            sql += f" WHERE state IN ({', '.join('?' for _ in states)})"
            params += list(states)
        held: dict[int, list[int]] = {}
        for g, load_id in self.db.execute("SELECT generation, load_id FROM generation_loads "
                                          "ORDER BY load_id"):
            held.setdefault(g, []).append(load_id)
        return [GenerationRecord(**r, loads=tuple(held.get(r["generation"], ())))
                for r in self._dicts(sql + " ORDER BY generation DESC", params)]

    def current(self) -> int | None:
        row = self.db.execute("SELECT generation FROM pointer WHERE name = 'current'").fetchone()
        return row[0] if row else None

    def set_current(self, generation) -> None:
        with self._tx():
            seq = self.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM pointer").fetchone()[0]
            self.db.execute("INSERT OR REPLACE INTO pointer VALUES ('current', ?, ?, ?)",
                            [generation, seq, now()])
            self.db.execute("UPDATE generations SET served_seq = ?, state = 'kept', "
                            "published_at = coalesce(published_at, ?) WHERE generation = ?",
                            [seq, now(), generation])
            held = "SELECT load_id FROM generation_loads WHERE generation = ?"
            self.db.execute(f"""UPDATE loads SET state = 'published', finished_at = coalesce(
                finished_at, ?), generation = coalesce(generation, ?)
                WHERE load_id IN ({held}) AND state <> 'published'""",
                            [now(), generation, generation])
            self.db.execute(f"""UPDATE loads SET state = 'rolled_back' WHERE state = 'published'
                AND load_id NOT IN ({held})""", [generation])

    def close(self) -> None:
        self.db.close()

    def _dicts(self, sql: str, params=()) -> list[dict]:
        cur = self.db.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on error."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.owner = True
        else:
            self.owner = False

    def __exit__(self, exc_type, *_):
        if not self.owner:
            return
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")

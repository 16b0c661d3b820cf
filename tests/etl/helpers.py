"""Helpers for ETL tests: the fixture inputs, a read-only warehouse query, the CLI, Windows-1258,
the generations on disk being pairs (served file and core file)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from tests.helpers import query  # noqa: F401  (one read-only query helper for every folder)

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "tests" / "fixtures" / "inputs"
FIXTURE_FILES = ["organisations.csv", "members.csv", "meetings.csv", "assessments.csv"]
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def ledger_loads(warehouse: Path):
    """The ledger's loads, newest first."""
    from chibo.etl.ledger import open_ledger

    ledger = open_ledger(warehouse.parent / f"{warehouse.stem}.raw")
    try:
        return ledger.loads()
    finally:
        ledger.close()


def run_etl(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chibo.etl", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=900)  # generous: a busy shared machine


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 does: precomposed vowels, tone marks combining."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258"))
    return b"".join(out)


def assert_pairs(warehouse: Path) -> None:
    """Every kept generation on disk is a pair whose core file was written for it, and the
    served file is one of them."""
    from chibo.etl.corefile import STAMP
    from chibo.etl.generations import GenerationFiles, file_generation

    files = GenerationFiles(warehouse)
    on_disk = files.on_disk()
    assert files.served() in on_disk
    cores = sorted(int(p.name.split(".")[0]) for p in files.dir.glob("*.core.duckdb"))
    assert cores == on_disk
    for n in on_disk:
        assert file_generation(files.core_path(n), STAMP) == n == file_generation(files.path(n))

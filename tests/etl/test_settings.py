"""The ETL's DuckDB memory and thread limits come from the settings, with a bounded default (DuckDB's
own default is 80 % of the RAM: issue 12 saw a national build peak at 20,6 GB)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from chibo.etl.publish import Publication
from chibo.etl.settings import SettingError, settings, size_bytes


@pytest.fixture
def fresh_settings(monkeypatch):
    """settings() read again from the environment the test sets (and again after it)."""
    settings.cache_clear()
    yield monkeypatch
    settings.cache_clear()


def _megabytes(text: str) -> float:
    """DuckDB's current_setting('memory_limit') text ("667.5 MiB", "1.0 GiB") in MiB."""
    number, unit = re.match(r"([\d.]+)\s*([KMG]i?B)", text).groups()
    return float(number) * {"K": 1 / 1024, "M": 1, "G": 1024}[unit[0]]


def test_default_memory_limit_is_at_most_4gb_and_half_the_ram(fresh_settings):
    fresh_settings.delenv("CHIBO_ETL_MEMORY_LIMIT", raising=False)
    limit = settings().memory_limit
    ram_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / (1 << 20)
    assert limit.endswith("MB")
    assert 0 < int(limit[:-2]) <= min(4096, ram_mb / 2)


def test_a_bad_memory_limit_is_refused(fresh_settings):
    fresh_settings.setenv("CHIBO_ETL_MEMORY_LIMIT", "lots")
    with pytest.raises(SettingError, match="CHIBO_ETL_MEMORY_LIMIT"):
        settings()


@pytest.mark.parametrize("value, expected", [("", 25), ("0", 0), ("100", 100), ("101", None),
                                             ("-1", None), ("a quarter", None)])
def test_the_core_compaction_share_is_a_percentage(fresh_settings, value, expected):
    fresh_settings.setenv("CHIBO_CORE_COMPACT_PERCENT", value)
    if expected is None:
        with pytest.raises(SettingError, match="CHIBO_CORE_COMPACT_PERCENT"):
            settings()
    else:
        assert settings().core_compact_percent == expected


def test_the_publication_connection_applies_the_limits(fresh_settings, tmp_path):
    fresh_settings.setenv("CHIBO_ETL_MEMORY_LIMIT", "700MB")
    fresh_settings.setenv("CHIBO_ETL_THREADS", "1")
    with Publication(tmp_path / "warehouse.duckdb") as pub:
        limit, threads = pub.con.execute(
            "SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
    assert 600 <= _megabytes(limit) <= 700
    assert threads == 1


def _work_path(pub: Publication) -> str | None:
    return pub.con.execute("SELECT path FROM duckdb_databases() WHERE database_name = 'work'").fetchone()[0]


@pytest.mark.parametrize("batch_mb, on_disk", [(1, False), (40, True)])
def test_work_tables_stay_in_memory_only_for_a_batch_small_beside_the_limit(
        fresh_settings, tmp_path, batch_mb, on_disk):
    """A national batch spilled from an in-memory work database filled 31 GB of temporary space:
    a batch over half the memory limit works in a scratch file instead, removed afterwards."""
    fresh_settings.setenv("CHIBO_ETL_MEMORY_LIMIT", "64MB")
    batch = tmp_path / "meetings.csv"
    with batch.open("wb") as f:
        f.truncate(batch_mb << 20)
    with Publication(tmp_path / "warehouse.duckdb") as pub:
        pub.expect([batch])
        path = _work_path(pub)
        assert bool(path) == on_disk
        assert (Path(path).exists() if on_disk else True)
    assert not list(tmp_path.glob(".warehouse.duckdb.*"))


@pytest.mark.parametrize("text, expected", [("4GB", 4e9), ("4096MiB", 4 << 30), ("700MB", 7e8)])
def test_size_settings_in_bytes(text, expected):
    assert size_bytes(text) == expected

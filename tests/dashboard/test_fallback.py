"""Issue 11, faults, the dashboard's side: on generations the ETL really published (1, 2, 3), a
published file that is corrupt at start, goes bad while serving or is swapped for junk is
replaced by the newest good kept generation, read-only, with an ERROR logged once; nothing
readable at all gives a clear bilingual refusal at start and a notice (not a 500) while running;
a file in a storage format this DuckDB cannot read stops the start loudly."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import duckdb
import pytest

from chibo.dashboard import serving
from chibo.dashboard.errors import StartRefused, WarehouseUnreadable
from chibo.dashboard.gateway import Gateway
from tests.warehouse_faults import (
    ROOT,
    clone,
    corrupt_header,
    corrupt_table,
    forge_storage_version,
    generation_file,
    rows,
    snapshot,
    swap_in_junk,
)

GENERATION = "SELECT max(generation) FROM meta.generation"
MEETINGS = "SELECT * FROM marts.fct_meetings_monthly ORDER BY ALL"  # loaded by generation 3


@pytest.fixture
def warehouse(published_generations, tmp_path):
    return clone(published_generations, tmp_path / "wh")


def events(caplog) -> list[dict]:
    return [dict(r.chibo, level=r.levelname) for r in caplog.records
            if r.name == "chibo.dashboard.warehouse" and hasattr(r, "chibo")]


def test_the_published_generation_is_served_when_it_is_good(warehouse, caplog):
    """...and the start logs which DuckDB wrote it (meta.generation.duckdb_version) and reads it."""
    gateway = Gateway(warehouse)
    with caplog.at_level(logging.INFO, logger="chibo.dashboard.warehouse"):
        chosen = gateway.check_start()
    assert (chosen.state, chosen.generation, chosen.path) == ("published", 3, warehouse)
    assert gateway.query_row(GENERATION) == (3,)
    assert events(caplog) == [] and not [r for r in caplog.records if r.levelno >= logging.WARNING]
    version = duckdb.__version__  # the ETL of this installation wrote it
    assert f"warehouse.duckdb: written by DuckDB {version} (storage version number" in caplog.text
    assert f"read by DuckDB {version}" in caplog.text


def test_a_corrupt_published_file_at_start_falls_back_read_only(warehouse, caplog):
    """The header is overwritten (the served generation's kept file with it: one inode): the
    dashboard starts on generation 2, logs the reason at ERROR and writes no file of the ETL."""
    corrupt_header(warehouse)
    before = snapshot(warehouse.parent)
    gateway = Gateway(warehouse)
    with caplog.at_level(logging.INFO, logger="chibo.dashboard.warehouse"):
        chosen = gateway.check_start()
        assert gateway.query_row(GENERATION) == (2,)
        assert gateway.query(MEETINGS).empty  # generation 2 holds no meetings yet
    assert (chosen.state, chosen.generation, chosen.published_generation) == ("fallback", 2, 3)
    assert chosen.path == generation_file(warehouse, 2)
    assert "not a valid DuckDB database file" in chosen.reason
    [event] = events(caplog)
    assert (event["level"], event["event"], event["generation"]) == ("ERROR",
                                                                    "warehouse_fallback", 2)
    assert "not a valid DuckDB database file" in event["reason"]
    assert snapshot(warehouse.parent) == before


def test_the_newest_good_generation_is_chosen_past_a_bad_one(warehouse):
    corrupt_header(warehouse)
    corrupt_header(generation_file(warehouse, 2))
    gateway = Gateway(warehouse)
    assert gateway.query_row(GENERATION) == (1,)
    assert gateway.serving().generation == 1


def test_a_table_that_fails_its_checksum_while_serving_falls_back(warehouse, caplog):
    """The file goes bad after start in a block only one mart reads: it still opens, so the
    failing query itself condemns it; the viewer gets generation 2's answer, not an error."""
    gateway = Gateway(warehouse)
    gateway.check_start()
    assert len(gateway.query(MEETINGS)) == len(rows(warehouse, MEETINGS)) > 0
    corrupt_table(warehouse, "marts.fct_meetings_monthly_by_key")  # the view's stored table
    assert gateway.query_row(GENERATION) == (3,)  # meta.generation still reads: no fallback yet
    with caplog.at_level(logging.INFO, logger="chibo.dashboard.warehouse"):
        answer = gateway.query(MEETINGS)
    assert answer.empty and rows(generation_file(warehouse, 2), MEETINGS) == []
    chosen = gateway.serving()
    assert (chosen.state, chosen.generation) == ("fallback", 2)
    assert "checksum" in chosen.reason
    assert [(e["level"], e["event"]) for e in events(caplog)] == [("ERROR", "warehouse_fallback")]
    assert gateway.query_row(GENERATION) == (2,)  # and it stays there


def test_a_junk_file_swapped_in_while_serving_is_noticed_at_the_next_open(warehouse):
    """os.replace of junk over the published file: generation 3's kept file is intact."""
    gateway = Gateway(warehouse)
    assert gateway.query_row(GENERATION) == (3,)
    swap_in_junk(warehouse)
    assert gateway.query_row(GENERATION) == (3,)
    chosen = gateway.serving()
    assert (chosen.state, chosen.path) == ("fallback", generation_file(warehouse, 3))


def test_a_deleted_published_file_is_served_from_its_kept_generation(warehouse):
    warehouse.unlink()
    chosen = Gateway(warehouse).check_start()
    assert (chosen.state, chosen.generation) == ("fallback", 3)
    assert "không tìm thấy tệp / file not found" in chosen.reason


def test_a_new_publication_ends_the_fallback(warehouse, caplog):
    """`etl rollback --to 2` publishes a good file: the dashboard serves it again as published
    and logs that the episode ended."""
    corrupt_header(warehouse)
    gateway = Gateway(warehouse)
    assert gateway.serving().state == "fallback"
    done = subprocess.run([sys.executable, "-m", "chibo.etl", "rollback", "--to", "2", "--warehouse",
                           str(warehouse)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="chibo.dashboard.warehouse"):
        assert gateway.query_row(GENERATION) == (2,)
    assert gateway.serving().state == "published"
    assert [(e["level"], e["event"]) for e in events(caplog)] == [("WARNING",
                                                                   "warehouse_restored")]


def test_no_good_generation_refuses_the_start_and_answers_no_query(warehouse, caplog):
    for generation in (3, 2, 1):
        corrupt_header(generation_file(warehouse, generation))
    gateway = Gateway(warehouse)
    with caplog.at_level(logging.INFO, logger="chibo.dashboard.warehouse"):
        with pytest.raises(StartRefused) as refused:
            gateway.check_start()
    message = str(refused.value)
    assert "Không mở được kho dữ liệu" in message and "cannot open the warehouse" in message
    assert "mọi thế hệ được giữ đều hỏng" in message and "every kept generation" in message
    assert [(e["level"], e["event"]) for e in events(caplog)] == [("CRITICAL",
                                                                   "warehouse_unreadable")]
    assert gateway.signature() is None
    with pytest.raises(WarehouseUnreadable, match="the warehouse cannot be read"):
        gateway.query_row(GENERATION)


def test_an_index_entry_outside_the_generations_folder_is_never_read(warehouse):
    """The index is a plain file: an entry pointing elsewhere is ignored, not opened."""
    index = generation_file(warehouse, 1).parent / "index.json"
    doc = json.loads(index.read_text(encoding="utf-8"))
    outside = warehouse.parent / "elsewhere.duckdb"
    os.link(generation_file(warehouse, 1), outside)
    doc["generations"].insert(1, {**doc["generations"][1], "generation": 9,
                                  "file": "elsewhere.duckdb"})
    index.write_text(json.dumps(doc), encoding="utf-8")
    corrupt_header(warehouse)
    assert [c.generation for c in serving.candidates(warehouse, doc)] == [3, 2, 1]
    assert Gateway(warehouse).serving().generation == 2


def run_dashboard(warehouse, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CHIBO_USERS_DB": str(tmp_path / "users.sqlite3")}
    return subprocess.run([sys.executable, "-m", "chibo.dashboard", "--warehouse", str(warehouse),
                           "--port", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)


def test_a_warehouse_of_another_storage_format_stops_the_start_loudly(warehouse, tmp_path):
    """A DuckDB newer than ours wrote the published file (storage version number 1000): the
    dashboard exits 3 with the reason in Vietnamese and English, no traceback, even though older
    generations would open (serving them silently would hide the upgrade)."""
    forge_storage_version(warehouse, 1000, "v9.1.0")
    done = run_dashboard(warehouse, tmp_path)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "storage version number 1000" in done.stderr
    assert "Tệp do DuckDB v9.1.0 ghi (định dạng lưu trữ số 1000)" in done.stderr
    assert "written by DuckDB v9.1.0" in done.stderr and "runs DuckDB 2.0.0" in done.stderr
    assert "Cài cùng một phiên bản DuckDB" in done.stderr and "Install the same" in done.stderr


def test_no_good_generation_stops_the_start_with_a_bilingual_reason(warehouse, tmp_path):
    for generation in (3, 2, 1):
        corrupt_header(generation_file(warehouse, generation))
    done = run_dashboard(warehouse, tmp_path)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "Không mở được kho dữ liệu" in done.stderr and "every kept generation" in done.stderr


def test_gunicorns_app_load_stops_with_the_reason(warehouse, tmp_path):
    """`chibo.dashboard.app:server` (gunicorn) on a warehouse of another storage format: exit 4, the
    reason, no traceback (gunicorn stops instead of restarting workers forever)."""
    forge_storage_version(warehouse, 1000, "v9.1.0")
    env = {**os.environ, "CHIBO_WAREHOUSE": str(warehouse),
           "CHIBO_USERS_DB": str(tmp_path / "users.sqlite3")}
    done = subprocess.run([sys.executable, "-c", "import chibo.dashboard.app as a; a.server"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 4, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "storage version number 1000" in done.stderr

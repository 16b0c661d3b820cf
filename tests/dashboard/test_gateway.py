"""The gateway object: a statement past the time limit is stopped with a bilingual error and the
connection keeps working; every statement is traced with its parameters; tests and commands use
gateways of their own, never a repointed global."""

from __future__ import annotations

import os
import shutil
import threading

import duckdb
import pytest

from chibo.dashboard import data, runtime
from chibo.dashboard.data import Scope
from chibo.dashboard.errors import QueryTimeout
from chibo.dashboard.gateway import Gateway, tracing
from chibo.dashboard.queries import lookup
from tests.helpers import runtime_for


def test_a_statement_past_the_time_limit_is_stopped(fixture_warehouse):
    """A runaway statement stops after the limit; the same thread's next query still answers."""
    gateway = Gateway(fixture_warehouse, time_limit=0.3)
    with pytest.raises(QueryTimeout, match="query stopped after 0.3 s"):
        gateway.query("SELECT count(*) FROM range(10000000000) a, range(10) b")
    assert gateway.query_row("SELECT count(*) FROM marts.dim_org") == (7,)


def test_an_id_of_a_table_stored_by_key_comes_back_as_text(fixture_warehouse):
    """The big facts store dim_org.org_key; their views show org_id as the plain id, never a
    Categorical (an ENUM, as older files stored it, would make one of every id), rows and order
    kept."""
    gateway = Gateway(fixture_warehouse)
    sql = ("SELECT org_id, month, poor FROM marts.fct_meetings_monthly"
           " WHERE month = $m ORDER BY org_id DESC")
    frame = gateway.query(sql, {"m": "2025-12-01"})
    text = gateway.query("SELECT org_id FROM marts.dim_org")["org_id"].dtype
    assert frame["org_id"].dtype == text and frame["org_id"].dtype != "category"
    assert frame["org_id"].tolist() == ["S3", "S2", "S1", "B2"]
    assert gateway.query_row("SELECT typeof(org_id), typeof(org_key) FROM marts.fct_meetings_monthly"
                             " JOIN marts.fct_meetings_monthly_by_key USING (month, regular_held)"
                             " LIMIT 1") == ("VARCHAR", "INTEGER")


def test_every_statement_is_traced_with_its_parameters():
    """The scope reaches the SQL as parameters, visible in the trace."""
    data.clear_caches()
    with tracing() as seen:
        lookup.org_label(Scope(provinces=frozenset({"N25"})), "B2")
    assert len(seen) == 1 and "marts.dim_org" in seen[0].sql
    assert seen[0].params["scope_prov"] == ["N25"] and seen[0].params["id"] == "B2"


def test_each_runtime_reads_its_own_warehouse(fixture_warehouse, tmp_path):
    """Two runtimes, two files, no shared global: the bound one answers."""
    other = runtime_for(tmp_path / "absent.duckdb")
    assert data.warehouse_path() == fixture_warehouse.resolve()
    with runtime.bound(other):
        assert data.signature() is None
    assert data.signature() is not None


def test_the_memory_limit_of_each_process_comes_from_the_settings(fixture_warehouse):
    """CHIBO_MEMORY_MB bounds what the process's DuckDB may hold; 0 leaves DuckDB's."""
    limited = Gateway(fixture_warehouse, memory_mb=64)
    shown = limited.query_row("SELECT current_setting('memory_limit')")[0]
    assert shown == "61.0 MiB", shown  # 64 MB as DuckDB writes it
    default = Gateway(fixture_warehouse).query_row("SELECT current_setting('memory_limit')")[0]
    assert default != shown


def test_the_serving_threads_share_one_instance_until_the_file_is_replaced(fixture_warehouse, tmp_path):
    """Threads query through cursors of one DuckDB instance (one memory limit, one cache of the
    file's blocks); after a swap each thread moves to the new file's instance on its next query
    and the old instance is closed once no thread uses it."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    gateway = Gateway(path, memory_mb=64)

    def ask(out: list) -> None:
        out.append(gateway.query_row("SELECT count(*) FROM marts.dim_org")[0])

    answers: list = []
    threads = [threading.Thread(target=ask, args=(answers,)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ask(answers)
    first = gateway._shared
    assert answers == [7] * 4 and first.users == 4
    shutil.copy(fixture_warehouse, tmp_path / "next.duckdb")
    os.replace(tmp_path / "next.duckdb", path)  # what a publication does
    ask(answers)
    assert gateway._shared is not first and first.retired and first.users == 3
    assert gateway.query_row("SELECT current_setting('memory_limit')")[0] == "61.0 MiB"


def test_the_instance_that_checked_the_file_serves_it(fixture_warehouse, tmp_path):
    """Opening a national file costs ~2 s of CPU and ~360 MiB (its catalogue): the instance a
    start's probe opened is the one that serves, and a probe of a new generation serves it."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    gateway = Gateway(path, memory_mb=64)
    assert gateway.serving().generation is not None  # the file probed
    probed = gateway._spare._held[1]
    assert gateway.query_row("SELECT count(*) FROM marts.dim_org")[0] == 7
    assert gateway._shared.con is probed and gateway._spare._held is None
    shutil.copy(fixture_warehouse, tmp_path / "next.duckdb")
    os.replace(tmp_path / "next.duckdb", path)
    assert gateway.query_row("SELECT count(*) FROM marts.dim_org")[0] == 7
    assert gateway._shared.con is not probed and gateway._spare._held is None
    gateway.check_start()  # probes the file served already: no second instance kept
    assert gateway._spare._held is None


def test_a_probed_instance_of_a_file_replaced_since_is_not_served(fixture_warehouse, tmp_path):
    """The file changed between the probe and the first query: the new content is read (the
    probe's instance, on the old file, is closed)."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    gateway = Gateway(path, memory_mb=64)
    assert gateway.serving().generation is not None
    probed = gateway._spare._held[1]
    shutil.copy(fixture_warehouse, tmp_path / "next.duckdb")
    with duckdb.connect(str(tmp_path / "next.duckdb")) as con:
        con.execute("DELETE FROM marts.dim_org WHERE org_id = (SELECT max(org_id) FROM marts.dim_org)")
    os.replace(tmp_path / "next.duckdb", path)
    assert gateway.query_row("SELECT count(*) FROM marts.dim_org")[0] == 6
    with pytest.raises(duckdb.ConnectionException):
        probed.execute("SELECT 1")

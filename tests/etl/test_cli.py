"""The command line contract: subcommands with --help, exit codes 0/1/2, the warehouse from
--warehouse or $CHIBO_WAREHOUSE, and templates whose headers are recognised."""

from __future__ import annotations

import os

import pytest

from chibo.etl.load import load_files
from chibo.etl.read import read_file
from tests.etl.helpers import FIXTURE_FILES, INPUTS, ledger_loads, query, run_etl


@pytest.mark.parametrize("command", ["template", "load", "demo", "rebuild", "documents"])
def test_every_command_has_help(command):
    result = run_etl(command, "--help")
    assert result.returncode == 0 and "--warehouse" in result.stdout


def test_usage_error_exits_2():
    assert run_etl("load").returncode == 2
    assert run_etl("frobnicate").returncode == 2


def test_missing_file_is_a_usage_error(tmp_path):
    result = run_etl("load", str(tmp_path / "nope.csv"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert result.returncode == 2


def test_load_exit_codes_and_environment_variable(tmp_path):
    env = {**os.environ, "CHIBO_WAREHOUSE": str(tmp_path / "env" / "w.duckdb")}
    ok = run_etl("load", *[str(INPUTS / f) for f in FIXTURE_FILES], env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert query(tmp_path / "env" / "w.duckdb", "SELECT count(*) FROM core.members") == [(7,)]
    bad = tmp_path / "bad.csv"
    bad.write_text("member_id,org_id,admitted_on\nZ1,NOWHERE,01/01/2020\n", encoding="utf-8")
    rejected = run_etl("load", str(bad), env=env)
    assert rejected.returncode == 1
    assert "NOWHERE" in rejected.stdout and "Cell not found" in rejected.stdout


def test_templates_are_recognised_as_their_input(tmp_path):
    result = run_etl("template", str(tmp_path / "t"))
    assert result.returncode == 0
    files = sorted((tmp_path / "t").iterdir())
    assert len(files) == 8
    for path in files:
        sheets = read_file(path).sheets
        assert [s.entity.name for s in sheets] == [path.stem], path
        stats = load_files([path], tmp_path / "w.duckdb", dry_run=True).stats  # CSV rows are
        assert [s.rows_read for s in stats] == [1], path  # counted as DuckDB reads them


def test_readme_lists_every_accepted_header():
    """The README is the staff's reference for headers; it must not fall behind the schema."""
    from chibo.etl.schema import ENTITIES
    from tests.etl.helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [alias for e in ENTITIES for c in e.columns for alias in (c.name, c.label_vi, *c.aliases)
               if alias and alias not in readme]
    assert not missing


def test_load_dry_run_validates_reports_and_publishes_nothing(tmp_path):
    """The dashboard's upload page shows this report before an admin confirms the real load."""
    warehouse = tmp_path / "w.duckdb"
    files = [str(INPUTS / f) for f in FIXTURE_FILES]
    ok = run_etl("load", *files, "--dry-run", "--warehouse", str(warehouse))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert not warehouse.exists() and not (tmp_path / "w.raw").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("member_id,org_id,admitted_on\nZ1,NOWHERE,01/01/2020\n", encoding="utf-8")
    report = tmp_path / "report.csv"
    rejected = run_etl("load", str(bad), "--dry-run", "--warehouse", str(warehouse),
                       "--report", str(report))
    assert rejected.returncode == 1
    assert "NOWHERE" in rejected.stdout and "Cell not found" in report.read_text(encoding="utf-8-sig")
    assert not warehouse.exists()


@pytest.mark.slow
def test_demo_loads_the_seed_reports_so_the_published_figures_page_has_them(demo_warehouse,
                                                                             demo_output):
    """`etl demo` without --no-documents (the session's demo build, tests/conftest.py) ends with
    the five seeds in marts.documents, each exact figure reconciled and agreeing (what
    ./scripts/start shows on "Số liệu công bố"), published once: generation 1 holds the inputs'
    load and the documents' load, and the command says so."""
    assert "warehouse generation 1" in demo_output and "generation 2" not in demo_output
    assert query(demo_warehouse, "SELECT list(generation) FROM meta.generation") == [([1],)]
    loads = ledger_loads(demo_warehouse)
    assert sorted((ld.kind, ld.state, ld.generation) for ld in loads) == [
        ("documents", "published", 1), ("inputs", "published", 1)]
    assert query(demo_warehouse, "SELECT count(*) FROM marts.documents") == [(5,)]
    # exact and comparable: seed 000's 640, 40, 1, 599 and 10.579; seed 001's 63 provincial bloc
    # committees; seed 004's 58 cells and 787 members, each written twice
    assert query(demo_warehouse, """SELECT count(*) FILTER (WHERE agrees), count(*) FROM
        marts.figure_reconciliation WHERE qualifier = 'exact' AND warehouse_value IS NOT NULL""") == [(10, 10)]

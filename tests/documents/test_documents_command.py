"""`python -m chibo.etl documents PATH...`: the per-document summary, documents keyed by the raw file,
idempotent reloads, a changed file replacing its rows, and `rebuild` replaying the documents (the
seeds as the session's `etl demo` loaded them; one article on copies of the tiny warehouse)."""
from pathlib import Path

import duckdb
import pytest

from chibo.etl.generations import GenerationFiles
from chibo.etl.rawstore import file_hash
from tests.helpers import query

from .conftest import copy_warehouse, run_etl

SEEDS = ["000_d58f63ce7d55c96b.txt", "001_c44a0c87816ecb1f.txt", "002_b38b2e2b636136f2.txt",
         "003_60176dcbb9fd202b.txt", "004_7c3ef1e7c61c5b47.txt"]

ARTICLE = """Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổng kết công tác năm 2023

Ngày 15/01/2024, Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổ chức hội nghị tổng kết.

Hiện Đảng ủy Liên hiệp Hội có 2 chi bộ trực thuộc với 3 đảng viên.
"""
ADDED = "\nCả nước hiện có 1 đảng ủy khối các cơ quan tỉnh, thành phố.\n"


def _generation(warehouse: Path) -> int:
    return query(warehouse, "SELECT max(generation) FROM meta.generation")[0][0]


def _summary_line(out: str, name: str) -> str:
    return next(line for line in out.splitlines() if name in line)


def test_summary_per_document(demo_output):
    """Per document, its date, figure count and agreement with the warehouse: the seeds' summary
    as `etl demo` prints it after loading them (the table `documents` prints, checked below)."""
    lines = {name: _summary_line(demo_output, name) for name in SEEDS}
    assert "11/10/2023" in lines[SEEDS[0]] and "5/5" in lines[SEEDS[0]]
    assert "24/08/2018" in lines[SEEDS[1]] and "4/4 (+1" in lines[SEEDS[1]]
    assert "4/4 (+1" in lines[SEEDS[4]]
    assert "province_bloc_committees 1" in demo_output


def test_documents_are_keyed_by_the_raw_file(demo_warehouse, seeds_dir):
    """doc_id is the sha256 of the file as stored in the raw store, so `rebuild` finds it again."""
    rows = dict(query(demo_warehouse, "SELECT source_name, doc_id FROM core.documents"))
    assert rows == {name: file_hash(seeds_dir / name) for name in SEEDS}


def test_second_run_changes_nothing(demo_warehouse, seeds_dir, tmp_path):
    """Loading the same documents again (`etl demo` read them first) reports "unchanged" and
    publishes no new generation."""
    warehouse = copy_warehouse(demo_warehouse, tmp_path / "wh")
    before = _generation(warehouse), file_hash(warehouse)
    result = run_etl("documents", str(seeds_dir), "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stderr
    assert "read before" in result.stdout
    assert (_generation(warehouse), file_hash(warehouse)) == before


@pytest.fixture(scope="module")
def with_article(tiny_warehouse, tmp_path_factory) -> tuple[Path, str]:
    """(warehouse, output): a copy of the tiny warehouse given ARTICLE (lhh.txt) by `documents`;
    tests change copies of it."""
    folder = tmp_path_factory.mktemp("article")
    warehouse = copy_warehouse(tiny_warehouse, folder / "wh")
    article = folder / "lhh.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_etl("documents", str(article), "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stdout + result.stderr
    return warehouse, result.stdout


def test_the_command_prints_its_summary(with_article):
    """The summary of `documents`: per document, its date, figures, whether its parts add up and
    how many of its figures agree with the warehouse; then each document's metrics."""
    warehouse, out = with_article
    line = _summary_line(out, "lhh.txt")
    assert [cell.strip() for cell in line.split("│")[2:6]] == ["15/01/2024", "2", "—", "2/2"], line
    assert "lhh.txt: members_total 1, sub_cells 1" in out
    assert f"warehouse generation {_generation(warehouse)}" in out


def test_changed_file_replaces_its_rows(with_article, tmp_path):
    """A new version of a file (same name) replaces the earlier version's document and figures."""
    warehouse = copy_warehouse(with_article[0], tmp_path / "wh")
    first = query(warehouse, "SELECT metric, value FROM core.reported_figures ORDER BY ordinal")
    assert first == [("sub_cells", 2.0), ("members_total", 3.0)]
    article = tmp_path / "docs" / "lhh.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE + ADDED, encoding="utf-8")
    assert run_etl("documents", str(article), "--warehouse", str(warehouse)).returncode == 0
    assert query(warehouse, "SELECT source_name, doc_id FROM core.documents") == [
        ("lhh.txt", file_hash(article))]
    rows = query(warehouse, """SELECT f.metric, r.warehouse_value, r.agrees
        FROM core.reported_figures f JOIN marts.figure_reconciliation r USING (figure_id)
        ORDER BY f.ordinal""")
    assert rows == [("sub_cells", 2.0, True), ("members_total", 3.0, True),
                    ("province_bloc_committees", 1.0, True)]


def test_rebuild_keeps_documents_and_figures(with_article, tmp_path):
    """`rebuild` replays the documents from the raw store: same rows, same reconciliation."""
    warehouse = copy_warehouse(with_article[0], tmp_path / "wh")
    sql = {"documents": "SELECT * EXCLUDE (load_id) FROM core.documents ORDER BY doc_id",
           "figures": "SELECT * FROM core.reported_figures ORDER BY figure_id",
           "reconciliation": "SELECT * FROM marts.figure_reconciliation ORDER BY figure_id"}
    before = {k: query(warehouse, q) for k, q in sql.items()}
    assert len(before["figures"]) == 2
    result = run_etl("rebuild", "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stdout + result.stderr
    assert {k: query(warehouse, q) for k, q in sql.items()} == before


def test_a_warehouse_from_before_the_part_columns_takes_documents(tiny_warehouse, tmp_path):
    """A warehouse whose figures still carry the old parent_figure_id column (before part_of,
    dimension, share and period_from) loads documents: the old column is left behind."""
    warehouse = copy_warehouse(tiny_warehouse, tmp_path / "wh")
    files = GenerationFiles(warehouse)
    con = duckdb.connect(str(files.core_path(files.served())))  # the served generation's core file
    con.execute("ALTER TABLE reported_figures ADD COLUMN parent_figure_id VARCHAR")
    for column in ("part_of_figure_id", "dimension", "dimension_value", "share", "period_from"):
        con.execute(f"ALTER TABLE reported_figures DROP COLUMN {column}")
    con.close()
    article = tmp_path / "lhh.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_etl("documents", str(article), "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stdout + result.stderr
    columns = {c for (c,) in query(warehouse, """SELECT column_name FROM duckdb_columns()
        WHERE database_name = 'core' AND table_name = 'reported_figures'""")}
    assert "part_of_figure_id" in columns and "parent_figure_id" not in columns

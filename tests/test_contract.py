"""The warehouse contract (chibo/etl/sql/contract.sql, read by chibo/etl/contract.py) is the one description of the tables readers use: the
ETL-built demo warehouse, the dashboard's fixture warehouse and the README name exactly the same
tables, columns and types; every mart SQL file is a contract table; a generation that breaks the
contract is never published."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pytest

from chibo.etl import contract
from chibo.etl.load import load_files
from chibo.etl.warehouse import SQL_DIR, CheckFailed

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "tests" / "fixtures" / "inputs"


def differences(path: Path) -> list[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return contract.differences(con)


def test_the_etl_builds_exactly_the_contract(demo_warehouse):
    """Every table, column and type of the demo warehouse, in order, and nothing else."""
    assert differences(demo_warehouse) == []


def test_the_dashboard_fixture_is_the_contract(fixture_warehouse):
    """The tiny warehouse the dashboard tests read has the ETL's tables, columns and types."""
    assert differences(fixture_warehouse) == []


def test_readme_names_the_contract():
    """The README's warehouse tables are the ones `python -m chibo.etl contract --markdown` prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- contract:start -->")[1].split("<!-- contract:end -->")[0]
    assert block.strip() == contract.markdown().strip()


def test_every_mart_sql_file_is_a_contract_table():
    """A mart is its SQL file (chibo/etl/sql/marts/<name>.sql) and its entry in the contract."""
    files = {p.stem for p in (SQL_DIR / "marts").glob("*.sql")}
    assert files == {t.name for t in contract.tables() if t.schema == "marts" and not t.view_of}


def test_a_generation_that_breaks_the_contract_is_not_published(tmp_path, monkeypatch):
    """A mart whose columns differ from the contract stops the load like a failed data check: the
    message names the table and the column, and no warehouse file appears."""
    real = contract.tables()
    region = next(t for t in real if t.name == "dim_region")
    changed = dataclasses.replace(region, columns=(*region.columns,
                                                   contract.Column("capital", "VARCHAR")))
    monkeypatch.setattr(contract, "tables", lambda: tuple(changed if t is region else t
                                                          for t in real))
    warehouse = tmp_path / "w.duckdb"
    with pytest.raises(CheckFailed, match="marts.dim_region: lacks capital VARCHAR"):
        load_files(sorted(INPUTS.glob("*.csv")), warehouse)
    assert not warehouse.exists()


KEYED = {
    ("marts.fct_membership_monthly_by_key", "org_key"), ("marts.fct_membership_daily_by_key", "org_key"),
    ("marts.fct_meetings_monthly_by_key", "org_key"),
    ("marts.agg_base_org_monthly_by_key", "base_org_key"),
    ("marts.agg_base_org_members_by_key", "base_org_key"),
    ("marts.fct_member_structure_by_key", "org_key"),
    ("marts.fct_member_structure_yearly_by_key", "org_key"),
    ("marts.agg_org_tree_by_key", "org_key"), ("marts.agg_org_tree_by_key", "parent_key"),
    ("marts.cell_missed_regular_by_key", "org_key"),
    ("marts.fct_member_assessment_yearly_by_key", "org_key")}


def test_the_big_facts_store_organisations_by_key_and_no_enum(demo_warehouse):
    """The largest tables (a row per cell or base organisation and month or day, per cell and
    year; the day rollup of the tree; the cells' months without a regular meeting; the members'
    ratings per cell and year) hold their organisations as dim_org.org_key, an INTEGER packed in
    a few bits a row; the file holds no ENUM (whose type would carry every id in each column)."""
    keyed = {(t.qualified, c.name) for t in contract.tables() for c in t.columns
             if c.name in contract.KEYS and t.qualified != "marts.dim_org"}
    assert keyed == KEYED
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM duckdb_types() WHERE NOT internal"
                           " AND database_name = current_database()").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM duckdb_columns() WHERE data_type LIKE 'ENUM%'"
                           ).fetchone()[0] == 0
        for table, column in sorted(KEYED):
            kinds = con.execute(f"""SELECT DISTINCT segment_type, compression
                FROM pragma_storage_info('{table}')
                WHERE column_name = ? AND segment_type <> 'VALIDITY'""", [column]).fetchall()
            assert kinds and all(typ == "INTEGER" and packing not in ("DICT_FSST", "FSST",
                                                                      "Dictionary", "Uncompressed")
                                 for typ, packing in kinds), (table, column, kinds)


def test_a_key_names_exactly_one_organisation(demo_warehouse):
    """dim_org.org_key numbers the organisations 1 … N in org_id order (one key per id, one id
    per key), every key stored in the facts is one of them, and each view shows its table's rows
    with the keys replaced by those ids."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        n, keys, first, last, out_of_order = con.execute(
            "SELECT count(*), count(DISTINCT org_key), min(org_key), max(org_key), count(*)"
            " FILTER (WHERE org_key <> rank) FROM (SELECT org_key, row_number() OVER"
            " (ORDER BY org_id) AS rank FROM marts.dim_org)").fetchone()
        assert n > 100 and (keys, first, last, out_of_order) == (n, 1, n, 0)
        for table, column in sorted(KEYED):
            view, shown = table.removesuffix("_by_key"), contract.KEYS[column]
            stored, unknown = con.execute(
                f"SELECT count(*), count(*) FILTER (WHERE {column} IS NOT NULL AND {column} NOT IN"
                f" (SELECT org_key FROM marts.dim_org)) FROM {table}").fetchone()
            assert stored and unknown == 0, table
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == stored, view
            assert con.execute(
                f"SELECT count(*) FROM (SELECT {shown} FROM {view} EXCEPT ALL SELECT o.org_id FROM"
                f" {table} t LEFT JOIN marts.dim_org o ON o.org_key = t.{column})").fetchone()[0] == 0


# columns the contract computes on read (GENERATED ALWAYS AS (…) VIRTUAL) and what they equal
COMPUTED = {
    ("marts.fct_membership_monthly_by_key", "left_party"):
        "left_death + left_struck_off + left_expelled + left_resigned + left_other",
    ("marts.fct_membership_daily_by_key", "left_party"):
        "left_death + left_struck_off + left_expelled + left_resigned + left_other",
    ("marts.fct_meetings_monthly_by_key", "present"): "expected - absent",
    ("marts.fct_meetings_monthly_by_key", "good"):
        "regular_held + thematic_held - unrated - fair - average - poor",
}


def test_derived_columns_are_computed_on_read_and_take_no_space(demo_warehouse):
    """left_party (the five departure reasons summed), present (expected - absent) and good (the
    meetings held less the unrated and the other levels) are in the ETL's warehouse with their
    names and types, read like stored columns, equal their definition on every row, and have no
    segment in the file."""
    assert {(t.qualified, c.name) for t in contract.tables() for c in t.columns
            if c.generated} == set(COMPUTED)
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        for (table, column), expr in COMPUTED.items():
            typ, expression = con.execute(
                "SELECT data_type, column_default FROM duckdb_columns() WHERE schema_name || '.'"
                " || table_name = ? AND column_name = ?", [table, column]).fetchone()
            assert typ == "INTEGER" and expression, (table, column)
            rows, wrong, flows = con.execute(
                f"SELECT count(*), count(*) FILTER (WHERE {column} IS DISTINCT FROM {expr}),"
                f" sum({column}) FROM {table}").fetchone()
            assert rows and wrong == 0 and flows > 0, (table, column)
            assert con.execute(f"SELECT count(*) FROM pragma_storage_info('{table}')"
                               " WHERE column_name = ?", [column]).fetchone()[0] == 0


def test_a_stored_copy_of_a_computed_column_breaks_the_contract(tmp_path):
    """A warehouse whose left_party is an ordinary stored column (as before) does not meet the
    contract: the check names the column with its definition."""
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(contract.DDL.replace(
            " GENERATED ALWAYS AS (left_death + left_struck_off + left_expelled + left_resigned"
            " + left_other) VIRTUAL", "", 1))
        contract.create_views(con)
    broken = differences(path)
    assert len(broken) == 1 and broken[0].startswith("marts.fct_membership_monthly_by_key: has left_party"
                                                     " INTEGER; lacks left_party INTEGER = ")
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE marts.fct_membership_monthly_by_key CASCADE")
        con.execute(contract.statement("marts.fct_membership_monthly_by_key"))
        contract.create_views(con)
    assert differences(path) == []

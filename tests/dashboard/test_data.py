"""Query functions against the fixture warehouse (numbers hand-computed in its docstring)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import unicodedata

import duckdb
import pandas as pd
import pytest

from chibo.dashboard import data, runtime
from chibo.dashboard.data import Filters, Page, Scope
from chibo.dashboard.queries import exact, lookup, meta
from chibo.dashboard.queries import members as q
from tests.helpers import runtime_for

ALL = Scope.everything()
Y2025 = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 31))


def test_bounds_are_first_and_last_loaded_month():
    """Presets are computed from these, not from the clock."""
    assert data.data_bounds(ALL) == (dt.date(2024, 1, 1), dt.date(2025, 12, 1))


def test_kpis_compare_with_a_year_earlier():
    """Members 45 vs 43, admissions 3 vs 1, one cell under 3 full members."""
    k = q.overview_kpis(ALL, Y2025)
    assert (k["members"]["value"], k["members"]["previous"]) == (45, 43)
    assert (k["admitted"]["value"], k["admitted"]["previous"]) == (3, 1)
    assert (k["base_orgs"]["value"], k["cells"]["value"], k["cells_lt3"]["value"]) == (2, 4, 1)


def test_meeting_share_counts_rated_meetings_only():
    """2025: 24 good/fair of 46 rated meetings (S3 missed two); 2024: 36 of 48."""
    k = q.overview_kpis(ALL, Y2025)
    assert k["good_fair_share"]["value"] == pytest.approx(24 / 46)
    assert k["good_fair_share"]["previous"] == pytest.approx(36 / 48)
    assert k["attendance"]["value"] == pytest.approx(0.9)


def test_scope_limits_every_number():
    """A viewer scoped to Phú Thọ (N25) sees only cell B2."""
    k = q.overview_kpis(Scope(provinces=frozenset({"N25"})), Y2025)
    assert (k["members"]["value"], k["cells"]["value"]) == (24, 1)


def test_empty_scope_sees_nothing():
    """Scope.nothing() must never leak rows."""
    assert data.data_bounds(Scope.nothing()) is None
    assert q.overview_kpis(Scope.nothing(), Y2025) is None
    assert q.flows(Scope.nothing(), Y2025).empty


def test_org_filter_takes_the_whole_subtree():
    """Picking base committee C1 counts its three sub-cells: 12 + 6 + 3 members."""
    f = dataclasses.replace(Y2025, org="C1")
    assert q.overview_kpis(ALL, f)["members"]["value"] == 21


def test_old_province_filter_uses_the_recorded_code():
    """Old Vĩnh Phúc (26) holds B2; current Phú Thọ (N25) too; old Phú Thọ (25) nothing."""
    old = dataclasses.replace(Y2025, province="26", old_boundaries=True)
    assert q.overview_kpis(ALL, old)["members"]["value"] == 24
    none = dataclasses.replace(Y2025, province="25", old_boundaries=True)
    assert q.flows(ALL, none).empty


def test_flows_by_year_separate_transfers_from_departures():
    """2024: 1 admission, 1 transfer out (not a departure from the Party); 2025: 3 admissions,
    1 death."""
    f = dataclasses.replace(Y2025, start=dt.date(2024, 1, 1))
    df = q.flows(ALL, f, "year")
    assert df["admitted"].tolist() == [1, 3]
    assert df["transferred_out"].tolist() == [1, 0]
    assert df["left_party"].tolist() == [0, 1]
    assert df["left_death"].tolist() == [0, 1]


def test_flows_cover_exactly_the_chosen_dates():
    """Admissions of the fixture fall on the 1st: 01/03/2025 is inside 01/03–15/03, not inside
    02/03–31/12; the cut months are marked partial."""
    cut = dataclasses.replace(Y2025, start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 15))
    df = q.flows(ALL, cut)
    assert (df["admitted"].tolist(), df["full"].tolist()) == ([1], [False])
    late = dataclasses.replace(Y2025, start=dt.date(2025, 3, 2))
    assert q.flows(ALL, late, "year")["admitted"].tolist() == [0]


def test_admission_rate_divides_by_the_stock_of_the_day_before():
    """2025: 3 admissions / 43 members on 31/12/2024; 2024 has no stock before the history."""
    df = q.admission_rate(ALL, Y2025)
    assert df["rate"].tolist() == [pytest.approx(3 / 43)]
    assert df["members_before"].tolist() == [43]
    both = q.admission_rate(ALL, dataclasses.replace(Y2025, start=dt.date(2024, 1, 1)))
    assert pd.isna(both["rate"].iloc[0]) and both["rate"].iloc[1] == pytest.approx(3 / 43)


def test_structure_takes_the_as_of_year():
    """2025 structure rows: male 31-40 = 7 (S1), female 61+ = 10 (B2)."""
    df = q.structure(ALL, Y2025).set_index(["gender", "age_band"])["members"]
    assert df[("male", "31-40")] == 7 and df[("female", "61+")] == 10


def test_org_search_ignores_accents_and_shows_the_path():
    """Staff type without diacritics; the label says where the organisation sits."""
    hits = lookup.search_orgs(ALL, "phong dau tu")
    assert hits["org_id"].tolist() == ["S2"]
    assert hits["path"].iloc[0] == ("Đảng bộ thành phố Hà Nội › Đảng bộ Sở Tài chính › "
                                    "Chi bộ Phòng Đầu tư")


def test_data_quality_follows_scope():
    """Warnings of S3 (Hà Nội) are hidden from a Phú Thọ viewer."""
    assert len(meta.data_quality(ALL, Y2025)) == 2
    assert meta.data_quality(Scope(provinces=frozenset({"N25"})), Y2025).empty


def test_data_quality_grid_limit_is_cut_in_sql_keeping_the_newest_first():
    """The grid asks for at most N rows (`limit` in filters.extra): the first N of the full list."""
    full = meta.data_quality(ALL, Y2025)
    one = meta.data_quality(ALL, dataclasses.replace(Y2025, extra=(("page", Page(limit=1)),)))
    assert len(one) == 1 and one.iloc[0].to_dict() == full.iloc[0].to_dict()


def test_ledger_is_warehouse_wide_only():
    """The load ledger names files of every province: only the full scope sees it."""
    assert len(meta.load_ledger(ALL)) == 2
    assert meta.load_ledger(Scope(provinces=frozenset({"N25"}))).empty


def test_new_generation_is_noticed_without_restart(fixture_warehouse, tmp_path):
    """The ETL swaps the file with os.replace; the next query must read the new file."""
    live = tmp_path / "live.duckdb"
    shutil.copy(fixture_warehouse, live)
    with runtime.bound(runtime_for(live)):
        assert data.warehouse_info(ALL)["generation"] == 3
    nxt = tmp_path / "next.duckdb"
    shutil.copy(fixture_warehouse, nxt)
    con = duckdb.connect(str(nxt))
    con.execute("UPDATE meta.generation SET generation = 4")
    con.close()
    os.replace(nxt, live)
    with runtime.bound(runtime_for(live)):
        assert data.warehouse_info(ALL)["generation"] == 4


def test_missing_warehouse_is_a_clear_error(tmp_path):
    """No file: a bilingual error, not a DuckDB file creation."""
    with runtime.bound(runtime_for(tmp_path / "absent.duckdb")):
        with pytest.raises(FileNotFoundError, match="warehouse not found"):
            data.data_bounds(ALL)
    assert not (tmp_path / "absent.duckdb").exists()


def test_rollup_and_facts_give_the_same_numbers():
    """Org-scoped viewers read the facts, others the rollups: both must agree."""
    roots = Scope(org_roots=frozenset({"P1", "P2"}))
    f = dataclasses.replace(Y2025, start=dt.date(2024, 1, 1))
    assert data.use_rollup(ALL, f, "agg_members_monthly")
    assert not data.use_rollup(roots, f, "agg_members_monthly")
    a = q.monthly_indicators(ALL, f, f.start, f.end)
    b = q.monthly_indicators(roots, f, f.start, f.end)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    pd.testing.assert_frame_equal(q.flows(ALL, f, "year"), q.flows(roots, f, "year"),
                                  check_dtype=False)


def test_org_counts_by_kind_and_sector():
    """At 12/2025: 2 province committees, 1 base committee, 1 base cell, 3 sub-cells; by sector
    the 4 agency orgs (C1, S1–S3) and 1 commune cell."""
    from chibo.dashboard.queries import orgs

    last = orgs.org_counts(ALL, Y2025).groupby("grp")["n"].last().to_dict()
    assert last == {"province_committee": 2, "base_committee": 1, "base_cell": 1, "sub_cell": 3}
    by_sector = orgs.org_counts(ALL, Y2025, "sector").groupby("grp")["n"].last().to_dict()
    assert by_sector == {"agency": 4, "commune": 1}


def test_org_table_metrics_per_base_organisation():
    """C1: 3 cells, 21 members, 1 admission, 24 of 34 meetings good or fair, rating 3 in 2025."""
    from chibo.dashboard.queries import orgs

    row = orgs.org_table(ALL, Y2025).set_index("org_id").loc["C1"]
    assert (row["cells"], row["members"], row["admitted"], row["rating"]) == (3, 21, 1, 3)
    assert row["good_fair_share"] == pytest.approx(24 / 34)


def test_hierarchy_starts_at_the_picked_organisation():
    """Picking C1 shows C1 (21) at the top and its three cells below."""
    from chibo.dashboard.queries import orgs

    h = orgs.hierarchy(ALL, dataclasses.replace(Y2025, org="C1"))
    assert h.iloc[0][["org_id", "members"]].tolist() == ["C1", 21]
    assert pd.isna(h.iloc[0]["parent_id"]) and set(h["org_id"][1:]) == {"S1", "S2", "S3"}


def test_org_label_is_exact_and_scoped():
    """The picked organisation's label must be found by exact id, and only within the scope."""
    assert lookup.org_label(ALL, "S2") == ("Chi bộ Phòng Đầu tư", "Đảng bộ thành phố Hà Nội › "
                                         "Đảng bộ Sở Tài chính › Chi bộ Phòng Đầu tư")
    assert lookup.org_label(Scope(provinces=frozenset({"N25"})), "S2") is None


def test_hierarchy_after_the_merger_puts_merged_provinces_under_the_new_committee(demo_warehouse):
    """Demo, its last day: no dissolved committee is a box; Tuyên Quang (TN08) holds the communes
    of old Hà Giang (T02-…) directly (districts abolished) and its members equal those of the
    cells whose current province is N08."""
    from chibo.dashboard.queries import orgs

    with runtime.bound(runtime_for(demo_warehouse)):
        last = data.data_bounds(ALL)[1]
        f = Filters(start=data.add_months(last, -11), end=last, as_of=exact.month_end(last))
        h = orgs.hierarchy(ALL, dataclasses.replace(f, org="TN08"), levels=2, top=1000)
        with duckdb.connect(str(demo_warehouse), read_only=True) as con:
            dissolved = {r[0] for r in con.execute(
                "SELECT org_id FROM marts.dim_org WHERE valid_to <= ?", [last]).fetchall()}
            (n08,), = con.execute("""SELECT sum(official + probationary)
                FROM marts.fct_membership_monthly JOIN marts.dim_org USING (org_id)
                WHERE month = ? AND province_code_current = 'N08'""", [last]).fetchall()
        assert h.iloc[0]["org_id"] == "TN08" and h.iloc[0]["members"] == n08
        children = h[h["parent_id"] == "TN08"]["org_id"]
        assert any(c.startswith("T02-") for c in children) and any(c.startswith("T08-") for c in children)
        assert not set(h["org_id"]) & dissolved
        small = orgs.hierarchy(ALL, dataclasses.replace(f, org="TN08"), levels=3, top=3)
        assert set(small["parent_id"].dropna()) <= set(small["org_id"])  # a tree, no orphans
        assert len(small) <= 1 + 3 + 3 * 3


def test_the_etl_folds_names_as_the_search_folds_text(demo_warehouse):
    """Demo (real ETL): marts.dim_org.search_name is each name folded as the search folds what
    is typed, so a name typed without diacritics finds its organisation."""
    with runtime.bound(runtime_for(demo_warehouse)):
        differ = data.query_row("SELECT count(*) FROM marts.dim_org"
                                f" WHERE search_name IS DISTINCT FROM {lookup.fold('name')}")[0]
        name = data.query_row("SELECT name FROM marts.dim_org WHERE name LIKE '%Đ%'"
                              " AND kind = 'base_cell' ORDER BY org_id LIMIT 1")[0]
        typed = name.replace("Đ", "D").replace("đ", "d")
        typed = "".join(c for c in unicodedata.normalize("NFD", typed)
                        if not unicodedata.combining(c))
        hits = lookup.search_orgs(ALL, typed.upper())
    assert differ == 0
    assert name in hits["name"].tolist()

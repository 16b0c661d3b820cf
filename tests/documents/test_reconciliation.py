"""marts.figure_reconciliation: seed figures against the demo warehouse, each scope kind against
the hand-made warehouse of tiny_warehouse.py, and the tolerance table against the vocabulary."""
import csv
from pathlib import Path

import pytest

from chibo.etl.documents import QUALIFIER_TOLERANCE, within_tolerance
from tests.helpers import query

from .tiny_warehouse import add_figures

REFERENCE = Path(__file__).resolve().parents[2] / "chibo" / "etl" / "reference"
D2023 = "2023-12-31"


# ---- the seeds on the demo warehouse


def test_every_exact_seed_figure_agrees(demo_warehouse):
    """The demo reproduces every exact seed figure whose metric the warehouse keeps."""
    rows = query(demo_warehouse, """SELECT published_value, warehouse_value, difference, agrees
        FROM marts.figure_reconciliation WHERE qualifier = 'exact' AND metric_in_warehouse""")
    assert sorted({r[0] for r in rows}) == [1, 40, 58, 63, 599, 640, 787, 10579]
    assert all(r[1] == r[0] and r[2] == 0 and r[3] is True for r in rows), rows


def test_approximate_seed_figures_agree_within_tolerance(demo_warehouse):
    """"khoảng 4.560", "hơn 25.500", "gần 30 vạn" agree with nearby, not equal, values."""
    rows = query(demo_warehouse, """SELECT published_value, qualifier, warehouse_value, agrees,
        tolerance_low <= warehouse_value AND warehouse_value <= tolerance_high
        FROM marts.figure_reconciliation WHERE qualifier <> 'exact' AND metric_in_warehouse
        ORDER BY published_value""")
    assert [(r[0], r[1]) for r in rows] == [(4560, "approx"), (25500, "over"),
                                            (300000, "nearly")]
    assert all(r[3] is True and r[4] for r in rows)
    assert any(r[2] != r[0] for r in rows)  # a tolerance was needed


def test_fulltime_staff_has_no_warehouse_value(demo_warehouse):
    """Full-time staff are not in the warehouse: no value, no verdict, even when the scope resolves."""
    rows = query(demo_warehouse, """SELECT resolved, warehouse_value, agrees
        FROM marts.figure_reconciliation WHERE metric = 'fulltime_staff'""")
    assert len(rows) == 2 and all(r == (True, None, None) for r in rows)


def test_one_row_per_reported_figure(demo_warehouse):
    """The grain is the reported figure: every one, once."""
    (n, distinct), = query(demo_warehouse, """SELECT count(*), count(DISTINCT figure_id)
        FROM marts.figure_reconciliation""")
    assert n == distinct == query(demo_warehouse,
                                  "SELECT count(*) FROM marts.reported_figures")[0][0] == 15


def test_provincial_bloc_count_excludes_the_central_bloc(demo_warehouse):
    """"63 đảng ủy khối các cơ quan tỉnh, thành phố" counts 63 of the demo's 64 agency blocs."""
    (how, value), = query(demo_warehouse, """SELECT resolved_how, warehouse_value
        FROM marts.figure_reconciliation WHERE metric = 'province_bloc_committees'""")
    assert value == 63 and how.startswith("country")


# ---- each scope kind on the hand-made warehouse

CASES = {
    # name: (figure, expected warehouse value, expected resolution)
    "country": (dict(metric="members_total", scope_kind="country", scope_value="VN"), 8, "country"),
    "official": (dict(metric="members_official", scope_kind="country", scope_value="VN"), 6,
                 "country"),
    "probationary": (dict(metric="members_probationary", scope_kind="country", scope_value="VN"),
                     2, "country"),
    "female": (dict(metric="members_female", scope_kind="country", scope_value="VN"), 3, "country"),
    "admissions": (dict(metric="new_admissions", scope_kind="country", scope_value="VN",
                        period_from="2023-01-01"), 2, "country"),
    # 2010–2012 summed: M1 (2010), M8 (2012); not the last year's 1
    "admissions_range": (dict(metric="new_admissions", scope_kind="country", scope_value="VN",
                              as_of="2012-12-31", year=2012, period_from="2010-01-01"), 2,
                         "country"),
    # 2005–2012 starts before the warehouse's history (flows are kept from 2010-01 on)
    "before_history": (dict(metric="new_admissions", scope_kind="country", scope_value="VN",
                            as_of="2012-12-31", year=2012, period_from="2005-01-01"), None,
                       "country"),
    "sector_part": (dict(metric="base_orgs_total", scope_kind="country", scope_value="VN",
                         sector="mass_association", dimension="sector",
                         dimension_value="mass_association"), 3, "country"),
    "female_part": (dict(metric="members_female", scope_kind="country", scope_value="VN",
                         dimension="gender", dimension_value="female"), 3, "country"),
    "base_orgs": (dict(metric="base_orgs_total", scope_kind="country", scope_value="VN"), 4,
                  "country"),
    "base_committees": (dict(metric="base_party_committees", scope_kind="country",
                             scope_value="VN"), 1, "country"),
    "upper_powers": (dict(metric="base_committees_upper_powers", scope_kind="country",
                          scope_value="VN"), 1, "country"),
    "cells": (dict(metric="cells_total", scope_kind="country", scope_value="VN"), 5, "country"),
    "blocs": (dict(metric="bloc_committees", scope_kind="country", scope_value="VN"), 2,
              "country"),
    "province_blocs": (dict(metric="province_bloc_committees", scope_kind="country",
                            scope_value="VN"), 1, "country"),
    "sector": (dict(metric="members_total", scope_kind="sector", scope_value="mass_association"),
               6, "sector"),
    "province_old": (dict(metric="members_total", scope_kind="province", scope_value="02"), 4,
                     "province"),
    "province_2021": (dict(metric="sub_cells", scope_kind="province", scope_value="02",
                           as_of="2021-12-31", year=2021), 2, "province"),
    "province_new": (dict(metric="members_total", scope_kind="province", scope_value="N08",
                          as_of="2025-12-31", year=2025), 5, "province"),
    "province_old_after_merger": (dict(metric="members_total", scope_kind="province",
                                       scope_value="02", as_of="2025-12-31", year=2025), 5,
                                  "province"),
    "province_sector": (dict(metric="members_total", scope_kind="province", scope_value="02",
                             sector="public_service"), 2, "province"),
    "organisation": (dict(metric="members_total", scope_kind="organisation",
                          scope_value="LIÊN HIỆP CÁC HỘI KHOA HỌC"), 3, "organisation"),
    "organisation_cells": (dict(metric="sub_cells", scope_kind="organisation",
                                scope_value="Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"), 2,
                           "organisation"),
    "group": (dict(metric="members_total", scope_kind="organisation", scope_value="agency_blocs"),
              7, "group"),
    "year_only": (dict(metric="members_total", scope_kind="country", scope_value="VN",
                       as_of=None, year=2023), 8, "country"),
    "ambiguous": (dict(metric="members_total", scope_kind="organisation",
                       scope_value="Hội Nông dân"), None, "ambiguous"),
    "no_match": (dict(metric="members_total", scope_kind="organisation",
                      scope_value="Bộ Ngoại giao"), None, "no_match"),
    "unknown_province": (dict(metric="members_total", scope_kind="province", scope_value="Hà Tây"),
                         None, "unknown_province"),
    "no_scope": (dict(metric="members_total"), None, "no_scope"),
    # parts by a member characteristic, counted by the structure macros: aged 18 to 30 on the day
    # (M2 28, M4 25), admitted in 2023 aged 18 to 30 (M2, M4), women admitted in 2023 (M4)
    "young_part": (dict(metric="members_total", scope_kind="country", scope_value="VN",
                        dimension="age_band", dimension_value="18_30"), 2, "country"),
    "young_admissions": (dict(metric="new_admissions", scope_kind="country", scope_value="VN",
                              period_from="2023-01-01", dimension="age_band",
                              dimension_value="18_30"), 2, "country"),
    "female_admissions": (dict(metric="new_admissions", scope_kind="country", scope_value="VN",
                               period_from="2023-01-01", dimension="gender",
                               dimension_value="female"), 1, "country"),
    # a characteristic no file records, a part the warehouse does not count, shares alone,
    # admissions of an unstated period: resolved, but never compared (least of all as the total)
    "ethnicity_part": (dict(metric="members_total", scope_kind="country", scope_value="VN",
                            dimension="ethnicity", dimension_value="minority"), None, "country"),
    "occupation_part": (dict(metric="members_total", scope_kind="country", scope_value="VN",
                             dimension="occupation", dimension_value="student"), None, "country"),
    "share_only": (dict(metric="members_female", scope_kind="country", scope_value="VN",
                        value=None, share=0.375, dimension="gender", dimension_value="female"),
                   None, "country"),
    "period_unknown": (dict(metric="new_admissions", scope_kind="country", scope_value="VN"),
                       None, "country"),
    "no_date": (dict(metric="members_total", scope_kind="country", scope_value="VN", as_of=None,
                     year=None), None, "no_date"),
}

# a subset of the organisation's cells selected by what no dimension names ("các nông trường giáp
# biên có 5 chi bộ" of its 11): a part of them, never compared with the organisation's cells
CASES["unnamed_subset"] = (dict(CASES["organisation_cells"][0], part_of_figure_id=f"cases-"
                                f"{list(CASES).index('organisation_cells') + 1:03d}"), None,
                           "organisation")


@pytest.fixture(scope="module")
def tiny_reconciled(tiny_warehouse) -> dict[str, tuple]:
    """Each case published as one figure (value 1, exact, dated 31-12-2023 unless it says)."""
    figures = [{"value": 1.0, "qualifier": "exact", "as_of": D2023, "year": 2023, **fig}
               for fig, _, _ in CASES.values()]
    add_figures(tiny_warehouse, figures, doc_id="cases")
    rows = query(tiny_warehouse, """SELECT ordinal, warehouse_value, resolution, resolved,
        resolved_how, agrees, as_of_used, not_compared FROM marts.figure_reconciliation r
        JOIN core.reported_figures f USING (figure_id) WHERE f.doc_id = 'cases' ORDER BY ordinal""")
    return {name: row[1:] for name, row in zip(CASES, rows)}


@pytest.mark.parametrize("case", list(CASES))
def test_scope_resolves_to_the_hand_counted_value(tiny_reconciled, case):
    """Each scope kind and metric, counted on the figure's exact date (see tiny_warehouse.py)."""
    _, want_value, want_resolution = CASES[case]
    value, resolution, resolved, how, agrees, _, not_compared = tiny_reconciled[case]
    assert (value, resolution) == (want_value, want_resolution), how
    assert resolved is (want_value is not None or not_compared is not None)
    assert agrees is (None if want_value is None else want_value == 1)


def test_parts_and_unstated_periods_say_why_they_are_not_compared(tiny_reconciled):
    """A part by a characteristic no file records or a dimension the warehouse does not count (or
    none: a subset counting what its whole counts), a share without a count and an admission count
    without its period are kept, resolved, and marked, not compared."""
    reasons = {case: row[6] for case, row in tiny_reconciled.items() if row[6]}
    assert reasons == {"ethnicity_part": "not_recorded", "occupation_part": "part_dimension",
                       "share_only": "share_only", "period_unknown": "period_unknown",
                       "before_history": "before_history", "unnamed_subset": "part_dimension"}


def test_unresolved_scopes_say_why(tiny_reconciled):
    """An unresolvable scope is explained, not silently counted as zero."""
    assert "2 organisations" in tiny_reconciled["ambiguous"][3]
    assert "Bộ Ngoại giao" in tiny_reconciled["no_match"][3]
    assert "Hà Tây" in tiny_reconciled["unknown_province"][3]


def test_resolved_organisation_and_province_are_named(tiny_warehouse, tiny_reconciled):
    """The mart names the organisation and the province code a scope was counted over."""
    rows = dict(query(tiny_warehouse, """SELECT f.scope_value || '@' || r.as_of_used,
        coalesce(r.scope_org_id, r.scope_province_code) FROM marts.figure_reconciliation r
        JOIN core.reported_figures f USING (figure_id) WHERE f.doc_id = 'cases'
        AND r.resolution IN ('organisation', 'province')"""))
    assert rows["LIÊN HIỆP CÁC HỘI KHOA HỌC@2023-12-31"] == "TW-K-V"
    assert rows["02@2023-12-31"] == "02" and rows["02@2025-12-31"] == "N08"


def test_year_alone_means_the_end_of_that_year(tiny_reconciled):
    """A figure dated only by its year is compared at 31-12 of that year."""
    assert str(tiny_reconciled["year_only"][5]) == D2023


# ---- tolerance: reference table = vocabulary = SQL verdicts


def _csv_tolerance() -> dict:
    out = {}
    with open(REFERENCE / "qualifier_tolerance.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out[row["qualifier"]] = None if not row["low_factor"] else (
                float(row["low_factor"]), float(row["high_factor"]),
                row["low_inclusive"] == "true", row["high_inclusive"] == "true")
    return out


def test_tolerance_table_matches_the_vocabulary():
    """The SQL reads chibo/etl/reference/qualifier_tolerance.csv; it must say what vocabulary.py says."""
    assert _csv_tolerance() == QUALIFIER_TOLERANCE


# Published values around every bound for a warehouse value of 8 (members, country, 2023).
GRID = [7.0, 7.6, 8 / 1.05, 7.7, 8 / 1.03, 7.9, 8.0, 8.1, 8 / 0.97, 8.3, 8 / 0.95, 8.5, 9.0]


def test_sql_verdicts_equal_within_tolerance(tiny_warehouse):
    """For every qualifier and published values on and around its bounds, the mart's verdict is
    vocabulary.within_tolerance's."""
    figures = [dict(metric="members_total", value=v, qualifier=q, as_of=D2023, year=2023,
                    scope_kind="country", scope_value="VN")
               for q in QUALIFIER_TOLERANCE for v in GRID]
    add_figures(tiny_warehouse, figures, doc_id="grid")
    rows = query(tiny_warehouse, """SELECT published_value, warehouse_value, qualifier, agrees
        FROM marts.figure_reconciliation WHERE doc_id = 'grid'""")
    assert len(rows) == len(figures)
    verdicts = {(q, v): a for v, w, q, a in rows}
    assert {w for _, w, _, _ in rows} == {8.0}
    for (q, v), agrees in verdicts.items():
        assert agrees == within_tolerance(v, 8.0, q), (q, v)
    assert verdicts[("over", 8.0)] is False and verdicts[("nearly", 8.0)] is True
    assert verdicts[("target", 8.0)] is None


def test_tolerance_text_states_the_accepted_range(tiny_warehouse):
    """The verdict comes with the accepted interval in Vietnamese number format."""
    add_figures(tiny_warehouse, [
        dict(metric="members_total", value=300000.0, qualifier="nearly", as_of=D2023, year=2023,
             scope_kind="country", scope_value="VN"),
        dict(metric="members_total", value=25500.0, qualifier="over", as_of=D2023, year=2023,
             scope_kind="country", scope_value="VN"),
        dict(metric="members_total", value=10579.0, qualifier="exact", as_of=D2023, year=2023,
             scope_kind="country", scope_value="VN")], doc_id="texts")
    rows = query(tiny_warehouse, """SELECT tolerance_text FROM marts.figure_reconciliation
        WHERE doc_id = 'texts' ORDER BY figure_id""")
    assert [r[0] for r in rows] == ["291.000 ≤ x ≤ 300.000", "25.500 < x ≤ 26.775", "= 10.579"]


"""Cơ cấu đảng viên against the fixture warehouse (counts hand-computed in the docstring of
tests/dashboard/structure_fixture.py): members and admissions by characteristic, the same through
the rollup and through the per-cell macro, the viewer's scope applied, the KPI cards, the charts
and their CSV."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chibo.dashboard.charts import registry
from chibo.dashboard.charts.catalogue import structure as charts
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.data import Filters, Scope
from chibo.dashboard.queries import structure as q

ALL = Scope.everything()
Y2025 = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 31))


def counts(df) -> dict[str, int]:
    return dict(zip(df["value"], df["members"].astype(int)))


def test_members_by_characteristic_on_31_12():
    assert counts(q.members_by(ALL, Y2025, "gender")) == {"male": 27, "female": 18}
    assert counts(q.members_by(ALL, Y2025, "status")) == {"official": 40, "probationary": 5}
    ethnicity = q.members_by(ALL, Y2025, "ethnicity")
    assert counts(ethnicity) == {"kinh": 37, "minority": 7, "unknown": 1}
    assert list(ethnicity["label_vi"]) == ["Dân tộc Kinh", "Dân tộc thiểu số", "Không rõ"]
    assert ethnicity["share"].sum() == pytest.approx(1.0)


def test_the_rollup_and_the_per_cell_macro_agree():
    """A day agg_member_structure holds (31/12) is read from it; an organisation filter and any
    other day go through marts.structure_long_on per cell: the same numbers."""
    whole = counts(q.members_by(ALL, Y2025, "age_band"))
    by_cells = Filters(**{**dataclasses.asdict(Y2025), "org": "C1"})
    b2 = counts(q.members_by(ALL, dataclasses.replace(Y2025, province="N25"), "age_band"))
    c1 = counts(q.members_by(ALL, by_cells, "age_band"))
    assert {k: c1.get(k, 0) + b2.get(k, 0) for k in whole} == whole
    mid = dataclasses.replace(Y2025, as_of=dt.date(2025, 6, 14))  # the day before the death
    assert sum(counts(q.members_by(ALL, mid, "gender")).values()) == 46


def test_the_viewers_scope_is_applied():
    """A viewer of Phú Thọ (N25) sees B2 alone: 24 members, 10 women, 6 Mường."""
    phu_tho = Scope(provinces=frozenset({"N25"}))
    assert counts(q.members_by(phu_tho, Y2025, "gender")) == {"male": 14, "female": 10}
    assert counts(q.members_by(phu_tho, Y2025, "ethnicity")) == {"kinh": 18, "minority": 6}
    assert q.members_by(Scope.nothing(), Y2025, "gender").empty


def test_admissions_in_the_period():
    assert counts(q.admissions_by(ALL, Y2025, "age_band")) == {"18_30": 2, "31_40": 1}
    assert counts(q.admissions_by(ALL, Y2025, "gender")) == {"male": 1, "female": 2}
    with pytest.raises(ValueError):
        q.admissions_by(ALL, Y2025, "status")


def test_kpis_against_a_year_earlier():
    k = q.kpis(ALL, Y2025)
    assert k["female_share"]["value"] == pytest.approx(18 / 45)
    assert k["female_share"]["previous"] == pytest.approx(16 / 42)
    assert k["minority_share"]["value"] == pytest.approx(7 / 45)
    assert k["young_admission_share"]["value"] == pytest.approx(2 / 3)
    assert k["young_admission_share"]["previous"] is None  # no admission in 2024


def test_a_day_after_the_data_counts_the_last_loaded_day():
    late = dataclasses.replace(Y2025, as_of=dt.date(2030, 1, 1))
    df = q.members_by(ALL, late, "gender")
    assert counts(df) == {"male": 27, "female": 18} and df["day"].iloc[0].date() == dt.date(2025, 12, 31)


def test_charts_draw_with_their_day_and_csv(state2025):
    state = {**state2025, "as_of": "2025-12-31", "params": {"sdim": "ethnicity"}}
    ctx, drawing = registry.draw(charts.STRUCTURE_MEMBERS, state, ALL)
    assert "31/12/2025" in ctx.subtitle and "dân tộc" in ctx.subtitle
    bars = as_figure(drawing.figure).data[0]
    assert list(bars.y)[::-1] == ["Dân tộc Kinh", "Dân tộc thiểu số", "Không rõ"]
    assert list(bars.x)[::-1] == [37, 7, 1]
    content, _name = registry.csv_bytes(charts.STRUCTURE_MEMBERS, state, ALL)
    text = content.decode("utf-8-sig")
    assert "Dân tộc thiểu số" in text and "15,6%" in text
    ctx, drawing = registry.draw(charts.STRUCTURE_ADMISSIONS, {**state, "lang": "en"}, ALL)
    assert "Admitted from" in ctx.subtitle and sum(as_figure(drawing.figure).data[0].x) == 3


def test_kpi_cards_of_the_section(state2025):
    from chibo.dashboard.components import structure_section as page

    cards = page.kpi_cards({**state2025, "as_of": "2025-12-31"}, "light")
    assert [c.id for c in cards] == ["kpi-female_share", "kpi-minority_share",
                                     "kpi-young_admission_share"]
    assert "40,0%" in str(cards[0].children[1].children)


def test_statistics_workbook_for_the_viewer(tmp_path):
    """"Báo cáo thống kê": the ETL's report command on the served file with the viewer's scope
    (Phú Thọ: B2 alone) narrowed by the filters; its members equal the page's."""
    import io

    import openpyxl

    from chibo.dashboard.exports import statbook

    phu_tho = Scope(provinces=frozenset({"N25"}))
    assert statbook.scope_args(phu_tho, dataclasses.replace(Y2025, sector="commune")) == [
        "--scope", "province:N25", "--within", "sector:commune"]
    assert statbook.scope_args(Scope.nothing(), Y2025) is None
    content, name = statbook.workbook_bytes(phu_tho, Y2025)
    assert name == "Báo cáo thống kê 2025.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(content))["2. Đảng viên"]
    rows = {r[1]: r[3] for r in ws.iter_rows(min_row=8, max_row=14, values_only=True)}
    assert ws["A1"].value == "ĐẢNG BỘ PHÚ THỌ" and ws["A4"].value.endswith("31/12/2025")
    assert (rows["Tổng số"], rows["Trong đó: đảng viên nữ"],
            rows["Trong đó: người dân tộc thiểu số"]) == (24, 10, 6)
    assert counts(q.members_by(phu_tho, Y2025, "gender"))["female"] == 10


def test_young_admission_share_over_whole_months_reads_the_monthly_admissions_rollup():
    """The KPI card's share over whole months (a year and the year before) is summed from
    marts.agg_admissions_age_monthly, with the numbers of the admissions themselves; dates that
    cut a month and a viewer limited to a subtree read the admissions."""
    from chibo.dashboard import data
    from chibo.dashboard.gateway import tracing

    before = dataclasses.replace(Y2025, start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    cut = dataclasses.replace(Y2025, end=dt.date(2025, 12, 30))
    data.clear_caches()
    for scope, f, rolled in ((ALL, Y2025, True), (ALL, cut, False),
                             (Scope(org_roots=frozenset({"P1"})), Y2025, False)):
        with tracing() as seen:
            got = q.admission_shares(scope, f, before)
        assert ("agg_admissions_age_monthly" in seen[-1].sql) == rolled, f
        want = [q.share(q.admissions_by(scope, g, "age_band"), "18_30") for g in (f, before)]
        assert list(got) == want
    assert q.admission_shares(ALL, Y2025, before) == (pytest.approx(2 / 3), None)

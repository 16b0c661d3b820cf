"""The views of a picked organisation (the filter's subtree over the hierarchy and the succession)
against an independent recomputation from the demo's input files, for a province committee made
by the 2025 merger, a base committee with subordinate cells, a single cell and a dissolved cell:
the member structure on a day and of the admissions over dates, the organisation table's stocks
and admissions, the meetings by quality level. The subtree is walked here in pandas from the
input organisations (parent and successor); the same numbers on a subtree one level short must
differ, so a subtree resolved off by one fails. The watch lists, the organisation table's rates
and the data-quality warnings of a picked organisation equal the country-wide rows of the
subtree's organisations (the unnarrowed path)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from chibo.dashboard import runtime
from chibo.dashboard.data import Filters, Scope
from chibo.dashboard.gateway import tracing
from chibo.dashboard.queries import meta, orgs, quality, structure, watch_lists
from tests.helpers import runtime_for
from tests.reference import metrics as ref

pytestmark = pytest.mark.slow
ALL = Scope.everything()
DAY, FIRST, LAST = dt.date(2025, 7, 1), dt.date(2024, 2, 11), dt.date(2025, 9, 20)
YEAR_END = dt.date(2024, 12, 31)  # a day of the day rollups (agg_subtree_structure)


@dataclasses.dataclass(frozen=True)
class Subtree:
    """A reference scope (tests/reference/metrics.py) of the organisations in `ids`."""

    ids: frozenset

    def mask(self, frame: pd.DataFrame) -> pd.Series:
        return frame["org_id"].isin(self.ids)


def subtree(inputs: ref.Inputs, root: str, short: bool = False) -> Subtree:
    """`root` and every organisation below it through parents and successors (a dissolved
    organisation's subtree is also under its successor); `short`: without its deepest level."""
    below: dict[str, list[str]] = {}
    for org, parent, successor in inputs.orgs[["org_id", "parent_id", "successor_id"]].itertuples(
            index=False):
        for up in (parent, successor):
            if isinstance(up, str) and up:
                below.setdefault(up, []).append(org)
    steps, level = {root: 0}, [root]  # organisation: steps below the root (breadth first)
    while level:
        level = list(dict.fromkeys(o for x in level for o in below.get(x, ()) if o not in steps))
        steps.update({o: max(steps.values()) + 1 for o in level})
    deepest = max(steps.values()) if short else None
    return Subtree(frozenset(o for o, d in steps.items() if d != deepest))


@pytest.fixture(scope="module")
def picks(inputs) -> dict[str, str]:
    """A current province committee holding merged provinces, the base committee with most
    cells, a sub-cell with members on DAY, a cell dissolved after FIRST (members until then)."""
    o = inputs.orgs
    merged = o.loc[o["successor_id"].astype(bool) & (o["kind"] == "province_committee"),
                   "successor_id"].value_counts()
    parents = o.loc[o["kind"].isin(ref.CELLS), "parent_id"].value_counts()
    base = [p for p in parents.index if (o.set_index("org_id").at[p, "kind"] == "base_committee")]
    m = inputs.members
    alive = m[(m["joined_on"] <= pd.Timestamp(DAY))
              & (m["left_on"].isna() | (m["left_on"] > pd.Timestamp(DAY)))]
    cell = sorted(set(alive["org_id"]) & set(o.loc[o["kind"] == "sub_cell", "org_id"]))[0]
    gone = o[o["kind"].isin(ref.CELLS) & (o["dissolved_on"] > pd.Timestamp(FIRST))
             & (o["dissolved_on"] <= pd.Timestamp(LAST))]
    gone = sorted(set(gone["org_id"]) & set(m.loc[m["joined_on"] < pd.Timestamp(FIRST), "org_id"]))
    return {"province": merged.index[0], "base_committee": base[0], "cell": cell,
            "dissolved_cell": gone[0]}


@pytest.fixture(scope="module")
def bound(demo_warehouse):
    with runtime.bound(runtime_for(demo_warehouse, answer_cache_mb=0)) as rt:
        yield rt


def _records(df: pd.DataFrame) -> list[dict]:
    """The rows in order, a missing value as None whatever its column's type."""
    return df.astype(object).where(df.notna(), None).to_dict("records")


def _shown(df: pd.DataFrame) -> dict:
    return {v: int(n) for v, n in zip(df["value"], df["members"])}


def _ref_dim(counts: dict, dimension: str) -> dict:
    return {v: n for (d, v), n in counts.items() if d == dimension and n}


@pytest.mark.parametrize("which", ["province", "base_committee", "cell", "dissolved_cell"])
def test_member_structure_of_a_picked_organisation(inputs, bound, picks, which):
    """Members on a day (before the merger, on 31-12, which a pick above the cells reads from its
    subtree rollup, and on the merger) and admissions over dates by every dimension."""
    tree, short = subtree(inputs, picks[which]), subtree(inputs, picks[which], short=True)
    f = Filters(start=FIRST, end=LAST, as_of=DAY, org=picks[which])
    for day in (FIRST, YEAR_END, DAY):
        want = ref.member_structure(inputs, tree, day)
        off = ref.member_structure(inputs, short, day)
        g = dataclasses.replace(f, as_of=day)
        for dim in structure.DIMENSIONS:
            with tracing() as seen:
                got = _shown(structure.members_by(ALL, g, dim))
            assert got == _ref_dim(want, dim), (which, day, dim)
            rolled = day == YEAR_END and which in ("province", "base_committee")
            assert ("agg_subtree_structure" in seen[-1].sql) == rolled, (which, day, dim)
            assert got != _ref_dim(off, dim) or not got, (which, day, dim)
    want = ref.admission_structure(inputs, tree, FIRST, LAST)
    for dim in structure.ADMISSION_DIMENSIONS:
        assert _shown(structure.admissions_by(ALL, f, dim)) == _ref_dim(want, dim), (which, dim)


def _base_orgs(inputs: ref.Inputs, tree: Subtree, day: dt.date, first: dt.date = FIRST,
               last: dt.date = LAST) -> dict:
    """{base organisation of the subtree: (cells, members, official, admitted)} on `day` and
    over [first, last], counting every cell of each base organisation (rows with cells only)."""
    o, m, d = inputs.orgs, inputs.members, pd.Timestamp(day)
    cells = o[o["kind"].isin(ref.CELLS) & ref._alive(o, d)].groupby("base_org").size()
    base_of = dict(zip(o["org_id"], o["base_org"]))
    on = m[(m["joined_on"] <= d) & (m["left_on"].isna() | (m["left_on"] > d))]
    full = on["official_on"].notna() & (on["official_on"] <= d)
    adm = m[(m["joined_on"] == m["admitted_on"]) & (m["joined_on"] >= pd.Timestamp(first))
            & (m["joined_on"] <= pd.Timestamp(last))]
    members = on["org_id"].map(base_of).value_counts()
    official = on.loc[full, "org_id"].map(base_of).value_counts()
    admitted = adm["org_id"].map(base_of).value_counts()
    bases = o.loc[o["org_id"].isin(tree.ids) & o["kind"].isin(ref.BASE), "org_id"]
    return {b: (int(cells[b]), int(members.get(b, 0)), int(official.get(b, 0)),
                int(admitted.get(b, 0))) for b in bases if cells.get(b, 0) > 0}


@pytest.mark.parametrize("which", ["province", "base_committee", "cell"])
def test_organisation_table_of_a_picked_organisation(inputs, bound, picks, which):
    """The base organisations below the pick with their cells, members, official members and
    admissions; every other column as the country-wide table shows the same organisations."""
    tree = subtree(inputs, picks[which])
    f = Filters(start=FIRST, end=LAST, as_of=DAY, org=picks[which])
    with tracing() as seen:
        table = orgs.org_table(ALL, f)
    assert "agg_base_org_members" not in seen[-1].sql  # DAY is no day of the day rollups
    got = {r.org_id: (r.cells, r.members, r.official, r.admitted) for r in table.itertuples()}
    want = _base_orgs(inputs, tree, DAY)
    assert got == want and (want or which == "cell")
    wide = orgs.org_table(ALL, dataclasses.replace(f, org=None))
    assert _records(table) == _records(wide[wide["org_id"].isin(tree.ids)])


@pytest.mark.parametrize("which", ["province", "base_committee", None])
def test_organisation_table_on_a_year_end_reads_the_base_organisations_rollup(
        inputs, bound, picks, which):
    """On 31-12 over whole months (March to December), the table of a pick's base organisations
    and of the whole country is read from marts.agg_base_org_members, with the recomputed cells,
    members, official members and admissions; one month less of admissions must differ."""
    tree = subtree(inputs, picks[which]) if which else Subtree(frozenset(inputs.orgs["org_id"]))
    first = dt.date(YEAR_END.year, 3, 1)
    f = Filters(start=first, end=YEAR_END, as_of=YEAR_END, org=picks[which] if which else None)
    with tracing() as seen:
        table = orgs.org_table(ALL, f)
    assert "agg_base_org_members" in seen[-1].sql
    got = {r.org_id: (r.cells, r.members, r.official, r.admitted) for r in table.itertuples()}
    assert got == _base_orgs(inputs, tree, YEAR_END, first, YEAR_END) and got
    assert got != _base_orgs(inputs, tree, YEAR_END, first.replace(month=4), YEAR_END)


def test_meetings_by_level_of_a_picked_organisation(inputs, bound, picks):
    """Meetings of the subtree's cells per month by quality level (orgs page and quality page)."""
    for which in ("province", "base_committee"):
        tree = subtree(inputs, picks[which])
        f = Filters(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), as_of=LAST,
                    org=picks[which])
        levels = orgs.meeting_levels(ALL, f)
        periods = quality.by_period(ALL, f)
        m = ref._in_scope(inputs, tree, inputs.meetings)
        m = m[m["held_on"].dt.year == 2024].assign(level=ref._levels, month=lambda x: x[
            "held_on"].dt.to_period("M").dt.start_time)
        for name, q in (("good", 4), ("fair", 3), ("average", 2), ("poor", 1)):
            want = m[m["level"] == q].groupby("month").size()
            got = dict(zip(pd.to_datetime(levels["month"]), levels[name].astype(int)))
            assert {k: v for k, v in got.items() if v} == want.to_dict(), (which, name)
            assert int(periods[name].sum()) == int(want.sum()), (which, name)
        regular = int((m["kind"] == "regular").sum())
        assert int(levels["regular_held"].sum()) == int(periods["regular_held"].sum()) == regular


@pytest.mark.parametrize("which", ["province", "base_committee"])
def test_lists_of_a_picked_organisation_are_the_country_rows(inputs, bound, picks, which):
    """Watch lists (missed regular meetings, falling quality, poor meetings) and data-quality
    warnings of a pick: exactly the country-wide rows of the subtree's cells, in the same order."""
    tree = subtree(inputs, picks[which])
    f = Filters(start=FIRST, end=LAST, as_of=LAST, org=picks[which])
    wide = dataclasses.replace(f, org=None)
    shown = 0
    for fn in (lambda g: watch_lists.missed_regular(ALL, g, 3), lambda g: watch_lists.missed_regular(
            ALL, g, 12), lambda g: watch_lists.falling_cells(ALL, g), lambda g: watch_lists.poor_cells(
            ALL, g), lambda g: meta.data_quality(ALL, g)):
        mine, every = _records(fn(f)), fn(wide)
        assert mine == _records(every[every["org_id"].isin(tree.ids)])
        shown += len(mine)
    assert shown > 0

"""Property: for any member history (admissions, probation, transfers between cells, a cell
dissolved with its members handed over on the dissolution day to its successor, departures for
every reason), loaded through the real load path into a small DuckDB file, the publication passes
its data checks (members(m) - members(m-1) = admitted + transferred_in - transferred_out -
left_party for every cell and month) and the marts' stocks on any day equal a direct count of the
generated rows."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from chibo.etl.load import load_files

ORIGIN = dt.date(2009, 6, 1)  # before the first day of history (2010-01-01): an opening stock
SPAN = 1300  # days of generated history
REASONS = ("transfer_out", "death", "struck_off", "expelled", "resigned", "other")
ORGS = ("org_id,name,kind,parent_id,sector,province,founded_on,dissolved_on,successor_id\n"
        "P,Đảng bộ tỉnh Hà Giang,province_committee,,,02,1991-01-01,,\n"
        "B,Đảng bộ Sở Y tế,base_committee,P,agency,,2005-01-01,,\n"
        "C1,Chi bộ Phòng Kế hoạch,sub_cell,B,,,2005-01-01,,\n"
        "C2,Chi bộ Phòng Nghiệp vụ,sub_cell,B,,,2005-01-01,,\n"
        "C3,Chi bộ Văn phòng,sub_cell,B,,,2005-01-01,{dis},C4\n"
        "C4,Chi bộ Văn phòng mới,sub_cell,B,,,{dis},,\n")


def day(n: int) -> dt.date:
    return ORIGIN + dt.timedelta(days=n)


@st.composite
def person(draw, dissolution: int):
    """Rows (org_id, admitted, official, joined, left, reason) of one member: cells in turn (never
    one twice: the input key is member and cell), a hand-over from C3 to C4 when C3 is dissolved
    under them, and maybe a last departure."""
    admitted = draw(st.integers(0, SPAN - 60))
    official = admitted + 365 + draw(st.integers(0, 20)) if draw(st.booleans()) else None
    if official is not None and official > SPAN:
        official = None
    end = draw(st.one_of(st.none(), st.integers(admitted, SPAN)))
    final = draw(st.sampled_from(REASONS)) if end is not None else None
    moves = sorted(set(draw(st.lists(st.integers(admitted + 1, SPAN), max_size=3))))
    stops = [admitted, *[m for m in moves if end is None or m < end]]
    rows: list[list] = []
    for i, start in enumerate(stops):
        seen = {r[0] for r in rows} | ({"C4"} if any(r[0] == "C3" for r in rows) else set())
        alive = [c for c in ("C1", "C2", "C3" if start < dissolution else "C4") if c not in seen]
        last = i + 1 == len(stops) or not alive
        if not alive:
            rows[-1][2:] = [end, final]
            break
        rows.append([draw(st.sampled_from(alive)), start, end if last else stops[i + 1],
                     final if last else "transfer_out"])
    split = []
    for cell, joined, left, why in rows:
        if cell == "C3" and (left is None or left > dissolution):  # handed over on the day
            split += [["C3", joined, dissolution, "transfer_out"], ["C4", dissolution, left, why]]
        else:
            split.append([cell, joined, left, why])
    rows = split
    if official is not None and end is not None and end < official:
        official = None  # left the Party before the end of probation
    return [(c, admitted, official, j, lft, why) for c, j, lft, why in rows]


@st.composite
def histories(draw):
    dissolution = draw(st.integers(200, SPAN - 100))
    people = draw(st.lists(person(dissolution), min_size=1, max_size=10))
    return dissolution, people


def _write(folder: Path, dissolution: int, people) -> list[Path]:
    orgs = folder / "organisations.csv"
    orgs.write_text(ORGS.format(dis=day(dissolution).isoformat()), encoding="utf-8")
    lines = ["member_id,org_id,admitted_on,official_on,joined_on,left_on,leave_reason"]
    for k, rows in enumerate(people):
        for cell, adm, off, joined, left, why in rows:
            text = lambda n: "" if n is None else day(n).isoformat()  # noqa: E731
            lines.append(f"DV{k:03d},{cell},{text(adm)},{text(off)},{text(joined)},{text(left)},"
                         f"{why or ''}")
    members = folder / "members.csv"
    members.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [orgs, members]


def _direct(people, on: dt.date) -> dict[str, tuple[int, int]]:
    """(members, full members) per cell on a day, counted straight from the generated rows."""
    out: dict[str, list[int]] = {}
    for rows in people:
        for cell, _adm, off, joined, left, _why in rows:
            if day(joined) <= on and (left is None or day(left) > on):
                counts = out.setdefault(cell, [0, 0])
                counts[0] += 1
                counts[1] += off is not None and day(off) <= on
    return {c: (n, f) for c, (n, f) in out.items()}


@settings(max_examples=12, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.generate],  # every example loads a warehouse: no shrinking
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(histories())
def test_stock_flow_identity_over_generated_histories(history):
    dissolution, people = history
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warehouse = folder / "w" / "warehouse.duckdb"
        outcome = load_files(_write(folder, dissolution, people), warehouse)
        assert outcome.result == "loaded", outcome.sample  # the data checks passed
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            last = con.execute("SELECT max(month_end) FROM marts.dim_month").fetchone()[0]
            probes = {day(dissolution) - dt.timedelta(days=1), day(dissolution),
                      dt.date(2010, 1, 1), last}
            probes = {p for p in probes if p >= dt.date(2010, 1, 1)}  # the history starts then
            probes |= {m for (m,) in con.execute("SELECT month_end FROM marts.dim_month "
                                                 "WHERE month_end >= DATE '2010-01-31'").fetchall()
                       if m.month in (3, 9)}
            for on in sorted(probes):
                got = {o: (n, f) for o, n, f in con.execute(
                    "SELECT org_id, members, official FROM marts.cell_stocks_on(?) "
                    "WHERE members > 0", [on]).fetchall()}
                assert got == {c: v for c, v in _direct(people, on).items() if v[0]}, on
        finally:
            con.close()

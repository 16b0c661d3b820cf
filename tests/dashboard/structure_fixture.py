"""The member structure of the dashboard's fixture warehouse (tests/dashboard/fixture_warehouse.py):
hand-made member rows of marts.fct_member_structure and the ETL's SQL for agg_member_structure,
agg_subtree_structure and dim_structure over them (the ETL's macros and ref.* tables are the
fixture's).

On 31/12/2025: 45 members (S1 12, S2 6, S3 3, B2 24), 40 full and 5 probationary, 18 women
(S1 5, S2 2, S3 1, B2 10), 7 of an ethnic minority (S1 1 Tày, B2 6 Mường), 1 whose group is not
recorded (S2), 2 Catholics (B2). Admissions in 2025: 3 (S1 on 10/03, aged 26; B2 on 15/02, aged
24 and 40), so 2 of 3 aged 30 or younger. One S1 member died on 15/06/2025 (not counted at the
year's end). On 31/12/2024: 42 members, 16 women, 7 of a minority.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chibo.etl import contract

ETL_SQL = Path(__file__).resolve().parents[2] / "chibo" / "etl" / "sql"
BIRTHS = (1960, 1970, 1980, 1990)  # official members cycle through these birth years
COLUMNS = ("org_id joined_on left_on admission official_from gender birth_year ethnicity "
           "ethnic_group religion education professional_level political_theory").split()


def _row(org, joined, *, female=False, born=1980, official=True, admission=False, left=None,
         group="kinh", religion="none"):
    klass = {"kinh": "kinh", "unknown": "unknown"}.get(group, "minority")
    return (org, joined, left, admission, joined if official else None,
            "female" if female else "male", born, klass, group, religion, "upper_secondary",
            "university", "intermediate")


def rows() -> list[tuple]:
    old = dt.date(2015, 1, 1)
    out = []
    for i in range(10):  # S1: 10 full members, one of them Tày; women: 4 of them + the admission
        out.append(_row("S1", old, female=i < 4, born=BIRTHS[i % 4], group="tay" if i == 0 else "kinh"))
    out.append(_row("S1", dt.date(2025, 3, 10), female=True, born=1999, official=False,
                    admission=True))
    out.append(_row("S1", dt.date(2025, 6, 1), born=1995, official=False))  # transferred in
    out.append(_row("S1", old, born=1940, left=dt.date(2025, 6, 15)))  # died
    for i in range(6):
        out.append(_row("S2", old, female=i < 2, born=BIRTHS[i % 4],
                        group="unknown" if i == 5 else "kinh"))
    out.append(_row("S3", old, female=True, born=1970))
    out.append(_row("S3", old, born=1980))
    out.append(_row("S3", dt.date(2024, 5, 1), born=1992, official=False))
    for i in range(22):  # B2: women 9 of these + 1 admission; Mường 6; Catholics 2
        out.append(_row("B2", old, female=i < 9, born=BIRTHS[i % 4],
                        group="muong" if i >= 16 else "kinh",
                        religion="catholicism" if i in (0, 1) else "none"))
    out.append(_row("B2", dt.date(2025, 2, 15), female=True, born=2001, official=False,
                    admission=True))
    out.append(_row("B2", dt.date(2025, 2, 15), born=1985, official=False, admission=True))
    return out


def insert(con, table: str, columns: str, rows) -> None:
    """Rows into the named columns of a contract table (the others stay NULL). Into a view over a
    table stored by key (contract.KEYS), as the ETL stores them: each id as dim_org's org_key."""
    names = columns.split()
    stored = table + contract.BY_KEY
    keyed = stored in contract.keyed_tables()
    into = "staged" if keyed else table
    if keyed:
        con.execute(f"CREATE OR REPLACE TEMP TABLE staged AS SELECT {', '.join(names)} FROM {table}"
                    " LIMIT 0")
    con.executemany(f"INSERT INTO {into} ({', '.join(names)}) VALUES"
                    f" ({', '.join('?' * len(names))})", [list(r) for r in rows])
    if keyed:
        ids = {shown: key for key, shown in contract.KEYS.items() if shown in names}
        keys = "".join(f", k_{key}.org_key AS {key}" for key in ids.values())
        joins = " ".join(f"LEFT JOIN marts.dim_org k_{key} ON k_{key}.org_id = s.{shown}"
                         for shown, key in ids.items())
        con.execute(f"INSERT INTO {stored} BY NAME SELECT s.* EXCLUDE ({', '.join(ids)}){keys}"
                    f" FROM staged s {joins}")
        con.execute("DROP TABLE staged")


def add_structure(con) -> None:
    """Rows and the structure marts into the open fixture warehouse `con` (its ref.* tables and
    the ETL's macros already there)."""
    insert(con, "marts.fct_member_structure", " ".join(COLUMNS), rows())
    for name in ("dim_structure", "agg_member_structure", "agg_subtree_structure",
                 "agg_admissions_age_monthly"):
        sql = (ETL_SQL / "marts" / f"{name}.sql").read_text(encoding="utf-8").strip().rstrip(";")
        con.execute(f"INSERT INTO marts.{name} BY NAME {sql}")

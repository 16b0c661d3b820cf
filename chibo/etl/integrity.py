"""Integrity checks. Of a batch: duplicate natural keys (in the batch and against the warehouse),
referential integrity (members and meetings point at cells; parents and successors exist) and
cycles in the hierarchy, each inserting its findings into the temp table `problems`. Of a built
warehouse (IDENTITY_CHECKS, run with chibo.etl.warehouse.CHECKS): the stocks and flows of the membership
marts add up.
"""

from __future__ import annotations

from chibo.etl.schema import ENTITIES

# How each entity's natural key is spelled over a batch table (alias b) and its core table (c).
_KEYS = {
    "organisations": (["org_id"], "org_id"),
    "members": (["member_id", "org_id"], "member_id"),
    "meetings": (["meeting_id"], "meeting_id"),
}


def _key_exprs(entity: str) -> tuple[list[str], list[str], str, str]:
    """(batch key expressions, core key expressions, value to show, column to blame)."""
    if entity == "assessments":
        batch = ["(b.member_id IS NOT NULL)", "coalesce(b.org_id, b.member_id)", "b.year"]
        core = ["(c.subject_kind = 'member')", "c.subject_id", "c.year"]
        return batch, core, "coalesce(b.org_id, b.member_id)", "org_id"
    cols, blame = _KEYS[entity]
    return [f"b.{c}" for c in cols], [f"c.{c}" for c in cols], f"b.{blame}", blame


def duplicate_checks() -> list[str]:
    statements = []
    for entity in ENTITIES:
        batch, core, blame, column = _key_exprs(entity.name)
        partition = ", ".join(batch)
        keys = ", ".join(f"{expr} AS k{i}" for i, expr in enumerate(batch))
        on_keys = " AND ".join(f"{expr} = d.k{i}" for i, expr in enumerate(batch))
        # Find repeated keys with a hash aggregate first; only their rows get the window.
        statements.append(f"""INSERT INTO work.problems
            SELECT file, sheet, _row, '{column}', blame,
              'Trùng khóa với dòng ' || first_row || ' của tệp ' || first_file,
              'Duplicate key: already at row ' || first_row || ' of ' || first_file
            FROM (SELECT b.*, {blame} AS blame,
                    first_value(b._row) OVER w AS first_row, first_value(b.file) OVER w AS first_file,
                    row_number() OVER w AS k
                  FROM batch_{entity.name} b
                  SEMI JOIN (SELECT {keys} FROM batch_{entity.name} b GROUP BY ALL HAVING count(*) > 1) d
                    ON {on_keys}
                  WINDOW w AS (PARTITION BY {partition} ORDER BY b.sheet_no, b._row))
            WHERE k > 1 AND blame IS NOT NULL""")
        match = " AND ".join(f"{b} = {c}" for b, c in zip(batch, core))
        statements.append(f"""INSERT INTO work.problems
            SELECT b.file, b.sheet, b._row, '{column}', {blame},
              'Khóa đã được nạp từ tệp khác (' || c.source_file || '); để sửa, hãy nạp lại bản đã sửa của tệp đó',
              'Key already loaded from another file (' || c.source_file || '); to correct it, load a corrected version of that file'
            FROM batch_{entity.name} b JOIN core.{entity.name} c ON {match}
            WHERE c.source_file <> b.file""")
    return statements


def _missing(entity: str, column: str, universe: str, reason_vi: str, reason_en: str) -> str:
    return f"""INSERT INTO work.problems
        SELECT b.file, b.sheet, b._row, '{column}', b.{column}, '{reason_vi}', '{reason_en}'
        FROM valid_{entity} b
        WHERE b.{column} IS NOT NULL AND b.{column} NOT IN ({universe})"""


def _in_cell(entity: str, cells: str) -> str:
    """org_id of each valid row names a cell: not found, or not a cell, in one join."""
    return f"""INSERT INTO work.problems
        SELECT b.file, b.sheet, b._row, 'org_id', b.org_id,
          CASE WHEN o.org_id IS NULL THEN 'Không tìm thấy chi bộ' ELSE 'Tổ chức này không phải chi bộ' END,
          CASE WHEN o.org_id IS NULL THEN 'Cell not found' ELSE 'This organisation is not a cell' END
        FROM valid_{entity} b LEFT JOIN (SELECT org_id, coalesce(bool_or(kind IN ({cells})), false) AS cell
                                         FROM all_orgs GROUP BY org_id) o ON o.org_id = b.org_id
        WHERE b.org_id IS NOT NULL AND (o.org_id IS NULL OR NOT o.cell)"""


def integrity_checks(cell_kinds: tuple[str, ...]) -> list[str]:
    cells = ", ".join(f"'{k}'" for k in cell_kinds)
    return [
        """CREATE OR REPLACE TEMP VIEW all_orgs AS
           SELECT org_id, kind, parent_id FROM valid_organisations
           UNION ALL SELECT org_id, kind, parent_id FROM core.organisations
           WHERE org_id NOT IN (SELECT org_id FROM valid_organisations)""",
        _missing("organisations", "parent_id", "SELECT org_id FROM all_orgs",
                 "Không tìm thấy tổ chức cấp trên", "Parent organisation not found"),
        _missing("organisations", "successor_id", "SELECT org_id FROM all_orgs",
                 "Không tìm thấy tổ chức kế thừa", "Successor organisation not found"),
        _in_cell("members", cells),
        _in_cell("meetings", cells),
        _missing("assessments", "org_id", "SELECT org_id FROM all_orgs",
                 "Không tìm thấy tổ chức", "Organisation not found"),
        _missing("assessments", "member_id",
                 "SELECT member_id FROM valid_members UNION SELECT member_id FROM core.members",
                 "Không tìm thấy đảng viên", "Member not found"),
    ]


def report_cycles(con) -> None:
    """Organisations of the batch whose chain of parents loops back on itself."""
    parents = dict(con.execute("SELECT org_id, parent_id FROM all_orgs").fetchall())
    batch = con.execute("SELECT org_id, file, sheet, _row FROM valid_organisations").fetchall()
    on_cycle: set[str] = set()
    state: dict[str, int] = {}  # 1 = being walked, 2 = done
    for start in parents:
        path = []
        node = start
        while node is not None and node in parents and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parents[node]
        if node is not None and state.get(node) == 1:
            on_cycle.update(path[path.index(node):])
        for walked in path:
            state[walked] = 2
    rows = [(f, s, r, "parent_id", org, "Vòng lặp trong quan hệ cấp trên",
             "Cycle in the parent hierarchy") for org, f, s, r in batch if org in on_cycle]
    if rows:
        con.executemany("INSERT INTO work.problems VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


# Checks of a built warehouse, each counting violations (see chibo.etl.warehouse.CHECKS): the stocks and
# flows of the membership marts add up. members(m) - members(m - 1) = admitted + transferred_in -
# transferred_out - left_party for every cell and month; the stock before the first month of
# history (members who joined before it and had not left) is recomputed from core.members. They
# read the facts stored by key (every key is a dim_org row), not the views that join dim_org to
# each of their 50 M rows at national scale.
IDENTITY_CHECKS = {
    "stock-flow identity for every cell and month (members(m) - members(m-1) = admitted + "
    "transferred_in - transferred_out - left_party)": """
        WITH first AS (SELECT min(month) AS month FROM marts.dim_month),
        opening AS (
          SELECT k.org_key, count(*) AS members FROM core.members m
          JOIN marts.dim_org k USING (org_id), first f
          WHERE m.joined_on < f.month AND (m.left_on IS NULL OR m.left_on >= f.month)
          GROUP BY k.org_key),
        rows AS (
          SELECT org_key, month, official + probationary AS members,
            admitted + transferred_in - transferred_out - left_party AS net,
            lag(official + probationary) OVER w AS prev, lag(month) OVER w AS prev_month
          FROM marts.fct_membership_monthly_by_key WINDOW w AS (PARTITION BY org_key ORDER BY month))
        SELECT count(*) FROM rows r LEFT JOIN opening o USING (org_key), first f
        WHERE r.members - CASE WHEN r.prev_month IS NOT NULL
                                 AND r.prev_month = r.month - INTERVAL 1 MONTH THEN r.prev
                               WHEN r.prev_month IS NOT NULL THEN NULL
                               WHEN r.month = f.month THEN coalesce(o.members, 0)
                               ELSE 0 END IS DISTINCT FROM r.net""",
    "every member event inside its cell's months (no membership outside the life of its cell)": """
        SELECT (SELECT coalesce(sum(admitted + transferred_in + transferred_out + left_party), 0)
                FROM marts.fct_membership_daily_by_key)
             - (SELECT coalesce(sum(admitted + transferred_in + transferred_out + left_party), 0)
                FROM marts.fct_membership_monthly_by_key)""",
    "rollups equal the facts (agg_members_monthly = fct_membership_monthly by month)": """
        WITH f AS (SELECT month, sum(official) AS o, sum(probationary) AS p, sum(cells) AS c,
                     sum(cells_lt3) AS l, sum(admitted + transferred_in) AS i,
                     sum(transferred_out + left_party) AS x
                   FROM marts.fct_membership_monthly_by_key GROUP BY month),
        a AS (SELECT month, sum(official) AS o, sum(probationary) AS p, sum(cells) AS c,
                sum(cells_lt3) AS l, sum(admitted + transferred_in) AS i,
                sum(transferred_out + left_party) AS x
              FROM marts.agg_members_monthly GROUP BY month)
        SELECT count(*) FROM f FULL JOIN a USING (month)
        WHERE (coalesce(f.o, 0), coalesce(f.p, 0), coalesce(f.c, 0), coalesce(f.l, 0),
               coalesce(f.i, 0), coalesce(f.x, 0))
          IS DISTINCT FROM (coalesce(a.o, 0), coalesce(a.p, 0), coalesce(a.c, 0), coalesce(a.l, 0),
                            coalesce(a.i, 0), coalesce(a.x, 0))""",
    "month-end stocks + daily changes agree (agg_members_monthly and agg_members_daily)": """
        WITH m AS (SELECT month, sum(official) AS o, sum(probationary) AS p, sum(cells) AS c,
                     sum(cells_lt3) AS l, sum(base_orgs) AS b, sum(admitted) AS ad,
                     sum(transferred_in) AS ti, sum(transferred_out) AS t, sum(left_party) AS lp
                   FROM marts.agg_members_monthly GROUP BY month),
        d AS (SELECT CAST(date_trunc('month', day) AS DATE) AS month, sum(d_official) AS o,
                sum(d_probationary) AS p, sum(d_cells) AS c, sum(d_cells_lt3) AS l,
                sum(d_base_orgs) AS b, sum(admitted) AS ad, sum(transferred_in) AS ti,
                sum(transferred_out) AS t, sum(left_party) AS lp
              FROM marts.agg_members_daily GROUP BY 1),
        g AS (SELECT k.month, coalesce(m.o, 0) - coalesce(lag(m.o) OVER w, 0) AS o,
                coalesce(m.p, 0) - coalesce(lag(m.p) OVER w, 0) AS p,
                coalesce(m.c, 0) - coalesce(lag(m.c) OVER w, 0) AS c,
                coalesce(m.l, 0) - coalesce(lag(m.l) OVER w, 0) AS l,
                coalesce(m.b, 0) - coalesce(lag(m.b) OVER w, 0) AS b,
                coalesce(m.ad, 0) AS ad, coalesce(m.ti, 0) AS ti, coalesce(m.t, 0) AS t,
                coalesce(m.lp, 0) AS lp
              FROM marts.dim_month k LEFT JOIN m USING (month) WINDOW w AS (ORDER BY k.month))
        SELECT count(*) FROM g LEFT JOIN d USING (month)
        WHERE (g.o, g.p, g.c, g.l, g.b, g.ad, g.ti, g.t, g.lp) IS DISTINCT FROM
              (coalesce(d.o, 0), coalesce(d.p, 0), coalesce(d.c, 0), coalesce(d.l, 0),
               coalesce(d.b, 0), coalesce(d.ad, 0), coalesce(d.ti, 0), coalesce(d.t, 0),
               coalesce(d.lp, 0))""",
}

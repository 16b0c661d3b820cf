"""Batch-level checks: duplicate natural keys (in the batch and against the warehouse),
referential integrity (members and meetings point at cells; parents and successors exist) and
cycles in the hierarchy. Each check inserts its findings into the temp table `problems`.
"""

from __future__ import annotations

from etl.schema import ENTITIES

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


def _missing(entity: str, column: str, universe: str, reason_vi: str, reason_en: str,
             guard: str = "") -> str:
    return f"""INSERT INTO work.problems
        SELECT b.file, b.sheet, b._row, '{column}', b.{column}, '{reason_vi}', '{reason_en}'
        FROM valid_{entity} b
        WHERE b.{column} IS NOT NULL {guard} AND b.{column} NOT IN ({universe})"""


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
        _missing("members", "org_id", "SELECT org_id FROM all_orgs",
                 "Không tìm thấy chi bộ", "Cell not found"),
        _missing("members", "org_id", f"SELECT org_id FROM all_orgs WHERE kind IN ({cells})",
                 "Tổ chức này không phải chi bộ", "This organisation is not a cell",
                 "AND b.org_id IN (SELECT org_id FROM all_orgs)"),
        _missing("meetings", "org_id", "SELECT org_id FROM all_orgs",
                 "Không tìm thấy chi bộ", "Cell not found"),
        _missing("meetings", "org_id", f"SELECT org_id FROM all_orgs WHERE kind IN ({cells})",
                 "Tổ chức này không phải chi bộ", "This organisation is not a cell",
                 "AND b.org_id IN (SELECT org_id FROM all_orgs)"),
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

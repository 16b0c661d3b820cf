"""The tables of the year-end statistics workbook (issue 15), computed from the marts for one
scope and year with the warehouse's own definitions: organisations from marts.dim_org (existing
on a day from valid_from until the day before valid_to), members and admissions from the structure
macros (marts.structure_long_on, marts.admission_structure_long_between), flows from
marts.cell_flows_between, meetings from fct_meetings_monthly, ratings from the assessment facts.

Every table is a list of rows (label, unit, values); a row of level 0 is a total whose parts are
the rows of level 1 under it up to the next level-0 row, and the parts add up to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chibo.etl import reference

KINDS = {  # scope part → condition on marts.dim_org as o
    "country": "TRUE",
    "province": "o.province_code_current = ?",
    "old_province": "o.province_code = ?",
    "region": "o.region = ?",
    "sector": "o.sector = ?",
    "org": "o.org_id IN (SELECT org_id FROM marts.bridge_org_lineage WHERE ancestor_id = ?)",
}


@dataclass(frozen=True)
class Scope:
    """The organisations counted: the union of `parts` (a viewer's provinces and organisation
    subtrees, or the country) narrowed by every one of `narrow` (the dashboard's filters). A part
    is (kind, value) with kind in KINDS: province = a current province code, old_province = a
    recorded one, org = an organisation and all it holds through the succession."""

    parts: tuple = (("country", None),)
    narrow: tuple = ()

    @staticmethod
    def part(text: str) -> tuple[str, str | None]:
        kind, _, value = (text or "country").partition(":")
        if kind not in KINDS or (kind != "country") != bool(value):
            raise ValueError(f"Phạm vi không hợp lệ: {text!r} (country, province:N01, "
                             f"old_province:01, region:…, sector:…, org:MÃ) / Bad scope: {text!r} "
                             "(country, province:N01, old_province:01, region:…, sector:…, org:ID)")
        return kind, value or None

    @classmethod
    def parse(cls, parts: list[str] | str | None, narrow: list[str] | None = None) -> Scope:
        parts = [parts] if isinstance(parts, str) else (parts or ["country"])
        return cls(tuple(cls.part(p) for p in parts), tuple(cls.part(n) for n in narrow or ()))

    def condition(self) -> tuple[str, list]:
        """SQL condition on marts.dim_org as o, and its parameters (in order)."""
        union = " OR ".join(KINDS[k] for k, _ in self.parts) or "FALSE"
        where = [f"({union})", *(KINDS[k] for k, _ in self.narrow)]
        params = [v for k, v in (*self.parts, *self.narrow) if k != "country"]
        return " AND ".join(where), params


@dataclass(frozen=True)
class Row:
    label_vi: str
    label_en: str
    values: tuple  # one per column of the table; None = not applicable
    level: int = 1  # 0: a total; 1: a part of the total above; 2: a detail ("of which")
    unit: str | None = None  # "vi/en" when not the unit of the table's first column


@dataclass(frozen=True)
class Table:
    key: str  # the sheet's name
    title_vi: str
    title_en: str
    columns: tuple[tuple[str, str, str], ...]  # (header vi, header en, unit vi/en "người/persons")
    rows: tuple[Row, ...]
    note_vi: str = ""
    note_en: str = ""


PERSONS, PERCENT = "người/persons", "%"
COUNT_SHARE = (("Số lượng", "Number", PERSONS), ("Tỷ lệ so với tổng số", "Share of the total", PERCENT))
RATINGS = ((4, "Hoàn thành xuất sắc nhiệm vụ", "Completed duties excellently"),
           (3, "Hoàn thành tốt nhiệm vụ", "Completed duties well"),
           (2, "Hoàn thành nhiệm vụ", "Completed duties"),
           (1, "Không hoàn thành nhiệm vụ", "Did not complete duties"))
BASE_KINDS = (("base_committee", "Đảng bộ cơ sở", "Base party committees"),
              ("base_cell", "Chi bộ cơ sở", "Base party cells"),
              ("sub_cell", "Chi bộ trực thuộc đảng ủy cơ sở", "Cells under base committees"))


def _sum(con, sql: str, params: list) -> dict:
    return {k: v for k, v in con.execute(sql, params).fetchall()}


def _labels(con, dimension: str) -> list[tuple[str, str, str]]:
    return con.execute("SELECT value, label_vi, label_en FROM marts.dim_structure WHERE dimension = ? "
                       "ORDER BY sort_order", [dimension]).fetchall()


def _share_rows(counts: dict, total: int, items) -> list[Row]:
    return [Row(vi, en, (counts.get(v, 0), counts.get(v, 0) / total if total else None))
            for v, vi, en in items]


def people(con, scope: Scope, day: dt.date, year: int, admissions: bool) -> Table:
    """Members on `day` (admissions: admitted from 1 January to `day`) by status, gender,
    ethnicity, religion, age band, professional level, political theory and general education."""
    cond, p = scope.condition()
    source = ("marts.admission_structure_long_between(?, ?)" if admissions
              else "marts.structure_long_on(?)")
    args = [dt.date(year, 1, 1), day] if admissions else [day]
    raw = con.execute(f"SELECT s.dimension, s.value, sum(s.members) FROM {source} s "
                      f"JOIN marts.dim_org o USING (org_id) WHERE {cond} GROUP BY ALL",
                      [*args, *p]).fetchall()
    by = {}
    for dim, value, n in raw:
        by.setdefault(dim, {})[value] = int(n)
    total = sum(by.get("gender", {}).values())
    religious = sum(n for v, n in by.get("religion", {}).items() if v not in ("none", "unknown"))
    rows = [Row("Tổng số", "Total", (total, 1.0 if total else None), 0)]
    if not admissions:
        rows += _share_rows(by.get("status", {}), total, _labels(con, "status"))[:2]
    rows += [Row("Đảng viên nữ", "Women", (by.get("gender", {}).get("female", 0),
                                           by.get("gender", {}).get("female", 0) / total if total else None), 2),
             Row("Người dân tộc thiểu số", "Ethnic minorities",
                 (by.get("ethnicity", {}).get("minority", 0),
                  by.get("ethnicity", {}).get("minority", 0) / total if total else None), 2),
             Row("Có đạo (theo tôn giáo)", "Religious believers",
                 (religious, religious / total if total else None), 2)]
    blocks = (("age_band", "Chia theo tuổi đời", "By age"),
              ("professional_level", "Chia theo trình độ chuyên môn", "By professional level"),
              ("political_theory", "Chia theo trình độ lý luận chính trị", "By political theory"),
              ("education", "Chia theo trình độ giáo dục phổ thông", "By general education"))
    for dim, vi, en in blocks:
        rows.append(Row(vi, en, (total, 1.0 if total else None), 0))
        rows += _share_rows(by.get(dim, {}), total, _labels(con, dim))
    age = "năm kết nạp" if admissions else "năm báo cáo"
    if admissions:
        return Table("3. Kết nạp", f"Đảng viên mới kết nạp trong năm {year}",
                     f"Members admitted in {year}", COUNT_SHARE, tuple(rows),
                     f"Tuổi đời = {age} trừ năm sinh; \"Không rõ\": hồ sơ không ghi.",
                     "Age = the year of admission minus the birth year; \"Not recorded\": not in the file.")
    return Table("2. Đảng viên", "Số lượng và chất lượng đảng viên", "Members and their structure",
                 COUNT_SHARE, tuple(rows),
                 f"Tuổi đời = {age} trừ năm sinh; \"Không rõ\": hồ sơ không ghi. Các dòng \"trong đó\" "
                 "không cộng vào tổng.", "Age = the year minus the birth year; \"Not recorded\": not in "
                 "the file. The \"of which\" rows do not add up to the total.")


def organisations(con, scope: Scope, day: dt.date, year: int) -> Table:
    """Base committees, base cells and cells under base committees: on 31/12 of the year before,
    founded and dissolved (of which merged: with a successor) during the year, and on `day`; base
    organisations on `day` by sector."""
    cond, p = scope.condition()
    start, first = dt.date(year - 1, 12, 31), dt.date(year, 1, 1)
    alive = "coalesce(o.valid_from <= ?, TRUE) AND coalesce(o.valid_to > ?, TRUE)"
    rows_sql = f"""SELECT o.kind, count(*) FILTER (WHERE {alive}),
        count(*) FILTER (WHERE o.valid_from BETWEEN ? AND ?),
        count(*) FILTER (WHERE o.valid_to BETWEEN ? AND ?),
        count(*) FILTER (WHERE o.valid_to BETWEEN ? AND ? AND o.successor_id IS NOT NULL),
        count(*) FILTER (WHERE {alive})
        FROM marts.dim_org o WHERE {cond} GROUP BY 1"""
    found = {k: tuple(int(x) for x in rest) for k, *rest in con.execute(
        rows_sql, [start, start, *[first, day] * 3, day, day, *p]).fetchall()}
    parts = [Row(vi, en, found.get(kind, (0, 0, 0, 0, 0))) for kind, vi, en in BASE_KINDS]
    total = tuple(sum(r.values[i] for r in parts) for i in range(5))
    sectors = _sum(con, f"""SELECT coalesce(o.sector, 'other'), count(*) FROM marts.dim_org o
        WHERE {cond} AND o.kind IN ('base_committee', 'base_cell') AND {alive} GROUP BY 1""",
                   [*p, day, day])
    base_total = sum(sectors.values())
    rows = [Row("Tổng số tổ chức cơ sở đảng và chi bộ", "Base organisations and cells", total, 0),
            *parts,
            Row("Tổ chức cơ sở đảng chia theo loại hình", "Base organisations by sector",
                (None, None, None, None, base_total), 0)]
    rows += [Row(s["name_vi"], s["name_en"], (None, None, None, None, sectors.get(s["sector"], 0)))
             for s in reference.table("sectors")]
    columns = ((f"Có đến 31/12/{year - 1}", f"On 31/12/{year - 1}", "tổ chức/organisations"),
               ("Thành lập mới trong năm", "Founded in the year", "tổ chức/organisations"),
               ("Giải thể, sáp nhập trong năm", "Dissolved or merged in the year", "tổ chức/organisations"),
               ("Trong đó: sáp nhập (có tổ chức kế thừa)", "Of which merged (with a successor)",
                "tổ chức/organisations"),
               (f"Có đến {day:%d/%m/%Y}", f"On {day:%d/%m/%Y}", "tổ chức/organisations"))
    return Table("1. Tổ chức đảng", "Tổ chức cơ sở đảng và chi bộ", "Base organisations and cells",
                 columns, tuple(rows),
                 "Cột 5 = cột 1 + cột 2 − cột 3.", "Column 5 = column 1 + column 2 − column 3.")

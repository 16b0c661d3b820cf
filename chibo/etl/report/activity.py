"""The activity tables of the year-end statistics workbook: members' movements during the year
(admissions, transfers in and out, departures from the party by reason: marts.cell_flows_between),
cell meetings (kinds, quality, attendance: fct_meetings_monthly) and the annual assessment of
organisations and members (fct_assessment_yearly, fct_member_assessment_yearly)."""

from __future__ import annotations

import datetime as dt

from chibo.etl.report.tables import PERCENT, PERSONS, RATINGS, Row, Scope, Table

REASONS = (("left_death", "Từ trần", "Died"), ("left_struck_off", "Xóa tên", "Struck off"),
           ("left_expelled", "Khai trừ", "Expelled"),
           ("left_resigned", "Xin ra khỏi Đảng", "Resigned"), ("left_other", "Lý do khác", "Other"))


def movements(con, scope: Scope, day: dt.date, year: int) -> Table:
    cond, p = scope.condition()
    cols = ("admitted", "transferred_in", "transferred_out", "left_party",
            *(c for c, _, _ in REASONS))
    got = con.execute(f"SELECT {', '.join(f'sum(f.{c})' for c in cols)} "
                      "FROM marts.cell_flows_between(?, ?) f JOIN marts.dim_org o USING (org_id) "
                      f"WHERE {cond}", [dt.date(year, 1, 1), day, *p]).fetchone()
    n = {c: int(v or 0) for c, v in zip(cols, got)}
    rows = (Row("Kết nạp", "Admitted", (n["admitted"],), 0),
            Row("Chuyển sinh hoạt đến", "Transferred in", (n["transferred_in"],), 0),
            Row("Chuyển sinh hoạt đi", "Transferred out", (n["transferred_out"],), 0),
            Row("Ra khỏi Đảng", "Left the party", (n["left_party"],), 0),
            *(Row(vi, en, (n[c],)) for c, vi, en in REASONS))
    return Table("4. Biến động", f"Biến động đảng viên trong năm {year}",
                 f"Changes in membership during {year}", (("Số lượng", "Number", PERSONS),), rows,
                 "Chuyển đi, chuyển đến: giữa các chi bộ (kể cả trong phạm vi).",
                 "Transfers: between cells (including those within the scope).")


def meetings(con, scope: Scope, day: dt.date, year: int) -> Table:
    cond, p = scope.condition()
    got = con.execute(f"""SELECT sum(regular_held), sum(thematic_held), sum(online_held),
            sum(hybrid_held), sum(good), sum(fair), sum(average), sum(poor), sum(present),
            sum(expected) FROM marts.fct_meetings_monthly f JOIN marts.dim_org o USING (org_id)
            WHERE {cond} AND f.month BETWEEN ? AND ?""",
                      [*p, dt.date(year, 1, 1), day]).fetchone()
    reg, them, online, hybrid, good, fair, avg, poor, present, expected = (int(v or 0) for v in got)
    held, rated = reg + them, good + fair + avg + poor

    def share(x, of):
        return x / of if of else None

    count_share = (("Số lượng", "Number", "buổi/meetings"), ("Tỷ lệ", "Share", PERCENT))
    rows = (Row("Số buổi sinh hoạt chi bộ", "Cell meetings held", (held, share(held, held)), 0),
            Row("Sinh hoạt thường kỳ", "Regular", (reg, share(reg, held))),
            Row("Sinh hoạt chuyên đề", "Thematic", (them, share(them, held))),
            Row("Trong đó: trực tuyến hoặc kết hợp", "Of which online or hybrid",
                (online + hybrid, share(online + hybrid, held)), 2),
            Row("Số buổi được xếp loại chất lượng", "Meetings rated", (rated, share(rated, rated)), 0),
            Row("Tốt", "Good", (good, share(good, rated))), Row("Khá", "Fair", (fair, share(fair, rated))),
            Row("Trung bình", "Average", (avg, share(avg, rated))),
            Row("Kém", "Poor", (poor, share(poor, rated))),
            Row("Lượt đảng viên dự sinh hoạt / phải dự", "Attendances / expected",
                (present, share(present, expected)), 0, "lượt/attendances"))
    return Table("5. Sinh hoạt", f"Sinh hoạt chi bộ năm {year}", f"Cell meetings in {year}",
                 count_share, rows, "Tỷ lệ dự sinh hoạt = lượt có mặt / lượt phải dự.",
                 "Attendance = members present / members expected.")


def assessments(con, scope: Scope, day: dt.date, year: int) -> Table:
    cond, p = scope.condition()
    orgs = dict(con.execute(f"""SELECT a.rating, count(*) FROM marts.fct_assessment_yearly a
        JOIN marts.dim_org o USING (org_id) WHERE {cond} AND a.year = ? GROUP BY 1""",
                            [*p, year]).fetchall())
    people = dict(con.execute(f"""SELECT a.rating, sum(a.members) FROM marts.fct_member_assessment_yearly a
        JOIN marts.dim_org o USING (org_id) WHERE {cond} AND a.year = ? GROUP BY 1""",
                              [*p, year]).fetchall())
    rows = []
    for unit, vi, en, counts in (("tổ chức/organisations", "Tổ chức đảng được đánh giá, xếp loại",
                                  "Organisations rated", orgs),
                                 (PERSONS, "Đảng viên được đánh giá, xếp loại", "Members rated",
                                  people)):
        total = int(sum(counts.values()))
        rows.append(Row(vi, en, (total, 1.0 if total else None), 0, unit))
        rows += [Row(rvi, ren, (int(counts.get(r, 0)), counts.get(r, 0) / total if total else None),
                     1, unit) for r, rvi, ren in RATINGS]
    return Table("6. Đánh giá", f"Kết quả đánh giá, xếp loại năm {year}",
                 f"Annual assessment results, {year}",
                 (("Số lượng", "Number", "tổ chức, người/organisations, persons"),
                  ("Tỷ lệ", "Share", PERCENT)), tuple(rows),
                 "Xếp loại theo các mức của Quy định về đánh giá, xếp loại hằng năm.",
                 "Ratings by the levels of the annual assessment rules.")

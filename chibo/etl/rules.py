"""Row rules of each input, as SQL conditions over its typed rows (a match is a problem)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowRule:
    """A row is rejected when `condition` holds; `column` and `value` say where to look."""

    column: str
    condition: str
    value: str
    reason_vi: str
    reason_en: str


ROW_RULES: dict[str, tuple[RowRule, ...]] = {
    "organisations": (
        RowRule("dissolved_on", "dissolved_on < founded_on", "dissolved_on",
                "Ngày giải thể trước ngày thành lập", "Dissolved before it was founded"),
        RowRule("parent_id", "parent_id = org_id", "parent_id",
                "Tổ chức không thể là cấp trên của chính nó", "An organisation cannot be its own parent"),
        RowRule("successor_id", "successor_id = org_id", "successor_id",
                "Tổ chức không thể kế thừa chính nó", "An organisation cannot succeed itself"),
        RowRule("successor_id", "successor_id IS NOT NULL AND dissolved_on IS NULL", "successor_id",
                "Có tổ chức kế thừa nhưng thiếu ngày giải thể",
                "A successor is given but no dissolution date"),
    ),
    "members": (
        RowRule("official_on", "official_on < admitted_on", "official_on",
                "Ngày công nhận chính thức trước ngày kết nạp", "Made a full member before admission"),
        RowRule("joined_on", "joined_on < admitted_on", "joined_on",
                "Ngày sinh hoạt tại chi bộ trước ngày kết nạp", "Joined the cell before admission"),
        RowRule("left_on", "left_on < joined_on", "left_on",
                "Ngày ra khỏi chi bộ trước ngày sinh hoạt tại chi bộ", "Left the cell before joining it"),
        RowRule("left_on", "left_on < official_on AND leave_reason <> 'transfer_out'", "left_on",
                "Ra khỏi Đảng trước ngày công nhận chính thức",
                "Left the Party before being made a full member (date order admitted ≤ official ≤ "
                "left; a transfer during probation is valid)"),
        RowRule("leave_reason", "left_on IS NOT NULL AND leave_reason IS NULL", "leave_reason",
                "Có ngày ra khỏi chi bộ nhưng thiếu lý do", "A leaving date without a reason"),
        RowRule("left_on", "left_on IS NULL AND leave_reason IS NOT NULL", "left_on",
                "Có lý do ra khỏi chi bộ nhưng thiếu ngày", "A leaving reason without a date"),
        RowRule("birth_year", "birth_year NOT BETWEEN 1900 AND year(current_date)", "birth_year",
                "Năm sinh không hợp lệ", "Implausible birth year"),
        RowRule("birth_year", "birth_year > year(admitted_on) - 14", "birth_year",
                "Năm sinh sau ngày kết nạp trừ 14 năm", "Born less than 14 years before admission"),
        RowRule("birth_date", "birth_date > admitted_on - INTERVAL 14 YEAR",
                "strftime(birth_date, '%d/%m/%Y')",
                "Ngày sinh sau ngày kết nạp trừ 14 năm", "Born less than 14 years before admission"),
        RowRule("birth_year", "birth_year <> year(birth_date)", "birth_year",
                "Năm sinh khác năm của ngày sinh", "Birth year differs from the year of the birth date"),
    ),
    "meetings": (
        RowRule("present", "present + coalesce(excused, 0) > expected", "present",
                "Số có mặt cộng số vắng có lý do lớn hơn số phải dự",
                "Present plus excused exceeds the number expected"),
        RowRule("expected", "expected < 0 OR present < 0 OR excused < 0", "expected",
                "Số lượng âm", "Negative count"),
        RowRule("score", "score < 0 OR score > 100", "score",
                "Điểm phải từ 0 đến 100", "Score must be between 0 and 100"),
        RowRule("duration_minutes", "duration_minutes <= 0 OR duration_minutes > 1440",
                "duration_minutes", "Thời lượng không hợp lệ", "Implausible duration"),
    ),
    "assessments": (
        RowRule("org_id", "(org_id IS NULL) = (member_id IS NULL)", "coalesce(org_id, member_id)",
                "Cần đúng một trong hai: mã tổ chức hoặc mã đảng viên",
                "Give exactly one of org_id and member_id"),
        RowRule("year", "year NOT BETWEEN 1930 AND year(current_date)", "year",
                "Năm đánh giá không hợp lệ", "Implausible assessment year"),
    ),
}


def _date(expr: str) -> str:
    return f"strftime({expr}, '%d/%m/%Y')"


# Memberships inside the life of their cell, and one cell at a time per member: SQL inserting
# problems for valid member rows of the batch (checked against the batch's organisations and the
# loaded ones). A hand-over on the dissolution day (left_on = dissolved_on) is continuous and
# valid; so is leaving one cell on the day of joining the next (periods are [joined_on, left_on)).
MEMBERSHIP_CHECKS = (
    """CREATE OR REPLACE TEMP VIEW org_life AS
       SELECT org_id, founded_on, dissolved_on FROM valid_organisations
       UNION ALL SELECT org_id, founded_on, dissolved_on FROM core.organisations
       WHERE org_id NOT IN (SELECT org_id FROM valid_organisations)""",
    f"""INSERT INTO work.problems
        SELECT b.file, b.sheet, b._row, 'joined_on', {_date('b.joined_on')},
          'Ngày sinh hoạt tại chi bộ trước ngày thành lập chi bộ (' || {_date('o.founded_on')} || ')',
          'Joins the cell before the cell was founded (' || {_date('o.founded_on')} || ')'
        FROM valid_members b JOIN org_life o USING (org_id)
        WHERE b.joined_on < o.founded_on""",
    f"""INSERT INTO work.problems
        SELECT b.file, b.sheet, b._row, 'left_on', coalesce({_date('b.left_on')}, ''),
          'Còn sinh hoạt tại chi bộ sau ngày giải thể chi bộ (' || {_date('o.dissolved_on')}
            || '); bàn giao đúng ngày giải thể thì ghi ngày ra khỏi chi bộ là ngày giải thể',
          'Still in the cell after it was dissolved (' || {_date('o.dissolved_on')}
            || '); a hand-over on the dissolution day has left_on = the dissolution day'
        FROM valid_members b JOIN org_life o USING (org_id)
        WHERE o.dissolved_on IS NOT NULL AND (b.left_on IS NULL OR b.left_on > o.dissolved_on)""",
    # two rows of the batch: each names the other
    f"""INSERT INTO work.problems
        SELECT a.file, a.sheet, a._row, 'member_id', a.member_id,
          'Trùng thời gian sinh hoạt với dòng ' || b._row || ' của tệp ' || b.file || ' (chi bộ '
            || b.org_id || ', từ ' || {_date('b.joined_on')} || coalesce(' đến ' || {_date('b.left_on')}, '')
            || '): một đảng viên chỉ sinh hoạt ở một chi bộ tại một thời điểm',
          'Overlaps in time with row ' || b._row || ' of ' || b.file || ' (cell ' || b.org_id
            || ', from ' || {_date('b.joined_on')} || coalesce(' to ' || {_date('b.left_on')}, '')
            || '): a member belongs to one cell at a time'
        FROM valid_members a JOIN valid_members b
          ON a.member_id = b.member_id AND (a.file, a.sheet_no, a._row) <> (b.file, b.sheet_no, b._row)
         AND a.joined_on < coalesce(b.left_on, DATE '9999-12-31')
         AND b.joined_on < coalesce(a.left_on, DATE '9999-12-31')""",
    # a row of the batch against a loaded row it does not replace
    f"""INSERT INTO work.problems
        SELECT a.file, a.sheet, a._row, 'member_id', a.member_id,
          'Trùng thời gian sinh hoạt với dòng đã nạp từ tệp ' || c.source_file || ' (chi bộ '
            || c.org_id || ', từ ' || {_date('c.joined_on')} || coalesce(' đến ' || {_date('c.left_on')}, '')
            || '): một đảng viên chỉ sinh hoạt ở một chi bộ tại một thời điểm',
          'Overlaps in time with a row loaded from ' || c.source_file || ' (cell ' || c.org_id
            || ', from ' || {_date('c.joined_on')} || coalesce(' to ' || {_date('c.left_on')}, '')
            || '): a member belongs to one cell at a time'
        FROM valid_members a JOIN core.members c
          ON a.member_id = c.member_id AND a.org_id <> c.org_id
         AND a.joined_on < coalesce(c.left_on, DATE '9999-12-31')
         AND c.joined_on < coalesce(a.left_on, DATE '9999-12-31')
        WHERE NOT EXISTS (SELECT 1 FROM batch_members x
                          WHERE x.member_id = c.member_id AND x.org_id = c.org_id)""",
)

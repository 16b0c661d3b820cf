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
        RowRule("left_on", "left_on < official_on", "left_on",
                "Ngày ra khỏi chi bộ trước ngày công nhận chính thức",
                "Left before being made a full member (date order admitted ≤ official ≤ left)"),
        RowRule("leave_reason", "left_on IS NOT NULL AND leave_reason IS NULL", "leave_reason",
                "Có ngày ra khỏi chi bộ nhưng thiếu lý do", "A leaving date without a reason"),
        RowRule("left_on", "left_on IS NULL AND leave_reason IS NOT NULL", "left_on",
                "Có lý do ra khỏi chi bộ nhưng thiếu ngày", "A leaving reason without a date"),
        RowRule("birth_year", "birth_year NOT BETWEEN 1900 AND year(current_date)", "birth_year",
                "Năm sinh không hợp lệ", "Implausible birth year"),
        RowRule("birth_year", "birth_year > year(admitted_on) - 14", "birth_year",
                "Năm sinh sau ngày kết nạp trừ 14 năm", "Born less than 14 years before admission"),
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

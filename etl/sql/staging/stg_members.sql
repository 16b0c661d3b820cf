-- grain: one row per valid member-in-cell row of the batch (renames and casts only)
SELECT member_id, org_id, gender, CAST(birth_year AS INTEGER) AS birth_year, admitted_on, official_on,
       joined_on, left_on, leave_reason, file AS source_file
FROM valid_members

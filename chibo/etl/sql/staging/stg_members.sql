-- grain: one row per valid member-in-cell row of the batch (renames and casts only; the birth
-- year is taken from the birth date when only the date is given)
SELECT member_id, org_id, gender, CAST(coalesce(birth_year, year(birth_date)) AS INTEGER) AS birth_year,
       birth_date, admitted_on, official_on, joined_on, left_on, leave_reason, ethnicity, religion,
       education, professional_level, political_theory, file AS source_file
FROM valid_members

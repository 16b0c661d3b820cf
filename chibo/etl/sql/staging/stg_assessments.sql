-- grain: one row per valid assessment row of the batch (renames and casts only)
SELECT CASE WHEN member_id IS NOT NULL THEN 'member' ELSE 'org' END AS subject_kind,
       coalesce(member_id, org_id) AS subject_id, CAST(year AS INTEGER) AS year,
       CAST(rating AS TINYINT) AS rating, file AS source_file
FROM valid_assessments

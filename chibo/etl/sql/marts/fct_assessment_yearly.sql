-- grain: one row per organisation and year: its annual rating, 4 (excellent) .. 1 (not completed)
SELECT year, subject_id AS org_id, rating FROM core.assessments WHERE subject_kind = 'org' ORDER BY year, org_id

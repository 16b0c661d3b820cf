-- grain: one row per valid organisation row of the batch (renames and casts only)
SELECT org_id, name, kind, parent_id, sector, province AS province_code, founded_on, dissolved_on,
       successor_id, coalesce(upper_powers, false) AS upper_powers, file AS source_file
FROM valid_organisations

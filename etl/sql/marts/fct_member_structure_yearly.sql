-- grain: one row per cell, year, gender and age band; members on 31-12 of the year (for the
-- latest year: on the last loaded day). marts.structure_on(D) counted (sql/macros/structure.sql
-- holds the one definition of the age and the age bands).
WITH years AS (SELECT year(month) AS year, max(month_end) AS snapshot FROM marts.dim_month GROUP BY 1)
SELECT y.year, s.org_id, s.gender, s.age_band, CAST(count(*) AS INTEGER) AS members
FROM years y, LATERAL marts.structure_on(y.snapshot) s
GROUP BY ALL
ORDER BY year, org_id, gender, age_band

-- grain: one row per cell, year, gender and age band; members on 31-12 of the year (for the
-- latest year: at the end of the last loaded month). Age = year - birth year.
WITH years AS (
  SELECT year(month) AS year, max(month_end) AS snapshot FROM marts.dim_month GROUP BY 1
),
counted AS (
  SELECT y.year, m.org_id, coalesce(m.gender, 'unknown') AS gender, y.year - m.birth_year AS age
  FROM core.members m JOIN years y
    ON m.joined_on <= y.snapshot AND (m.left_on IS NULL OR m.left_on > y.snapshot)
),
final AS (
  SELECT year, org_id, gender,
    CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 30 THEN '18_30' WHEN age <= 40 THEN '31_40'
         WHEN age <= 50 THEN '41_50' WHEN age <= 60 THEN '51_60' ELSE '61_plus' END AS age_band,
    CAST(count(*) AS INTEGER) AS members
  FROM counted GROUP BY ALL
)
SELECT * FROM final ORDER BY year, org_id, gender, age_band

-- grain: one row per day × province (recorded code) × old province × current province × region ×
-- sector × dimension × value with members on that day: 31-12 of every year of history and the
-- last loaded day. marts.structure_long_on(D) summed over the rollup keys (the same definition),
-- for the dashboard's structure section and the year-end workbook at national scale; other days
-- and organisation subtrees read the macros.
WITH days AS (
  SELECT month_end AS day FROM marts.dim_month WHERE month(month) = 12
  UNION SELECT max(month_end) FROM marts.dim_month
),
grouped AS (
  SELECT d.day, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector,
    s.status, s.gender, s.age_band, s.ethnicity, s.ethnic_group, s.religion, s.education,
    s.professional_level, s.political_theory, count(*) AS members
  FROM days d, LATERAL marts.structure_on(d.day) s JOIN marts.dim_org o ON o.org_id = s.org_id
  GROUP BY ALL
)
SELECT day, province_code, province_code_old, province_code_current, region, sector, dimension,
  value, CAST(sum(members) AS BIGINT) AS members
FROM (UNPIVOT grouped ON status, gender, age_band, ethnicity, ethnic_group, religion, education,
      professional_level, political_theory INTO NAME dimension VALUE value)
GROUP BY ALL
ORDER BY day, province_code, sector, dimension, value

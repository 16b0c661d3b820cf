-- grain: one row per day × province (recorded code) × old province × current province × region ×
-- sector × dimension × value with members on that day: 31-12 of every year of history, the
-- last loaded day and the end of its month a year earlier (marts.rollup_month; the KPI cards'
-- "a year earlier"). marts.structure_on(D) summed over the rollup keys, for many days at once with
-- the same definitions (marts.structure_runs, marts.structure_value_on), for the dashboard's
-- structure section at national scale; other days and organisation subtrees read the macros (a
-- subtree above the cells: agg_subtree_structure). Rows are counted per run of days before the
-- runs are spread over their days, so no member is repeated per day. One GROUP BY per dimension
-- (a grouping set each): grouping by all of them at once would make a group of nearly every member.
WITH days AS (SELECT month_end AS day FROM marts.dim_month WHERE marts.rollup_month(month)),
runs AS (
  SELECT o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector, r.*
  FROM marts.structure_runs((SELECT list(day ORDER BY day) FROM days)) r
  JOIN marts.dim_org o ON o.org_id = r.org_id
),
fixed AS (  -- the dimensions that do not change with the day
  SELECT province_code, province_code_old, province_code_current, region, sector, first_day,
    last_day, gender, ethnicity, ethnic_group, religion, education, professional_level,
    political_theory, count(*) AS members
  FROM runs
  GROUP BY province_code, province_code_old, province_code_current, region, sector, first_day,
    last_day, GROUPING SETS ((gender), (ethnicity), (ethnic_group), (religion), (education),
                             (professional_level), (political_theory))
),
by_run AS (
  SELECT province_code, province_code_old, province_code_current, region, sector, first_day,
    last_day, NULL AS official_day, NULL AS birth_year, dimension, value, members
  FROM (UNPIVOT fixed ON gender, ethnicity, ethnic_group, religion, education, professional_level,
        political_theory INTO NAME dimension VALUE value)
  UNION ALL
  SELECT province_code, province_code_old, province_code_current, region, sector, first_day,
    last_day, official_day, NULL, 'status', NULL, count(*)
  FROM runs GROUP BY ALL
  UNION ALL
  SELECT province_code, province_code_old, province_code_current, region, sector, first_day,
    last_day, NULL, birth_year, 'age_band', NULL, count(*)
  FROM runs GROUP BY ALL
)
SELECT d.day, r.province_code, r.province_code_old, r.province_code_current, r.region, r.sector,
  r.dimension, marts.structure_value_on(r.dimension, r.value, r.official_day, r.birth_year, d.day)
    AS value,
  CAST(sum(r.members) AS BIGINT) AS members
FROM by_run r JOIN days d ON d.day BETWEEN r.first_day AND r.last_day
GROUP BY ALL
ORDER BY day, province_code, sector, dimension, value

-- grain: one row per day × province (recorded code) × old province × current province × region ×
-- sector × dimension × value with members on that day: 31-12 of every year of history and the
-- last loaded day. marts.structure_on(D) summed over the rollup keys, for many days at once with
-- the same definitions (the macros marts.member_on, marts.member_status, marts.age_band), for the
-- dashboard's structure section at national scale; other days and organisation subtrees read the
-- macros. Each member row is placed once on the days it counts on (marts.member_on: a run of
-- consecutive days, first_day to last_day) and, while it counts, on the first of them it is
-- official on (marts.member_status: official from then on); rows are counted per run before the
-- runs are spread over their days, so no member is repeated per day. One GROUP BY per dimension
-- (a grouping set each): grouping by all of them at once would make a group of nearly every member.
WITH days AS (SELECT month_end AS day FROM marts.dim_month WHERE marts.rollup_month(month)),
day_list AS (SELECT list(day ORDER BY day) AS days FROM days),
placed AS (
  SELECT o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector, s.*,
    list_filter(l.days, lambda x: marts.member_on(s.joined_on, s.left_on, x)) AS on_days
  FROM marts.fct_member_structure s JOIN marts.dim_org o ON o.org_id = s.org_id, day_list l
),
runs AS (
  SELECT province_code, province_code_old, province_code_current, region, sector,
    on_days[1] AS first_day, on_days[-1] AS last_day,
    list_filter(on_days, lambda x: marts.member_status(official_from, x) = 'official')[1] AS official_day,
    birth_year, gender, ethnicity, ethnic_group, religion, education, professional_level,
    political_theory
  FROM placed WHERE len(on_days) > 0
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
  r.dimension,
  CASE r.dimension WHEN 'status' THEN marts.member_status(r.official_day, d.day)
                   WHEN 'age_band' THEN marts.age_band(year(d.day) - r.birth_year)
                   ELSE r.value END AS value,
  CAST(sum(r.members) AS BIGINT) AS members
FROM by_run r JOIN days d ON d.day BETWEEN r.first_day AND r.last_day
GROUP BY ALL
ORDER BY day, province_code, sector, dimension, value

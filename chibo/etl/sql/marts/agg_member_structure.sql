-- grain: one row per day × province (recorded code) × old province × current province × region ×
-- sector × dimension × value with members on that day: 31-12 of every year of history and the
-- last loaded day. marts.structure_on(D) summed over the rollup keys, for many days at once with
-- the same definitions (the macros marts.member_on, marts.member_status, marts.age_band), for the
-- dashboard's structure section at national scale; other days and organisation subtrees read the
-- macros. One GROUP BY per dimension (a grouping set each): grouping by all of them at once
-- would make a group of nearly every member.
WITH days AS (
  SELECT month_end AS day FROM marts.dim_month WHERE month(month) = 12
  UNION SELECT max(month_end) FROM marts.dim_month
),
counted AS (
  SELECT d.day, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector,
    marts.member_status(s.official_from, d.day) AS status, s.gender,
    marts.age_band(year(d.day) - s.birth_year) AS age_band, s.ethnicity, s.ethnic_group,
    s.religion, s.education, s.professional_level, s.political_theory
  FROM marts.fct_member_structure s
  JOIN days d ON s.joined_on <= d.day AND coalesce(s.left_on, DATE '9999-12-31') > d.day
  JOIN marts.dim_org o ON o.org_id = s.org_id
  WHERE marts.member_on(s.joined_on, s.left_on, d.day)
),
sets AS (
  SELECT day, province_code, province_code_old, province_code_current, region, sector,
    status, gender, age_band, ethnicity, ethnic_group, religion, education, professional_level,
    political_theory, CAST(count(*) AS BIGINT) AS members
  FROM counted
  GROUP BY GROUPING SETS (
    (day, province_code, province_code_old, province_code_current, region, sector, status),
    (day, province_code, province_code_old, province_code_current, region, sector, gender),
    (day, province_code, province_code_old, province_code_current, region, sector, age_band),
    (day, province_code, province_code_old, province_code_current, region, sector, ethnicity),
    (day, province_code, province_code_old, province_code_current, region, sector, ethnic_group),
    (day, province_code, province_code_old, province_code_current, region, sector, religion),
    (day, province_code, province_code_old, province_code_current, region, sector, education),
    (day, province_code, province_code_old, province_code_current, region, sector,
     professional_level),
    (day, province_code, province_code_old, province_code_current, region, sector,
     political_theory))
)
SELECT day, province_code, province_code_old, province_code_current, region, sector, dimension,
  value, members
FROM (UNPIVOT sets ON status, gender, age_band, ethnicity, ethnic_group, religion, education,
      professional_level, political_theory INTO NAME dimension VALUE value)
ORDER BY day, province_code, sector, dimension, value

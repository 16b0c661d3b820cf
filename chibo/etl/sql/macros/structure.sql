-- The member structure on a day and of the admissions in a period, written once for every reader
-- (the dashboard, the year-end workbook of `python -m chibo.etl report`, the published-figures
-- reconciliation). Table macros stored in the warehouse over marts.fct_member_structure.
--   marts.age_band(age)                       '18_30' (30 or younger), '31_40', '41_50', '51_60',
--                                             '61_plus', 'unknown'
--   marts.structure_on(D)                     one row per member in a cell on day D: org_id,
--                                             status (official / probationary), gender, age,
--                                             age_band, ethnicity, ethnic_group, religion,
--                                             education, professional_level, political_theory
--   marts.admission_structure_between(A, B)   one row per admission from A to B (both included):
--                                             org_id, admitted_on and the same columns, age at
--                                             admission, status 'probationary'
--   marts.structure_on_by_key(D), marts.admission_structure_between_by_key(A, B)
--                                             the same with org_key in place of org_id, read from
--                                             fct_member_structure_by_key (the two above are
--                                             these named from dim_org)
--   marts.structure_long_on(D), marts.admission_structure_long_between(A, B)
--                                             the same by dimension and value, per cell: org_id,
--                                             dimension, value, members
-- Age in a year = the year minus the birth year ("tuổi đời" of the statistics forms, as of 31-12);
-- a member counts on D from joined_on until the day before left_on, official from official_from,
-- exactly as marts.cell_stocks_on(D) counts them, so the values of a dimension add up to the
-- members on that day. A day after the last loaded day reads the last day; admissions count from
-- the first day of history on, like the flows of fct_membership_daily.
CREATE OR REPLACE MACRO marts.age_band(age) AS
  CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 30 THEN '18_30' WHEN age <= 40 THEN '31_40'
       WHEN age <= 50 THEN '41_50' WHEN age <= 60 THEN '51_60' ELSE '61_plus' END;

-- marts.member_on(joined_on, left_on, D) whether a row counts on day D; marts.member_status(
-- official_from, D): the definitions structure_on and the rollups over many days share.
CREATE OR REPLACE MACRO marts.member_on(joined_on, left_on, d) AS
  joined_on <= d AND coalesce(left_on, DATE '9999-12-31') > d;

CREATE OR REPLACE MACRO marts.member_status(official_from, d) AS
  CASE WHEN official_from <= d THEN 'official' ELSE 'probationary' END;

-- The day rollups (agg_member_structure, agg_subtree_structure) count many days at once:
-- marts.structure_runs(DAYS) places each row of fct_member_structure once on the days of DAYS (a
-- sorted DATE[]) it counts on, a run first_day to last_day (marts.member_on), with official_day,
-- the first of them it is official on (marts.member_status), so rows can be counted per run
-- before the runs are spread over their days; marts.structure_value_on(dimension, value,
-- official_day, birth_year, D) is then a run's value of `dimension` on day D of its run (status
-- and age band change with the day, the other dimensions are `value`).
CREATE OR REPLACE MACRO marts.structure_runs(days) AS TABLE
  WITH placed AS (
    SELECT s.*, list_filter(days, lambda x: marts.member_on(s.joined_on, s.left_on, x)) AS on_days
    FROM marts.fct_member_structure s)
  SELECT org_id, on_days[1] AS first_day, on_days[-1] AS last_day,
    list_filter(on_days, lambda x: marts.member_status(official_from, x) = 'official')[1]
      AS official_day,
    birth_year, gender, ethnicity, ethnic_group, religion, education, professional_level,
    political_theory
  FROM placed WHERE len(on_days) > 0;

CREATE OR REPLACE MACRO marts.structure_value_on(dimension, value, official_day, birth_year, d) AS
  CASE dimension WHEN 'status' THEN marts.member_status(official_day, d)
                 WHEN 'age_band' THEN marts.age_band(year(d) - birth_year)
                 ELSE value END;

CREATE OR REPLACE MACRO marts.structure_on_by_key(d) AS TABLE
  WITH day AS (SELECT least(CAST(d AS DATE), last_day(DATE '{last_month}')) AS day)
  SELECT s.org_key, marts.member_status(s.official_from, day.day) AS status,
    s.gender, year(day.day) - s.birth_year AS age, marts.age_band(year(day.day) - s.birth_year) AS age_band,
    s.ethnicity, s.ethnic_group, s.religion, s.education, s.professional_level, s.political_theory
  FROM marts.fct_member_structure_by_key s, day
  WHERE marts.member_on(s.joined_on, s.left_on, day.day);

CREATE OR REPLACE MACRO marts.admission_structure_between_by_key(a, b) AS TABLE
  SELECT s.org_key, s.joined_on AS admitted_on, 'probationary' AS status, s.gender,
    year(s.joined_on) - s.birth_year AS age, marts.age_band(year(s.joined_on) - s.birth_year) AS age_band,
    s.ethnicity, s.ethnic_group, s.religion, s.education, s.professional_level, s.political_theory
  FROM marts.fct_member_structure_by_key s
  WHERE s.admission AND s.joined_on BETWEEN greatest(CAST(a AS DATE), DATE '{first_month}')
                                        AND CAST(b AS DATE);

-- the same rows with each cell's org_key read as its dim_org.org_id
CREATE OR REPLACE MACRO marts.structure_on(d) AS TABLE
  SELECT o.org_id, x.* EXCLUDE (org_key)
  FROM marts.structure_on_by_key(d) x JOIN marts.dim_org o USING (org_key);

CREATE OR REPLACE MACRO marts.admission_structure_between(a, b) AS TABLE
  SELECT o.org_id, x.* EXCLUDE (org_key)
  FROM marts.admission_structure_between_by_key(a, b) x JOIN marts.dim_org o USING (org_key);

CREATE OR REPLACE MACRO marts.structure_long_on(d) AS TABLE
  WITH grouped AS (
    SELECT org_id, status, gender, age_band, ethnicity, ethnic_group, religion, education,
      professional_level, political_theory, count(*) AS members
    FROM marts.structure_on(d) GROUP BY ALL)
  SELECT org_id, dimension, value, CAST(sum(members) AS BIGINT) AS members
  FROM (UNPIVOT grouped ON status, gender, age_band, ethnicity, ethnic_group, religion, education,
        professional_level, political_theory INTO NAME dimension VALUE value)
  GROUP BY ALL;

CREATE OR REPLACE MACRO marts.admission_structure_long_between(a, b) AS TABLE
  WITH grouped AS (
    SELECT org_id, gender, age_band, ethnicity, ethnic_group, religion, education,
      professional_level, political_theory, count(*) AS members
    FROM marts.admission_structure_between(a, b) GROUP BY ALL)
  SELECT org_id, dimension, value, CAST(sum(members) AS BIGINT) AS members
  FROM (UNPIVOT grouped ON gender, age_band, ethnicity, ethnic_group, religion, education,
        professional_level, political_theory INTO NAME dimension VALUE value)
  GROUP BY ALL;

-- A part of a published figure (chibo/etl/documents/parts.py: dimension and value) as a condition on a
-- row of structure_on / admission_structure_between: TRUE or FALSE, NULL when the row does not
-- record that characteristic; structure_part_known says whether the warehouse counts the part.
CREATE OR REPLACE MACRO marts.structure_part_known(dimension, value) AS
  (dimension = 'gender' AND value = 'female')
  OR (dimension = 'ethnicity' AND value = 'minority')
  OR (dimension = 'religion' AND value IN ('catholic', 'buddhist', 'religious'))
  OR (dimension = 'age_band' AND regexp_full_match(coalesce(value, ''), '[0-9]+_([0-9]+|plus)'))
  OR (dimension = 'education' AND value IN ('postgraduate', 'university_plus', 'university',
                                            'college'))
  OR (dimension = 'political_theory' AND value IN ('advanced', 'intermediate', 'elementary'));

CREATE OR REPLACE MACRO marts.structure_part(dimension, value, gender, age, ethnicity, religion,
                                             professional_level, political_theory) AS
  CASE dimension
    WHEN 'gender' THEN CASE WHEN gender <> 'unknown' THEN gender = value END
    WHEN 'ethnicity' THEN CASE WHEN ethnicity <> 'unknown' THEN ethnicity = 'minority' END
    WHEN 'religion' THEN CASE WHEN religion <> 'unknown' THEN CASE value
      WHEN 'catholic' THEN religion = 'catholicism' WHEN 'buddhist' THEN religion = 'buddhism'
      ELSE religion <> 'none' END END
    WHEN 'age_band' THEN age BETWEEN CAST(split_part(value, '_', 1) AS INTEGER)
      AND coalesce(TRY_CAST(split_part(value, '_', 2) AS INTEGER), 999)
    WHEN 'education' THEN CASE WHEN professional_level <> 'unknown' THEN CASE value
      WHEN 'postgraduate' THEN professional_level IN ('master', 'doctorate')
      WHEN 'university_plus' THEN professional_level IN ('university', 'master', 'doctorate')
      ELSE professional_level = value END END
    WHEN 'political_theory' THEN CASE WHEN political_theory <> 'unknown'
      THEN political_theory = value END
  END;

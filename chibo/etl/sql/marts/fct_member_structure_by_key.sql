-- grain: one row per member-in-cell row (the same rows fct_membership_daily counts: members of
-- base cells and sub-cells, joined by the last loaded day) with what the structure statistics
-- select on: the dates that place it in time (joined_on, left_on; admission = joining on the
-- admission day; official_from as in fct_membership_daily) and the member's characteristics, each
-- 'unknown' when not recorded. ethnicity is the class of the ethnic group (kinh, minority = the
-- 53 groups other than Kinh, foreign_origin, other); ethnic_group the group itself
-- (chibo/etl/reference/ethnicities.csv). No member ids: structure statistics never need them;
-- no birth dates: an age is the year minus birth_year (the birth date's year when only it is known).
-- Counted on a day or over a period only through the macros marts.structure_on(D) and
-- marts.admission_structure_between(A, B) (sql/macros/structure.sql), which hold the one
-- definition of the status, the age and the age bands. Sorted by joined_on, so admissions in a
-- period read only the row groups of that period; the cell is stored as org_key (dim_org's number).
WITH bounds AS (SELECT max(month_end) AS last_day FROM marts.dim_month),
cells AS (SELECT org_id, org_key FROM marts.dim_org WHERE kind IN ('base_cell', 'sub_cell'))
SELECT c.org_key, m.joined_on, m.left_on,
  m.joined_on = m.admitted_on AS admission,
  CASE WHEN m.official_on IS NOT NULL THEN greatest(m.official_on, m.joined_on) END AS official_from,
  coalesce(m.gender, 'unknown') AS gender,
  CAST(m.birth_year AS SMALLINT) AS birth_year,
  coalesce(e.ethnic_class, 'unknown') AS ethnicity,
  coalesce(m.ethnicity, 'unknown') AS ethnic_group,
  coalesce(m.religion, 'unknown') AS religion,
  coalesce(m.education, 'unknown') AS education,
  coalesce(m.professional_level, 'unknown') AS professional_level,
  coalesce(m.political_theory, 'unknown') AS political_theory
FROM core.members m JOIN cells c ON c.org_id = m.org_id
LEFT JOIN ref.ethnicities e ON e.ethnicity = m.ethnicity
WHERE m.joined_on <= (SELECT last_day FROM bounds)
ORDER BY m.joined_on, c.org_key

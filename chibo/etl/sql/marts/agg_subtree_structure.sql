-- grain: one row per organisation subtree × day × dimension × value with members on that day,
-- for the organisations above the cells (committees, base committees) as in agg_subtree_monthly,
-- on the days of agg_member_structure (31-12 of every year of history, the last loaded day):
-- marts.structure_long_on(D) summed over the subtree the organisation filter selects
-- (marts.bridge_org_lineage, the organisation itself included), for the dimensions the dashboard
-- shows (not ethnic_group). Sorted by org_id, so a picked organisation's rows are read alone.
-- Each cell's members are counted once per set of subtrees it is in (as agg_subtree_monthly),
-- per run of days (marts.structure_runs), then spread over the set's subtrees and the days.
WITH days AS (SELECT month_end AS day FROM marts.dim_month WHERE marts.rollup_month(month)),
rolled AS (SELECT org_id FROM marts.dim_org WHERE kind NOT IN ('base_cell', 'sub_cell')),
member AS (  -- each organisation with the rolled-up subtrees it is in
  SELECT b.org_id, list(b.ancestor_id ORDER BY b.ancestor_id) AS ancestors
  FROM marts.bridge_org_lineage b SEMI JOIN rolled r ON r.org_id = b.ancestor_id
  GROUP BY b.org_id
),
sets AS (  -- the same subtrees, numbered
  SELECT org_id, dense_rank() OVER (ORDER BY ancestors) AS set_id, ancestors FROM member
),
runs AS (
  SELECT s.set_id, r.*
  FROM marts.structure_runs((SELECT list(day ORDER BY day) FROM days)) r
  JOIN sets s ON s.org_id = r.org_id
),
fixed AS (  -- the dimensions that do not change with the day
  SELECT set_id, first_day, last_day, gender, ethnicity, religion, education, professional_level,
    political_theory, count(*) AS members
  FROM runs
  GROUP BY set_id, first_day, last_day, GROUPING SETS ((gender), (ethnicity), (religion),
                                                      (education), (professional_level),
                                                      (political_theory))
),
by_run AS (
  SELECT set_id, first_day, last_day, NULL AS official_day, NULL AS birth_year, dimension, value,
    members
  FROM (UNPIVOT fixed ON gender, ethnicity, religion, education, professional_level,
        political_theory INTO NAME dimension VALUE value)
  UNION ALL
  SELECT set_id, first_day, last_day, official_day, NULL, 'status', NULL, count(*)
  FROM runs GROUP BY ALL
  UNION ALL
  SELECT set_id, first_day, last_day, NULL, birth_year, 'age_band', NULL, count(*)
  FROM runs GROUP BY ALL
),
by_set AS (
  SELECT d.day, r.set_id, r.dimension,
    marts.structure_value_on(r.dimension, r.value, r.official_day, r.birth_year, d.day) AS value,
    sum(r.members) AS members
  FROM by_run r JOIN days d ON d.day BETWEEN r.first_day AND r.last_day
  GROUP BY ALL
)
SELECT x.day, x.org_id, x.dimension, x.value, CAST(sum(x.members) AS BIGINT) AS members
FROM (SELECT b.day, unnest(l.ancestors) AS org_id, b.dimension, b.value, b.members
      FROM by_set b JOIN (SELECT DISTINCT set_id, ancestors FROM sets) l USING (set_id)) x
GROUP BY ALL
ORDER BY org_id, day, dimension, value

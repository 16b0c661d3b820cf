-- grain: one row per organisation subtree × day × dimension × value with members on that day,
-- for the organisations above the cells (committees, base committees) as in agg_subtree_monthly,
-- on the days of agg_member_structure (31-12 of every year of history, the last loaded day, the
-- end of its month a year earlier): marts.structure_long_on(D) summed over the subtree the
-- organisation filter selects (marts.bridge_org_lineage, the organisation itself included), for
-- the dimensions the dashboard shows (not ethnic_group). Sorted by org_id, so a picked organisation's rows are read alone.
-- Each cell's members are counted once per set of subtrees it is in (as agg_subtree_monthly), per
-- run of days (marts.structure_runs: days numbered 1, 2 … in order), then spread over the set's
-- subtrees. A value held over a run of days is +members on its first day and -members after its
-- last, summed in day order: the runs are never repeated per day (the age band, which changes
-- with the year, is the one spread over its days).
WITH day_list AS (
  SELECT list(month_end ORDER BY month_end) AS days FROM marts.dim_month
  WHERE marts.rollup_month(month)
),
rolled AS (SELECT org_id FROM marts.dim_org WHERE kind NOT IN ('base_cell', 'sub_cell')),
member AS (  -- each organisation with the rolled-up subtrees it is in
  SELECT b.org_id, list(b.ancestor_id ORDER BY b.ancestor_id) AS ancestors
  FROM marts.bridge_org_lineage b SEMI JOIN rolled r ON r.org_id = b.ancestor_id
  GROUP BY b.org_id
),
sets AS (  -- the same subtrees, numbered
  SELECT org_id, dense_rank() OVER (ORDER BY ancestors) AS set_id, ancestors FROM member
),
runs AS (  -- i, j: the numbers of the run's first and last day; k: the first it is official on
  SELECT s.set_id, list_position(l.days, r.first_day) AS i, list_position(l.days, r.last_day) AS j,
    list_position(l.days, r.official_day) AS k, r.* EXCLUDE (org_id, first_day, last_day, official_day)
  FROM marts.structure_runs((SELECT days FROM day_list)) r JOIN sets s ON s.org_id = r.org_id,
    day_list l
),
fixed AS (  -- the dimensions that do not change with the day
  SELECT set_id, i, j, gender, ethnicity, religion, education, professional_level,
    political_theory, count(*) AS members
  FROM runs
  GROUP BY set_id, i, j, GROUPING SETS ((gender), (ethnicity), (religion), (education),
                                       (professional_level), (political_theory))
),
held AS (  -- a value held from day i to day j
  SELECT set_id, i, j, dimension, value, members
  FROM (UNPIVOT fixed ON gender, ethnicity, religion, education, professional_level,
        political_theory INTO NAME dimension VALUE value)
  UNION ALL  -- probationary until the first day official, official from then on
  SELECT set_id, i, coalesce(k, j + 1) - 1, 'status', 'probationary', count(*)
  FROM runs WHERE coalesce(k, j + 1) > i GROUP BY ALL
  UNION ALL
  SELECT set_id, k, j, 'status', 'official', count(*) FROM runs WHERE k IS NOT NULL GROUP BY ALL
),
changes AS (
  SELECT set_id, dimension, value, n, sum(d) AS d
  FROM (SELECT set_id, dimension, value, i AS n, members AS d FROM held
        UNION ALL SELECT set_id, dimension, value, j + 1, -members FROM held)
  GROUP BY ALL
),
counted AS (  -- members from day n to the day before the next change
  SELECT set_id, dimension, value, n,
    lead(n, 1, len((SELECT days FROM day_list)) + 1)
      OVER (PARTITION BY set_id, dimension, value ORDER BY n) AS next_n,
    sum(d) OVER (PARTITION BY set_id, dimension, value ORDER BY n) AS members
  FROM changes
),
by_set AS (
  SELECT l.days[unnest(range(c.n, c.next_n))] AS day, c.set_id, c.dimension, c.value, c.members
  FROM counted c, day_list l WHERE c.members > 0
  UNION ALL
  SELECT l.days[x.n] AS day, x.set_id, 'age_band', marts.age_band(year(l.days[x.n]) - x.birth_year),
    sum(x.members)
  FROM (SELECT set_id, birth_year, unnest(range(i, j + 1)) AS n, count(*) AS members
        FROM runs GROUP BY set_id, birth_year, i, j) x, day_list l
  GROUP BY ALL
)
SELECT x.day, x.org_id, x.dimension, x.value, CAST(sum(x.members) AS BIGINT) AS members
FROM (SELECT b.day, unnest(l.ancestors) AS org_id, b.dimension, b.value, b.members
      FROM by_set b JOIN (SELECT DISTINCT set_id, ancestors FROM sets) l USING (set_id)) x
GROUP BY ALL
ORDER BY org_id, day, dimension, value

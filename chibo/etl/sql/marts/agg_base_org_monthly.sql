-- grain: one row per base organisation × month (month = first day), ordered by month.
-- Rollup of fct_membership_monthly and fct_meetings_monthly over the cells of each base
-- organisation (dim_org.base_org_id), for the dashboard's table of organisations (Tổ chức):
-- stocks at month end (cells existing on the last day, members, official), flows in the month (admitted),
-- meetings (good + fair, rated = good + fair + average + poor, present, expected).
-- The sums group by a number per base organisation (in base_org_id order) rather than by the
-- id's text; the ids are put back on the (much fewer) rows of the result.
WITH bases AS (
  SELECT org_id, base_org_id, dense_rank() OVER (ORDER BY base_org_id) AS base_no
  FROM marts.dim_org WHERE base_org_id IS NOT NULL
),
mem AS (
  SELECT f.month, b.base_no, sum(f.cells) AS cells, sum(f.official + f.probationary) AS members,
    sum(f.official) AS official, sum(f.admitted) AS admitted
  FROM marts.fct_membership_monthly f JOIN bases b USING (org_id) GROUP BY ALL
),
mt AS (
  SELECT f.month, b.base_no, sum(f.good + f.fair) AS good_fair,
    sum(f.good + f.fair + f.average + f.poor) AS rated, sum(f.present) AS present,
    sum(f.expected) AS expected
  FROM marts.fct_meetings_monthly f JOIN bases b USING (org_id) GROUP BY ALL
),
final AS (
  SELECT month, base_no,
    CAST(coalesce(mem.cells, 0) AS INTEGER) AS cells,
    CAST(coalesce(mem.members, 0) AS BIGINT) AS members,
    CAST(coalesce(mem.official, 0) AS BIGINT) AS official,
    CAST(coalesce(mem.admitted, 0) AS BIGINT) AS admitted,
    CAST(coalesce(mt.good_fair, 0) AS BIGINT) AS good_fair,
    CAST(coalesce(mt.rated, 0) AS BIGINT) AS rated,
    CAST(coalesce(mt.present, 0) AS BIGINT) AS present,
    CAST(coalesce(mt.expected, 0) AS BIGINT) AS expected
  FROM mem FULL JOIN mt USING (month, base_no)
)
SELECT f.month, n.base_org_id, f.* EXCLUDE (month, base_no)
FROM final f JOIN (SELECT DISTINCT base_no, base_org_id FROM bases) n USING (base_no)
ORDER BY f.month, f.base_no

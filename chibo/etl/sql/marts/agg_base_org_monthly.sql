-- grain: one row per base organisation × month (month = first day) with a meeting in its cells,
-- ordered by month. Rollup of fct_meetings_monthly over the cells of each base organisation
-- (dim_org.base_org_id), for the dashboard's table of organisations (Tổ chức): good + fair,
-- rated = good + fair + average + poor, present, expected. Membership is not repeated here: the
-- table reads it for its day from marts.cell_stocks_on and marts.cell_flows_between.
-- base_org_id is dictionary-coded (marts.org_code); sorted by month, then base organisation, the
-- codes of a month rise by small steps (a few bits a row).
WITH bases AS (
  SELECT CAST(org_id AS marts.org_code) AS org_id, CAST(base_org_id AS marts.org_code) AS base_org_id
  FROM marts.dim_org WHERE base_org_id IS NOT NULL
)
SELECT f.month, b.base_org_id,
  CAST(sum(f.good + f.fair) AS BIGINT) AS good_fair,
  CAST(sum(f.good + f.fair + f.average + f.poor) AS BIGINT) AS rated,
  CAST(sum(f.present) AS BIGINT) AS present,
  CAST(sum(f.expected) AS BIGINT) AS expected
FROM marts.fct_meetings_monthly f JOIN bases b USING (org_id)
GROUP BY ALL
ORDER BY f.month, b.base_org_id

-- grain: one row per base organisation × month (month = first day) with a meeting in its cells,
-- ordered by month. Rollup of fct_meetings_monthly over the cells of each base organisation
-- (dim_org.base_org_id), for the dashboard's table of organisations (Tổ chức): good + fair,
-- rated = good + fair + average + poor, present, expected. Membership is not repeated here: the
-- table reads it for its day from marts.cell_stocks_on and marts.cell_flows_between.
-- The base organisation is stored as base_org_key (dim_org's number); sorted by month, then
-- base organisation, the keys of a month rise by small steps (a few bits a row).
WITH bases AS (
  SELECT o.org_key, b.org_key AS base_org_key
  FROM marts.dim_org o JOIN marts.dim_org b ON b.org_id = o.base_org_id
)
SELECT f.month, b.base_org_key,
  CAST(sum(f.good + f.fair) AS BIGINT) AS good_fair,
  CAST(sum(f.good + f.fair + f.average + f.poor) AS BIGINT) AS rated,
  CAST(sum(f.present) AS BIGINT) AS present,
  CAST(sum(f.expected) AS BIGINT) AS expected
FROM marts.fct_meetings_monthly_by_key f JOIN bases b USING (org_key)
GROUP BY ALL
ORDER BY f.month, b.base_org_key

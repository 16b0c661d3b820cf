-- grain: one row per cell and month (month = first day, up to the last month of dim_month) in
-- which the cell's meetings of the 12 months up to that month (month - 11 … month) include at
-- least two rated poor: the watch list of cells with repeated poor meetings, read at the month
-- a view ends. poor and rated count those meetings (rated: any level), last_poor is the latest
-- month with a poor one. Only months with a poor meeting start a window, so the months a cell is
-- listed are found from its few poor ones, not from all its meetings.
-- Computed by org_key over the facts stored by key (dim_org is not joined to every cell-month);
-- the id is joined to the rows listed.
WITH poor AS (
  SELECT org_key, month, poor FROM marts.fct_meetings_monthly_by_key WHERE poor > 0
),
listed AS (
  SELECT p.org_key, m.month, sum(p.poor) AS poor, max(p.month) AS last_poor
  FROM poor p JOIN marts.dim_month m
    ON m.month BETWEEN p.month AND CAST(p.month + INTERVAL 11 MONTH AS DATE)
  GROUP BY p.org_key, m.month HAVING sum(p.poor) >= 2
),
rated AS (
  SELECT l.month, l.org_key, CAST(l.poor AS INTEGER) AS poor,
    CAST(sum(f.good + f.fair + f.average + f.poor) AS INTEGER) AS rated, l.last_poor
  FROM listed l JOIN marts.fct_meetings_monthly_by_key f ON f.org_key = l.org_key
    AND f.month BETWEEN CAST(l.month - INTERVAL 11 MONTH AS DATE) AND l.month
  GROUP BY l.month, l.org_key, l.poor, l.last_poor
)
SELECT r.month, CAST(o.org_id AS VARCHAR) AS org_id, r.poor, r.rated, r.last_poor
FROM rated r JOIN marts.dim_org o USING (org_key)
ORDER BY r.month, o.org_id

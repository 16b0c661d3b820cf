-- grain: one row per cell and month in which the cell counts as a cell (cells = 1 in
-- fct_membership_monthly), from the first month it has a meeting on record (its first row in
-- fct_meetings_monthly) on, and held no regular meeting: the months the watch list of cells that
-- missed regular meetings counts over the last 3, 6 or 12 months of a view. Sorted by month, so
-- a view's few months are read alone, not the 50 million cell-months of the facts at national
-- scale.
WITH first AS (
  SELECT org_key, min(month) AS first_month FROM marts.fct_meetings_monthly_by_key GROUP BY org_key
),
held AS (
  SELECT org_key, month FROM marts.fct_meetings_monthly_by_key WHERE regular_held > 0
)
SELECT g.month, g.org_key
FROM marts.fct_membership_monthly_by_key g JOIN first f ON f.org_key = g.org_key
WHERE g.cells = 1 AND g.month >= f.first_month
  AND NOT EXISTS (SELECT 1 FROM held h WHERE h.org_key = g.org_key AND h.month = g.month)
ORDER BY g.month, g.org_key

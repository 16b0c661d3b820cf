-- grain: one row per month of history, from 2010-01 to the last month with loaded data
-- (never past today). month = first day, month_end = last day.
WITH dates AS (
  SELECT max(d) AS last_date FROM (
    SELECT max(held_on) AS d FROM core.meetings
    UNION ALL SELECT max(greatest(joined_on, coalesce(official_on, joined_on), coalesce(left_on, joined_on))) FROM core.members
    UNION ALL SELECT max(greatest(coalesce(founded_on, DATE '2010-01-01'), coalesce(dissolved_on, DATE '2010-01-01'))) FROM core.organisations
  )
),
bounds AS (
  SELECT DATE '2010-01-01' AS first_month,
         CAST(date_trunc('month', least(current_date, coalesce(last_date, current_date))) AS DATE) AS last_month
  FROM dates
),
final AS (
  SELECT CAST(m AS DATE) AS month, CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS month_end
  FROM bounds, generate_series(first_month, last_month, INTERVAL 1 MONTH) AS t(m)
)
SELECT * FROM final ORDER BY month

-- grain: one row per cell and month in which the cell existed (month = first day).
-- Stocks (official, probationary, female) at month end; flows (admitted, left*) within the month.
-- A member row counts in its cell from joined_on until left_on; official from official_on (or from
-- joining, for a full member who transferred in). Events before 2010 fold into the first month.
WITH cells AS (
  SELECT org_id,
    greatest((SELECT min(month) FROM marts.dim_month),
             CAST(date_trunc('month', coalesce(valid_from, DATE '1900-01-01')) AS DATE)) AS first_month,
    least((SELECT max(month) FROM marts.dim_month),
          CAST(date_trunc('month', coalesce(valid_to - INTERVAL 1 DAY, DATE '2999-01-01')) AS DATE)) AS last_month
  FROM marts.dim_org WHERE kind IN ('base_cell', 'sub_cell')
),
members AS (
  SELECT m.org_id, m.joined_on, m.left_on, m.leave_reason, m.admitted_on,
    CASE WHEN m.gender = 'female' THEN 1 ELSE 0 END AS female,
    CASE WHEN m.official_on IS NOT NULL THEN greatest(m.official_on, m.joined_on) END AS official_from
  FROM core.members m
),
events AS (
  SELECT org_id, joined_on AS on_date, 1 AS d_total, 0 AS d_official, female AS d_female FROM members
  UNION ALL
  SELECT org_id, official_from, 0, 1, 0 FROM members
  WHERE official_from IS NOT NULL AND (left_on IS NULL OR official_from < left_on)
  UNION ALL
  SELECT org_id, left_on, -1,
    CASE WHEN official_from IS NOT NULL AND official_from < left_on THEN -1 ELSE 0 END, -female
  FROM members WHERE left_on IS NOT NULL
),
deltas AS (
  SELECT e.org_id,
    least(c.last_month, greatest(c.first_month, CAST(date_trunc('month', e.on_date) AS DATE))) AS month,
    sum(d_total) AS d_total, sum(d_official) AS d_official, sum(d_female) AS d_female
  FROM events e JOIN cells c USING (org_id)
  WHERE c.first_month <= c.last_month
  GROUP BY ALL
),
flows AS (
  SELECT org_id, CAST(date_trunc('month', on_date) AS DATE) AS month,
    count(*) FILTER (WHERE flow = 'admitted') AS admitted,
    count(*) FILTER (WHERE flow = 'left') AS "left",
    count(*) FILTER (WHERE reason = 'transfer_out') AS left_transfer_out,
    count(*) FILTER (WHERE reason = 'death') AS left_death,
    count(*) FILTER (WHERE reason = 'struck_off') AS left_struck_off,
    count(*) FILTER (WHERE reason = 'expelled') AS left_expelled,
    count(*) FILTER (WHERE reason = 'resigned') AS left_resigned,
    count(*) FILTER (WHERE reason = 'other') AS left_other
  FROM (
    SELECT org_id, admitted_on AS on_date, 'admitted' AS flow, NULL AS reason FROM members
    WHERE joined_on = admitted_on
    UNION ALL
    SELECT org_id, left_on, 'left', leave_reason FROM members WHERE left_on IS NOT NULL
  )
  GROUP BY ALL
),
grid AS (
  SELECT c.org_id, d.month FROM cells c JOIN marts.dim_month d ON d.month BETWEEN c.first_month AND c.last_month
),
final AS (
  SELECT g.month, g.org_id,
    CAST(sum(coalesce(d.d_official, 0)) OVER w AS INTEGER) AS official,
    CAST(sum(coalesce(d.d_total, 0) - coalesce(d.d_official, 0)) OVER w AS INTEGER) AS probationary,
    CAST(coalesce(f.admitted, 0) AS INTEGER) AS admitted,
    CAST(coalesce(f."left", 0) AS INTEGER) AS "left",
    CAST(coalesce(f.left_transfer_out, 0) AS INTEGER) AS left_transfer_out,
    CAST(coalesce(f.left_death, 0) AS INTEGER) AS left_death,
    CAST(coalesce(f.left_struck_off, 0) AS INTEGER) AS left_struck_off,
    CAST(coalesce(f.left_expelled, 0) AS INTEGER) AS left_expelled,
    CAST(coalesce(f.left_resigned, 0) AS INTEGER) AS left_resigned,
    CAST(coalesce(f.left_other, 0) AS INTEGER) AS left_other,
    CAST(sum(coalesce(d.d_female, 0)) OVER w AS INTEGER) AS female
  FROM grid g
  LEFT JOIN deltas d USING (org_id, month)
  LEFT JOIN flows f USING (org_id, month)
  WINDOW w AS (PARTITION BY g.org_id ORDER BY g.month ROWS UNBOUNDED PRECEDING)
)
SELECT * FROM final ORDER BY month, org_id

-- grain: one row per cell and month with at least one meeting (month = first day).
-- Quality counts cover every meeting with a level (given, or derived from the score at load);
-- mean_score is over the `scored` meetings, mean_duration over the `timed` ones. org_id is
-- dictionary-coded (marts.org_code); sorted by month (the readers' filter), org_id within it.
WITH final AS (
  SELECT CAST(date_trunc('month', held_on) AS DATE) AS month,
    CAST(org_id AS marts.org_code) AS org_id,
    CAST(count(*) FILTER (WHERE kind = 'regular') AS INTEGER) AS regular_held,
    CAST(count(*) FILTER (WHERE kind = 'thematic') AS INTEGER) AS thematic_held,
    CAST(count(*) FILTER (WHERE format = 'online') AS INTEGER) AS online_held,
    CAST(count(*) FILTER (WHERE format = 'hybrid') AS INTEGER) AS hybrid_held,
    CAST(sum(expected) AS INTEGER) AS expected,
    CAST(sum(present) AS INTEGER) AS present,
    CAST(sum(coalesce(excused, 0)) AS INTEGER) AS excused,
    CAST(count(*) FILTER (WHERE quality = 4) AS INTEGER) AS good,
    CAST(count(*) FILTER (WHERE quality = 3) AS INTEGER) AS fair,
    CAST(count(*) FILTER (WHERE quality = 2) AS INTEGER) AS average,
    CAST(count(*) FILTER (WHERE quality = 1) AS INTEGER) AS poor,
    avg(score) AS mean_score,
    CAST(count(score) AS INTEGER) AS scored,
    avg(duration_minutes) AS mean_duration,
    CAST(count(duration_minutes) AS INTEGER) AS timed
  FROM core.meetings GROUP BY ALL
)
SELECT * FROM final ORDER BY month, org_id

-- grain: one row per cell with at least one meeting on record, as of the last loaded month
-- (as_of_month = the last month of fct_meetings_monthly). Precomputed because window queries over
-- the facts are slow at scale. last6 = the 6 months up to as_of_month, prev6 = the 6 before;
-- scores are meeting-weighted means; slope_12m = least-squares slope of the monthly mean score over
-- the last 12 months, in points per month (NULL with fewer than 3 scored months).
WITH last AS (SELECT max(month) AS as_of_month FROM marts.fct_meetings_monthly),
facts AS (
  SELECT f.* REPLACE (CAST(f.org_id AS VARCHAR) AS org_id), -- by the id's text, as dim_org
    f.score_sum / nullif(f.scored, 0) AS mean_score,
    date_diff('month', f.month, l.as_of_month) AS age, l.as_of_month
  FROM marts.fct_meetings_monthly f, last l
),
final AS (
  SELECT org_id, any_value(as_of_month) AS as_of_month,
    min(month) AS first_month,
    max(month) FILTER (WHERE regular_held + thematic_held > 0) AS last_meeting_month,
    max(month) FILTER (WHERE regular_held > 0) AS last_regular_month,
    sum(score_sum) FILTER (WHERE age BETWEEN 0 AND 5)
      / nullif(sum(scored) FILTER (WHERE age BETWEEN 0 AND 5), 0) AS score_last6,
    sum(score_sum) FILTER (WHERE age BETWEEN 6 AND 11)
      / nullif(sum(scored) FILTER (WHERE age BETWEEN 6 AND 11), 0) AS score_prev6,
    CASE WHEN count(mean_score) FILTER (WHERE age BETWEEN 0 AND 11) >= 3
      THEN regr_slope(mean_score, -age) FILTER (WHERE age BETWEEN 0 AND 11) END AS slope_12m,
    CAST(coalesce(sum(regular_held + thematic_held) FILTER (WHERE age BETWEEN 0 AND 11), 0)
      AS INTEGER) AS meetings_12m,
    CAST(coalesce(sum(good) FILTER (WHERE age BETWEEN 0 AND 11), 0) AS INTEGER) AS good_12m,
    CAST(coalesce(sum(poor) FILTER (WHERE age BETWEEN 0 AND 11), 0) AS INTEGER) AS poor_12m
  FROM facts GROUP BY org_id
)
SELECT *, score_last6 - score_prev6 AS score_change FROM final ORDER BY org_id

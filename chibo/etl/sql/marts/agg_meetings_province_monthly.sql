-- grain: one row per month × province (recorded code) × old province (province_code_old) ×
-- current province × region × sector (month = first day).
-- Rollup of fct_meetings_monthly for the quality and regions pages; the org columns carry the
-- names of marts.dim_org (province_code, province_code_old, province_code_current, region, sector)
-- so the dashboard's org filter applies unchanged. score_sum = sum of scores, so mean score = score_sum / scored;
-- duration_sum = sum of durations, so mean duration = duration_sum / timed.
WITH facts AS (
  SELECT f.*, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector
  FROM marts.fct_meetings_monthly f JOIN marts.dim_org o USING (org_id)
),
final AS (
  SELECT month, province_code, province_code_old, province_code_current, region, sector,
    CAST(count(*) FILTER (WHERE regular_held + thematic_held > 0) AS INTEGER) AS cells_meeting,
    CAST(sum(regular_held) AS INTEGER) AS regular_held,
    CAST(sum(thematic_held) AS INTEGER) AS thematic_held,
    CAST(sum(online_held) AS INTEGER) AS online_held,
    CAST(sum(hybrid_held) AS INTEGER) AS hybrid_held,
    CAST(sum(expected) AS BIGINT) AS expected,
    CAST(sum(present) AS BIGINT) AS present,
    CAST(sum(excused) AS BIGINT) AS excused,
    CAST(sum(good) AS INTEGER) AS good,
    CAST(sum(fair) AS INTEGER) AS fair,
    CAST(sum(average) AS INTEGER) AS average,
    CAST(sum(poor) AS INTEGER) AS poor,
    sum(score_sum) AS score_sum,
    CAST(sum(scored) AS INTEGER) AS scored,
    CAST(sum(duration_sum) AS DOUBLE) AS duration_sum,
    CAST(sum(timed) AS INTEGER) AS timed
  FROM facts GROUP BY ALL
)
SELECT * FROM final ORDER BY month, province_code, sector

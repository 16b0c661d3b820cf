-- grain: one row per month × province (recorded code) × old province (province_code_old) ×
-- current province × region × sector (month = first day).
-- Rollup of fct_meetings_monthly for the quality and regions pages; the org columns carry the
-- names of marts.dim_org (province_code, province_code_old, province_code_current, region, sector)
-- so the dashboard's org filter applies unchanged. score_sum = sum of scores, so mean score = score_sum / scored;
-- duration_sum = sum of durations, so mean duration = duration_sum / timed. excused, duration_sum
-- and timed are summed from core.meetings straight to this grain (few groups): no reader needs them
-- per cell, so fct_meetings_monthly does not store them. The facts are read stored by key and
-- joined to dim_org once by org_key (the view would join it a second time, by the id's text).
WITH facts AS (
  SELECT f.*, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector
  FROM marts.fct_meetings_monthly_by_key f JOIN marts.dim_org o USING (org_key)
),
rolled AS (
  SELECT month, province_code, province_code_old, province_code_current, region, sector,
    CAST(count(*) FILTER (WHERE regular_held + thematic_held > 0) AS INTEGER) AS cells_meeting,
    CAST(sum(regular_held) AS INTEGER) AS regular_held,
    CAST(sum(thematic_held) AS INTEGER) AS thematic_held,
    CAST(sum(online_held) AS INTEGER) AS online_held,
    CAST(sum(hybrid_held) AS INTEGER) AS hybrid_held,
    CAST(sum(expected) AS BIGINT) AS expected,
    CAST(sum(present) AS BIGINT) AS present,
    CAST(sum(good) AS INTEGER) AS good,
    CAST(sum(fair) AS INTEGER) AS fair,
    CAST(sum(average) AS INTEGER) AS average,
    CAST(sum(poor) AS INTEGER) AS poor,
    sum(score_sum) AS score_sum,
    CAST(sum(scored) AS INTEGER) AS scored
  FROM facts GROUP BY ALL
),
extra AS (
  SELECT CAST(date_trunc('month', m.held_on) AS DATE) AS month, o.province_code,
    o.province_code_old, o.province_code_current, o.region, o.sector,
    CAST(sum(coalesce(m.excused, 0)) AS BIGINT) AS excused,
    CAST(coalesce(sum(m.duration_minutes), 0) AS DOUBLE) AS duration_sum,
    CAST(count(m.duration_minutes) AS INTEGER) AS timed
  FROM core.meetings m JOIN marts.dim_org o USING (org_id) GROUP BY ALL
),
final AS (
  SELECT r.month, r.province_code, r.province_code_old, r.province_code_current, r.region, r.sector,
    r.cells_meeting, r.regular_held, r.thematic_held, r.online_held, r.hybrid_held, r.expected,
    r.present, coalesce(e.excused, 0) AS excused, r.good, r.fair, r.average, r.poor, r.score_sum,
    r.scored, coalesce(e.duration_sum, 0) AS duration_sum, coalesce(e.timed, 0) AS timed
  FROM rolled r LEFT JOIN extra e ON e.month = r.month
    AND e.province_code IS NOT DISTINCT FROM r.province_code
    AND e.province_code_old IS NOT DISTINCT FROM r.province_code_old
    AND e.province_code_current IS NOT DISTINCT FROM r.province_code_current
    AND e.region IS NOT DISTINCT FROM r.region AND e.sector IS NOT DISTINCT FROM r.sector
)
SELECT * FROM final ORDER BY month, province_code, sector

-- grain: one row per cell and month with at least one meeting (month = first day).
-- Quality counts cover every meeting with a level (given, or derived from the score at load);
-- sums, not means (a mean is a sum over its count at any grain: mean score = score_sum / scored,
-- over the scored meetings; sums of integers compress to a few bits a row where means do not).
-- Excused absences and durations are not kept per cell (no reader needs them at this grain, and
-- they were a quarter of the table): agg_meetings_province_monthly sums them from core.meetings.
-- The cell is stored as org_key (dim_org's number); sorted by month (the readers' filter),
-- org_key within it.
-- present and good are not stored: the contract computes them on read, present as expected -
-- absent (the absences are small numbers, a few bits a row, where the attendances took about a
-- byte), good as the meetings held (every one is regular or thematic) less the unrated ones (no
-- level: nearly always none) and those rated fair, average or poor.
-- Built a few years of meetings at a time (chibo/etl/warehouse.py), so no step holds the hash
-- table of every cell-month:
-- slices: core.meetings by held_on
WITH keys AS (SELECT org_id, org_key FROM marts.dim_org),
final AS (
  SELECT CAST(date_trunc('month', held_on) AS DATE) AS month,
    org_key,
    CAST(count(*) FILTER (WHERE kind = 'regular') AS INTEGER) AS regular_held,
    CAST(count(*) FILTER (WHERE kind = 'thematic') AS INTEGER) AS thematic_held,
    CAST(count(*) FILTER (WHERE format = 'online') AS INTEGER) AS online_held,
    CAST(count(*) FILTER (WHERE format = 'hybrid') AS INTEGER) AS hybrid_held,
    CAST(sum(expected) AS INTEGER) AS expected,
    CAST(count(*) FILTER (WHERE quality = 3) AS INTEGER) AS fair,
    CAST(count(*) FILTER (WHERE quality = 2) AS INTEGER) AS average,
    CAST(count(*) FILTER (WHERE quality = 1) AS INTEGER) AS poor,
    coalesce(sum(score), 0) AS score_sum,
    CAST(count(score) AS INTEGER) AS scored,
    CAST(sum(expected) - sum(present) AS INTEGER) AS absent,
    CAST(count(*) FILTER (WHERE quality IS NULL) AS INTEGER) AS unrated
  FROM core.meetings JOIN keys USING (org_id) GROUP BY ALL
)
SELECT * FROM final ORDER BY month, org_key

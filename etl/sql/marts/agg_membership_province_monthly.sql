-- grain: one row per month × province (old code) × current province × sector (month = first day).
-- Rollup of fct_membership_monthly: stocks at month end (cells existing, members), flows in the
-- month. Org columns carry the names of marts.dim_org so the dashboard's org filter applies.
WITH facts AS (
  SELECT f.*, o.province_code, o.province_code_current, o.region, o.sector
  FROM marts.fct_membership_monthly f JOIN marts.dim_org o USING (org_id)
),
final AS (
  SELECT month, province_code, province_code_current, region, sector,
    CAST(count(*) AS INTEGER) AS cells,
    CAST(sum(official + probationary) AS BIGINT) AS members,
    CAST(sum(official) AS BIGINT) AS official,
    CAST(sum(probationary) AS BIGINT) AS probationary,
    CAST(sum(admitted) AS INTEGER) AS admitted,
    CAST(sum("left") AS INTEGER) AS "left"
  FROM facts GROUP BY ALL
)
SELECT * FROM final ORDER BY month, province_code, sector

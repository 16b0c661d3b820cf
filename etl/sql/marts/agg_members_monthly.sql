-- grain: one row per month × province (recorded code) × current province × region × sector
-- (month = first day). Rollup of fct_membership_monthly for the dashboard's Tổng quan and Đảng viên
-- pages: stocks at month end (official, probationary, female; cells = cells with a row that month,
-- cells_lt3 = cells with fewer than 3 full members), flows in the month (admitted, left, left by
-- reason). The org columns carry dim_org's names so the dashboard's region/province/sector filter
-- applies unchanged; queries scoped to an organisation subtree read the facts instead.
WITH facts AS (
  SELECT f.*, o.province_code, o.province_code_current, o.region, o.sector
  FROM marts.fct_membership_monthly f JOIN marts.dim_org o USING (org_id)
),
final AS (
  SELECT month, province_code, province_code_current, region, sector,
    CAST(count(*) AS INTEGER) AS cells,
    CAST(count(*) FILTER (WHERE official < 3) AS INTEGER) AS cells_lt3,
    CAST(sum(official) AS BIGINT) AS official,
    CAST(sum(probationary) AS BIGINT) AS probationary,
    CAST(sum(female) AS BIGINT) AS female,
    CAST(sum(admitted) AS BIGINT) AS admitted,
    CAST(sum("left") AS BIGINT) AS "left",
    CAST(sum(left_transfer_out) AS BIGINT) AS left_transfer_out,
    CAST(sum(left_death) AS BIGINT) AS left_death,
    CAST(sum(left_struck_off) AS BIGINT) AS left_struck_off,
    CAST(sum(left_expelled) AS BIGINT) AS left_expelled,
    CAST(sum(left_resigned) AS BIGINT) AS left_resigned,
    CAST(sum(left_other) AS BIGINT) AS left_other
  FROM facts GROUP BY ALL
)
SELECT * FROM final ORDER BY month, province_code, sector

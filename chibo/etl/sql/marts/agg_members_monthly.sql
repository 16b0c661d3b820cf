-- grain: one row per month × province (recorded code) × old province (province_code_old) ×
-- current province × region × sector (month = first day). Rollup of fct_membership_monthly for the
-- dashboard's Tổng quan, Đảng viên and Vùng miền pages, with the same definitions: stocks at the
-- month's last day (official, probationary, female, cells and base_orgs existing on that day,
-- cells_lt3 = existing cells with at least one member and fewer than 3 full members), flows in the
-- month (admitted, transferred_in, transferred_out, left_party, left = transferred_out +
-- left_party, left by reason). base_orgs counts base cells and base committees by their own
-- dim_org columns. The org columns carry dim_org's names so the dashboard's region/province/sector
-- filter applies unchanged; queries scoped to an organisation subtree read the facts instead.
-- Stock on day D: this table at the end of the month before D + agg_members_daily's d_* from the
-- first of D's month to D.
WITH facts AS (
  SELECT f.month, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector,
    f.cells, f.cells_lt3, f.official, f.probationary, f.female, f.admitted, f.transferred_in,
    f.transferred_out, f.left_party, f.transferred_out + f.left_party AS "left",
    f.transferred_out AS left_transfer_out, f.left_death, f.left_struck_off,
    f.left_expelled, f.left_resigned, f.left_other, 0 AS base_orgs
  FROM marts.fct_membership_monthly_by_key f JOIN marts.dim_org o USING (org_key)
),
-- base organisations existing on each month's last day
base_orgs AS (
  SELECT d.month, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
  FROM marts.dim_org o JOIN marts.dim_month d
    ON coalesce(o.valid_from, DATE '1900-01-01') <= d.month_end
   AND coalesce(o.valid_to, DATE '9999-12-31') > d.month_end
  WHERE o.kind IN ('base_cell', 'base_committee')
),
final AS (
  SELECT month, province_code, province_code_old, province_code_current, region, sector,
    CAST(sum(cells) AS INTEGER) AS cells, CAST(sum(cells_lt3) AS INTEGER) AS cells_lt3,
    CAST(sum(official) AS BIGINT) AS official, CAST(sum(probationary) AS BIGINT) AS probationary,
    CAST(sum(female) AS BIGINT) AS female, CAST(sum(admitted) AS BIGINT) AS admitted,
    CAST(sum("left") AS BIGINT) AS "left", CAST(sum(left_transfer_out) AS BIGINT) AS left_transfer_out,
    CAST(sum(left_death) AS BIGINT) AS left_death,
    CAST(sum(left_struck_off) AS BIGINT) AS left_struck_off,
    CAST(sum(left_expelled) AS BIGINT) AS left_expelled,
    CAST(sum(left_resigned) AS BIGINT) AS left_resigned,
    CAST(sum(left_other) AS BIGINT) AS left_other,
    CAST(sum(transferred_in) AS BIGINT) AS transferred_in,
    CAST(sum(transferred_out) AS BIGINT) AS transferred_out,
    CAST(sum(left_party) AS BIGINT) AS left_party,
    CAST(sum(base_orgs) AS INTEGER) AS base_orgs
  FROM (SELECT * FROM facts UNION ALL SELECT * FROM base_orgs)
  GROUP BY ALL
)
SELECT * FROM final ORDER BY month, province_code, sector

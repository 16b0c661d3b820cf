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
  SELECT f.*, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector
  FROM marts.fct_membership_monthly f JOIN marts.dim_org o USING (org_id)
),
members AS (
  SELECT month, province_code, province_code_old, province_code_current, region, sector,
    sum(cells) AS cells, sum(cells_lt3) AS cells_lt3, sum(official) AS official,
    sum(probationary) AS probationary, sum(female) AS female, sum(admitted) AS admitted,
    sum(transferred_in) AS transferred_in, sum(transferred_out) AS transferred_out,
    sum(left_party) AS left_party, sum("left") AS "left", sum(left_transfer_out) AS left_transfer_out,
    sum(left_death) AS left_death, sum(left_struck_off) AS left_struck_off,
    sum(left_expelled) AS left_expelled, sum(left_resigned) AS left_resigned,
    sum(left_other) AS left_other
  FROM facts GROUP BY ALL
),
bounds AS (SELECT min(month) AS first_month, max(month) AS last_month FROM marts.dim_month),
base_events AS (
  SELECT greatest(b.first_month, CAST(date_trunc('month', coalesce(o.valid_from, DATE '1900-01-01'))
           AS DATE)) AS month, o.province_code, o.province_code_old, o.province_code_current,
    o.region, o.sector, 1 AS d
  FROM marts.dim_org o, bounds b WHERE o.kind IN ('base_cell', 'base_committee')
  UNION ALL
  SELECT greatest(b.first_month, CAST(date_trunc('month', o.valid_to) AS DATE)), o.province_code,
    o.province_code_old, o.province_code_current, o.region, o.sector, -1
  FROM marts.dim_org o, bounds b
  WHERE o.kind IN ('base_cell', 'base_committee') AND o.valid_to IS NOT NULL
),
base_deltas AS (
  SELECT month, province_code, province_code_old, province_code_current, region, sector,
    sum(d) AS d
  FROM base_events, bounds b WHERE month <= b.last_month GROUP BY ALL
),
base_keys AS (
  SELECT province_code, province_code_old, province_code_current, region, sector,
    min(month) AS first_month
  FROM base_deltas GROUP BY ALL
),
base_orgs AS (
  SELECT d.month, k.province_code, k.province_code_old, k.province_code_current, k.region, k.sector,
    sum(coalesce(x.d, 0)) OVER (PARTITION BY k.province_code, k.province_code_old,
      k.province_code_current, k.region, k.sector ORDER BY d.month ROWS UNBOUNDED PRECEDING)
      AS base_orgs
  FROM base_keys k JOIN marts.dim_month d ON d.month >= k.first_month
  LEFT JOIN base_deltas x ON x.month = d.month
   AND x.province_code IS NOT DISTINCT FROM k.province_code
   AND x.province_code_old IS NOT DISTINCT FROM k.province_code_old
   AND x.province_code_current IS NOT DISTINCT FROM k.province_code_current
   AND x.region IS NOT DISTINCT FROM k.region AND x.sector IS NOT DISTINCT FROM k.sector
),
final AS (
  SELECT coalesce(m.month, b.month) AS month,
    coalesce(m.province_code, b.province_code) AS province_code,
    coalesce(m.province_code_old, b.province_code_old) AS province_code_old,
    coalesce(m.province_code_current, b.province_code_current) AS province_code_current,
    coalesce(m.region, b.region) AS region, coalesce(m.sector, b.sector) AS sector,
    CAST(coalesce(m.cells, 0) AS INTEGER) AS cells,
    CAST(coalesce(m.cells_lt3, 0) AS INTEGER) AS cells_lt3,
    CAST(coalesce(m.official, 0) AS BIGINT) AS official,
    CAST(coalesce(m.probationary, 0) AS BIGINT) AS probationary,
    CAST(coalesce(m.female, 0) AS BIGINT) AS female,
    CAST(coalesce(m.admitted, 0) AS BIGINT) AS admitted,
    CAST(coalesce(m."left", 0) AS BIGINT) AS "left",
    CAST(coalesce(m.left_transfer_out, 0) AS BIGINT) AS left_transfer_out,
    CAST(coalesce(m.left_death, 0) AS BIGINT) AS left_death,
    CAST(coalesce(m.left_struck_off, 0) AS BIGINT) AS left_struck_off,
    CAST(coalesce(m.left_expelled, 0) AS BIGINT) AS left_expelled,
    CAST(coalesce(m.left_resigned, 0) AS BIGINT) AS left_resigned,
    CAST(coalesce(m.left_other, 0) AS BIGINT) AS left_other,
    CAST(coalesce(m.transferred_in, 0) AS BIGINT) AS transferred_in,
    CAST(coalesce(m.transferred_out, 0) AS BIGINT) AS transferred_out,
    CAST(coalesce(m.left_party, 0) AS BIGINT) AS left_party,
    CAST(coalesce(b.base_orgs, 0) AS INTEGER) AS base_orgs
  FROM members m FULL JOIN base_orgs b
    ON b.month = m.month AND b.province_code IS NOT DISTINCT FROM m.province_code
   AND b.province_code_old IS NOT DISTINCT FROM m.province_code_old
   AND b.province_code_current IS NOT DISTINCT FROM m.province_code_current
   AND b.region IS NOT DISTINCT FROM m.region AND b.sector IS NOT DISTINCT FROM m.sector
  WHERE m.month IS NOT NULL OR b.base_orgs <> 0
)
SELECT * FROM final ORDER BY month, province_code, sector

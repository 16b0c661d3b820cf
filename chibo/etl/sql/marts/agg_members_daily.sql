-- grain: one row per day × province (recorded code) × old province × current province × region ×
-- sector with a change (day = the date of the events). Rollup of fct_membership_daily plus the
-- founding and dissolution days of base organisations (d_base_orgs), keyed like
-- agg_members_monthly: d_* are changes of its stocks, the rest the flows of the day. Stock on day
-- D = agg_members_monthly at the end of the month before D's month + the d_* of this table from
-- the first of D's month to D; flows over [a, b] = the sum of this table's flows for a ≤ day ≤ b.
WITH bounds AS (SELECT min(month) AS first_day, max(month_end) AS last_day FROM marts.dim_month),
facts AS (
  SELECT f.*, o.province_code, o.province_code_old, o.province_code_current, o.region, o.sector
  FROM marts.fct_membership_daily_by_key f JOIN marts.dim_org o USING (org_key)
),
base_events AS (
  SELECT greatest(b.first_day, coalesce(o.valid_from, DATE '1900-01-01')) AS day, o.province_code,
    o.province_code_old, o.province_code_current, o.region, o.sector, 1 AS d
  FROM marts.dim_org o, bounds b WHERE o.kind IN ('base_cell', 'base_committee')
  UNION ALL
  SELECT greatest(b.first_day, o.valid_to), o.province_code, o.province_code_old,
    o.province_code_current, o.region, o.sector, -1
  FROM marts.dim_org o, bounds b
  WHERE o.kind IN ('base_cell', 'base_committee') AND o.valid_to IS NOT NULL
),
unioned AS (
  SELECT day, province_code, province_code_old, province_code_current, region, sector,
    d_official, d_probationary, d_female, d_cells, d_cells_lt3, 0 AS d_base_orgs, admitted,
    transferred_in, transferred_out, left_party, left_death, left_struck_off, left_expelled,
    left_resigned, left_other
  FROM facts
  UNION ALL
  SELECT e.day, province_code, province_code_old, province_code_current, region, sector,
    0, 0, 0, 0, 0, d, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM base_events e, bounds b WHERE e.day <= b.last_day
),
final AS (
  SELECT day, province_code, province_code_old, province_code_current, region, sector,
    CAST(sum(d_official) AS BIGINT) AS d_official,
    CAST(sum(d_probationary) AS BIGINT) AS d_probationary,
    CAST(sum(d_female) AS BIGINT) AS d_female,
    CAST(sum(d_cells) AS INTEGER) AS d_cells,
    CAST(sum(d_cells_lt3) AS INTEGER) AS d_cells_lt3,
    CAST(sum(d_base_orgs) AS INTEGER) AS d_base_orgs,
    CAST(sum(admitted) AS BIGINT) AS admitted,
    CAST(sum(transferred_in) AS BIGINT) AS transferred_in,
    CAST(sum(transferred_out) AS BIGINT) AS transferred_out,
    CAST(sum(left_party) AS BIGINT) AS left_party,
    CAST(sum(left_death) AS BIGINT) AS left_death,
    CAST(sum(left_struck_off) AS BIGINT) AS left_struck_off,
    CAST(sum(left_expelled) AS BIGINT) AS left_expelled,
    CAST(sum(left_resigned) AS BIGINT) AS left_resigned,
    CAST(sum(left_other) AS BIGINT) AS left_other
  FROM unioned GROUP BY ALL
)
SELECT * FROM final
WHERE d_official <> 0 OR d_probationary <> 0 OR d_female <> 0 OR d_cells <> 0 OR d_cells_lt3 <> 0
   OR d_base_orgs <> 0 OR admitted + transferred_in + transferred_out + left_party > 0
ORDER BY day, province_code, sector

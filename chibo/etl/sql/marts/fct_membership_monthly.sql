-- grain: one row per cell and month from the month it was founded (or 2010-01) to the month of
-- its dissolution day (or the last loaded month); month = first day. Stocks at the month's last
-- day: official, probationary, female, cells (1 when the cell exists on that day), cells_lt3 (1
-- when it exists with at least one member and fewer than 3 full members). Flows within the month:
-- admitted, transferred_in, transferred_out, left_party (= left_death + left_struck_off +
-- left_expelled + left_resigned + left_other), left = transferred_out + left_party (left_transfer_out
-- = transferred_out). A cell dissolved on D exists through D - 1: the month holding D keeps the
-- hand-over of its members on D as flows and ends with stocks of 0. Built from
-- marts.fct_membership_daily, so for every cell and month: members(m) - members(m - 1) = admitted
-- + transferred_in - transferred_out - left_party.
WITH bounds AS (SELECT min(month) AS first_month, max(month) AS last_month FROM marts.dim_month),
cells AS (
  SELECT o.org_id,
    greatest(b.first_month, CAST(date_trunc('month', coalesce(o.valid_from, DATE '1900-01-01')) AS DATE))
      AS first_month,
    least(b.last_month, CAST(date_trunc('month', coalesce(o.valid_to, DATE '2999-01-01')) AS DATE))
      AS last_month
  FROM marts.dim_org o, bounds b WHERE o.kind IN ('base_cell', 'sub_cell')
),
grid AS (
  SELECT c.org_id, d.month FROM cells c JOIN marts.dim_month d ON d.month BETWEEN c.first_month AND c.last_month
),
monthly AS (
  SELECT org_id, CAST(date_trunc('month', day) AS DATE) AS month,
    sum(d_official) AS d_official, sum(d_probationary) AS d_probationary, sum(d_female) AS d_female,
    sum(d_cells) AS d_cells, sum(d_cells_lt3) AS d_cells_lt3,
    sum(admitted) AS admitted, sum(transferred_in) AS transferred_in,
    sum(transferred_out) AS transferred_out, sum(left_party) AS left_party,
    sum(left_death) AS left_death, sum(left_struck_off) AS left_struck_off,
    sum(left_expelled) AS left_expelled, sum(left_resigned) AS left_resigned,
    sum(left_other) AS left_other
  FROM marts.fct_membership_daily GROUP BY ALL
),
-- stocks: running sums over the months with changes, carried to every month of the cell (ASOF)
running AS (
  SELECT org_id, month,
    sum(d_official) OVER w AS official, sum(d_probationary) OVER w AS probationary,
    sum(d_female) OVER w AS female, sum(d_cells) OVER w AS cells, sum(d_cells_lt3) OVER w AS cells_lt3
  FROM monthly WINDOW w AS (PARTITION BY org_id ORDER BY month ROWS UNBOUNDED PRECEDING)
),
final AS (
  SELECT g.month, g.org_id,
    CAST(coalesce(r.official, 0) AS INTEGER) AS official,
    CAST(coalesce(r.probationary, 0) AS INTEGER) AS probationary,
    CAST(coalesce(d.admitted, 0) AS INTEGER) AS admitted,
    CAST(coalesce(d.transferred_out + d.left_party, 0) AS INTEGER) AS "left",
    CAST(coalesce(d.transferred_out, 0) AS INTEGER) AS left_transfer_out,
    CAST(coalesce(d.left_death, 0) AS INTEGER) AS left_death,
    CAST(coalesce(d.left_struck_off, 0) AS INTEGER) AS left_struck_off,
    CAST(coalesce(d.left_expelled, 0) AS INTEGER) AS left_expelled,
    CAST(coalesce(d.left_resigned, 0) AS INTEGER) AS left_resigned,
    CAST(coalesce(d.left_other, 0) AS INTEGER) AS left_other,
    CAST(coalesce(r.female, 0) AS INTEGER) AS female,
    CAST(coalesce(d.transferred_in, 0) AS INTEGER) AS transferred_in,
    CAST(coalesce(d.transferred_out, 0) AS INTEGER) AS transferred_out,
    CAST(coalesce(d.left_party, 0) AS INTEGER) AS left_party,
    CAST(coalesce(r.cells, 0) AS INTEGER) AS cells,
    CAST(coalesce(r.cells_lt3, 0) AS INTEGER) AS cells_lt3
  FROM grid g
  ASOF LEFT JOIN running r ON r.org_id = g.org_id AND r.month <= g.month
  LEFT JOIN monthly d ON d.org_id = g.org_id AND d.month = g.month
)
SELECT * FROM final ORDER BY month, org_id

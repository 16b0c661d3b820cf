-- grain: one row per cell and month from the month it was founded (or 2010-01) to the month of
-- its dissolution day (or the last loaded month); month = first day. Stocks at the month's last
-- day: official, probationary, female, cells (1 when the cell exists on that day), cells_lt3 (1
-- when it exists with at least one member and fewer than 3 full members). Flows within the month:
-- admitted, transferred_in, transferred_out, left_death, left_struck_off, left_expelled,
-- left_resigned, left_other; left_party (their sum) is computed on read (the contract's generated
-- column, not stored); all who left the cell = transferred_out + left_party
-- (not stored twice: agg_members_monthly's "left" and left_transfer_out are those sums). A cell dissolved on D exists through D - 1: the month holding D keeps the
-- hand-over of its members on D as flows and ends with stocks of 0. Built from
-- marts.fct_membership_daily_by_key, so for every cell and month: members(m) - members(m - 1) = admitted
-- + transferred_in - transferred_out - left_party.
-- Built without a join over the whole grid: each month with changes carries its running stocks
-- to the months before the cell's next change, and its flows to its own month only; those months
-- are made as numbers (unnest of a range over dim_month's list of months), not found by a range
-- join with dim_month (a merge join that compared every run with every month: about a quarter
-- of the mart's time at national scale). Sorted by month (the readers' filter), org_key within a month;
-- the cell is stored as org_key (dim_org's number), as in fct_membership_daily_by_key.
WITH bounds AS (SELECT min(month) AS first_month, max(month) AS last_month,
  list(month ORDER BY month) AS months FROM marts.dim_month),
cells AS (
  SELECT o.org_key,
    greatest(b.first_month, CAST(date_trunc('month', coalesce(o.valid_from, DATE '1900-01-01')) AS DATE))
      AS first_month,
    least(b.last_month, CAST(date_trunc('month', coalesce(o.valid_to, DATE '2999-01-01')) AS DATE))
      AS last_month
  FROM marts.dim_org o, bounds b WHERE o.kind IN ('base_cell', 'sub_cell')
),
changes AS (
  SELECT org_key, CAST(date_trunc('month', day) AS DATE) AS month,
    d_official, d_probationary, d_female, d_cells, d_cells_lt3, admitted, transferred_in,
    transferred_out, left_death, left_struck_off, left_expelled, left_resigned, left_other
  FROM marts.fct_membership_daily_by_key
  UNION ALL -- every cell starts its grid with a row, changes or not
  SELECT org_key, first_month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM cells
  WHERE first_month <= last_month
),
monthly AS (
  SELECT org_key, month,
    sum(d_official) AS d_official, sum(d_probationary) AS d_probationary, sum(d_female) AS d_female,
    sum(d_cells) AS d_cells, sum(d_cells_lt3) AS d_cells_lt3,
    sum(admitted) AS admitted, sum(transferred_in) AS transferred_in,
    sum(transferred_out) AS transferred_out,
    sum(left_death) AS left_death, sum(left_struck_off) AS left_struck_off,
    sum(left_expelled) AS left_expelled, sum(left_resigned) AS left_resigned,
    sum(left_other) AS left_other
  FROM changes GROUP BY ALL
),
-- stocks: running sums over the months with changes, each valid until the next change
runs AS (
  SELECT m.*, c.first_month AS cell_first, c.last_month AS cell_last,
    sum(d_official) OVER w AS official, sum(d_probationary) OVER w AS probationary,
    sum(d_female) OVER w AS female, sum(d_cells) OVER w AS cells, sum(d_cells_lt3) OVER w AS cells_lt3,
    lead(m.month) OVER (PARTITION BY m.org_key ORDER BY m.month) AS next_month
  FROM monthly m JOIN cells c USING (org_key)
  WINDOW w AS (PARTITION BY m.org_key ORDER BY m.month ROWS UNBOUNDED PRECEDING)
),
spread AS (  -- the months from the run's first to the one before its next change, as numbers
  SELECT r.*, unnest(range(
      date_diff('month', b.first_month, greatest(r.month, r.cell_first)) + 1,
      least(coalesce(date_diff('month', b.first_month, r.next_month) + 1, len(b.months) + 1),
            date_diff('month', b.first_month, r.cell_last) + 2))) AS n
  FROM runs r, bounds b
),
final AS (
  SELECT b.months[s.n] AS month, s.org_key,
    CAST(s.official AS INTEGER) AS official,
    CAST(s.probationary AS INTEGER) AS probationary,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.admitted ELSE 0 END AS INTEGER) AS admitted,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.left_death ELSE 0 END AS INTEGER) AS left_death,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.left_struck_off ELSE 0 END AS INTEGER) AS left_struck_off,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.left_expelled ELSE 0 END AS INTEGER) AS left_expelled,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.left_resigned ELSE 0 END AS INTEGER) AS left_resigned,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.left_other ELSE 0 END AS INTEGER) AS left_other,
    CAST(s.female AS INTEGER) AS female,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.transferred_in ELSE 0 END AS INTEGER) AS transferred_in,
    CAST(CASE WHEN b.months[s.n] = s.month THEN s.transferred_out ELSE 0 END AS INTEGER) AS transferred_out,
    CAST(s.cells AS INTEGER) AS cells,
    CAST(s.cells_lt3 AS INTEGER) AS cells_lt3
  FROM spread s, bounds b
)
SELECT * FROM final ORDER BY month, org_key

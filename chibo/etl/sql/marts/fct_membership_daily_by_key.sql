-- grain: one row per cell and day on which its membership or its existence changed (day = the
-- date of the events). d_* columns are changes of the stocks (official, probationary, female,
-- cells = 1 while the cell exists, cells_lt3 = 1 while it exists with at least one member and
-- fewer than 3 full members); the other columns are the flows of that day. A member row counts in
-- its cell from joined_on (the admission date unless given) until the day before left_on; full
-- from official_on (or from joining, for a full member who moved in). Joining on the admission
-- date is an admission, joining later a transfer in; leaving with reason transfer_out is a
-- transfer out, any other reason a departure from the Party (left_party, which the contract
-- computes on read from the five left_* columns: it is not stored). Changes before the
-- first day of history (2010-01-01) are folded into that day, without flows; nothing after the
-- last loaded month is kept. Stock on day D = marts.fct_membership_monthly at the end of the
-- month before D's month + the d_* of this table from the first of D's month to D. The cell is
-- stored as org_key (dim_org's number). Sorted by month, org_key within it, then day: the
-- readers' day filters still skip all but a month's rows (a row group holds about two months),
-- and the keys, which grow within a month, take a few bits a row where a sort by day left them
-- random.
WITH bounds AS (SELECT min(month) AS first_day, max(month_end) AS last_day FROM marts.dim_month),
cells AS (
  SELECT org_id, org_key, valid_from, valid_to FROM marts.dim_org
  WHERE kind IN ('base_cell', 'sub_cell')
),
members AS (
  SELECT c.org_key, m.joined_on, m.left_on, m.leave_reason,
    m.joined_on = m.admitted_on AS admission,
    CASE WHEN m.gender = 'female' THEN 1 ELSE 0 END AS female,
    CASE WHEN m.official_on IS NOT NULL THEN greatest(m.official_on, m.joined_on) END AS official_from
  FROM core.members m JOIN cells c ON c.org_id = m.org_id
),
members_typed AS (
  SELECT *, CASE WHEN official_from = joined_on THEN 1 ELSE 0 END AS full_on_arrival,
    CASE WHEN official_from > joined_on AND (left_on IS NULL OR official_from < left_on)
         THEN 1 ELSE 0 END AS made_full_here
  FROM members
),
events AS (
  SELECT org_key, joined_on AS day, full_on_arrival AS d_official, 1 - full_on_arrival AS d_probationary,
    female AS d_female, 0 AS d_cells, CAST(admission AS INTEGER) AS admitted,
    1 - CAST(admission AS INTEGER) AS transferred_in, NULL AS reason
  FROM members_typed
  UNION ALL
  SELECT org_key, official_from, 1, -1, 0, 0, 0, 0, NULL FROM members_typed
  WHERE made_full_here = 1
  UNION ALL
  SELECT org_key, left_on, -(full_on_arrival + made_full_here), full_on_arrival + made_full_here - 1,
    -female, 0, 0, 0,
    coalesce(leave_reason, 'other')
  FROM members_typed WHERE left_on IS NOT NULL
  UNION ALL
  SELECT org_key, coalesce(valid_from, DATE '1900-01-01'), 0, 0, 0, 1, 0, 0, NULL FROM cells
  UNION ALL
  SELECT org_key, valid_to, 0, 0, 0, -1, 0, 0, NULL FROM cells WHERE valid_to IS NOT NULL
),
daily AS (
  SELECT e.org_key, greatest(e.day, b.first_day) AS day,
    sum(d_official) AS d_official, sum(d_probationary) AS d_probationary, sum(d_female) AS d_female,
    sum(d_cells) AS d_cells,
    sum(admitted) FILTER (WHERE e.day >= b.first_day) AS admitted,
    sum(transferred_in) FILTER (WHERE e.day >= b.first_day) AS transferred_in,
    count(*) FILTER (WHERE e.day >= b.first_day AND reason = 'transfer_out') AS transferred_out,
    count(*) FILTER (WHERE e.day >= b.first_day AND reason = 'death') AS left_death,
    count(*) FILTER (WHERE e.day >= b.first_day AND reason = 'struck_off') AS left_struck_off,
    count(*) FILTER (WHERE e.day >= b.first_day AND reason = 'expelled') AS left_expelled,
    count(*) FILTER (WHERE e.day >= b.first_day AND reason = 'resigned') AS left_resigned,
    count(*) FILTER (WHERE e.day >= b.first_day AND reason = 'other') AS left_other
  FROM events e, bounds b
  WHERE e.day <= b.last_day
  GROUP BY ALL
),
states AS (
  SELECT *,
    sum(d_cells) OVER w = 1 AND sum(d_official + d_probationary) OVER w > 0
      AND sum(d_official) OVER w < 3 AS lt3
  FROM daily
  WINDOW w AS (PARTITION BY org_key ORDER BY day ROWS UNBOUNDED PRECEDING)
),
final AS (
  SELECT day, org_key,
    CAST(d_official AS INTEGER) AS d_official,
    CAST(d_probationary AS INTEGER) AS d_probationary,
    CAST(d_female AS INTEGER) AS d_female,
    CAST(d_cells AS INTEGER) AS d_cells,
    CAST(lt3 AS INTEGER) - CAST(coalesce(lag(lt3) OVER (PARTITION BY org_key ORDER BY day), false)
      AS INTEGER) AS d_cells_lt3,
    CAST(coalesce(admitted, 0) AS INTEGER) AS admitted,
    CAST(coalesce(transferred_in, 0) AS INTEGER) AS transferred_in,
    CAST(transferred_out AS INTEGER) AS transferred_out,
    CAST(left_death AS INTEGER) AS left_death,
    CAST(left_struck_off AS INTEGER) AS left_struck_off,
    CAST(left_expelled AS INTEGER) AS left_expelled,
    CAST(left_resigned AS INTEGER) AS left_resigned,
    CAST(left_other AS INTEGER) AS left_other
  FROM states
)
SELECT * FROM final
WHERE d_official <> 0 OR d_probationary <> 0 OR d_female <> 0 OR d_cells <> 0 OR d_cells_lt3 <> 0
   OR admitted + transferred_in + transferred_out + left_death + left_struck_off + left_expelled
      + left_resigned + left_other > 0
ORDER BY date_trunc('month', day), org_key, day

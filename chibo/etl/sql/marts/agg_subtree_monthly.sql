-- grain: one row per organisation subtree × month (month = first day) in which the subtree holds
-- a cell's row of fct_membership_monthly or an existing base organisation, for the organisations
-- above the cells: committees and base committees (a base cell's subtree is itself, its rows are
-- fct_membership_monthly's). The subtree of org_id is what the organisation filter selects: the
-- organisations under it over marts.bridge_org_lineage (the hierarchy and the succession), itself
-- included. Columns as agg_members_monthly with the same definitions: fct_membership_monthly
-- summed over the subtree's cells (stocks at the month's last day, flows in the month), base_orgs
-- = base cells and base committees of the subtree existing on the last day (marts.org_on). The
-- dashboard's series of a picked organisation read it with the many-day macros' day lists
-- (marts.stock_days, marts.flow_months) instead of the facts of every cell of the subtree.
-- Each cell's facts are summed once per set of subtrees it is in, then spread over that set.
WITH rolled AS (
  SELECT org_id FROM marts.dim_org WHERE kind NOT IN ('base_cell', 'sub_cell')
),
member AS (  -- each organisation with the rolled-up subtrees it is in
  SELECT b.org_id, list(b.ancestor_id ORDER BY b.ancestor_id) AS ancestors
  FROM marts.bridge_org_lineage b SEMI JOIN rolled r ON r.org_id = b.ancestor_id
  GROUP BY b.org_id
),
sets AS (  -- the same subtrees, numbered
  SELECT o.org_key, dense_rank() OVER (ORDER BY m.ancestors) AS set_id, m.ancestors
  FROM member m JOIN marts.dim_org o USING (org_id)
),
facts AS (
  SELECT f.month, s.set_id, sum(f.official) AS official, sum(f.probationary) AS probationary,
    sum(f.female) AS female, sum(f.cells) AS cells, sum(f.cells_lt3) AS cells_lt3, 0 AS base_orgs,
    sum(f.admitted) AS admitted, sum(f.transferred_in) AS transferred_in,
    sum(f.transferred_out) AS transferred_out, sum(f.left_party) AS left_party,
    sum(f.left_death) AS left_death, sum(f.left_struck_off) AS left_struck_off,
    sum(f.left_expelled) AS left_expelled, sum(f.left_resigned) AS left_resigned,
    sum(f.left_other) AS left_other
  FROM marts.fct_membership_monthly_by_key f JOIN sets s USING (org_key)
  GROUP BY ALL
),
base_orgs AS (  -- base organisations existing on each month's last day
  SELECT d.month, s.set_id, 0, 0, 0, 0, 0, count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM marts.dim_org o JOIN sets s USING (org_key)
  JOIN marts.dim_month d ON marts.org_on(o.valid_from, o.valid_to, d.month_end)
  WHERE o.kind IN ('base_cell', 'base_committee')
  GROUP BY ALL
),
spread AS (
  SELECT x.month, unnest(l.ancestors) AS org_id, x.* EXCLUDE (month, set_id)
  FROM (SELECT * FROM facts UNION ALL SELECT * FROM base_orgs) x
  JOIN (SELECT DISTINCT set_id, ancestors FROM sets) l USING (set_id)
)
SELECT month, org_id, CAST(sum(official) AS BIGINT) AS official,
  CAST(sum(probationary) AS BIGINT) AS probationary, CAST(sum(female) AS BIGINT) AS female,
  CAST(sum(cells) AS INTEGER) AS cells, CAST(sum(cells_lt3) AS INTEGER) AS cells_lt3,
  CAST(sum(base_orgs) AS INTEGER) AS base_orgs, CAST(sum(admitted) AS BIGINT) AS admitted,
  CAST(sum(transferred_in) AS BIGINT) AS transferred_in,
  CAST(sum(transferred_out) AS BIGINT) AS transferred_out,
  CAST(sum(left_party) AS BIGINT) AS left_party, CAST(sum(left_death) AS BIGINT) AS left_death,
  CAST(sum(left_struck_off) AS BIGINT) AS left_struck_off,
  CAST(sum(left_expelled) AS BIGINT) AS left_expelled,
  CAST(sum(left_resigned) AS BIGINT) AS left_resigned, CAST(sum(left_other) AS BIGINT) AS left_other
FROM spread
GROUP BY month, org_id
ORDER BY org_id, month

-- The many-day stocks and flows of exact_days.sql for one organisation subtree (what the
-- organisation filter selects: the organisations under ORG over marts.bridge_org_lineage), from
-- marts.agg_subtree_monthly where the monthly marts are read and from the subtree's cells in
-- marts.fct_membership_daily (and its base organisations' founding and dissolution days, as in
-- marts.agg_members_daily) where the daily ones are: the same day lists (marts.stock_days,
-- marts.stock_day_changes, marts.flow_months, marts.flow_days), so their sums per day or period
-- are marts.stock_parts_on_days / marts.flow_parts_over restricted to the subtree.
--   marts.subtree_stock_parts_on_days(DAYS, ORG)      day and the stocks of stock_parts_on_days
--   marts.subtree_flow_parts_over(FIRSTS, LASTS, ORG) first_day, last_day and FLOWS
-- (marts.subtree_orgs(ORG): the subtree's org_ids; marts.subtree_keys(ORG): their dim_org.org_key,
-- which pick the cells' rows of the daily facts stored by key)
CREATE OR REPLACE MACRO marts.subtree_orgs(org) AS TABLE
  SELECT org_id FROM marts.bridge_org_lineage WHERE ancestor_id = org;
-- their dim_org.org_key (what the facts stored by key hold)
CREATE OR REPLACE MACRO marts.subtree_keys(org) AS TABLE
  SELECT o.org_key FROM marts.dim_org o
  WHERE o.org_id IN (SELECT org_id FROM marts.subtree_orgs(org));

-- base cells and base committees: +1 on the day they are founded, -1 on the day they are dissolved
-- (days before the history on its first day), as marts.agg_members_daily's d_base_orgs
CREATE OR REPLACE MACRO marts.base_org_events() AS TABLE
  SELECT org_id, greatest(DATE '{first_month}', coalesce(valid_from, DATE '1900-01-01')) AS day,
    1 AS d
  FROM marts.dim_org WHERE kind IN ('base_cell', 'base_committee')
  UNION ALL
  SELECT org_id, greatest(DATE '{first_month}', valid_to), -1
  FROM marts.dim_org WHERE kind IN ('base_cell', 'base_committee') AND valid_to IS NOT NULL;

CREATE OR REPLACE MACRO marts.subtree_stock_parts_on_days(days, org) AS TABLE
  SELECT s.day, official, probationary, official + probationary AS members, female, cells,
    cells_lt3, base_orgs
  FROM marts.stock_days(days) s JOIN marts.agg_subtree_monthly m USING (month)
  WHERE m.org_id = org
  UNION ALL
  SELECT c.day, d_official, d_probationary, d_official + d_probationary, d_female, d_cells,
    d_cells_lt3, 0
  FROM marts.stock_day_changes(days) c JOIN marts.fct_membership_daily_by_key f
    ON f.day = c.changed
  WHERE f.org_key IN (SELECT org_key FROM marts.subtree_keys(org))
  UNION ALL
  SELECT c.day, 0, 0, 0, 0, 0, 0, e.d
  FROM marts.stock_day_changes(days) c JOIN marts.base_org_events() e ON e.day = c.changed
  WHERE e.org_id IN (SELECT org_id FROM marts.subtree_orgs(org));

CREATE OR REPLACE MACRO marts.subtree_flow_parts_over(firsts, lasts, org) AS TABLE
  SELECT s.first_day, s.last_day, admitted, transferred_in, transferred_out, left_party,
    transferred_out + left_party AS "left", transferred_out AS left_transfer_out, left_death,
    left_struck_off, left_expelled, left_resigned, left_other
  FROM marts.flow_months(firsts, lasts) s JOIN marts.agg_subtree_monthly m USING (month)
  WHERE m.org_id = org
  UNION ALL
  SELECT s.first_day, s.last_day, admitted, transferred_in, transferred_out, left_party,
    transferred_out + left_party, transferred_out, left_death, left_struck_off, left_expelled,
    left_resigned, left_other
  FROM marts.flow_days(firsts, lasts) s JOIN marts.fct_membership_daily_by_key f USING (day)
  WHERE f.org_key IN (SELECT org_key FROM marts.subtree_keys(org));

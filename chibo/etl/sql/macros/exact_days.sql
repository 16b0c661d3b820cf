-- Exact-day stocks and exact-range flows, written once for every reader (table macros stored in
-- the warehouse). A stock on day D = the month-end stock of the month before D's month + the
-- changes from the first of D's month to D; flows over [a, b] = whole months from the monthly
-- marts + the days at either end from the daily marts. Each is spelt once, for many days or
-- periods (below); the single-day macros are those over one day or one period:
--   marts.cell_stocks_on(D)        per cell: org_id, official, probationary, members, female,
--                                  cells, cells_lt3
--   marts.stocks_on(D)             per rollup key (province_code, province_code_old,
--                                  province_code_current, region, sector): the same + base_orgs
--   marts.cell_flows_between(A, B) per cell: org_id + FLOWS
--   marts.flows_between(A, B)      per rollup key + FLOWS
-- FLOWS = admitted, transferred_in, transferred_out, left_party, left, left_transfer_out,
-- left_death, left_struck_off, left_expelled, left_resigned, left_other.
-- The month whose end stock a stock on day d starts from: the month before d's month, or the last
-- loaded month for a day after it (nothing changes after the last loaded day). {last_month} is
-- written in when the macros are created, so a constant day prunes the marts by month.
CREATE OR REPLACE MACRO marts.month_before(d) AS
  least(CAST(date_trunc('month', CAST(d AS DATE)) - INTERVAL 1 MONTH AS DATE), DATE '{last_month}');

-- The months whose last day the day rollups (marts.agg_member_structure, agg_subtree_structure,
-- agg_org_tree, agg_base_org_members) hold: December of every year of history, the last
-- loaded month (its end is the last loaded day) and the same month a year earlier (the day the
-- KPI cards compare the last loaded day with).
CREATE OR REPLACE MACRO marts.rollup_month(m) AS
  month(CAST(m AS DATE)) = 12 OR CAST(m AS DATE) = DATE '{last_month}'
  OR CAST(m AS DATE) = CAST(DATE '{last_month}' - INTERVAL 12 MONTH AS DATE);

-- The whole months inside [a, b] are those with first_full(a) <= month < after_full(b).
CREATE OR REPLACE MACRO marts.first_full(a) AS
  CAST(CASE WHEN day(CAST(a AS DATE)) = 1 THEN CAST(a AS DATE)
            ELSE date_trunc('month', CAST(a AS DATE)) + INTERVAL 1 MONTH END AS DATE);
CREATE OR REPLACE MACRO marts.after_full(b) AS
  CAST(date_trunc('month', CAST(b AS DATE) + INTERVAL 1 DAY) AS DATE);

-- The same stocks and flows for many days or periods in one pass (series by month or year), joined
-- on months and days instead of evaluated once per day. Each gives rows to be summed (a monthly
-- stock and the changes after it; whole months and end days), so a reader filters them first:
--   marts.stock_parts_on_days(DAYS)        day, the rollup keys and the stocks of stocks_on: their
--                                          sums per day (of DAYS, a DATE[]) are its stocks
--   marts.flow_parts_over(FIRSTS, LASTS)   first_day, last_day, the rollup keys and FLOWS: their
--                                          sums per period [FIRSTS[i], LASTS[i]] are its flows
--   marts.cell_stock_parts_on_days(DAYS)   day, org_id and the stocks of cell_stocks_on
--   marts.cell_stock_changes_on_days(DAYS) the same, but the sums per day accumulated over DAYS
--                                          in order are the stocks (the first day's stocks, then
--                                          the changes up to each following day)
--   marts.cell_flow_parts_over(FIRSTS, LASTS)  first_day, last_day, org_id and FLOWS (per cell
--                                          from the days of the period)
-- The per-cell macros are written over the tables stored by key, as marts.<macro>_by_key with
-- org_key in place of org_id (a reader filters them by the keys of its dim_org selection, no join
-- of dim_org to every row); marts.<macro> is that macro's rows named from dim_org (at the end).
-- A day that ends its month reads the monthly mart of its own month (its stocks on that day), any
-- other day the month before + the d_* of its month up to it, as above.
CREATE OR REPLACE MACRO marts.stock_days(days) AS TABLE
  SELECT day, CASE WHEN partial THEN marts.month_before(day) ELSE
    least(CAST(date_trunc('month', day) AS DATE), DATE '{last_month}') END AS month, partial
  FROM (SELECT day, day(day + INTERVAL 1 DAY) <> 1 AS partial
        FROM (SELECT DISTINCT CAST(unnest(days) AS DATE) AS day));

-- each partial day with the days of its month up to it (their changes add to the month before's)
CREATE OR REPLACE MACRO marts.stock_day_changes(days) AS TABLE
  SELECT day, CAST(unnest(generate_series(CAST(date_trunc('month', day) AS TIMESTAMP),
    CAST(day AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS changed
  FROM marts.stock_days(days) WHERE partial;

CREATE OR REPLACE MACRO marts.cell_stock_parts_on_days_by_key(days) AS TABLE
  WITH ends AS (
    SELECT s.day, m.org_key, m.official, m.probationary, m.female, m.cells, m.cells_lt3
    FROM marts.stock_days(days) s JOIN marts.fct_membership_monthly_by_key m USING (month)
  ),
  changes AS (
    SELECT c.day, f.org_key, sum(f.d_official) AS official, sum(f.d_probationary) AS probationary,
      sum(f.d_female) AS female, sum(f.d_cells) AS cells, sum(f.d_cells_lt3) AS cells_lt3
    FROM marts.stock_day_changes(days) c JOIN marts.fct_membership_daily_by_key f
      ON f.day = c.changed
    GROUP BY c.day, f.org_key
  )
  SELECT day, org_key, coalesce(e.official, 0) + coalesce(x.official, 0) AS official,
    coalesce(e.probationary, 0) + coalesce(x.probationary, 0) AS probationary,
    coalesce(e.official, 0) + coalesce(x.official, 0) + coalesce(e.probationary, 0)
      + coalesce(x.probationary, 0) AS members,
    coalesce(e.female, 0) + coalesce(x.female, 0) AS female,
    coalesce(e.cells, 0) + coalesce(x.cells, 0) AS cells,
    coalesce(e.cells_lt3, 0) + coalesce(x.cells_lt3, 0) AS cells_lt3
  FROM ends e FULL JOIN changes x USING (day, org_key);

-- per cell: the stocks on the first of DAYS (as above), then the changes of the days after it up to
-- each following day of DAYS; accumulated over DAYS in order, the stocks on each (the daily mart
-- holds fewer rows than the monthly one's row per cell and month)
CREATE OR REPLACE MACRO marts.cell_stock_changes_on_days_by_key(days) AS TABLE
  WITH asked AS (SELECT day, lag(day) OVER (ORDER BY day) AS after
                 FROM (SELECT DISTINCT CAST(unnest(days) AS DATE) AS day)),
  later AS (
    SELECT day, CAST(unnest(generate_series(CAST(after AS TIMESTAMP) + INTERVAL 1 DAY,
      CAST(day AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS changed
    FROM asked WHERE after IS NOT NULL
  )
  SELECT * FROM marts.cell_stock_parts_on_days_by_key([list_min(CAST(days AS DATE[]))])
  UNION ALL
  SELECT c.day, f.org_key, f.d_official, f.d_probationary, f.d_official + f.d_probationary,
    f.d_female, f.d_cells, f.d_cells_lt3
  FROM later c JOIN marts.fct_membership_daily_by_key f ON f.day = c.changed;

CREATE OR REPLACE MACRO marts.stock_parts_on_days(days) AS TABLE
  SELECT s.day, province_code, province_code_old, province_code_current, region, sector, official,
    probationary, official + probationary AS members, female, cells, cells_lt3, base_orgs
  FROM marts.stock_days(days) s JOIN marts.agg_members_monthly m USING (month)
  UNION ALL
  SELECT c.day, province_code, province_code_old, province_code_current, region, sector,
    d_official, d_probationary, d_official + d_probationary, d_female, d_cells, d_cells_lt3,
    d_base_orgs
  FROM marts.stock_day_changes(days) c JOIN marts.agg_members_daily x ON x.day = c.changed;

-- each period with its whole months, and with its days outside them (at either end)
CREATE OR REPLACE MACRO marts.flow_spans(firsts, lasts) AS TABLE
  SELECT DISTINCT CAST(unnest(firsts) AS DATE) AS first_day, CAST(unnest(lasts) AS DATE) AS last_day;
CREATE OR REPLACE MACRO marts.flow_months(firsts, lasts) AS TABLE
  SELECT first_day, last_day, CAST(unnest(generate_series(
    CAST(marts.first_full(first_day) AS TIMESTAMP),
    CAST(marts.after_full(last_day) AS TIMESTAMP) - INTERVAL 1 MONTH, INTERVAL 1 MONTH)) AS DATE) AS month
  FROM marts.flow_spans(firsts, lasts);
CREATE OR REPLACE MACRO marts.flow_all_days(firsts, lasts) AS TABLE
  SELECT first_day, last_day, CAST(unnest(generate_series(CAST(first_day AS TIMESTAMP),
    CAST(last_day AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS day
  FROM marts.flow_spans(firsts, lasts);
CREATE OR REPLACE MACRO marts.flow_days(firsts, lasts) AS TABLE
  SELECT * FROM marts.flow_all_days(firsts, lasts)
  WHERE day < marts.first_full(first_day) OR day >= marts.after_full(last_day);

-- per cell, every day of the periods from the daily mart (the monthly mart's flows are its days'):
-- few rows with flows against the monthly mart's row per cell and month
CREATE OR REPLACE MACRO marts.cell_flow_parts_over_by_key(firsts, lasts) AS TABLE
  SELECT s.first_day, s.last_day, f.org_key, admitted, transferred_in, transferred_out,
    left_party, transferred_out + left_party AS "left", transferred_out AS left_transfer_out,
    left_death, left_struck_off, left_expelled, left_resigned, left_other
  FROM marts.flow_all_days(firsts, lasts) s JOIN marts.fct_membership_daily_by_key f USING (day)
  WHERE admitted + transferred_in + transferred_out + left_party > 0;

CREATE OR REPLACE MACRO marts.flow_parts_over(firsts, lasts) AS TABLE
  SELECT s.first_day, s.last_day, province_code, province_code_old, province_code_current, region,
    sector, admitted, transferred_in, transferred_out, left_party,
    transferred_out + left_party AS "left", transferred_out AS left_transfer_out, left_death,
    left_struck_off, left_expelled, left_resigned, left_other
  FROM marts.flow_months(firsts, lasts) s JOIN marts.agg_members_monthly m USING (month)
  UNION ALL
  SELECT s.first_day, s.last_day, province_code, province_code_old, province_code_current, region,
    sector, admitted, transferred_in, transferred_out, left_party, transferred_out + left_party,
    transferred_out, left_death, left_struck_off, left_expelled, left_resigned, left_other
  FROM marts.flow_days(firsts, lasts) s JOIN marts.agg_members_daily x USING (day);

-- The single-day stocks and single-period flows: the sums of the many-day macros' rows for one day
-- or one period (one recipe each, written above).
CREATE OR REPLACE MACRO marts.cell_stocks_on_by_key(d) AS TABLE
  SELECT org_key, CAST(official AS BIGINT) AS official,
    CAST(probationary AS BIGINT) AS probationary, CAST(members AS BIGINT) AS members,
    CAST(female AS BIGINT) AS female, CAST(cells AS BIGINT) AS cells,
    CAST(cells_lt3 AS BIGINT) AS cells_lt3
  FROM marts.cell_stock_parts_on_days_by_key([CAST(d AS DATE)]);

CREATE OR REPLACE MACRO marts.stocks_on(d) AS TABLE
  SELECT province_code, province_code_old, province_code_current, region, sector,
    CAST(sum(official) AS BIGINT) AS official, CAST(sum(probationary) AS BIGINT) AS probationary,
    CAST(sum(members) AS BIGINT) AS members, CAST(sum(female) AS BIGINT) AS female,
    CAST(sum(cells) AS BIGINT) AS cells, CAST(sum(cells_lt3) AS BIGINT) AS cells_lt3,
    CAST(sum(base_orgs) AS BIGINT) AS base_orgs
  FROM marts.stock_parts_on_days([CAST(d AS DATE)]) GROUP BY ALL;

-- Every flow column of the parts, summed (the parts macros above name them once).
CREATE OR REPLACE MACRO marts.cell_flows_between_by_key(a, b) AS TABLE
  SELECT org_key, CAST(sum(COLUMNS(* EXCLUDE (first_day, last_day, org_key))) AS BIGINT)
  FROM marts.cell_flow_parts_over_by_key([CAST(a AS DATE)], [CAST(b AS DATE)]) GROUP BY org_key;

CREATE OR REPLACE MACRO marts.flows_between(a, b) AS TABLE
  SELECT province_code, province_code_old, province_code_current, region, sector,
    CAST(sum(COLUMNS(* EXCLUDE (first_day, last_day, province_code, province_code_old,
                                province_code_current, region, sector))) AS BIGINT)
  FROM marts.flow_parts_over([CAST(a AS DATE)], [CAST(b AS DATE)]) GROUP BY ALL;

-- The per-cell macros by id (org_id, as the contract's views show it): the rows of the *_by_key
-- macros above, each cell's org_key read as its dim_org.org_id once the rows are made (a reader
-- filtering by organisation selects keys first: subtree.sql, the dashboard's keys_in).
CREATE OR REPLACE MACRO marts.cell_stock_parts_on_days(days) AS TABLE
  SELECT x.day, o.org_id, x.* EXCLUDE (day, org_key)
  FROM marts.cell_stock_parts_on_days_by_key(days) x JOIN marts.dim_org o USING (org_key);
CREATE OR REPLACE MACRO marts.cell_stock_changes_on_days(days) AS TABLE
  SELECT x.day, o.org_id, x.* EXCLUDE (day, org_key)
  FROM marts.cell_stock_changes_on_days_by_key(days) x JOIN marts.dim_org o USING (org_key);
CREATE OR REPLACE MACRO marts.cell_flow_parts_over(firsts, lasts) AS TABLE
  SELECT x.first_day, x.last_day, o.org_id, x.* EXCLUDE (first_day, last_day, org_key)
  FROM marts.cell_flow_parts_over_by_key(firsts, lasts) x JOIN marts.dim_org o USING (org_key);
CREATE OR REPLACE MACRO marts.cell_stocks_on(d) AS TABLE
  SELECT o.org_id, x.* EXCLUDE (org_key)
  FROM marts.cell_stocks_on_by_key(d) x JOIN marts.dim_org o USING (org_key);
CREATE OR REPLACE MACRO marts.cell_flows_between(a, b) AS TABLE
  SELECT o.org_id, x.* EXCLUDE (org_key)
  FROM marts.cell_flows_between_by_key(a, b) x JOIN marts.dim_org o USING (org_key);

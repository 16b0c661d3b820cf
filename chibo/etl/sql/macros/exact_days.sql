-- Exact-day stocks and exact-range flows, written once for every reader (table macros stored in
-- the warehouse). A stock on day D = the month-end stock of the month before D's month + the
-- changes from the first of D's month to D; flows over [a, b] = whole months from the monthly
-- marts + the days at either end from the daily marts.
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

-- The months whose last day the day rollups (marts.agg_member_structure, marts.agg_org_tree) hold:
-- December of every year of history and the last loaded month (its end is the last loaded day).
CREATE OR REPLACE MACRO marts.rollup_month(m) AS
  month(CAST(m AS DATE)) = 12 OR CAST(m AS DATE) = DATE '{last_month}';

CREATE OR REPLACE MACRO marts.cell_stocks_on(d) AS TABLE
  WITH prev AS (
    SELECT org_id, official, probationary, female, cells, cells_lt3
    FROM marts.fct_membership_monthly
    WHERE month = marts.month_before(d)
  ),
  delta AS (
    SELECT org_id, sum(d_official) AS official, sum(d_probationary) AS probationary,
      sum(d_female) AS female, sum(d_cells) AS cells, sum(d_cells_lt3) AS cells_lt3
    FROM marts.fct_membership_daily
    WHERE day BETWEEN CAST(date_trunc('month', CAST(d AS DATE)) AS DATE) AND CAST(d AS DATE)
    GROUP BY org_id
  )
  SELECT org_id,
    CAST(coalesce(p.official, 0) + coalesce(x.official, 0) AS BIGINT) AS official,
    CAST(coalesce(p.probationary, 0) + coalesce(x.probationary, 0) AS BIGINT) AS probationary,
    CAST(coalesce(p.official, 0) + coalesce(x.official, 0) + coalesce(p.probationary, 0)
         + coalesce(x.probationary, 0) AS BIGINT) AS members,
    CAST(coalesce(p.female, 0) + coalesce(x.female, 0) AS BIGINT) AS female,
    CAST(coalesce(p.cells, 0) + coalesce(x.cells, 0) AS BIGINT) AS cells,
    CAST(coalesce(p.cells_lt3, 0) + coalesce(x.cells_lt3, 0) AS BIGINT) AS cells_lt3
  FROM prev p FULL JOIN delta x USING (org_id);

CREATE OR REPLACE MACRO marts.stocks_on(d) AS TABLE
  WITH unioned AS (
    SELECT province_code, province_code_old, province_code_current, region, sector, official,
      probationary, female, cells, cells_lt3, base_orgs
    FROM marts.agg_members_monthly
    WHERE month = marts.month_before(d)
    UNION ALL
    SELECT province_code, province_code_old, province_code_current, region, sector, d_official,
      d_probationary, d_female, d_cells, d_cells_lt3, d_base_orgs
    FROM marts.agg_members_daily
    WHERE day BETWEEN CAST(date_trunc('month', CAST(d AS DATE)) AS DATE) AND CAST(d AS DATE)
  )
  SELECT province_code, province_code_old, province_code_current, region, sector,
    CAST(sum(official) AS BIGINT) AS official, CAST(sum(probationary) AS BIGINT) AS probationary,
    CAST(sum(official + probationary) AS BIGINT) AS members, CAST(sum(female) AS BIGINT) AS female,
    CAST(sum(cells) AS BIGINT) AS cells, CAST(sum(cells_lt3) AS BIGINT) AS cells_lt3,
    CAST(sum(base_orgs) AS BIGINT) AS base_orgs
  FROM unioned GROUP BY ALL;

-- The whole months inside [a, b] are those with first_full(a) <= month < after_full(b).
CREATE OR REPLACE MACRO marts.first_full(a) AS
  CAST(CASE WHEN day(CAST(a AS DATE)) = 1 THEN CAST(a AS DATE)
            ELSE date_trunc('month', CAST(a AS DATE)) + INTERVAL 1 MONTH END AS DATE);
CREATE OR REPLACE MACRO marts.after_full(b) AS
  CAST(date_trunc('month', CAST(b AS DATE) + INTERVAL 1 DAY) AS DATE);

CREATE OR REPLACE MACRO marts.cell_flows_between(a, b) AS TABLE
  WITH   unioned AS (
    SELECT org_id, admitted, transferred_in, transferred_out, left_party, left_death,
      left_struck_off, left_expelled, left_resigned, left_other
    FROM marts.fct_membership_monthly
    WHERE month >= marts.first_full(a) AND month < marts.after_full(b)
    UNION ALL
    SELECT org_id, admitted, transferred_in, transferred_out, left_party, left_death,
      left_struck_off, left_expelled, left_resigned, left_other
    FROM marts.fct_membership_daily
    WHERE day BETWEEN CAST(a AS DATE) AND CAST(b AS DATE)
      AND (day < marts.first_full(a) OR day >= marts.after_full(b))
  )
  SELECT org_id, CAST(sum(admitted) AS BIGINT) AS admitted,
    CAST(sum(transferred_in) AS BIGINT) AS transferred_in,
    CAST(sum(transferred_out) AS BIGINT) AS transferred_out,
    CAST(sum(left_party) AS BIGINT) AS left_party,
    CAST(sum(transferred_out + left_party) AS BIGINT) AS "left",
    CAST(sum(transferred_out) AS BIGINT) AS left_transfer_out,
    CAST(sum(left_death) AS BIGINT) AS left_death,
    CAST(sum(left_struck_off) AS BIGINT) AS left_struck_off,
    CAST(sum(left_expelled) AS BIGINT) AS left_expelled,
    CAST(sum(left_resigned) AS BIGINT) AS left_resigned,
    CAST(sum(left_other) AS BIGINT) AS left_other
  FROM unioned GROUP BY org_id;

CREATE OR REPLACE MACRO marts.flows_between(a, b) AS TABLE
  WITH   unioned AS (
    SELECT province_code, province_code_old, province_code_current, region, sector, admitted,
      transferred_in, transferred_out, left_party, left_death, left_struck_off, left_expelled,
      left_resigned, left_other
    FROM marts.agg_members_monthly
    WHERE month >= marts.first_full(a) AND month < marts.after_full(b)
    UNION ALL
    SELECT province_code, province_code_old, province_code_current, region, sector, admitted,
      transferred_in, transferred_out, left_party, left_death, left_struck_off, left_expelled,
      left_resigned, left_other
    FROM marts.agg_members_daily
    WHERE day BETWEEN CAST(a AS DATE) AND CAST(b AS DATE)
      AND (day < marts.first_full(a) OR day >= marts.after_full(b))
  )
  SELECT province_code, province_code_old, province_code_current, region, sector,
    CAST(sum(admitted) AS BIGINT) AS admitted,
    CAST(sum(transferred_in) AS BIGINT) AS transferred_in,
    CAST(sum(transferred_out) AS BIGINT) AS transferred_out,
    CAST(sum(left_party) AS BIGINT) AS left_party,
    CAST(sum(transferred_out + left_party) AS BIGINT) AS "left",
    CAST(sum(transferred_out) AS BIGINT) AS left_transfer_out,
    CAST(sum(left_death) AS BIGINT) AS left_death,
    CAST(sum(left_struck_off) AS BIGINT) AS left_struck_off,
    CAST(sum(left_expelled) AS BIGINT) AS left_expelled,
    CAST(sum(left_resigned) AS BIGINT) AS left_resigned,
    CAST(sum(left_other) AS BIGINT) AS left_other
  FROM unioned GROUP BY ALL;

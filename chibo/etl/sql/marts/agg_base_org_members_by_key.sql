-- grain: one row per base organisation × month (month = first day) in which its cells hold a
-- row of fct_membership_monthly, for the months of the day rollups (marts.rollup_month: December
-- of every year and the last loaded month), and in other months only where its cells admitted
-- someone. The dashboard's table of organisations (Tổ chức) reads its stocks on the day rollups'
-- days and its admissions over whole months from here instead of marts.cell_stocks_on and
-- marts.cell_flows_between over every cell of the country. Cells are those of dim_org.base_org_id
-- (base cells and sub-cells), as the table sums them. cells, members (official + probationary),
-- official: fct_membership_monthly's stocks on the month's last day, on the day rollups' months
-- only (NULL in other months), and rating: the base organisation's latest annual rating
-- (fct_assessment_yearly) of a year up to the month's; admitted: admissions in the month.
-- The base organisation is stored as base_org_key (dim_org's number); sorted by month, then
-- base organisation.
WITH cells AS (
  SELECT o.org_key, b.org_key AS base_org_key
  FROM marts.dim_org o JOIN marts.dim_org b ON b.org_id = o.base_org_id
  WHERE o.kind IN ('base_cell', 'sub_cell')
),
stocks AS (
  SELECT f.month, c.base_org_key, sum(f.cells) AS cells, sum(f.official + f.probationary) AS members,
    sum(f.official) AS official, sum(f.admitted) AS admitted
  FROM marts.fct_membership_monthly_by_key f JOIN cells c USING (org_key)
  WHERE marts.rollup_month(f.month)
  GROUP BY ALL
),
rated AS (
  SELECT s.month, s.base_org_key, arg_max(a.rating, a.year) AS rating
  FROM stocks s JOIN marts.dim_org o ON o.org_key = s.base_org_key
  JOIN marts.fct_assessment_yearly a ON a.org_id = o.org_id AND a.year <= year(s.month)
  GROUP BY ALL
),
admissions AS (
  SELECT f.month, c.base_org_key, NULL AS cells, NULL AS members, NULL AS official,
    sum(f.admitted) AS admitted, NULL AS rating
  FROM marts.fct_membership_monthly_by_key f JOIN cells c USING (org_key)
  WHERE f.admitted > 0 AND NOT marts.rollup_month(f.month)
  GROUP BY ALL
)
SELECT month, base_org_key, CAST(cells AS INTEGER) AS cells, CAST(members AS BIGINT) AS members,
  CAST(official AS BIGINT) AS official, CAST(admitted AS BIGINT) AS admitted,
  CAST(rating AS TINYINT) AS rating
FROM (SELECT s.*, r.rating FROM stocks s LEFT JOIN rated r USING (month, base_org_key)
      UNION ALL SELECT * FROM admissions)
ORDER BY month, base_org_key

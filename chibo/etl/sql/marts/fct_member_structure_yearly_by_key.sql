-- grain: one row per cell, year, gender and age band; members on 31-12 of the year (for the
-- latest year: on the last loaded day). marts.structure_on(D) counted for every year at once with
-- its definitions (the macros marts.member_on and marts.age_band, sql/macros/structure.sql).
-- The cell is stored as org_key (dim_org's number): sorted by it within the year, a few bits a
-- row where the text took most of the table; readers filter it by a set of keys (the members
-- page: org_key IN (the selected organisations of dim_org)), never join dim_org to every row.
WITH years AS (SELECT year(month) AS year, max(month_end) AS snapshot FROM marts.dim_month GROUP BY 1)
SELECT y.year, s.org_key, s.gender, marts.age_band(y.year - s.birth_year) AS age_band,
  CAST(count(*) AS INTEGER) AS members
FROM marts.fct_member_structure_by_key s
JOIN years y ON s.joined_on <= y.snapshot AND coalesce(s.left_on, DATE '9999-12-31') > y.snapshot
WHERE marts.member_on(s.joined_on, s.left_on, y.snapshot)
GROUP BY ALL
ORDER BY year, org_key, gender, age_band

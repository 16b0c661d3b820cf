-- grain: one row per cell, year, gender and age band; members on 31-12 of the year (for the
-- latest year: on the last loaded day). marts.structure_on(D) counted for every year at once with
-- its definitions (the macros marts.member_on and marts.age_band, sql/macros/structure.sql).
-- The cell is stored as org_key (dim_org's number): sorted by it within the year, a few bits a
-- row where the text took most of the table; readers filter it by a set of keys (the members
-- page: org_key IN (the selected organisations of dim_org)), never join dim_org to every row.
-- The years a row counts in are made from its joining year to its leaving year (a snapshot is a
-- day of its year) and checked exactly with marts.member_on: an equality join with the years,
-- not a range join of every member with every year.
WITH years AS (SELECT year(month) AS year, max(month_end) AS snapshot FROM marts.dim_month GROUP BY 1),
span AS (SELECT min(year) AS first_year, max(year) AS last_year FROM years),
candidates AS (
  SELECT s.org_key, s.gender, s.birth_year, s.joined_on, s.left_on,
    unnest(range(greatest(year(s.joined_on), p.first_year),
                 least(coalesce(year(s.left_on), p.last_year), p.last_year) + 1)) AS year
  FROM marts.fct_member_structure_by_key s, span p
)
SELECT y.year, c.org_key, c.gender, marts.age_band(y.year - c.birth_year) AS age_band,
  CAST(count(*) AS INTEGER) AS members
FROM candidates c JOIN years y USING (year)
WHERE marts.member_on(c.joined_on, c.left_on, y.snapshot)
GROUP BY ALL
ORDER BY year, org_key, gender, age_band

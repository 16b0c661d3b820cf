-- grain: one row per cell, year and rating: members rated, counted in the cell they were in on
-- 31-12 of that year (else the last cell they joined that year).
WITH rated AS (
  SELECT a.year, a.subject_id AS member_id, a.rating FROM core.assessments a WHERE a.subject_kind = 'member'
),
placed AS (
  SELECT r.year, r.rating, arg_max(m.org_id, m.joined_on) AS org_id
  FROM rated r JOIN core.members m
    ON m.member_id = r.member_id AND m.joined_on <= make_date(r.year, 12, 31)
   AND (m.left_on IS NULL OR m.left_on >= make_date(r.year, 1, 1))
  GROUP BY r.year, r.member_id, r.rating
)
SELECT p.year, o.org_key, p.rating, CAST(count(*) AS INTEGER) AS members
FROM placed p JOIN marts.dim_org o USING (org_id) GROUP BY ALL ORDER BY ALL

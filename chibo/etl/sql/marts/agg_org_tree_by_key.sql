-- grain: one row per day × organisation existing on that day with members in its subtree, on
-- 31-12 of every year of history, on the last loaded day and the end of its month a year earlier
-- (marts.rollup_month): the organisation tree the Tổ chức
-- treemap draws, precomputed for the whole Party so a view of the whole tree (or of a province,
-- a sector or a picked organisation across it) is a lookup, not a walk over the lineage bridge.
-- Only organisations existing on the day are nodes, linked through the succession
-- (marts.bridge_org_lineage): parent_id is the deepest existing ancestor (by dim_org.depth, then
-- org_id), depth the number of existing ancestors, so the cells of a merged province sit under
-- the new provincial committee and a level abolished without successor (districts) is skipped.
-- members: official + probationary members on the day (the month-end stocks of
-- marts.fct_membership_monthly, = marts.cell_stocks_on(day)) in the existing cells of the
-- subtree. Other days and narrower viewers walk the bridge at query time. The organisation and
-- its parent are stored as org_key and parent_key (dim_org's numbers; the view agg_org_tree shows
-- their ids).
WITH days AS (SELECT month, month_end AS day FROM marts.dim_month WHERE marts.rollup_month(month)),
live AS (
  SELECT d.day, o.org_id, o.depth
  FROM marts.dim_org o JOIN days d
    ON marts.org_on(o.valid_from, o.valid_to, d.day)
),
eff AS (
  SELECT n.day, b.org_id, b.ancestor_id, a.depth AS ancestor_depth
  FROM marts.bridge_org_lineage b
  JOIN live n ON n.org_id = b.org_id
  JOIN live a ON a.org_id = b.ancestor_id AND a.day = n.day
),
cellm AS (
  SELECT d.day, o.org_id, m.official + m.probationary AS members
  FROM marts.fct_membership_monthly_by_key m JOIN days d ON m.month = d.month
  JOIN marts.dim_org o USING (org_key)
  WHERE m.official + m.probationary > 0
),
sub AS (
  SELECT e.day, e.ancestor_id AS org_id, sum(c.members) AS members
  FROM eff e JOIN cellm c ON c.day = e.day AND c.org_id = e.org_id
  GROUP BY ALL
),
shape AS (
  SELECT day, org_id, count(*) FILTER (WHERE ancestor_id <> org_id) AS depth,
    arg_max(ancestor_id, (ancestor_depth, ancestor_id)) FILTER (WHERE ancestor_id <> org_id)
      AS parent_id
  FROM eff GROUP BY ALL
)
SELECT s.day, o.org_key, p.org_key AS parent_key,
  CAST(h.depth AS INTEGER) AS depth,
  CAST(s.members AS BIGINT) AS members
FROM sub s JOIN shape h USING (day, org_id)
JOIN marts.dim_org o ON o.org_id = s.org_id
LEFT JOIN marts.dim_org p ON p.org_id = h.parent_id
WHERE s.members > 0
ORDER BY s.day, h.depth, parent_key, o.org_key

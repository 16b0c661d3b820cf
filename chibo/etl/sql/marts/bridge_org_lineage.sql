-- grain: one row per (ancestor, organisation) pair over the hierarchy and the succession: an
-- organisation counts under its ancestors and also under the successor of any of them that was
-- dissolved (and the successor's own ancestors), so the cells of the 63 old provinces sit under
-- the new provincial committees and a dissolved bloc's cells under the committee that replaced
-- it; its whole history too (trends restated onto today's organisations). Every organisation is
-- its own ancestor at depth 0; depth is the shortest number of steps. Sorted by ancestor, so an
-- organisation's subtree (ancestor_id = X: every organisation filter) reads a few row groups.
WITH RECURSIVE steps AS (
  SELECT org_id, parent_id AS next_id FROM core.organisations WHERE parent_id IS NOT NULL
  UNION
  SELECT org_id, successor_id FROM core.organisations WHERE successor_id IS NOT NULL
),
up(org_id, ancestor_id, depth) AS (
  SELECT org_id, org_id, 0 FROM core.organisations
  UNION
  SELECT u.org_id, s.next_id, u.depth + 1
  FROM up u JOIN steps s ON s.org_id = u.ancestor_id
  WHERE u.depth < 30
)
SELECT ancestor_id, org_id, min(depth) AS depth FROM up GROUP BY ancestor_id, org_id
ORDER BY ancestor_id, org_id

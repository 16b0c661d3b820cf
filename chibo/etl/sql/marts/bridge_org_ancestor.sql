-- grain: one row per (ancestor, organisation) pair; every organisation is its own ancestor at depth 0.
-- Sorted by organisation, so the path of a few organisations (the search, a label) reads a few row groups.
WITH RECURSIVE chain(org_id, ancestor_id, parent_id, depth) AS (
  SELECT org_id, org_id, parent_id, 0 FROM core.organisations
  UNION ALL
  SELECT c.org_id, o.org_id, o.parent_id, c.depth + 1
  FROM chain c JOIN core.organisations o ON o.org_id = c.parent_id
  WHERE c.depth < 30
)
SELECT ancestor_id, org_id, depth FROM chain
ORDER BY org_id, depth

-- grain: one row per organisation. sector and province are inherited from the nearest ancestor
-- that has them; base_org_id is the nearest base organisation (itself for a base cell or base
-- committee); province_code is the province at the time, province_code_current its 2025 successor;
-- region follows the current province ('central' when there is none).
WITH chain AS (
  SELECT b.org_id, b.depth, a.org_id AS ancestor_id, a.kind, a.sector, a.province_code
  FROM marts.bridge_org_ancestor b JOIN core.organisations a ON a.org_id = b.ancestor_id
),
inherited AS (
  SELECT org_id,
    arg_min(sector, depth) FILTER (WHERE sector IS NOT NULL) AS sector,
    arg_min(province_code, depth) FILTER (WHERE province_code IS NOT NULL) AS province_code,
    arg_min(ancestor_id, depth) FILTER (WHERE kind IN ('base_cell', 'base_committee')) AS base_org_id,
    max(depth) AS depth
  FROM chain GROUP BY org_id
),
final AS (
  SELECT o.org_id, o.name, o.kind, i.sector, o.parent_id, i.base_org_id, i.province_code,
    CASE WHEN p.is_current THEN p.province_code ELSE p.successor_code END AS province_code_current,
    coalesce(cur.region, 'central') AS region,
    o.founded_on AS valid_from, o.dissolved_on AS valid_to, o.successor_id, o.upper_powers, i.depth
  FROM core.organisations o
  JOIN inherited i USING (org_id)
  LEFT JOIN marts.dim_province p ON p.province_code = i.province_code
  LEFT JOIN marts.dim_province cur
    ON cur.province_code = CASE WHEN p.is_current THEN p.province_code ELSE p.successor_code END
)
SELECT * FROM final

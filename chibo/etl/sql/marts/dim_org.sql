-- grain: one row per organisation. sector and province are inherited from the nearest ancestor
-- that has them; base_org_id is the nearest base organisation (itself for a base cell or base
-- committee); province_code is the province at the time, province_code_current its 2025 successor;
-- region follows the current province ('central' when there is none). province_code_old places the
-- organisation among the 63 provinces of before 1 July 2025 (old-boundary views), and
-- old_province_how says how: recorded (its province is an old one), crosswalk (its new province
-- continues exactly one old one), predecessor (the organisations it succeeds lie in one old
-- province of its new province), ancestor (the nearest ancestor recorded with an old province of
-- its new province), unplaced (a new province merged from several old ones and no seat known:
-- province_code_old is NULL); NULL when it has no province. search_name is the name folded for
-- searching: lower case, without diacritics, đ as d (what the dashboard's search matches).
-- base_org_name is the name of base_org_id: a list naming a few cells with their base
-- organisation reads one row each, not a join of dim_org with itself. org_key numbers the
-- organisations 1 … N in org_id order: what the tables *_by_key store in place of the id.
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
located AS (
  SELECT o.*, i.sector AS inherited_sector, i.province_code AS inherited_province, i.base_org_id,
    i.depth, p.is_current,
    CASE WHEN p.is_current THEN p.province_code ELSE p.successor_code END AS current_code
  FROM core.organisations o JOIN inherited i USING (org_id)
  LEFT JOIN marts.dim_province p ON p.province_code = i.province_code
),
-- the old provinces of each new one: a new province continuing exactly one is placed by it
crosswalk AS (
  SELECT successor_code AS current_code, min(province_code) AS old_code
  FROM marts.dim_province WHERE NOT is_current AND successor_code IS NOT NULL
  GROUP BY successor_code HAVING count(*) = 1
),
by_predecessor AS (
  SELECT l.successor_id AS org_id, min(l.inherited_province) AS old_code
  FROM located l JOIN located s ON s.org_id = l.successor_id
  WHERE NOT l.is_current AND s.is_current AND l.current_code = s.current_code
  GROUP BY l.successor_id HAVING count(DISTINCT l.inherited_province) = 1
),
by_ancestor AS (
  SELECT c.org_id, arg_min(c.province_code, c.depth) AS old_code
  FROM chain c JOIN located o ON o.org_id = c.org_id AND o.is_current
  JOIN marts.dim_province p ON p.province_code = c.province_code
  WHERE c.depth > 0 AND NOT p.is_current AND p.successor_code = o.current_code
  GROUP BY c.org_id
),
final AS (
  SELECT l.org_id, l.name, l.kind, l.inherited_sector AS sector, l.parent_id, l.base_org_id,
    l.inherited_province AS province_code, l.current_code AS province_code_current,
    coalesce(cur.region, 'central') AS region,
    l.founded_on AS valid_from, l.dissolved_on AS valid_to, l.successor_id, l.upper_powers, l.depth,
    CASE WHEN NOT l.is_current THEN l.inherited_province
         ELSE coalesce(cw.old_code, bp.old_code, ba.old_code) END AS province_code_old,
    CASE WHEN l.is_current IS NULL THEN NULL
         WHEN NOT l.is_current THEN 'recorded'
         WHEN cw.old_code IS NOT NULL THEN 'crosswalk'
         WHEN bp.old_code IS NOT NULL THEN 'predecessor'
         WHEN ba.old_code IS NOT NULL THEN 'ancestor'
         ELSE 'unplaced' END AS old_province_how,
    replace(strip_accents(lower(l.name)), 'đ', 'd') AS search_name,
    bo.name AS base_org_name
  FROM located l
  LEFT JOIN core.organisations bo ON bo.org_id = l.base_org_id
  LEFT JOIN marts.dim_province cur ON cur.province_code = l.current_code
  LEFT JOIN crosswalk cw ON cw.current_code = l.current_code AND l.is_current
  LEFT JOIN by_predecessor bp ON bp.org_id = l.org_id
  LEFT JOIN by_ancestor ba ON ba.org_id = l.org_id
)
SELECT org_id, CAST(row_number() OVER (ORDER BY org_id) AS INTEGER) AS org_key,
  * EXCLUDE (org_id)
FROM final

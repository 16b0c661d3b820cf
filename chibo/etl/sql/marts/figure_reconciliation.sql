-- grain: one row per reported figure: the published value beside the warehouse value for the
-- same scope at the same date (as_of, else 31-12 of the stated year), the difference, and whether
-- they agree under the qualifier's tolerance (ref.qualifier_tolerance). Scopes resolve to a set
-- of organisations valid on that date: country → all; sector → dim_org.sector; province → old
-- code before the merger (ref.events province_merger_63_34), current "N" code from it on;
-- organisation → the subtree (without itself) of the one organisation whose name contains the
-- value (accents and case ignored), or of the organisations of a group (ref.scope_groups).
-- Admissions count from period_from (a range of years: their sum). A part is compared only when
-- its dimension is one the warehouse counts (gender female as members_female, status as
-- official/probationary, a sector through the scope, and the member characteristics of the
-- structure macros: marts.structure_part); never as its whole's total. A part whose
-- characteristic no member in scope has recorded is 'not_recorded', not compared.
WITH merger AS (
  SELECT coalesce(max(CAST(event_on AS DATE)), DATE '2025-07-01') AS merger_on
  FROM ref.events WHERE code = 'province_merger_63_34'
),
tolerance AS (
  SELECT qualifier, CAST(nullif(low_factor, '') AS DOUBLE) AS low_factor,
    CAST(nullif(high_factor, '') AS DOUBLE) AS high_factor,
    low_inclusive = 'true' AS low_inclusive, high_inclusive = 'true' AS high_inclusive,
    rule_vi, rule_en
  FROM ref.qualifier_tolerance
),
scope_groups AS (
  SELECT "group" AS group_code, kind, lower(strip_accents(name_prefix)) AS prefix,
    needs_province = 'true' AS needs_province
  FROM ref.scope_groups
),
orgs AS (
  SELECT org_id, name, kind, sector, province_code, province_code_current, upper_powers,
    coalesce(valid_from, DATE '1900-01-01') AS valid_from, valid_to,
    lower(strip_accents(name)) AS folded
  FROM marts.dim_org
),
figures AS (
  SELECT f.figure_id, f.doc_id, f.metric, f.value AS published_value, f.qualifier, f.year,
    f.scope_kind, f.scope_value, f.sector AS scope_sector, f.period_from, f.part_of_figure_id,
    f.dimension, f.dimension_value, f.share,
    coalesce(f.as_of, make_date(f.year, 12, 31)) AS as_of_used,
    CASE
      WHEN f.value IS NULL THEN 'share_only'
      WHEN f.dimension IS NOT NULL AND NOT (
             (f.dimension = 'gender' AND f.dimension_value = 'female' AND f.metric = 'members_female')
          OR (f.dimension = 'status' AND f.metric IN ('members_official', 'members_probationary'))
          OR (f.dimension = 'sector' AND f.sector = f.dimension_value)
          OR (f.metric IN ('members_total', 'new_admissions')
              AND marts.structure_part_known(f.dimension, f.dimension_value))) THEN 'part_dimension'
      -- a subset selected by what no dimension names ("các nông trường giáp biên có 5 chi bộ" of
      -- 11): it counts what its whole counts, so the warehouse's value is the whole's
      WHEN f.dimension IS NULL AND w.metric = f.metric THEN 'part_dimension'
      WHEN f.metric = 'new_admissions' AND f.period_from IS NULL THEN 'period_unknown'
      -- flows are kept from the first month of history on (earlier changes only fold into stocks)
      WHEN f.metric = 'new_admissions' AND f.period_from < (SELECT min(month) FROM marts.dim_month)
        THEN 'before_history'
    END AS not_compared,
    coalesce(f.scope_kind = 'organisation'
             AND f.scope_value IN (SELECT group_code FROM scope_groups), false) AS is_group
  FROM core.reported_figures f
  LEFT JOIN core.reported_figures w ON w.figure_id = f.part_of_figure_id
),
-- organisation scopes named by a name: every organisation valid on the date whose name
-- contains the value; a match inside another match's subtree is dropped ("Chi bộ cơ quan Liên
-- hiệp Hội" under "Đảng ủy Liên hiệp Hội"), so only the top matches count
name_matches AS (
  SELECT f.figure_id, o.org_id, o.name
  FROM figures f JOIN orgs o
    ON f.scope_kind = 'organisation' AND NOT f.is_group AND f.as_of_used IS NOT NULL
   AND contains(o.folded, lower(strip_accents(f.scope_value)))
   AND o.valid_from <= f.as_of_used AND (o.valid_to IS NULL OR o.valid_to > f.as_of_used)
),
top_matches AS (
  SELECT m.* FROM name_matches m
  WHERE NOT EXISTS (
    SELECT 1 FROM name_matches a JOIN marts.bridge_org_ancestor b
      ON b.ancestor_id = a.org_id AND b.depth > 0
    WHERE a.figure_id = m.figure_id AND b.org_id = m.org_id)
),
match_counts AS (
  SELECT figure_id, count(*) AS n, min(org_id) AS org_id, min(name) AS name,
    string_agg(name, '; ' ORDER BY name) AS names
  FROM top_matches GROUP BY figure_id
),
group_roots AS (
  SELECT f.figure_id, o.org_id
  FROM figures f JOIN scope_groups g ON f.is_group AND g.group_code = f.scope_value
  JOIN orgs o ON o.kind = g.kind AND starts_with(o.folded, g.prefix)
   AND (NOT g.needs_province OR o.province_code IS NOT NULL)
   AND o.valid_from <= f.as_of_used AND (o.valid_to IS NULL OR o.valid_to > f.as_of_used)
),
group_counts AS (
  SELECT figure_id, count(*) AS n FROM group_roots GROUP BY figure_id
),
province_target AS (
  SELECT f.figure_id, p.province_code, p.is_current,
    CASE WHEN f.as_of_used < m.merger_on OR p.is_current THEN p.province_code
         ELSE p.successor_code END AS code,
    CASE WHEN f.as_of_used < m.merger_on AND NOT p.is_current THEN 'province_code'
         ELSE 'province_code_current' END AS column_used
  FROM figures f CROSS JOIN merger m
  JOIN marts.dim_province p ON f.scope_kind = 'province' AND p.province_code = f.scope_value
),
resolution AS (
  SELECT f.*,
    CASE
      WHEN f.as_of_used IS NULL THEN 'no_date'
      WHEN f.scope_kind IS NULL THEN 'no_scope'
      WHEN f.scope_kind = 'country' THEN 'country'
      WHEN f.scope_kind = 'sector' THEN 'sector'
      WHEN f.scope_kind = 'province' AND pt.code IS NULL THEN 'unknown_province'
      WHEN f.scope_kind = 'province' THEN 'province'
      WHEN f.is_group AND coalesce(gc.n, 0) = 0 THEN 'no_match'
      WHEN f.is_group THEN 'group'
      WHEN coalesce(mc.n, 0) = 0 THEN 'no_match'
      WHEN mc.n > 1 THEN 'ambiguous'
      ELSE 'organisation'
    END AS resolution,
    pt.code AS province_target, pt.column_used, mc.n AS n_matches, mc.org_id AS matched_org_id,
    mc.name AS matched_name, mc.names AS matched_names, gc.n AS n_group
  FROM figures f
  LEFT JOIN province_target pt USING (figure_id)
  LEFT JOIN match_counts mc USING (figure_id)
  LEFT JOIN group_counts gc USING (figure_id)
),
resolved AS (
  SELECT *, resolution IN ('country', 'sector', 'province', 'group', 'organisation') AS resolved,
    CASE resolution
      WHEN 'no_date' THEN 'no date: neither as_of nor year is known'
      WHEN 'no_scope' THEN 'no scope named in the text'
      WHEN 'country' THEN 'country: every organisation'
      WHEN 'sector' THEN 'sector ' || scope_value || ': organisations of that sector'
      WHEN 'unknown_province' THEN 'province not recognised: "' || coalesce(scope_value, '') || '"'
      WHEN 'province' THEN 'province ' || province_target || ' (' || column_used || ')'
      WHEN 'group' THEN 'group ' || scope_value || ': subtrees of ' || n_group
                        || ' organisations (ref.scope_groups)'
      WHEN 'organisation' THEN 'organisation ' || matched_org_id || ' "' || matched_name
                               || '": its subtree'
      WHEN 'no_match' THEN 'no organisation valid on ' || strftime(as_of_used, '%Y-%m-%d')
                           || ' matches "' || coalesce(scope_value, '') || '"'
      WHEN 'ambiguous' THEN n_matches || ' organisations match "' || scope_value || '": '
                            || matched_names
    END || CASE WHEN scope_sector IS NOT NULL AND scope_kind IN ('country', 'province', 'organisation')
                AND resolution IN ('country', 'province', 'group', 'organisation')
                THEN '; sector ' || scope_sector ELSE '' END AS resolved_how
  FROM resolution
),
roots AS (
  SELECT figure_id, matched_org_id AS org_id FROM resolved WHERE resolution = 'organisation'
  UNION ALL
  SELECT g.figure_id, g.org_id FROM group_roots g
),
subtree AS (
  SELECT DISTINCT r.figure_id, b.org_id
  FROM roots r JOIN marts.bridge_org_ancestor b ON b.ancestor_id = r.org_id AND b.depth > 0
),
-- (figure, organisation valid on the figure's date within its scope)
in_scope AS (
  SELECT r.figure_id, r.metric, r.as_of_used, r.period_from, r.year, o.org_id, o.kind,
    o.upper_powers, o.folded, o.province_code
  FROM resolved r JOIN orgs o
    ON r.resolution IN ('country', 'sector', 'province')
   AND (r.resolution <> 'sector' OR o.sector = r.scope_value)
   AND (r.resolution <> 'province' OR (CASE r.column_used WHEN 'province_code' THEN o.province_code
                                       ELSE o.province_code_current END) = r.province_target)
  WHERE o.valid_from <= r.as_of_used AND (o.valid_to IS NULL OR o.valid_to > r.as_of_used)
    AND (r.scope_sector IS NULL OR r.resolution = 'sector' OR o.sector = r.scope_sector)
  UNION ALL
  SELECT r.figure_id, r.metric, r.as_of_used, r.period_from, r.year, o.org_id, o.kind,
    o.upper_powers, o.folded, o.province_code
  FROM resolved r JOIN subtree s USING (figure_id) JOIN orgs o ON o.org_id = s.org_id
  WHERE o.valid_from <= r.as_of_used AND (o.valid_to IS NULL OR o.valid_to > r.as_of_used)
    AND (r.scope_sector IS NULL OR o.sector = r.scope_sector)
),
province_blocs AS (
  SELECT s.figure_id, count(*) AS n
  FROM in_scope s JOIN scope_groups g ON g.group_code = 'province_bloc_committees'
   AND s.kind = g.kind AND starts_with(s.folded, g.prefix)
   AND (NOT g.needs_province OR s.province_code IS NOT NULL)
  GROUP BY s.figure_id
),
org_counts AS (
  SELECT figure_id,
    count(*) FILTER (WHERE kind IN ('base_cell', 'base_committee')) AS base_orgs_total,
    count(*) FILTER (WHERE kind = 'base_committee' AND NOT upper_powers) AS base_party_committees,
    count(*) FILTER (WHERE kind = 'base_committee' AND upper_powers) AS base_committees_upper_powers,
    count(*) FILTER (WHERE kind = 'base_cell') AS base_cells,
    count(*) FILTER (WHERE kind = 'sub_cell') AS sub_cells,
    count(*) FILTER (WHERE kind IN ('base_cell', 'sub_cell')) AS cells_total,
    count(*) FILTER (WHERE kind = 'upper_committee') AS upper_committees,
    count(*) FILTER (WHERE kind = 'partial_committee') AS partial_committees,
    count(*) FILTER (WHERE kind = 'bloc_committee') AS bloc_committees,
    count(*) FILTER (WHERE kind = 'province_committee') AS province_committees
  FROM in_scope GROUP BY figure_id
),
-- members on the figure's day and admissions from its period_from to it, by the marts' one definition
-- (the exact-day macros over fct_membership_monthly and fct_membership_daily)
member_days AS (
  SELECT DISTINCT as_of_used FROM in_scope
  WHERE metric IN ('members_total', 'members_official', 'members_probationary', 'members_female')
),
member_stocks AS (
  SELECT d.as_of_used, s.* FROM member_days d, LATERAL marts.cell_stocks_on(d.as_of_used) s
),
admission_periods AS (
  SELECT DISTINCT period_from, as_of_used FROM in_scope
  WHERE metric = 'new_admissions' AND period_from IS NOT NULL
),
member_flows AS (
  SELECT p.period_from, p.as_of_used, f.org_id, f.admitted
  FROM admission_periods p, LATERAL marts.cell_flows_between(p.period_from, p.as_of_used) f
),
member_counts AS (
  SELECT s.figure_id, sum(st.members) AS members_total, sum(st.official) AS members_official,
    sum(st.probationary) AS members_probationary, sum(st.female) AS members_female,
    sum(fl.admitted) AS new_admissions
  FROM in_scope s
  LEFT JOIN member_stocks st ON st.as_of_used = s.as_of_used AND st.org_id = s.org_id
  LEFT JOIN member_flows fl ON fl.as_of_used = s.as_of_used AND fl.period_from = s.period_from
    AND fl.org_id = s.org_id
  WHERE s.metric IN ('members_total', 'members_official', 'members_probationary',
                     'members_female', 'new_admissions')
  GROUP BY s.figure_id
),
-- parts by a member characteristic (ethnic minorities, aged 18 to 30, women among admissions …):
-- the structure macros' rows of the organisations in scope matching the part; `known` counts the
-- rows that record the characteristic (none: not compared, the files do not say)
part_figures AS (
  SELECT figure_id, metric, dimension, dimension_value FROM figures
  WHERE not_compared IS NULL AND metric IN ('members_total', 'new_admissions')
    AND marts.structure_part_known(dimension, dimension_value)
),
part_days AS (
  SELECT DISTINCT i.as_of_used FROM in_scope i JOIN part_figures p USING (figure_id)
  WHERE p.metric = 'members_total'
),
part_members AS (
  SELECT d.as_of_used, s.* FROM part_days d, LATERAL marts.structure_on(d.as_of_used) s
),
part_periods AS (
  SELECT DISTINCT i.period_from, i.as_of_used FROM in_scope i JOIN part_figures p USING (figure_id)
  WHERE p.metric = 'new_admissions' AND i.period_from IS NOT NULL
),
part_admissions AS (
  SELECT d.period_from, d.as_of_used, s.*
  FROM part_periods d, LATERAL marts.admission_structure_between(d.period_from, d.as_of_used) s
),
part_rows AS (
  SELECT i.figure_id, marts.structure_part(p.dimension, p.dimension_value, m.gender, m.age,
    m.ethnicity, m.religion, m.professional_level, m.political_theory) AS hit
  FROM in_scope i JOIN part_figures p USING (figure_id)
  JOIN part_members m ON p.metric = 'members_total' AND m.as_of_used = i.as_of_used
   AND m.org_id = i.org_id
  UNION ALL
  SELECT i.figure_id, marts.structure_part(p.dimension, p.dimension_value, a.gender, a.age,
    a.ethnicity, a.religion, a.professional_level, a.political_theory)
  FROM in_scope i JOIN part_figures p USING (figure_id)
  JOIN part_admissions a ON p.metric = 'new_admissions' AND a.as_of_used = i.as_of_used
   AND a.period_from = i.period_from AND a.org_id = i.org_id
),
part_counts AS (
  SELECT p.figure_id, count(*) FILTER (WHERE r.hit) AS n, count(r.hit) AS known
  FROM part_figures p LEFT JOIN part_rows r USING (figure_id) GROUP BY p.figure_id
),
valued AS (
  SELECT r.*, pc.known = 0 AS part_not_recorded,
    CASE WHEN NOT r.resolved OR r.not_compared IS NOT NULL OR pc.known = 0 THEN NULL
      WHEN pc.figure_id IS NOT NULL THEN CAST(pc.n AS DOUBLE)
      ELSE CAST(CASE r.metric
        WHEN 'members_total' THEN coalesce(mc.members_total, 0)
        WHEN 'members_official' THEN coalesce(mc.members_official, 0)
        WHEN 'members_probationary' THEN coalesce(mc.members_probationary, 0)
        WHEN 'members_female' THEN coalesce(mc.members_female, 0)
        WHEN 'new_admissions' THEN coalesce(mc.new_admissions, 0)
        WHEN 'base_orgs_total' THEN coalesce(oc.base_orgs_total, 0)
        WHEN 'base_party_committees' THEN coalesce(oc.base_party_committees, 0)
        WHEN 'base_committees_upper_powers' THEN coalesce(oc.base_committees_upper_powers, 0)
        WHEN 'base_cells' THEN coalesce(oc.base_cells, 0)
        WHEN 'sub_cells' THEN coalesce(oc.sub_cells, 0)
        WHEN 'cells_total' THEN coalesce(oc.cells_total, 0)
        WHEN 'upper_committees' THEN coalesce(oc.upper_committees, 0)
        WHEN 'partial_committees' THEN coalesce(oc.partial_committees, 0)
        WHEN 'bloc_committees' THEN coalesce(oc.bloc_committees, 0)
        WHEN 'province_committees' THEN coalesce(oc.province_committees, 0)
        WHEN 'province_bloc_committees' THEN coalesce(pb.n, 0)
      END AS DOUBLE) END AS warehouse_value
  FROM resolved r
  LEFT JOIN org_counts oc USING (figure_id)
  LEFT JOIN member_counts mc USING (figure_id)
  LEFT JOIN province_blocs pb USING (figure_id)
  LEFT JOIN part_counts pc USING (figure_id)
),
bounds AS (
  SELECT v.*, t.low_factor * v.published_value AS tolerance_low,
    t.high_factor * v.published_value AS tolerance_high, t.low_inclusive, t.high_inclusive,
    t.rule_vi, t.rule_en
  FROM valued v LEFT JOIN tolerance t USING (qualifier)
),
-- the bounds in Vietnamese number format, up to two decimals: 4.423,2 / 291.000 / 8,73
texts AS (
  SELECT *,
    regexp_replace(regexp_replace(translate(format('{:,.2f}', tolerance_low), ',.', '.,'),
                                  '0+$', ''), ',$', '') AS low_text,
    regexp_replace(regexp_replace(translate(format('{:,.2f}', tolerance_high), ',.', '.,'),
                                  '0+$', ''), ',$', '') AS high_text
  FROM bounds
),
final AS (
  SELECT figure_id, doc_id, metric, published_value, qualifier, as_of_used, period_from, year,
    scope_kind, scope_value, scope_sector, part_of_figure_id, dimension, dimension_value, share,
    CASE WHEN part_not_recorded AND resolved THEN 'not_recorded' ELSE not_compared END
      AS not_compared, resolved, resolution, resolved_how,
    CASE WHEN resolution = 'organisation' THEN matched_org_id END AS scope_org_id,
    CASE WHEN resolution = 'province' THEN province_target END AS scope_province_code,
    metric IN ('members_total', 'members_official', 'members_probationary', 'members_female',
               'new_admissions', 'base_orgs_total', 'base_party_committees',
               'base_committees_upper_powers', 'base_cells', 'sub_cells', 'cells_total',
               'upper_committees', 'partial_committees', 'bloc_committees',
               'province_committees', 'province_bloc_committees') AS metric_in_warehouse,
    warehouse_value,
    warehouse_value - published_value AS difference,
    (warehouse_value - published_value) / nullif(published_value, 0) AS relative_difference,
    CASE WHEN warehouse_value IS NULL OR tolerance_low IS NULL THEN NULL
      ELSE (CASE WHEN low_inclusive THEN warehouse_value >= tolerance_low
                 ELSE warehouse_value > tolerance_low END)
       AND (CASE WHEN high_inclusive THEN warehouse_value <= tolerance_high
                 ELSE warehouse_value < tolerance_high END)
    END AS agrees,
    tolerance_low, tolerance_high, low_inclusive, high_inclusive,
    -- "291.000 ≤ x ≤ 300.000": the accepted warehouse values
    CASE WHEN tolerance_low IS NULL THEN rule_vi
      WHEN tolerance_low = tolerance_high THEN '= ' || low_text
      ELSE low_text || CASE WHEN low_inclusive THEN ' ≤ x ' ELSE ' < x ' END
        || CASE WHEN high_inclusive THEN '≤ ' ELSE '< ' END || high_text
    END AS tolerance_text,
    rule_vi AS tolerance_rule_vi, rule_en AS tolerance_rule_en
  FROM texts
)
SELECT * FROM final ORDER BY figure_id

-- grain: one row per warning from the Party Charter checks (warnings, never rejections).
-- rule codes: cell_few_full_members (the cells_lt3 definition: existing at the end of the last
-- month with at least one member and fewer than 3 full members), cell_without_members (existing
-- then with no member on record), base_cell_30_plus, probation_overdue (probationary for more
-- than 12 months at the last loaded day), admission_age, missed_regular_meeting (a cell existing
-- through the whole month, with members at its start and end, holding no regular meeting, whether
-- or not it ever reported; only months inside the span of meeting data loaded for cells of its
-- province (as recorded) and sector: data not loaded at all is not a missed meeting),
-- quality_score_mismatch (a quality level contradicting the score under the load's thresholds),
-- excellent_share. month = the month the warning refers to.
WITH last AS (SELECT max(month) AS month, max(month_end) AS month_end FROM marts.dim_month),
latest AS (
  SELECT f.*, o.org_id, o.kind FROM marts.fct_membership_monthly_by_key f
  JOIN marts.dim_org o USING (org_key)
  WHERE f.month = (SELECT month FROM last)
),
few_full AS (
  SELECT 'cell_few_full_members' AS rule, org_id, NULL AS member_id, month,
    'official=' || official AS detail FROM latest WHERE cells_lt3 = 1
),
empty_cell AS (
  SELECT 'cell_without_members', org_id, NULL, month, 'members=0'
  FROM latest WHERE cells = 1 AND official + probationary = 0
),
big_base_cell AS (
  SELECT 'base_cell_30_plus', org_id, NULL, month, 'members=' || (official + probationary)
  FROM latest WHERE kind = 'base_cell' AND official + probationary >= 30
),
probation AS (
  SELECT 'probation_overdue', m.org_id, m.member_id, (SELECT month FROM last),
    'admitted_on=' || strftime(m.admitted_on, '%d/%m/%Y')
  FROM core.members m
  WHERE m.official_on IS NULL AND m.left_on IS NULL
    AND m.admitted_on + INTERVAL 12 MONTH < (SELECT month_end FROM last)
),
age AS (
  SELECT 'admission_age', m.org_id, m.member_id, CAST(date_trunc('month', m.admitted_on) AS DATE),
    'age=' || (year(m.admitted_on) - m.birth_year)
  FROM core.members m
  WHERE m.joined_on = m.admitted_on AND (year(m.admitted_on) - m.birth_year NOT BETWEEN 18 AND 60)
),
meeting_span AS (  -- the months of each cell first, then per province and sector
  SELECT o.province_code, o.sector, min(f.first_month) AS first_month,
    max(f.last_month) AS last_month
  FROM (SELECT org_key, min(month) AS first_month, max(month) AS last_month
        FROM marts.fct_meetings_monthly_by_key GROUP BY org_key) f
  JOIN marts.dim_org o USING (org_key) GROUP BY ALL
),
-- Members at a month's start: its members less its net flows (the stock-flow identity the
-- warehouse checks, chibo/etl/integrity.py), for every month but the cell's first (history's
-- first month, or the month it was founded in on a later day than the first): no window over
-- every cell-month. The cell's id is joined to the warnings only.
missed AS (  -- no month with a regular meeting held (fct_meetings_monthly: one row per cell-month)
  SELECT 'missed_regular_meeting', o.org_id, NULL, g.month, 'regular_held=0'
  FROM marts.fct_membership_monthly_by_key g JOIN marts.dim_org o USING (org_key)
  JOIN meeting_span s ON s.province_code IS NOT DISTINCT FROM o.province_code
   AND s.sector IS NOT DISTINCT FROM o.sector
   AND g.month BETWEEN s.first_month AND s.last_month
  ANTI JOIN (SELECT org_key, month FROM marts.fct_meetings_monthly_by_key WHERE regular_held <> 0) mm
    ON mm.org_key = g.org_key AND mm.month = g.month
  WHERE g.cells = 1 AND g.official + g.probationary > 0
    AND g.official + g.probationary
        - (g.admitted + g.transferred_in - g.transferred_out - g.left_party) > 0
    AND g.month > (SELECT min(month) FROM marts.dim_month)
    AND (o.valid_from IS NULL OR o.valid_from < g.month)
),
mismatch AS (
  SELECT 'quality_score_mismatch', org_id, NULL, CAST(date_trunc('month', held_on) AS DATE),
    'meeting=' || meeting_id || ';score=' || score || ';quality=' || quality
      || ';score_quality=' || score_quality
  FROM core.meetings WHERE quality <> score_quality
),
excellent AS (
  SELECT 'excellent_share', o.base_org_id, NULL, make_date(a.year, 12, 1),
    'excellent=' || sum(a.members) FILTER (WHERE a.rating = 4) || ';good=' || coalesce(sum(a.members) FILTER (WHERE a.rating = 3), 0)
  FROM marts.fct_member_assessment_yearly a JOIN marts.dim_org o USING (org_id)
  WHERE o.base_org_id IS NOT NULL
  GROUP BY o.base_org_id, a.year
  HAVING sum(a.members) FILTER (WHERE a.rating = 4) > 0.2 * coalesce(sum(a.members) FILTER (WHERE a.rating = 3), 0)
),
final AS (
  SELECT * FROM few_full UNION ALL SELECT * FROM empty_cell UNION ALL SELECT * FROM big_base_cell
  UNION ALL SELECT * FROM probation UNION ALL SELECT * FROM age UNION ALL SELECT * FROM missed
  UNION ALL SELECT * FROM mismatch UNION ALL SELECT * FROM excellent
)
SELECT rule, 'warning' AS severity, org_id, member_id, CAST(month AS DATE) AS month, detail FROM final

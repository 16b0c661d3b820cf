-- grain: one row per month × province (recorded code) × old province × current province × region
-- × sector × age band with admissions in that month (month = first day): the rows of
-- marts.admission_structure_between over the whole history (age at admission, its definition),
-- counted by the month of admission and the rollup keys of agg_members_monthly (dim_org's
-- columns of the admitting cell). The members page's KPI card "admissions aged 30 or younger"
-- sums whole months here instead of every admission of the country in the period; dates that cut
-- a month and organisation subtrees read the macro.
SELECT CAST(date_trunc('month', s.admitted_on) AS DATE) AS month, o.province_code,
  o.province_code_old, o.province_code_current, o.region, o.sector, s.age_band,
  CAST(count(*) AS INTEGER) AS admitted
FROM marts.admission_structure_between(DATE '0001-01-01', DATE '9999-12-31') s
JOIN marts.dim_org o ON o.org_id = s.org_id
GROUP BY ALL
ORDER BY month, province_code_current, province_code, province_code_old, region, sector, age_band

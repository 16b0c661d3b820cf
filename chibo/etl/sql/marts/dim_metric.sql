-- grain: one row per metric the dashboard shows: the one definition of each (chibo/etl/reference/
-- metrics.csv) that labels, "ⓘ" definitions, subtitles, exports and slides read. kind: stock (a
-- value on a day), flow (a count over dates) or rate; over_time / across_orgs say how it
-- aggregates (value_on_day, sum_over_period, ratio_of_sums, weighted_mean, per_month, per_year;
-- sum, ratio_of_sums, weighted_mean); formula says in a few words how it is computed (the charts'
-- subtitles; empty when the label says it all); source names the mart columns it reads.
SELECT metric, label_vi, label_en, definition_vi, definition_en,
  coalesce(formula_vi, '') AS formula_vi, coalesce(formula_en, '') AS formula_en, unit, kind, over_time, across_orgs,
  source, CAST(sort_order AS INTEGER) AS sort_order
FROM ref.metrics ORDER BY sort_order

-- Organisations on a day, written once for every reader (the dashboard's base-organisation
-- counts and trees, marts.agg_subtree_monthly): an organisation exists on day D from its
-- valid_from (no date: since always) until the day before its valid_to (no date: still exists).
CREATE OR REPLACE MACRO marts.org_on(valid_from, valid_to, d) AS
  coalesce(valid_from, DATE '1900-01-01') <= d AND coalesce(valid_to, DATE '9999-12-31') > d;

-- The warehouse contract: every table readers may use (schemas marts and meta), its grain (the
-- table's comment: one row per …), its columns with their DuckDB types in order, and notes on some
-- columns. A new generation is published only when its tables match this exactly; the README's
-- tables and the dashboard's test warehouse are made from it (chibo/etl/contract.py).
-- A new column is one line (each column line ends with a comma); a new mart is one CREATE TABLE
-- with its COMMENT (and its SQL file in marts/).
-- A column GENERATED ALWAYS AS (…) VIRTUAL is computed when read and takes no space in the file:
-- readers select it as any other column, the mart's SQL leaves it out (the ETL creates such a
-- table from its statement here and inserts the mart's rows by name).
-- The big facts store organisations by number: a table marts.<name>_by_key holds org_key (and
-- base_org_key, parent_key), dim_org.org_key, 1 … N in org_id order, made at each publication (a
-- few bits a row on disk, nothing in the column's type). Each comes with the view marts.<name>
-- (chibo/etl/contract.py makes it): the same columns, a key shown as the id it keys (org_id,
-- base_org_id, parent_id), for any reader; filtering the stored table by the keys of a dim_org
-- selection reads fewer bytes.

CREATE SCHEMA marts;
CREATE SCHEMA meta;

CREATE TABLE marts.dim_month (
    month DATE,
    month_end DATE,
);
COMMENT ON TABLE marts.dim_month IS 'month of history, 2010-01 … the last month with loaded data';

CREATE TABLE marts.dim_province (
    province_code VARCHAR,
    name VARCHAR,
    is_current BOOLEAN,
    successor_code VARCHAR,
    region VARCHAR,
    seat_lat DOUBLE,
    seat_lon DOUBLE,
    valid_from DATE,
    valid_to DATE,
);
COMMENT ON TABLE marts.dim_province IS 'province (63 old + 34 new)';

CREATE TABLE marts.dim_region (
    region VARCHAR,
    name_vi VARCHAR,
    name_en VARCHAR,
    sort_order INTEGER,
);
COMMENT ON TABLE marts.dim_region IS 'region';

CREATE TABLE marts.dim_org (
    org_id VARCHAR,
    org_key INTEGER,
    name VARCHAR,
    kind VARCHAR,
    sector VARCHAR,
    parent_id VARCHAR,
    base_org_id VARCHAR,
    province_code VARCHAR,
    province_code_current VARCHAR,
    region VARCHAR,
    valid_from DATE,
    valid_to DATE,
    successor_id VARCHAR,
    upper_powers BOOLEAN,
    depth INTEGER,
    province_code_old VARCHAR,
    old_province_how VARCHAR,
    search_name VARCHAR,
    base_org_name VARCHAR,
);
COMMENT ON TABLE marts.dim_org IS 'organisation';
COMMENT ON COLUMN marts.dim_org.org_key IS 'the organisation''s number, 1 … N in org_id order, made at each publication: what the tables *_by_key store in place of its id';
COMMENT ON COLUMN marts.dim_org.old_province_how IS 'recorded, crosswalk, predecessor, ancestor, unplaced (see Old boundaries)';
COMMENT ON COLUMN marts.dim_org.search_name IS 'the name in lower case, without diacritics, đ as d: what the organisation search matches';
COMMENT ON COLUMN marts.dim_org.base_org_name IS 'the name of base_org_id';

CREATE TABLE marts.bridge_org_ancestor (
    ancestor_id VARCHAR,
    org_id VARCHAR,
    depth INTEGER,
);
COMMENT ON TABLE marts.bridge_org_ancestor IS '(ancestor, organisation), the organisation itself at depth 0';

CREATE TABLE marts.bridge_org_lineage (
    ancestor_id VARCHAR,
    org_id VARCHAR,
    depth INTEGER,
);
COMMENT ON TABLE marts.bridge_org_lineage IS '(ancestor, organisation) over the hierarchy and the succession: also under the successor of a dissolved ancestor (and its ancestors), so the new provincial committee holds the old provinces'' organisations, history included; what the organisation filter and organisation scopes use';
COMMENT ON COLUMN marts.bridge_org_lineage.depth IS 'shortest';

CREATE TABLE marts.dim_metric (
    metric VARCHAR,
    label_vi VARCHAR,
    label_en VARCHAR,
    definition_vi VARCHAR,
    definition_en VARCHAR,
    formula_vi VARCHAR,
    formula_en VARCHAR,
    unit VARCHAR,
    kind VARCHAR,
    over_time VARCHAR,
    across_orgs VARCHAR,
    source VARCHAR,
    sort_order INTEGER,
);
COMMENT ON TABLE marts.dim_metric IS 'metric shown by the dashboard (from chibo/etl/reference/metrics.csv): the one definition that labels, definitions (ⓘ), subtitles, exports and slides read';
COMMENT ON COLUMN marts.dim_metric.kind IS 'stock, flow, rate';
COMMENT ON COLUMN marts.dim_metric.formula_vi IS 'how it is computed in a few words, for the charts'' subtitles; empty when the label says it all';

CREATE TABLE marts.fct_membership_monthly_by_key (
    month DATE,
    org_key INTEGER,
    official INTEGER,
    probationary INTEGER,
    admitted INTEGER,
    left_death INTEGER,
    left_struck_off INTEGER,
    left_expelled INTEGER,
    left_resigned INTEGER,
    left_other INTEGER,
    female INTEGER,
    transferred_in INTEGER,
    transferred_out INTEGER,
    left_party INTEGER GENERATED ALWAYS AS (left_death + left_struck_off + left_expelled + left_resigned + left_other) VIRTUAL,
    cells INTEGER,
    cells_lt3 INTEGER,
);
COMMENT ON TABLE marts.fct_membership_monthly_by_key IS 'cell × month from the month it was founded (or 2010-01) to the month of its dissolution day (or the last loaded month); stocks on the month''s last day, flows within the month';
COMMENT ON COLUMN marts.fct_membership_monthly_by_key.org_key IS 'dim_org.org_key of the organisation';
COMMENT ON COLUMN marts.fct_membership_monthly_by_key.left_party IS 'departures from the Party; all who left the cell = transferred_out + left_party';
COMMENT ON COLUMN marts.fct_membership_monthly_by_key.cells IS '1 when the cell exists on the last day';
COMMENT ON COLUMN marts.fct_membership_monthly_by_key.cells_lt3 IS '1 when it then exists with at least one member and fewer than 3 full members';

CREATE TABLE marts.fct_membership_daily_by_key (
    day DATE,
    org_key INTEGER,
    d_official INTEGER,
    d_probationary INTEGER,
    d_female INTEGER,
    d_cells INTEGER,
    d_cells_lt3 INTEGER,
    admitted INTEGER,
    transferred_in INTEGER,
    transferred_out INTEGER,
    left_party INTEGER GENERATED ALWAYS AS (left_death + left_struck_off + left_expelled + left_resigned + left_other) VIRTUAL,
    left_death INTEGER,
    left_struck_off INTEGER,
    left_expelled INTEGER,
    left_resigned INTEGER,
    left_other INTEGER,
);
COMMENT ON TABLE marts.fct_membership_daily_by_key IS 'cell × day on which its membership or existence changed';
COMMENT ON COLUMN marts.fct_membership_daily_by_key.org_key IS 'dim_org.org_key of the organisation';
COMMENT ON COLUMN marts.fct_membership_daily_by_key.d_cells_lt3 IS 'd_* are changes of the stocks; the other columns are the flows of the day';

CREATE TABLE marts.fct_member_structure_yearly_by_key (
    year BIGINT,
    org_key INTEGER,
    gender VARCHAR,
    age_band VARCHAR,
    members INTEGER,
);
COMMENT ON TABLE marts.fct_member_structure_yearly_by_key IS 'cell × year × gender × age band, on 31-12 (the latest year: on the last loaded day); marts.structure_on(D) counted';
COMMENT ON COLUMN marts.fct_member_structure_yearly_by_key.org_key IS 'dim_org.org_key of the organisation';
COMMENT ON COLUMN marts.fct_member_structure_yearly_by_key.age_band IS '18_30, 31_40, 41_50, 51_60, 61_plus, unknown';

CREATE TABLE marts.fct_member_structure_by_key (
    org_key INTEGER,
    joined_on DATE,
    left_on DATE,
    admission BOOLEAN,
    official_from DATE,
    gender VARCHAR,
    birth_year SMALLINT,
    ethnicity VARCHAR,
    ethnic_group VARCHAR,
    religion VARCHAR,
    education VARCHAR,
    professional_level VARCHAR,
    political_theory VARCHAR,
);
COMMENT ON TABLE marts.fct_member_structure_by_key IS 'member-in-cell row (as fct_membership_daily counts them) with the characteristics structure statistics select on, no member id; counted on a day or over a period only through marts.structure_on(D) and marts.admission_structure_between(A, B) (see Member structure)';
COMMENT ON COLUMN marts.fct_member_structure_by_key.org_key IS 'dim_org.org_key of the organisation';
COMMENT ON COLUMN marts.fct_member_structure_by_key.admission IS 'joined_on = admitted_on';
COMMENT ON COLUMN marts.fct_member_structure_by_key.gender IS 'male, female, unknown';
COMMENT ON COLUMN marts.fct_member_structure_by_key.ethnicity IS 'kinh, minority, foreign_origin, other, unknown';
COMMENT ON COLUMN marts.fct_member_structure_by_key.ethnic_group IS 'chibo/etl/reference/ethnicities.csv, unknown';
COMMENT ON COLUMN marts.fct_member_structure_by_key.religion IS 'none, buddhism, catholicism, protestantism, cao_dai, hoa_hao, islam, other, unknown';
COMMENT ON COLUMN marts.fct_member_structure_by_key.education IS 'primary, lower_secondary, upper_secondary, unknown';
COMMENT ON COLUMN marts.fct_member_structure_by_key.professional_level IS 'none, vocational, college, university, master, doctorate, unknown';
COMMENT ON COLUMN marts.fct_member_structure_by_key.political_theory IS 'none, elementary, intermediate, advanced, unknown';

CREATE TABLE marts.dim_structure (
    dimension VARCHAR,
    value VARCHAR,
    label_vi VARCHAR,
    label_en VARCHAR,
    sort_order INTEGER,
);
COMMENT ON TABLE marts.dim_structure IS 'dimension and value of the member structure: words and display order';
COMMENT ON COLUMN marts.dim_structure.dimension IS 'status, gender, age_band, ethnicity, ethnic_group, religion, education, professional_level, political_theory';

CREATE TABLE marts.agg_member_structure (
    day DATE,
    province_code VARCHAR,
    province_code_old VARCHAR,
    province_code_current VARCHAR,
    region VARCHAR,
    sector VARCHAR,
    dimension VARCHAR,
    value VARCHAR,
    members BIGINT,
);
COMMENT ON TABLE marts.agg_member_structure IS 'day × the rollup keys of agg_members_monthly × dimension × value: marts.structure_long_on(D) summed, on 31-12 of every year of history, on the last loaded day and on the end of its month a year earlier';

CREATE TABLE marts.agg_admissions_age_monthly (
    month DATE,
    province_code VARCHAR,
    province_code_old VARCHAR,
    province_code_current VARCHAR,
    region VARCHAR,
    sector VARCHAR,
    age_band VARCHAR,
    admitted INTEGER,
);
COMMENT ON TABLE marts.agg_admissions_age_monthly IS 'month × the rollup keys of agg_members_monthly × age band: the admissions of marts.admission_structure_between counted by the month of admission and the age band at admission';

CREATE TABLE marts.agg_subtree_structure (
    day DATE,
    org_id VARCHAR,
    dimension VARCHAR,
    value VARCHAR,
    members BIGINT,
);
COMMENT ON TABLE marts.agg_subtree_structure IS 'organisation subtree × day × dimension × value, for every organisation above the cells (committees, base committees) on the days of agg_member_structure: marts.structure_long_on(D) summed over the subtree the organisation filter selects (bridge_org_lineage), sorted by org_id';
COMMENT ON COLUMN marts.agg_subtree_structure.org_id IS 'the top of the subtree, itself included';
COMMENT ON COLUMN marts.agg_subtree_structure.dimension IS 'as agg_member_structure without ethnic_group';

CREATE TABLE marts.agg_org_tree_by_key (
    day DATE,
    org_key INTEGER,
    parent_key INTEGER,
    depth INTEGER,
    members BIGINT,
);
COMMENT ON TABLE marts.agg_org_tree_by_key IS 'day × organisation existing on that day with members in its subtree, on 31-12 of every year of history, on the last loaded day and on the end of its month a year earlier: the tree over the lineage (only existing organisations are nodes)';
COMMENT ON COLUMN marts.agg_org_tree_by_key.org_key IS 'dim_org.org_key of the organisation';
COMMENT ON COLUMN marts.agg_org_tree_by_key.parent_key IS 'the deepest existing ancestor over bridge_org_lineage (by dim_org.depth, then org_id); NULL at the top';
COMMENT ON COLUMN marts.agg_org_tree_by_key.depth IS 'existing ancestors';
COMMENT ON COLUMN marts.agg_org_tree_by_key.members IS 'official + probationary members on the day in the existing cells of the subtree';

CREATE TABLE marts.fct_meetings_monthly_by_key (
    month DATE,
    org_key INTEGER,
    regular_held INTEGER,
    thematic_held INTEGER,
    online_held INTEGER,
    hybrid_held INTEGER,
    expected INTEGER,
    present INTEGER GENERATED ALWAYS AS (expected - absent) VIRTUAL,
    good INTEGER GENERATED ALWAYS AS (regular_held + thematic_held - unrated - fair - average - poor) VIRTUAL,
    fair INTEGER,
    average INTEGER,
    poor INTEGER,
    score_sum DOUBLE,
    scored INTEGER,
    absent INTEGER,
    unrated INTEGER,
);
COMMENT ON TABLE marts.fct_meetings_monthly_by_key IS 'cell × month with a meeting';
COMMENT ON COLUMN marts.fct_meetings_monthly_by_key.present IS 'members present, summed over the month''s meetings';
COMMENT ON COLUMN marts.fct_meetings_monthly_by_key.good IS 'meetings rated good (level 4)';
COMMENT ON COLUMN marts.fct_meetings_monthly_by_key.unrated IS 'meetings without a quality level (none given, no score): stored in place of good, nearly always 0';
COMMENT ON COLUMN marts.fct_meetings_monthly_by_key.absent IS 'expected - present: stored in place of present (a few bits a row where present took a byte)';
COMMENT ON COLUMN marts.fct_meetings_monthly_by_key.score_sum IS 'the scores of the scored meetings summed: mean score = score_sum / scored';
COMMENT ON COLUMN marts.fct_meetings_monthly_by_key.org_key IS 'dim_org.org_key of the organisation';

CREATE TABLE marts.fct_assessment_yearly (
    year INTEGER,
    org_id VARCHAR,
    rating TINYINT,
);
COMMENT ON TABLE marts.fct_assessment_yearly IS 'organisation × year';
COMMENT ON COLUMN marts.fct_assessment_yearly.rating IS '1..4';

CREATE TABLE marts.fct_member_assessment_yearly_by_key (
    year INTEGER,
    org_key INTEGER,
    rating TINYINT,
    members INTEGER,
);
COMMENT ON TABLE marts.fct_member_assessment_yearly_by_key IS 'cell × year × rating';
COMMENT ON COLUMN marts.fct_member_assessment_yearly_by_key.org_key IS 'dim_org.org_key of the organisation';

CREATE TABLE marts.agg_members_monthly (
    month DATE,
    province_code VARCHAR,
    province_code_old VARCHAR,
    province_code_current VARCHAR,
    region VARCHAR,
    sector VARCHAR,
    cells INTEGER,
    cells_lt3 INTEGER,
    official BIGINT,
    probationary BIGINT,
    female BIGINT,
    admitted BIGINT,
    "left" BIGINT,
    left_transfer_out BIGINT,
    left_death BIGINT,
    left_struck_off BIGINT,
    left_expelled BIGINT,
    left_resigned BIGINT,
    left_other BIGINT,
    transferred_in BIGINT,
    transferred_out BIGINT,
    left_party BIGINT,
    base_orgs INTEGER,
);
COMMENT ON TABLE marts.agg_members_monthly IS 'month × province_code × province_code_old × province_code_current × region × sector: fct_membership_monthly summed, plus base organisations';
COMMENT ON COLUMN marts.agg_members_monthly.base_orgs IS 'existing on the last day';

CREATE TABLE marts.agg_subtree_monthly (
    month DATE,
    org_id VARCHAR,
    official BIGINT,
    probationary BIGINT,
    female BIGINT,
    cells INTEGER,
    cells_lt3 INTEGER,
    base_orgs INTEGER,
    admitted BIGINT,
    transferred_in BIGINT,
    transferred_out BIGINT,
    left_party BIGINT,
    left_death BIGINT,
    left_struck_off BIGINT,
    left_expelled BIGINT,
    left_resigned BIGINT,
    left_other BIGINT,
);
COMMENT ON TABLE marts.agg_subtree_monthly IS 'organisation subtree × month, for every organisation above the cells (committees, base committees): agg_members_monthly''s stocks and flows summed over the subtree the organisation filter selects (bridge_org_lineage), sorted by org_id';
COMMENT ON COLUMN marts.agg_subtree_monthly.org_id IS 'the top of the subtree, itself included';

CREATE TABLE marts.agg_members_daily (
    day DATE,
    province_code VARCHAR,
    province_code_old VARCHAR,
    province_code_current VARCHAR,
    region VARCHAR,
    sector VARCHAR,
    d_official BIGINT,
    d_probationary BIGINT,
    d_female BIGINT,
    d_cells INTEGER,
    d_cells_lt3 INTEGER,
    d_base_orgs INTEGER,
    admitted BIGINT,
    transferred_in BIGINT,
    transferred_out BIGINT,
    left_party BIGINT,
    left_death BIGINT,
    left_struck_off BIGINT,
    left_expelled BIGINT,
    left_resigned BIGINT,
    left_other BIGINT,
);
COMMENT ON TABLE marts.agg_members_daily IS 'day × the same keys as agg_members_monthly, days with a change: fct_membership_daily summed, plus base organisations founded (+1) and dissolved (−1)';

CREATE TABLE marts.agg_meetings_province_monthly (
    month DATE,
    province_code VARCHAR,
    province_code_old VARCHAR,
    province_code_current VARCHAR,
    region VARCHAR,
    sector VARCHAR,
    cells_meeting INTEGER,
    regular_held INTEGER,
    thematic_held INTEGER,
    online_held INTEGER,
    hybrid_held INTEGER,
    expected BIGINT,
    present BIGINT,
    excused BIGINT,
    good INTEGER,
    fair INTEGER,
    average INTEGER,
    poor INTEGER,
    score_sum DOUBLE,
    scored INTEGER,
    duration_sum DOUBLE,
    timed INTEGER,
);
COMMENT ON TABLE marts.agg_meetings_province_monthly IS 'month × province_code × province_code_old × province_code_current × region × sector: fct_meetings_monthly summed, with excused, duration_sum and timed summed from the meetings (mean score = score_sum / scored, mean duration = duration_sum / timed)';

CREATE TABLE marts.agg_base_org_monthly_by_key (
    month DATE,
    base_org_key INTEGER,
    good_fair BIGINT,
    rated BIGINT,
    present BIGINT,
    expected BIGINT,
);
COMMENT ON TABLE marts.agg_base_org_monthly_by_key IS 'base organisation × month with a meeting in its cells: their meetings summed (membership on a day: marts.cell_stocks_on)';
COMMENT ON COLUMN marts.agg_base_org_monthly_by_key.base_org_key IS 'dim_org.org_key of the organisation';
COMMENT ON COLUMN marts.agg_base_org_monthly_by_key.rated IS 'meetings rated good, fair, average or poor (good_fair: good or fair)';

CREATE TABLE marts.agg_base_org_members_by_key (
    month DATE,
    base_org_key INTEGER,
    cells INTEGER,
    members BIGINT,
    official BIGINT,
    admitted BIGINT,
    rating TINYINT,
);
COMMENT ON TABLE marts.agg_base_org_members_by_key IS 'base organisation × month: the stocks of its cells on the last day of the months of the day rollups (marts.rollup_month) with its latest rating, and its admissions in every month with one, for the table of organisations (fct_membership_monthly summed over the cells of dim_org.base_org_id)';
COMMENT ON COLUMN marts.agg_base_org_members_by_key.base_org_key IS 'dim_org.org_key of the organisation';
COMMENT ON COLUMN marts.agg_base_org_members_by_key.cells IS 'cells on the month''s last day; NULL in a month that is not a day rollups'' month (as members, official)';
COMMENT ON COLUMN marts.agg_base_org_members_by_key.members IS 'official + probationary members on the month''s last day';
COMMENT ON COLUMN marts.agg_base_org_members_by_key.admitted IS 'members admitted in the month';
COMMENT ON COLUMN marts.agg_base_org_members_by_key.rating IS 'the latest annual rating (fct_assessment_yearly) of a year up to the month''s, in the months that hold stocks';

CREATE TABLE marts.cell_quality_trend (
    org_id VARCHAR,
    as_of_month DATE,
    first_month DATE,
    last_meeting_month DATE,
    last_regular_month DATE,
    score_last6 DOUBLE,
    score_prev6 DOUBLE,
    slope_12m DOUBLE,
    meetings_12m INTEGER,
    good_12m INTEGER,
    poor_12m INTEGER,
    score_change DOUBLE,
);
COMMENT ON TABLE marts.cell_quality_trend IS 'cell with a meeting on record, as of the last loaded month: mean scores of the last 6 months and the 6 before, 12-month slope and counts';

CREATE TABLE marts.cell_poor_12m (
    month DATE,
    org_id VARCHAR,
    poor INTEGER,
    rated INTEGER,
    last_poor DATE,
);
COMMENT ON TABLE marts.cell_poor_12m IS 'cell and month in which its meetings of the 12 months up to that month include at least two rated poor (the watch list): poor and rated meetings then, the last month with a poor one';

CREATE TABLE marts.cell_missed_regular_by_key (
    month DATE,
    org_key INTEGER,
);
COMMENT ON TABLE marts.cell_missed_regular_by_key IS 'cell and month, from the first month with a meeting of the cell on record, in which it is a cell (fct_membership_monthly.cells = 1) and held no regular meeting (the watch list of missed regular meetings)';
COMMENT ON COLUMN marts.cell_missed_regular_by_key.org_key IS 'dim_org.org_key of the organisation';

CREATE TABLE marts.data_quality (
    rule VARCHAR,
    severity VARCHAR,
    org_id VARCHAR,
    member_id VARCHAR,
    month DATE,
    detail VARCHAR,
);
COMMENT ON TABLE marts.data_quality IS 'one warning';

CREATE TABLE marts.ref_events (
    event_on DATE,
    code VARCHAR,
    label_vi VARCHAR,
    label_en VARCHAR,
);
COMMENT ON TABLE marts.ref_events IS 'an event annotated on time series';

CREATE TABLE marts.documents (
    doc_id VARCHAR,
    source_name VARCHAR,
    title VARCHAR,
    published_on DATE,
    published_on_text VARCHAR,
    n_chars INTEGER,
);
COMMENT ON TABLE marts.documents IS 'document read by `python -m chibo.etl documents`';

CREATE TABLE marts.reported_figures (
    figure_id VARCHAR,
    doc_id VARCHAR,
    ordinal INTEGER,
    metric VARCHAR,
    value DOUBLE,
    qualifier VARCHAR,
    as_of DATE,
    as_of_source VARCHAR,
    period_from DATE,
    scope_text VARCHAR,
    scope_kind VARCHAR,
    scope_value VARCHAR,
    sector VARCHAR,
    province_code VARCHAR,
    org_text VARCHAR,
    sentence VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    number_text VARCHAR,
    part_of_figure_id VARCHAR,
    dimension VARCHAR,
    dimension_value VARCHAR,
    share DOUBLE,
    parts_sum_ok BOOLEAN,
    year INTEGER,
    source_name VARCHAR,
    published_on DATE,
);
COMMENT ON TABLE marts.reported_figures IS 'figure as written (a restatement is a second row)';
COMMENT ON COLUMN marts.reported_figures.value IS 'NULL for a part published only as a share';
COMMENT ON COLUMN marts.reported_figures.as_of IS 'the day counted; 31-12 for a year';
COMMENT ON COLUMN marts.reported_figures.as_of_source IS 'explicit, publication, unknown';
COMMENT ON COLUMN marts.reported_figures.period_from IS 'admissions: the first day counted; NULL when the text does not say';
COMMENT ON COLUMN marts.reported_figures.scope_kind IS 'country, sector, province, organisation';
COMMENT ON COLUMN marts.reported_figures.span_end IS 'the number phrase within sentence';
COMMENT ON COLUMN marts.reported_figures.part_of_figure_id IS 'the whole this figure is a part of';
COMMENT ON COLUMN marts.reported_figures.dimension_value IS 'what selects the part: gender female, ethnicity minority, age_band 18_30 …';
COMMENT ON COLUMN marts.reported_figures.share IS 'of the whole as published, 0.467 for 46,7 %';

CREATE TABLE marts.figure_reconciliation (
    figure_id VARCHAR,
    doc_id VARCHAR,
    metric VARCHAR,
    published_value DOUBLE,
    qualifier VARCHAR,
    as_of_used DATE,
    period_from DATE,
    year INTEGER,
    scope_kind VARCHAR,
    scope_value VARCHAR,
    scope_sector VARCHAR,
    part_of_figure_id VARCHAR,
    dimension VARCHAR,
    dimension_value VARCHAR,
    share DOUBLE,
    not_compared VARCHAR,
    resolved BOOLEAN,
    resolution VARCHAR,
    resolved_how VARCHAR,
    scope_org_id VARCHAR,
    scope_province_code VARCHAR,
    metric_in_warehouse BOOLEAN,
    warehouse_value DOUBLE,
    difference DOUBLE,
    relative_difference DOUBLE,
    agrees BOOLEAN,
    tolerance_low DOUBLE,
    tolerance_high DOUBLE,
    low_inclusive BOOLEAN,
    high_inclusive BOOLEAN,
    tolerance_text VARCHAR,
    tolerance_rule_vi VARCHAR,
    tolerance_rule_en VARCHAR,
);
COMMENT ON TABLE marts.figure_reconciliation IS 'reported figure';
COMMENT ON COLUMN marts.figure_reconciliation.not_compared IS 'why a resolved figure is not compared: part_dimension, share_only, period_unknown, before_history, not_recorded (a part by a member characteristic no member in scope has recorded)';
COMMENT ON COLUMN marts.figure_reconciliation.scope_org_id IS 'the organisation an organisation scope resolved to';
COMMENT ON COLUMN marts.figure_reconciliation.scope_province_code IS 'the province code compared';
COMMENT ON COLUMN marts.figure_reconciliation.difference IS 'warehouse − published';

CREATE TABLE meta.load_ledger (
    load_id BIGINT,
    loaded_at TIMESTAMP,
    file_name VARCHAR,
    file_hash VARCHAR,
    entity VARCHAR,
    sheet VARCHAR,
    rows_read BIGINT,
    rows_loaded BIGINT,
    rows_rejected BIGINT,
    result VARCHAR,
);
COMMENT ON TABLE meta.load_ledger IS 'file (or sheet) loaded';

CREATE TABLE meta.raw_files (
    file_hash VARCHAR,
    original_name VARCHAR,
    stored_as VARCHAR,
    bytes BIGINT,
    first_loaded_at TIMESTAMP,
);
COMMENT ON TABLE meta.raw_files IS 'accepted input file, kept unchanged by content hash';

CREATE TABLE meta.quarantine (
    load_id BIGINT,
    file_name VARCHAR,
    sheet VARCHAR,
    row_number BIGINT,
    column_name VARCHAR,
    value VARCHAR,
    reason_vi VARCHAR,
    reason_en VARCHAR,
    record VARCHAR,
    result VARCHAR,
);
COMMENT ON TABLE meta.quarantine IS 'rejected row kept with --accept-valid';

CREATE TABLE meta.generation (
    generation BIGINT,
    published_at TIMESTAMP,
    note VARCHAR,
    duckdb_version VARCHAR,
);
COMMENT ON TABLE meta.generation IS 'published generation';

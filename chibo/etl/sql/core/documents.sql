-- Published documents and the figures extracted from them (columns as chibo.etl.documents declares).
CREATE TABLE IF NOT EXISTS core.documents (
  doc_id VARCHAR NOT NULL, source_name VARCHAR, title VARCHAR, published_on DATE,
  published_on_text VARCHAR, n_chars INTEGER, source_hash VARCHAR, load_id BIGINT);

CREATE TABLE IF NOT EXISTS core.reported_figures (
  figure_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, ordinal INTEGER, metric VARCHAR, value DOUBLE,
  qualifier VARCHAR, as_of DATE, as_of_source VARCHAR, period_from DATE, scope_text VARCHAR,
  scope_kind VARCHAR, scope_value VARCHAR, sector VARCHAR, province_code VARCHAR, org_text VARCHAR,
  sentence VARCHAR, span_start INTEGER, span_end INTEGER, number_text VARCHAR,
  part_of_figure_id VARCHAR, dimension VARCHAR, dimension_value VARCHAR, share DOUBLE,
  parts_sum_ok BOOLEAN, year INTEGER);

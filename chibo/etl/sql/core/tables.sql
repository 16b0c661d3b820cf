-- The accepted rows of every input (core: the core file, attached as catalog `core`,
-- chibo/etl/corefile.py) and the bookkeeping of loads (meta, in the served file).
-- Idempotent: run on every publication, so an older warehouse gains new tables and columns.
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS ref;
CREATE SCHEMA IF NOT EXISTS marts;

CREATE TABLE IF NOT EXISTS core.generation (generation BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS core.organisations (
  org_id VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, parent_id VARCHAR,
  sector VARCHAR, province_code VARCHAR, founded_on DATE, dissolved_on DATE, successor_id VARCHAR,
  upper_powers BOOLEAN NOT NULL DEFAULT false, source_file VARCHAR NOT NULL, load_id BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS core.members (
  member_id VARCHAR NOT NULL, org_id VARCHAR NOT NULL, gender VARCHAR, birth_year INTEGER,
  admitted_on DATE NOT NULL, official_on DATE, joined_on DATE NOT NULL, left_on DATE,
  leave_reason VARCHAR, source_file VARCHAR NOT NULL, load_id BIGINT NOT NULL);

-- member structure (issue 15): columns added to warehouses made before them
ALTER TABLE core.members ADD COLUMN IF NOT EXISTS birth_date DATE;
ALTER TABLE core.members ADD COLUMN IF NOT EXISTS ethnicity VARCHAR;
ALTER TABLE core.members ADD COLUMN IF NOT EXISTS religion VARCHAR;
ALTER TABLE core.members ADD COLUMN IF NOT EXISTS education VARCHAR;
ALTER TABLE core.members ADD COLUMN IF NOT EXISTS professional_level VARCHAR;
ALTER TABLE core.members ADD COLUMN IF NOT EXISTS political_theory VARCHAR;

CREATE TABLE IF NOT EXISTS core.meetings (
  meeting_id VARCHAR NOT NULL, org_id VARCHAR NOT NULL, held_on DATE NOT NULL, kind VARCHAR NOT NULL,
  format VARCHAR, expected INTEGER NOT NULL, present INTEGER NOT NULL, excused INTEGER,
  score DOUBLE, quality TINYINT, duration_minutes INTEGER, source_file VARCHAR NOT NULL,
  load_id BIGINT NOT NULL, score_quality TINYINT);

CREATE TABLE IF NOT EXISTS core.assessments (
  subject_kind VARCHAR NOT NULL, subject_id VARCHAR NOT NULL, year INTEGER NOT NULL,
  rating TINYINT NOT NULL, source_file VARCHAR NOT NULL, load_id BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS meta.load_ledger (
  load_id BIGINT NOT NULL, loaded_at TIMESTAMP NOT NULL, file_name VARCHAR NOT NULL,
  file_hash VARCHAR NOT NULL, entity VARCHAR, sheet VARCHAR, rows_read BIGINT, rows_loaded BIGINT,
  rows_rejected BIGINT, result VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS meta.raw_files (
  file_hash VARCHAR NOT NULL, original_name VARCHAR NOT NULL, stored_as VARCHAR NOT NULL,
  bytes BIGINT NOT NULL, first_loaded_at TIMESTAMP NOT NULL);

CREATE TABLE IF NOT EXISTS meta.quarantine (
  load_id BIGINT NOT NULL, file_name VARCHAR NOT NULL, sheet VARCHAR, row_number BIGINT,
  column_name VARCHAR, value VARCHAR, reason_vi VARCHAR NOT NULL, reason_en VARCHAR NOT NULL,
  record VARCHAR, result VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS meta.generation (
  generation BIGINT NOT NULL, published_at TIMESTAMP NOT NULL, note VARCHAR);
ALTER TABLE meta.generation ADD COLUMN IF NOT EXISTS duckdb_version VARCHAR;

-- What each load's rows were validated under (chibo/etl/validated.py): `rebuild` keeps the rows
-- of a kind whose every load has today's rules key instead of validating them again.
CREATE TABLE IF NOT EXISTS core.validated_loads (
  load_id BIGINT NOT NULL, kind VARCHAR NOT NULL, rules VARCHAR NOT NULL, files VARCHAR NOT NULL);

-- Partners' imported data (issue #7), created empty by the build and filled by
-- `npm run data -- import measures <file>` (scripts/import/). Kept from one warehouse version to
-- the next, and carried over by `npm run data:build` from the served warehouse.
--   imported_measures  one value per school, school year and measure (server/indicators/measures.ts):
--                      value_num for numbers, value_text for access_tech; the import that wrote it
--   imports            every import applied to this version's lineage: file, importing body,
--                      date, row counts, SHA-256 of the file, versions before and after
CREATE TABLE IF NOT EXISTS imported_measures (
  uai VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  measure VARCHAR NOT NULL,
  value_num DOUBLE,
  value_text VARCHAR,
  measured_on DATE,
  source VARCHAR,
  import_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS imports (
  import_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  file_name VARCHAR,
  body VARCHAR,
  imported_at VARCHAR,
  rows_total INTEGER,
  rows_imported INTEGER,
  rows_skipped INTEGER,
  checksum_sha256 VARCHAR,
  build_from VARCHAR,
  build_to VARCHAR,
  actor VARCHAR
);

-- Official releases imported in their own formats (`npm run data -- import ips|annuaire|arcep|boundaries`,
-- scripts/import/releases/): the rows as read, already checked and re-coded to the warehouse's
-- communes, one set per import. sql/releases.sql applies them to the open-data tables (latest
-- import first for the same key), after each such import and after every build (they are carried
-- over like imported_measures), so a rebuild keeps them.
--   release_schools          Annuaire de l'éducation: position (exact), commune, pupils of the
--                            release's school year; is_new = a school the warehouse did not hold
--   release_school_years     DEPP IPS files: IPS and headcount of a school year
--   release_ftth             ARCEP per-commune FttH: premises ready for FttH and premises, a quarter
--   release_commune_changes  INSEE COG changes: an old commune code and the code that replaces it
--   release_sources          producer, title and vintage of each imported release
CREATE TABLE IF NOT EXISTS release_schools (
  import_id VARCHAR NOT NULL,
  uai VARCHAR NOT NULL,
  name VARCHAR,
  school_type VARCHAR,
  sector VARCHAR,
  commune_code VARCHAR,
  lon DOUBLE,
  lat DOUBLE,
  display_lon DOUBLE,
  display_lat DOUBLE,
  -- 'exact' (the file's position is used), 'commune' (a new school placed at its commune), NULL (position unchanged)
  position_quality VARCHAR,
  pupils DOUBLE,
  year INTEGER,
  is_new BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS release_school_years (
  import_id VARCHAR NOT NULL,
  uai VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  pupils DOUBLE,
  ips DOUBLE
);
CREATE TABLE IF NOT EXISTS release_ftth (
  import_id VARCHAR NOT NULL,
  code VARCHAR NOT NULL,
  quarter VARCHAR NOT NULL,
  premises_ftth DOUBLE,
  premises_total DOUBLE
);
CREATE TABLE IF NOT EXISTS release_commune_changes (
  import_id VARCHAR NOT NULL,
  old_code VARCHAR NOT NULL,
  new_code VARCHAR NOT NULL,
  effective VARCHAR,
  mod VARCHAR
);
CREATE TABLE IF NOT EXISTS release_sources (
  import_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  title VARCHAR,
  producer VARCHAR,
  vintage VARCHAR,
  licence VARCHAR,
  page VARCHAR,
  file_name VARCHAR,
  imported_at VARCHAR
);

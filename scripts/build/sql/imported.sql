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

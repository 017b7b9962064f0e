-- Convention objectives imported by partners (`npm run data -- import objectives <file.json>`,
-- `POST /api/admin/imports?kind=objectives`; scripts/import/objectives.ts). One row per objective:
-- its definition as written in the file (JSON text, checked against server/objectives/schema.ts)
-- and its provenance. A later import of the same id replaces the row; the shipped examples
-- (server/objectives/examples.json) are not in this table.
CREATE TABLE IF NOT EXISTS objectives (
  id VARCHAR NOT NULL,
  definition VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  import_id VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  body VARCHAR NOT NULL,
  imported_at VARCHAR NOT NULL,
  checksum_sha256 VARCHAR NOT NULL
);

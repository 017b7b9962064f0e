-- Applies the official releases imported in their own formats (tables of sql/imported.sql) to the
-- open-data tables: run by an import of such a release (scripts/import/releases/run.ts) and by
-- every build after the imported data is carried over (scripts/build/warehouse.ts). Idempotent:
-- running it twice gives the same tables. For the same key the latest import wins (by the time
-- the imports table records). Order: the Annuaire, IPS years, ARCEP, then the commune code
-- changes last, so that they also re-code the rows the other releases brought.
CREATE OR REPLACE TEMP TABLE release_order AS
SELECT import_id, row_number() OVER (ORDER BY imported_at, import_id) AS seq FROM imports;

-- 1. Annuaire de l'éducation: exact positions replace the commune-approximated ones; schools the
-- warehouse did not hold are added (open écoles, collèges, lycées of a known commune); the
-- headcount goes to the release's school year (its IPS, if any, is kept).
CREATE OR REPLACE TEMP TABLE release_schools_latest AS
SELECT r.* FROM release_schools r LEFT JOIN release_order o USING (import_id)
QUALIFY row_number() OVER (PARTITION BY r.uai ORDER BY o.seq DESC NULLS LAST) = 1;

INSERT INTO schools (uai, name, school_type, sector, commune_code, departement_code, academie_code, region_code, lycee_type, lat, lon, position_quality, display_lon, display_lat)
SELECT r.uai, r.name, r.school_type, r.sector, r.commune_code, t.departement_code, t.academie_code, t.region_code, NULL,
       r.lat, r.lon, coalesce(r.position_quality, 'none'), r.display_lon, r.display_lat
FROM release_schools_latest r
JOIN territories t ON t.level = 'commune' AND t.code = r.commune_code
WHERE r.is_new AND r.uai NOT IN (SELECT uai FROM schools);

UPDATE schools s
SET lat = r.lat, lon = r.lon, display_lon = r.display_lon, display_lat = r.display_lat, position_quality = r.position_quality
FROM release_schools_latest r
WHERE s.uai = r.uai AND r.position_quality IS NOT NULL
  AND (s.lat IS DISTINCT FROM r.lat OR s.lon IS DISTINCT FROM r.lon OR s.position_quality IS DISTINCT FROM r.position_quality
       OR s.display_lon IS DISTINCT FROM r.display_lon OR s.display_lat IS DISTINCT FROM r.display_lat);

UPDATE school_years y
SET pupils = r.pupils
FROM release_schools_latest r
WHERE y.uai = r.uai AND y.year = r.year AND r.pupils IS NOT NULL AND y.pupils IS DISTINCT FROM r.pupils;

INSERT INTO school_years (uai, year, pupils, ips)
SELECT r.uai, r.year, r.pupils, NULL
FROM release_schools_latest r
WHERE r.pupils IS NOT NULL AND r.year IS NOT NULL AND r.uai IN (SELECT uai FROM schools)
  AND NOT EXISTS (SELECT 1 FROM school_years y WHERE y.uai = r.uai AND y.year = r.year);

-- 2. DEPP IPS years: IPS and headcount per school and school year (a headcount the file lacks
-- keeps the one already there).
CREATE OR REPLACE TEMP TABLE release_years_latest AS
SELECT r.* FROM release_school_years r LEFT JOIN release_order o USING (import_id)
QUALIFY row_number() OVER (PARTITION BY r.uai, r.year ORDER BY o.seq DESC NULLS LAST) = 1;

UPDATE school_years y
SET ips = r.ips, pupils = coalesce(r.pupils, y.pupils)
FROM release_years_latest r
WHERE y.uai = r.uai AND y.year = r.year
  AND (y.ips IS DISTINCT FROM r.ips OR y.pupils IS DISTINCT FROM coalesce(r.pupils, y.pupils));

INSERT INTO school_years (uai, year, pupils, ips)
SELECT r.uai, r.year, r.pupils, r.ips
FROM release_years_latest r
WHERE r.uai IN (SELECT uai FROM schools)
  AND NOT EXISTS (SELECT 1 FROM school_years y WHERE y.uai = r.uai AND y.year = r.year);

-- 3. ARCEP per-commune FttH: each imported quarter (the latest import of that quarter, whole)
-- replaces the rows of that quarter.
CREATE OR REPLACE TEMP TABLE release_ftth_latest AS
SELECT r.* FROM release_ftth r
WHERE r.import_id = (
  SELECT x.import_id FROM release_ftth x LEFT JOIN release_order o USING (import_id)
  WHERE x.quarter = r.quarter ORDER BY o.seq DESC NULLS LAST LIMIT 1
);

DELETE FROM commune_ftth WHERE quarter IN (SELECT quarter FROM release_ftth_latest);
INSERT INTO commune_ftth SELECT code, quarter, premises_ftth, premises_total FROM release_ftth_latest;

-- 4. INSEE COG changes: schools and FttH rows of an old commune code move to the code that
-- replaced it (FttH rows of merged communes are summed); the old code becomes an alias. The old
-- commune's own territory row (geometry, population) is left as it is.
CREATE OR REPLACE TEMP TABLE release_changes_latest AS
SELECT c.old_code, c.new_code
FROM release_commune_changes c
JOIN territories t ON t.level = 'commune' AND t.code = c.new_code
LEFT JOIN release_order o USING (import_id)
QUALIFY row_number() OVER (PARTITION BY c.old_code ORDER BY o.seq DESC NULLS LAST) = 1;

UPDATE schools s
SET commune_code = c.new_code, departement_code = t.departement_code, academie_code = t.academie_code, region_code = t.region_code
FROM release_changes_latest c
JOIN territories t ON t.level = 'commune' AND t.code = c.new_code
WHERE s.commune_code = c.old_code;

CREATE OR REPLACE TEMP TABLE release_ftth_recoded AS
SELECT coalesce(c.new_code, f.code) AS code, f.quarter, sum(f.premises_ftth) AS premises_ftth, sum(f.premises_total) AS premises_total
FROM commune_ftth f LEFT JOIN release_changes_latest c ON c.old_code = f.code
GROUP BY ALL;
DELETE FROM commune_ftth WHERE code IN (SELECT old_code FROM release_changes_latest);
DELETE FROM commune_ftth WHERE code IN (SELECT new_code FROM release_changes_latest);
INSERT INTO commune_ftth SELECT r.code, r.quarter, r.premises_ftth, r.premises_total
FROM release_ftth_recoded r WHERE r.code IN (SELECT new_code FROM release_changes_latest);

UPDATE commune_aliases a SET code = c.new_code FROM release_changes_latest c WHERE a.code = c.old_code;
INSERT INTO commune_aliases
SELECT c.old_code, c.new_code, 'ancien' FROM release_changes_latest c
WHERE c.old_code NOT IN (SELECT alias_code FROM commune_aliases) AND c.old_code <> c.new_code;

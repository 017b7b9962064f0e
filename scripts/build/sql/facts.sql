-- The `facts` table: every indicator of server/indicators/catalog.ts as numerator/denominator
-- pairs at its finest grain (a school, or a commune when uai IS NULL), with the parent codes
-- denormalised so that any level aggregates with one GROUP BY and no join.
-- Any level shows scale * sum(num) / sum(den), or sum(num) when the indicator has no denominator.
--
-- The connectivity, equipment and usage indicators come from `school_measures` (a temporary
-- table of this session, one row per school and year): the demo layer (`school_demo`, provenance
-- 'synthetic') where partners' imported values (`imported_measures`, provenance 'imported')
-- replace it measure by measure, for the same school and school year; <measure>_imported says
-- which one is kept.
-- A fact is 'imported' when every measure it needs is imported for that school and year; a
-- ratio never mixes an imported figure with a fictional one (recent_devices_share keeps the demo
-- pair unless both devices and devices_recent are imported). Run again after each import.
CREATE OR REPLACE TEMP MACRO measure_provenance(is_imported) AS CASE WHEN is_imported THEN 'imported' ELSE 'synthetic' END;

CREATE OR REPLACE TEMP TABLE school_measures AS
WITH imp AS (
  SELECT uai, year,
         any_value(value_text) FILTER (WHERE measure = 'access_tech') AS access_tech,
         any_value(value_num) FILTER (WHERE measure = 'bandwidth_contracted_mbps') AS bandwidth_contracted_mbps,
         any_value(value_num) FILTER (WHERE measure = 'bandwidth_measured_mbps') AS bandwidth_measured_mbps,
         any_value(value_num) FILTER (WHERE measure = 'devices') AS devices,
         any_value(value_num) FILTER (WHERE measure = 'devices_recent') AS devices_recent,
         any_value(value_num) FILTER (WHERE measure = 'interactive_displays') AS interactive_displays,
         any_value(value_num) FILTER (WHERE measure = 'maintenance_delay_days') AS maintenance_delay_days,
         any_value(value_num) FILTER (WHERE measure = 'ent_active_pupils') AS ent_active_pupils,
         any_value(value_num) FILTER (WHERE measure = 'ent_active_teachers') AS ent_active_teachers
  FROM imported_measures
  GROUP BY uai, year
)
SELECT coalesce(d.uai, i.uai) AS uai, coalesce(d.year, i.year) AS year,
       coalesce(i.access_tech, d.access_tech) AS access_tech,
       coalesce(i.bandwidth_contracted_mbps, d.bandwidth_contracted_mbps) AS bandwidth_contracted_mbps,
       coalesce(i.bandwidth_measured_mbps, d.bandwidth_measured_mbps) AS bandwidth_measured_mbps,
       coalesce(i.devices, d.devices) AS devices,
       coalesce(i.devices_recent, d.devices_recent) AS devices_recent,
       coalesce(i.interactive_displays, d.interactive_displays) AS interactive_displays,
       coalesce(i.maintenance_delay_days, d.maintenance_delay_days) AS maintenance_delay_days,
       coalesce(i.ent_active_pupils, d.ent_active_pupils) AS ent_active_pupils,
       coalesce(i.ent_active_teachers, d.ent_active_teachers) AS ent_active_teachers,
       i.access_tech IS NOT NULL AS access_tech_imported,
       i.bandwidth_contracted_mbps IS NOT NULL AS bandwidth_contracted_mbps_imported,
       i.bandwidth_measured_mbps IS NOT NULL AS bandwidth_measured_mbps_imported,
       i.devices IS NOT NULL AS devices_imported,
       i.devices_recent IS NOT NULL AS devices_recent_imported,
       i.interactive_displays IS NOT NULL AS interactive_displays_imported,
       i.maintenance_delay_days IS NOT NULL AS maintenance_delay_days_imported,
       i.ent_active_pupils IS NOT NULL AS ent_active_pupils_imported,
       i.ent_active_teachers IS NOT NULL AS ent_active_teachers_imported
FROM school_demo d
FULL JOIN imp i ON i.uai = d.uai AND i.year = d.year;

-- measure_facts: the facts of the measure-backed indicators, one row per indicator, school and year
CREATE OR REPLACE TEMP TABLE measure_facts AS
WITH
pupils22 AS (SELECT uai, pupils FROM school_years WHERE year = 2022 AND pupils IS NOT NULL),
-- recent_devices_share: the imported pair when both are imported, else the demo pair
devices_pair AS (
  SELECT m.uai, m.year, m.devices_recent_imported AND m.devices_imported AS is_imported,
         CASE WHEN m.devices_recent_imported AND m.devices_imported THEN m.devices_recent ELSE d.devices_recent END AS devices_recent,
         CASE WHEN m.devices_recent_imported AND m.devices_imported THEN m.devices ELSE d.devices END AS devices
  FROM school_measures m LEFT JOIN school_demo d USING (uai, year)
)
SELECT * FROM (
  SELECT 'thd_share', year, uai, (bandwidth_measured_mbps >= 30)::INTEGER, 1, measure_provenance(bandwidth_measured_mbps_imported)
  FROM school_measures WHERE bandwidth_measured_mbps IS NOT NULL
  UNION ALL
  SELECT 'fibre_share', year, uai, (access_tech = 'fibre')::INTEGER, 1, measure_provenance(access_tech_imported)
  FROM school_measures WHERE access_tech IS NOT NULL
  UNION ALL
  SELECT 'bandwidth_mean', year, uai, bandwidth_measured_mbps, 1, measure_provenance(bandwidth_measured_mbps_imported)
  FROM school_measures WHERE bandwidth_measured_mbps IS NOT NULL
  UNION ALL
  SELECT 'pupils_per_device', m.year, m.uai, p.pupils, m.devices, measure_provenance(m.devices_imported)
  FROM school_measures m JOIN pupils22 p USING (uai) WHERE m.devices IS NOT NULL
  UNION ALL
  SELECT 'recent_devices_share', year, uai, devices_recent, devices, measure_provenance(is_imported)
  FROM devices_pair WHERE devices IS NOT NULL AND devices_recent IS NOT NULL
  UNION ALL
  SELECT 'displays_per_100_pupils', m.year, m.uai, m.interactive_displays, p.pupils, measure_provenance(m.interactive_displays_imported)
  FROM school_measures m JOIN pupils22 p USING (uai) WHERE m.interactive_displays IS NOT NULL
  UNION ALL
  SELECT 'maintenance_delay_days', year, uai, maintenance_delay_days, 1, measure_provenance(maintenance_delay_days_imported)
  FROM school_measures WHERE maintenance_delay_days IS NOT NULL
  UNION ALL
  SELECT 'ent_active_share', m.year, m.uai, m.ent_active_pupils, p.pupils, measure_provenance(m.ent_active_pupils_imported)
  FROM school_measures m JOIN pupils22 p USING (uai) WHERE m.ent_active_pupils IS NOT NULL
) t(indicator, year, uai, num, den, provenance);

-- An import (scripts/import/apply.ts) runs every statement above, then sql/facts_update.sql
-- instead of this last one.
CREATE OR REPLACE TABLE facts AS
WITH
pupils22 AS (SELECT uai, pupils FROM school_years WHERE year = 2022 AND pupils IS NOT NULL),
sy AS (
  SELECT y.uai, y.year, y.pupils, y.ips, coalesce(y.pupils, p.pupils) AS weight
  FROM school_years y LEFT JOIN pupils22 p USING (uai)
),
school_facts AS (
  SELECT 'schools' AS indicator, year, uai, 1.0 AS num, NULL::DOUBLE AS den, 'open-data' AS provenance FROM sy
  UNION ALL
  SELECT 'pupils', year, uai, pupils, NULL, 'open-data' FROM sy WHERE pupils IS NOT NULL
  UNION ALL
  SELECT 'ips', year, uai, ips * weight, weight, 'open-data' FROM sy WHERE ips IS NOT NULL AND weight > 0
  UNION ALL
  SELECT 'private_share', y.year, y.uai, CASE WHEN s.sector = 'prive' THEN y.pupils ELSE 0 END, y.pupils, 'open-data'
  FROM sy y JOIN schools s USING (uai) WHERE y.pupils IS NOT NULL
  UNION ALL
  SELECT indicator, year, uai, num, den, provenance FROM measure_facts
),
communes AS (SELECT * FROM territories WHERE level = 'commune'),
commune_facts AS (
  SELECT 'population' AS indicator, 2023 AS year, code AS commune_code, population::DOUBLE AS num, NULL::DOUBLE AS den, 'open-data' AS provenance
  FROM communes WHERE population IS NOT NULL
  UNION ALL
  SELECT 'density', 2023, code, population, area_km2, 'open-data' FROM communes WHERE population IS NOT NULL AND area_km2 > 0
  UNION ALL
  -- one quarter per school year (the latest): T1/T2 of year Y belong to school year Y-1, T3/T4 to
  -- Y (the build's T1 2018 → 2017); quarters an ARCEP release import brought (release_ftth,
  -- sql/imported.sql) are current open data, the build's 2018 file is historical
  SELECT 'ftth_share', ftth_year, code, premises_ftth, premises_total, provenance FROM (
    SELECT code, premises_ftth, premises_total,
           try_cast(right(quarter, 4) AS INTEGER) - CASE WHEN quarter LIKE 'T1 %' OR quarter LIKE 'T2 %' THEN 1 ELSE 0 END AS ftth_year,
           CASE WHEN quarter IN (SELECT quarter FROM release_ftth) THEN 'open-data' ELSE 'historical' END AS provenance
    FROM commune_ftth WHERE premises_total > 0
    QUALIFY row_number() OVER (PARTITION BY code, ftth_year ORDER BY right(quarter, 4) DESC, quarter DESC) = 1
  ) WHERE ftth_year IS NOT NULL
)
SELECT f.indicator, f.year::INTEGER AS year, s.commune_code, f.uai, s.school_type, s.sector,
       c.departement_code, c.academie_code, c.region_code,
       f.num::DOUBLE AS num, f.den::DOUBLE AS den, f.provenance
FROM school_facts f JOIN schools s USING (uai) JOIN communes c ON c.code = s.commune_code
UNION ALL
SELECT f.indicator, f.year, f.commune_code, NULL, NULL, NULL,
       c.departement_code, c.academie_code, c.region_code, f.num, f.den, f.provenance
FROM commune_facts f JOIN communes c ON c.code = f.commune_code
ORDER BY indicator, year, departement_code, commune_code;

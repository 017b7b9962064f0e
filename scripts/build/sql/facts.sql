-- The `facts` table: every indicator of server/indicators/catalog.ts as numerator/denominator
-- pairs at its finest grain (a school, or a commune when uai IS NULL), with the parent codes
-- denormalised so that any level aggregates with one GROUP BY and no join.
-- Any level shows scale * sum(num) / sum(den), or sum(num) when the indicator has no denominator.
CREATE TABLE facts AS
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
  SELECT 'thd_share', year, uai, (bandwidth_measured_mbps >= 30)::INTEGER, 1, 'synthetic' FROM school_demo
  UNION ALL
  SELECT 'fibre_share', year, uai, (access_tech = 'fibre')::INTEGER, 1, 'synthetic' FROM school_demo
  UNION ALL
  SELECT 'bandwidth_mean', year, uai, bandwidth_measured_mbps, 1, 'synthetic' FROM school_demo
  UNION ALL
  SELECT 'pupils_per_device', d.year, d.uai, p.pupils, d.devices, 'synthetic'
  FROM school_demo d JOIN pupils22 p USING (uai)
  UNION ALL
  SELECT 'recent_devices_share', year, uai, devices_recent, devices, 'synthetic' FROM school_demo
  UNION ALL
  SELECT 'displays_per_100_pupils', d.year, d.uai, d.interactive_displays, p.pupils, 'synthetic'
  FROM school_demo d JOIN pupils22 p USING (uai)
  UNION ALL
  SELECT 'maintenance_delay_days', year, uai, maintenance_delay_days, 1, 'synthetic' FROM school_demo
  UNION ALL
  SELECT 'ent_active_share', d.year, d.uai, d.ent_active_pupils, p.pupils, 'synthetic'
  FROM school_demo d JOIN pupils22 p USING (uai) WHERE d.ent_active_pupils IS NOT NULL
),
communes AS (SELECT * FROM territories WHERE level = 'commune'),
commune_facts AS (
  SELECT 'population' AS indicator, 2023 AS year, code AS commune_code, population::DOUBLE AS num, NULL::DOUBLE AS den, 'open-data' AS provenance
  FROM communes WHERE population IS NOT NULL
  UNION ALL
  SELECT 'density', 2023, code, population, area_km2, 'open-data' FROM communes WHERE population IS NOT NULL AND area_km2 > 0
  UNION ALL
  SELECT 'ftth_share', 2017, code, premises_ftth, premises_total, 'historical' FROM commune_ftth WHERE premises_total > 0
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

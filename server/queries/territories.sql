-- Territories of a level, optionally inside a parent.
SELECT level, code, name, region_code, academie_code, departement_code,
       population, area_km2, density, has_geometry
FROM territories
WHERE level = $level
  AND ($within_code IS NULL OR {{within_col}} = $within_code)
ORDER BY code

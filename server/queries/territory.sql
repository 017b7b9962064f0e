-- One territory by level and code.
SELECT level, code, name, region_code, academie_code, departement_code, epci_code,
       population, area_km2, density, has_geometry
FROM territories
WHERE level = $level AND code = $code

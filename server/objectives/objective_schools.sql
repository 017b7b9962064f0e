-- The schools of an objective's scope with the indicator's value at the school (num/den of its own
-- facts row) for every year it has one (one row per school without any: year NULL), the name of
-- their commune and their 2022 pupils (the only year published).
SELECT s.uai, s.name, s.school_type, s.sector, s.commune_code, c.name AS commune_name,
       s.position_quality, s.lon, s.lat, s.display_lon, s.display_lat,
       p.pupils, f.year, f.num, f.den, f.provenance
FROM schools s
LEFT JOIN territories c ON c.level = 'commune' AND c.code = s.commune_code
LEFT JOIN (SELECT uai, pupils FROM school_years WHERE year = 2022) p USING (uai)
LEFT JOIN facts f ON f.uai = s.uai AND f.indicator = $indicator
WHERE s.{{within_col}} = $within_code
  AND ($school_type IS NULL OR s.school_type = $school_type)
  AND ($sector IS NULL OR s.sector = $sector)
ORDER BY s.uai, f.year

-- Every school of a selection with its position and the indicator's value at the school
-- (num/den of its own facts row); pupils are the 2022 headcounts (the only year published).
SELECT s.uai, s.name, s.school_type, s.sector, s.commune_code, s.departement_code,
       s.position_quality, s.lon, s.lat, s.display_lon, s.display_lat,
       p.pupils, f.num, f.den, f.provenance
FROM schools s
LEFT JOIN (SELECT uai, pupils FROM school_years WHERE year = 2022) p USING (uai)
LEFT JOIN (SELECT uai, num, den, provenance FROM facts WHERE indicator = $indicator AND year = $year) f USING (uai)
WHERE ($within_code IS NULL OR s.{{within_col}} = $within_code)
  AND ($school_type IS NULL OR s.school_type = $school_type)
  AND ($sector IS NULL OR s.sector = $sector)
ORDER BY s.uai

-- The schools of one commune (the children of a commune in a territory profile).
SELECT uai, name, school_type, sector, position_quality
FROM schools
WHERE commune_code = $code
ORDER BY school_type, name

-- One indicator for every available year, over a territory (or France when $code IS NULL).
SELECT year, sum(num) AS num, sum(den) AS den, count(uai)::INTEGER AS n
FROM facts
WHERE indicator = $indicator
  AND ($code IS NULL OR {{level_col}} = $code)
  AND ($school_type IS NULL OR school_type = $school_type)
  AND ($sector IS NULL OR sector = $sector)
GROUP BY year
ORDER BY year

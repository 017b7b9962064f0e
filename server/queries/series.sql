-- One indicator for every available year, over a territory (or France when $code IS NULL);
-- imported_n = schools whose value is partners' imported data (provenance 'imported').
SELECT year, sum(num) AS num, sum(den) AS den, count(uai)::INTEGER AS n,
       count(uai) FILTER (WHERE provenance = 'imported')::INTEGER AS imported_n
FROM facts
WHERE indicator = $indicator
  AND ($code IS NULL OR {{level_col}} = $code)
  AND ($school_type IS NULL OR school_type = $school_type)
  AND ($sector IS NULL OR sector = $sector)
GROUP BY year
ORDER BY year

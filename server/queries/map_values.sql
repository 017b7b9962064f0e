-- Values of one indicator for every territory of a level (optionally inside a parent, for one
-- school type or sector): ratios of sums over the finest grain, n = schools behind the value,
-- imported_n = those whose value is partners' imported data (provenance 'imported').
WITH agg AS (
  SELECT {{level_col}} AS code,
         sum(num) AS num,
         sum(den) AS den,
         count(uai)::INTEGER AS n,
         count(uai) FILTER (WHERE provenance = 'imported')::INTEGER AS imported_n
  FROM facts
  WHERE indicator = $indicator
    AND year = $year
    AND ($within_code IS NULL OR {{within_col}} = $within_code)
    AND ($school_type IS NULL OR school_type = $school_type)
    AND ($sector IS NULL OR sector = $sector)
  GROUP BY 1
)
SELECT t.code, t.name, agg.num, agg.den, coalesce(agg.n, 0) AS n, coalesce(agg.imported_n, 0) AS imported_n
FROM territories t
LEFT JOIN agg USING (code)
WHERE t.level = $level
  AND ($within_code IS NULL OR t.{{within_col}} = $within_code)
ORDER BY t.code

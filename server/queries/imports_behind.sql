-- The partners' imports behind the imported facts of a selection: for each indicator, year,
-- territory of a level ({{code_col}}) and importing body, the date of the body's latest import
-- feeding those facts and the number of schools. $measures lists the 'indicator:measure' pairs
-- an indicator is computed from (server/indicators/measures.ts); $indicator and $year may be
-- NULL (every importable indicator, every year); $within_code NULL is France.
SELECT f.indicator, f.year, f.{{code_col}} AS code, i.body,
       max(i.imported_at) AS imported_at, count(DISTINCT f.uai)::INTEGER AS schools
FROM facts f
JOIN imported_measures m ON m.uai = f.uai AND m.year = f.year
JOIN imports i ON i.import_id = m.import_id
WHERE f.provenance = 'imported'
  AND ($indicator IS NULL OR f.indicator = $indicator)
  AND ($year IS NULL OR f.year = $year)
  AND list_contains(string_split($measures, ','), f.indicator || ':' || m.measure)
  AND ($within_code IS NULL OR f.{{within_col}} = $within_code)
  AND ($school_type IS NULL OR f.school_type = $school_type)
  AND ($sector IS NULL OR f.sector = $sector)
GROUP BY ALL
ORDER BY f.indicator, f.year, code, imported_at DESC, i.body

-- Every indicator and year aggregated over one territory (or France when $code IS NULL).
SELECT indicator, year, sum(num) AS num, sum(den) AS den, count(uai)::INTEGER AS n,
       count(uai) FILTER (WHERE provenance = 'imported')::INTEGER AS imported_n
FROM facts
WHERE $code IS NULL OR {{level_col}} = $code
GROUP BY ALL

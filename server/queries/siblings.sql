-- Every indicator and year for each territory of a level inside one parent (all of France
-- when $parent_code IS NULL): the values a territory is ranked against.
SELECT indicator, year, {{level_col}} AS code, sum(num) AS num, sum(den) AS den, count(uai)::INTEGER AS n,
       count(uai) FILTER (WHERE provenance = 'imported')::INTEGER AS imported_n
FROM facts
WHERE $parent_code IS NULL OR {{parent_col}} = $parent_code
GROUP BY ALL

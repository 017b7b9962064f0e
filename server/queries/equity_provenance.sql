-- /api/equity: provenance of the units' values for one indicator and year inside a territory
-- (France when $within_code IS NULL). Units are schools when $by_school, else the territories of
-- {{unit_col}}; n = schools behind a unit's value, imp = those whose value is imported. Returns
-- the units wholly imported, mixed and wholly demo, and the schools behind them all.
WITH units AS (
  SELECT CASE WHEN $by_school THEN uai ELSE {{unit_col}} END AS code,
         count(uai)::INTEGER AS n,
         count(uai) FILTER (WHERE provenance = 'imported')::INTEGER AS imp
  FROM facts
  WHERE indicator = $indicator
    AND year = $year
    AND num IS NOT NULL
    AND ($within_code IS NULL OR {{within_col}} = $within_code)
  GROUP BY 1
)
SELECT count(*) FILTER (WHERE imp > 0 AND imp >= n)::INTEGER AS imported,
       count(*) FILTER (WHERE imp > 0 AND imp < n)::INTEGER AS mixed,
       count(*) FILTER (WHERE imp = 0)::INTEGER AS synthetic,
       coalesce(sum(n), 0)::INTEGER AS schools,
       coalesce(sum(imp), 0)::INTEGER AS imported_schools
FROM units

-- /api/equity: one indicator as ratios of sums by class, every year, inside a territory (France
-- when $within_code IS NULL): by commune density class (rural < $rural_max ≤ intermediate <
-- $dense_min ≤ dense, inhabitants per km² of the commune: a proxy, not INSEE's density grid), by
-- sector and by school type (both NULL for indicators computed per commune: such rows are
-- dropped). schools = facts rows with a school, communes = distinct communes behind the value.
WITH f AS (
  SELECT f.year, f.uai, f.commune_code, f.sector, f.school_type, f.num, f.den,
         CASE WHEN t.density IS NULL THEN NULL
              WHEN t.density < $rural_max THEN 'rural'
              WHEN t.density < $dense_min THEN 'intermediate'
              ELSE 'dense' END AS density_class
  FROM facts f
  JOIN territories t ON t.level = 'commune' AND t.code = f.commune_code
  WHERE f.indicator = $indicator
    AND ($within_code IS NULL OR f.{{within_col}} = $within_code)
),
g AS (
  SELECT year, density_class, sector, school_type,
         grouping(density_class) AS g_density, grouping(sector) AS g_sector, grouping(school_type) AS g_type,
         sum(num) AS num, sum(den) AS den, count(uai)::INTEGER AS schools, count(DISTINCT commune_code)::INTEGER AS communes
  FROM f
  GROUP BY GROUPING SETS ((year, density_class), (year, sector), (year, school_type))
)
SELECT CASE WHEN g_density = 0 THEN 'density' WHEN g_sector = 0 THEN 'sector' ELSE 'school_type' END AS dimension,
       coalesce(density_class, sector, school_type) AS class,
       year::INTEGER AS year, num, den, schools, communes
FROM g
WHERE coalesce(density_class, sector, school_type) IS NOT NULL
ORDER BY dimension, class, year

-- /api/equity: one indicator for every territorial unit ({{unit_col}}: commune, département or
-- académie) inside a territory (France when $within_code IS NULL), one row per unit:
-- series = every year's ratio-of-sums inputs as 'year num den' triples joined by ';' (den empty
-- when NULL; DOUBLE → VARCHAR is DuckDB's shortest round-trip form, so nothing is lost, and one
-- row per unit instead of one per unit and year keeps a France-wide read small);
-- grp = the unit's group for the Theil decomposition ({{group_col}}: the level just below the
-- territory); lon/lat = a point for nearest-neighbour fallbacks (the mean of its communes' points;
-- a commune's own point).
WITH agg AS (
  SELECT {{unit_col}} AS code, year, sum(num) AS num, sum(den) AS den, any_value({{group_col}}) AS grp
  FROM facts
  WHERE indicator = $indicator
    AND ($within_code IS NULL OR {{within_col}} = $within_code)
  GROUP BY 1, 2
),
communes AS (
  SELECT t.code AS commune_code, t.departement_code, t.academie_code, t.region_code, p.lon, p.lat
  FROM territories t JOIN commune_points p USING (code)
  WHERE t.level = 'commune'
    AND ($within_code IS NULL OR t.{{within_col}} = $within_code)
),
points AS (
  SELECT {{unit_col}} AS code, avg(lon) AS lon, avg(lat) AS lat FROM communes GROUP BY 1
)
SELECT agg.code, any_value(agg.grp) AS grp, any_value(points.lon) AS lon, any_value(points.lat) AS lat,
       string_agg(agg.year || ' ' || coalesce(agg.num::VARCHAR, '') || ' ' || coalesce(agg.den::VARCHAR, ''), ';' ORDER BY agg.year) AS series
FROM agg LEFT JOIN points USING (code)
GROUP BY agg.code
ORDER BY agg.code

-- /api/equity with by=school: one indicator for every school inside a territory (France when
-- $within_code IS NULL), one row per school: series = every year's 'year num den' joined by ';'
-- (den empty when NULL; see equity_units.sql), grp = the school's group for the Theil
-- decomposition ({{group_col}}: the level just below the territory), lon/lat = its real position
-- (exact, or its commune's point; see schools.position_quality).
SELECT f.uai AS code, any_value(f.{{group_col}}) AS grp, any_value(s.lon) AS lon, any_value(s.lat) AS lat,
       string_agg(f.year || ' ' || coalesce(f.num::VARCHAR, '') || ' ' || coalesce(f.den::VARCHAR, ''), ';' ORDER BY f.year) AS series
FROM facts f JOIN schools s USING (uai)
WHERE f.indicator = $indicator
  AND ($within_code IS NULL OR f.{{within_col}} = $within_code)
GROUP BY f.uai
ORDER BY f.uai

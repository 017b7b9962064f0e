-- /api/equity: the social gradient of one indicator inside a territory (France when $within_code
-- IS NULL), every year. Observations are schools (indicators computed per school) or communes
-- (indicators computed per commune). A school's IPS for year Y is its IPS of the latest year ≤ Y,
-- else its earliest (IPS exist for 2021 and 2022 only); a commune's IPS is the pupil-weighted
-- mean of its schools' IPS so chosen. y = $scale·num/den (num alone when $has_den is false),
-- weight = den (1 without a denominator). Rows: per year and IPS quintile (ntile over the
-- observations ordered by IPS then id), and per year (quintile NULL), each with the centred
-- weighted moments of (IPS, y) for the least-squares slope.
WITH obs_facts AS (
  SELECT year, uai, commune_code, num, den
  FROM facts
  WHERE indicator = $indicator
    AND ($within_code IS NULL OR {{within_col}} = $within_code)
),
ips_rows AS (
  SELECT uai, commune_code, year AS ips_year, num / den AS ips, den AS pupils
  FROM facts
  WHERE indicator = 'ips' AND den > 0
    AND ($within_code IS NULL OR {{within_col}} = $within_code)
),
first_ips AS (
  SELECT uai, arg_min(ips, ips_year) AS ips, arg_min(pupils, ips_year) AS pupils FROM ips_rows GROUP BY uai
),
-- indicators computed per school: each fact row's school IPS (latest ≤ year, else earliest)
school_obs AS (
  SELECT f.year, f.uai AS id, f.num, f.den, coalesce(a.ips, fi.ips) AS ips
  FROM obs_facts f
  ASOF LEFT JOIN ips_rows a ON a.uai = f.uai AND f.year >= a.ips_year
  LEFT JOIN first_ips fi ON fi.uai = f.uai
  WHERE f.uai IS NOT NULL
),
-- indicators computed per commune: the pupil-weighted IPS of the commune's schools
commune_school_years AS (
  SELECT y.year, s.uai, s.commune_code
  FROM (SELECT DISTINCT year FROM obs_facts WHERE uai IS NULL) y
  CROSS JOIN (SELECT DISTINCT uai, commune_code FROM ips_rows) s
),
commune_ips AS (
  SELECT c.year, c.commune_code,
         sum(coalesce(a.ips, fi.ips) * coalesce(a.pupils, fi.pupils)) / sum(coalesce(a.pupils, fi.pupils)) AS ips
  FROM commune_school_years c
  ASOF LEFT JOIN ips_rows a ON a.uai = c.uai AND c.year >= a.ips_year
  LEFT JOIN first_ips fi ON fi.uai = c.uai
  GROUP BY 1, 2
),
obs AS (
  SELECT year, id, num, den, ips FROM school_obs
  UNION ALL
  SELECT f.year, f.commune_code AS id, f.num, f.den, c.ips
  FROM obs_facts f JOIN commune_ips c ON c.year = f.year AND c.commune_code = f.commune_code
  WHERE f.uai IS NULL
),
xy AS (
  SELECT year, id, ips AS x,
         CASE WHEN $has_den THEN $scale * num / den ELSE num END AS y,
         CASE WHEN $has_den THEN den ELSE 1.0 END AS w,
         num, den
  FROM obs
  WHERE ips IS NOT NULL AND num IS NOT NULL AND (NOT $has_den OR den > 0)
),
c AS (
  SELECT *,
         ntile(5) OVER (PARTITION BY year ORDER BY x, id) AS q,
         sum(w * x) OVER (PARTITION BY year) / sum(w) OVER (PARTITION BY year) AS mx,
         sum(w * y) OVER (PARTITION BY year) / sum(w) OVER (PARTITION BY year) AS my
  FROM xy
)
SELECT year::INTEGER AS year, q::INTEGER AS quintile, count(*)::INTEGER AS n,
       min(x) AS ips_min, max(x) AS ips_max, avg(x) AS ips_mean,
       sum(w * y) / sum(w) AS value,
       sum(w) AS sw, any_value(mx) AS mx, any_value(my) AS my,
       sum(w * (x - mx) * (x - mx)) AS sxx, sum(w * (x - mx) * (y - my)) AS sxy, sum(w * (y - my) * (y - my)) AS syy
FROM c
GROUP BY GROUPING SETS ((year, q), (year))
ORDER BY year, quintile NULLS FIRST

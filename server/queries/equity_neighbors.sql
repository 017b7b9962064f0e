-- /api/equity: queen contiguity between the units ({{unit_col}}) inside a territory (France when
-- $within_code IS NULL): two units are neighbours when a commune of each shares at least one
-- boundary vertex (table commune_neighbors, built from the real commune polygons). Each pair once.
WITH c AS (
  SELECT code AS commune_code, departement_code, academie_code, region_code
  FROM territories
  WHERE level = 'commune'
    AND ($within_code IS NULL OR {{within_col}} = $within_code)
)
SELECT DISTINCT a.{{unit_col}} AS code, b.{{unit_col}} AS neighbor
FROM commune_neighbors n
JOIN c a ON a.commune_code = n.code
JOIN c b ON b.commune_code = n.neighbor
WHERE a.{{unit_col}} < b.{{unit_col}}

-- The `search_index` table behind GET /api/search: one row per territory (région, académie,
-- département, commune, EPCI) and per school, with a display context, the population (or the
-- 2022 pupils of a school), two normalised texts and a precomputed importance for ranking.
--
-- Normalisation (mirrored by server/search/normalize.ts, checked against this table on the real
-- build by test/server/search.mirror.test.ts): lower case, accents stripped, œ/æ spelt out, every
-- run of other characters (hyphens, apostrophes, punctuation) → one space, abbreviations st →
-- saint, ste → sainte, mt → mont, with a leading and a trailing space so that
-- contains(norm, ' ' || token) tests a word prefix and norm = ' ' || phrase || ' ' a whole name.
--   norm      the name only
--   norm_all  the name and its context words (a commune's département, a school's commune…)
-- importance = 0.1 × log10(1 + population) for a commune, 0.1 × log10(1 + pupils) for a school;
-- a région, académie, département or EPCI takes its most populous commune's figure minus 0.01,
-- so it ranks just below the town it is named after (the commune Clermont-Ferrand, then the
-- académie) and far above villages.
CREATE OR REPLACE TEMP MACRO search_norm(s) AS
  ' ' || trim(
    regexp_replace(regexp_replace(regexp_replace(
      regexp_replace(replace(replace(strip_accents(lower(coalesce(s, ''))), 'œ', 'oe'), 'æ', 'ae'), '[^a-z0-9]+', ' ', 'g'),
      '\bst\b', 'saint', 'g'), '\bste\b', 'sainte', 'g'), '\bmt\b', 'mont', 'g')
  ) || ' ';

CREATE TABLE search_index AS
WITH
communes AS (SELECT * FROM territories WHERE level = 'commune'),
names AS (SELECT level, code, name FROM territories),
largest AS (
  SELECT 'region' AS level, region_code AS code, max(population) AS population FROM communes GROUP BY ALL
  UNION ALL SELECT 'academie', academie_code, max(population) FROM communes GROUP BY ALL
  UNION ALL SELECT 'departement', departement_code, max(population) FROM communes GROUP BY ALL
  UNION ALL SELECT 'epci', epci_code, max(population) FROM communes WHERE epci_code IS NOT NULL GROUP BY ALL
),
territory_rows AS (
  SELECT 'territory' AS kind, t.level, t.code, t.name,
         CASE t.level
           WHEN 'region' THEN 'région (' || t.code || ')'
           WHEN 'academie' THEN 'académie · ' || coalesce(r.name, '')
           WHEN 'departement' THEN 'département (' || t.code || ') · ' || coalesce(r.name, '')
           WHEN 'commune' THEN coalesce(d.name, '') || ' (' || t.departement_code || ')'
           ELSE 'intercommunalité · ' || coalesce(d.name, '') || ' (' || coalesce(t.departement_code, '') || ')'
         END AS context,
         CASE t.level
           WHEN 'region' THEN ''
           WHEN 'academie' THEN r.name
           WHEN 'departement' THEN r.name
           ELSE concat_ws(' ', d.name, t.departement_code)
         END AS context_words,
         t.population,
         NULL::DOUBLE AS pupils,
         CASE WHEN t.level = 'commune' THEN 0.1 * log10(1 + coalesce(t.population, 0))
              ELSE 0.1 * log10(1 + coalesce(l.population, 0)) - 0.01 END AS importance
  FROM territories t
  LEFT JOIN names r ON r.level = 'region' AND r.code = t.region_code
  LEFT JOIN names d ON d.level = 'departement' AND d.code = t.departement_code
  LEFT JOIN largest l ON l.level = t.level AND l.code = t.code
),
school_rows AS (
  SELECT 'school' AS kind, 'school' AS level, s.uai AS code, s.name,
         concat_ws(' · ', c.name,
                   CASE s.school_type WHEN 'ecole' THEN 'école' WHEN 'college' THEN 'collège' WHEN 'lycee' THEN 'lycée' ELSE s.school_type END,
                   CASE s.sector WHEN 'prive' THEN 'privé' ELSE s.sector END) AS context,
         concat_ws(' ', c.name, s.school_type) AS context_words,
         NULL::DOUBLE AS population,
         y.pupils,
         0.1 * log10(1 + coalesce(y.pupils, 0)) AS importance
  FROM schools s
  LEFT JOIN communes c ON c.code = s.commune_code
  LEFT JOIN school_years y ON y.uai = s.uai AND y.year = 2022
)
SELECT kind, level, code, name, context, population, pupils,
       search_norm(name) AS norm,
       search_norm(concat_ws(' ', name, context_words)) AS norm_all,
       importance::DOUBLE AS importance
FROM (SELECT * FROM territory_rows UNION ALL BY NAME SELECT * FROM school_rows)
ORDER BY kind DESC, level, code;

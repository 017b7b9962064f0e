-- Territories and schools matching a query, best first (GET /api/search).
-- $t1…$t6: normalised query words (NULL when unused); a row matches when every word starts a
--   word of its name or context (norm_all), or when its code equals $code (a UAI or territory code).
-- $phrase: all the words joined by one space; $kind: 'territory', 'school' or NULL; $limit: 1…20.
-- score = match + importance (see scripts/build/sql/search_index.sql), match being
--   2.0 code or UAI · 1.0 whole name · 0.9 name starts with the phrase · 0.8 every word in the
--   name · 0.5 some words only in the context; ties by population (or pupils), then name.
-- Words are compared with contains() on bound values: no LIKE pattern, so % and _ are literal.
WITH hits AS (
  SELECT kind, level, code, name, context, population, pupils, norm, importance
  FROM search_index
  WHERE ($kind IS NULL OR kind = $kind)
    AND (code = $code
      OR ($t1 IS NOT NULL
        AND contains(norm_all, ' ' || $t1)
        AND ($t2 IS NULL OR contains(norm_all, ' ' || $t2))
        AND ($t3 IS NULL OR contains(norm_all, ' ' || $t3))
        AND ($t4 IS NULL OR contains(norm_all, ' ' || $t4))
        AND ($t5 IS NULL OR contains(norm_all, ' ' || $t5))
        AND ($t6 IS NULL OR contains(norm_all, ' ' || $t6))))
),
scored AS (
  SELECT *,
         CASE
           WHEN code = $code THEN 2.0
           WHEN norm = ' ' || $phrase || ' ' THEN 1.0
           WHEN starts_with(norm, ' ' || $phrase) THEN 0.9
           WHEN contains(norm, ' ' || $t1)
            AND ($t2 IS NULL OR contains(norm, ' ' || $t2))
            AND ($t3 IS NULL OR contains(norm, ' ' || $t3))
            AND ($t4 IS NULL OR contains(norm, ' ' || $t4))
            AND ($t5 IS NULL OR contains(norm, ' ' || $t5))
            AND ($t6 IS NULL OR contains(norm, ' ' || $t6)) THEN 0.8
           ELSE 0.5
         END + importance AS score
  FROM hits
)
SELECT kind, level, code, name, context, population, pupils, round(score, 4)::DOUBLE AS score
FROM scored
ORDER BY score DESC, coalesce(population, pupils) DESC NULLS LAST, name, code
LIMIT $limit

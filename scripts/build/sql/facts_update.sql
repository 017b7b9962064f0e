-- After an import: `facts` brought up to date in place (scripts/import/apply.ts runs every
-- statement of facts.sql but its last, which rebuilds the whole table, then this file).
-- Only the rows of the measure-backed indicators whose value or provenance changed are rewritten,
-- so the table keeps its order and its other columns are not recompressed; rows a new imported
-- value creates are appended. apply.ts then checks that `facts` holds exactly `measure_facts`
-- (else it rebuilds the table with facts.sql's last statement).
UPDATE facts f
SET num = m.num, den = m.den, provenance = m.provenance
FROM measure_facts m
WHERE f.indicator = m.indicator AND f.uai = m.uai AND f.year = m.year
  AND (f.num IS DISTINCT FROM m.num OR f.den IS DISTINCT FROM m.den OR f.provenance IS DISTINCT FROM m.provenance);

INSERT INTO facts
SELECT m.indicator, m.year, s.commune_code, m.uai, s.school_type, s.sector,
       c.departement_code, c.academie_code, c.region_code, m.num::DOUBLE, m.den::DOUBLE, m.provenance
FROM measure_facts m
JOIN schools s USING (uai)
JOIN territories c ON c.level = 'commune' AND c.code = s.commune_code
ANTI JOIN facts f ON f.indicator = m.indicator AND f.uai = m.uai AND f.year = m.year;

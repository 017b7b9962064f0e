// The French summary: place phrases from INSEE's TNCC, number format, and the sentences chosen
// from a block.
import { describe, expect, it } from 'vitest';
import type { EquityBlock } from './block.ts';
import { frenchSummary, provenanceSentence, frNumber, placePhrase } from './summary.ts';

describe('place phrases', () => {
  it('follow the article of the name (TNCC) and the level', () => {
    expect(placePhrase(null)).toBe('en France');
    expect(placePhrase({ level: 'departement', code: '15', name: 'Cantal', tncc: 2 })).toBe('dans le Cantal');
    expect(placePhrase({ level: 'departement', code: '43', name: 'Haute-Loire', tncc: 3 })).toBe('en Haute-Loire');
    expect(placePhrase({ level: 'departement', code: '03', name: 'Allier', tncc: 5 })).toBe('dans l’Allier');
    expect(placePhrase({ level: 'departement', code: '13', name: 'Bouches-du-Rhône', tncc: 4 })).toBe('dans les Bouches-du-Rhône');
    expect(placePhrase({ level: 'departement', code: '35', name: 'Ille-et-Vilaine', tncc: 1 })).toBe('en Ille-et-Vilaine');
    expect(placePhrase({ level: 'departement', code: '75', name: 'Paris', tncc: 0 })).toBe('à Paris');
    expect(placePhrase({ level: 'departement', code: '974', name: 'La Réunion', tncc: 0 })).toBe('à La Réunion');
    expect(placePhrase({ level: 'region', code: '84', name: 'Auvergne-Rhône-Alpes', tncc: 1 })).toBe('en Auvergne-Rhône-Alpes');
    expect(placePhrase({ level: 'region', code: '32', name: 'Hauts-de-France', tncc: 4 })).toBe('dans les Hauts-de-France');
    expect(placePhrase({ level: 'academie', code: '06', name: 'Clermont-Ferrand', tncc: null })).toBe('dans l’académie de Clermont-Ferrand');
    expect(placePhrase({ level: 'academie', code: '20', name: 'Amiens', tncc: null })).toBe('dans l’académie d’Amiens');
  });
});

describe('French numbers', () => {
  it('use a decimal comma and a non-breaking space before the unit', () => {
    expect(frNumber(71.234, 1, '%')).toBe('71,2\u00a0%');
    expect(frNumber(0.5, 2)).toBe('0,50');
  });
});

describe('summary', () => {
  const block = {
    measures: {
      units: 104, mean: 90.3, gini: 0.1, cv: 0.3, p10: 50, p90: 100, p90_p10: 2,
      theil: { total: 0.08, between: 0.02, within: 0.06, between_share: 0.25, groups: [] },
      top_bottom_fifth: { bottom: 52.4, top: 100, gap: 47.6, ratio: 1.9 },
    },
    gaps: {
      density: { classes: [{ class: 'rural', value: 85.6, schools: 1, communes: 1 }, { class: 'dense', value: 98.7, schools: 1, communes: 1 }], gap: { between: ['dense', 'rural'], value: 13.1 } },
      sector: null, school_type: null, ips_gradient: null,
    },
    spatial: {
      units: 104, excluded_without_neighbour: 0, islands_attached: 0, moran: null,
      lisa: { significance: 0.05, permutations: 999, seed: 1, counts: { 'high-high': 0, 'low-high': 0, 'low-low': 3, 'high-low': 0, 'not-significant': 101 }, clusters: [] },
    },
    trend: [{ measure: 'gini', years: [2019, 2025], values: [0.63, 0.1], first_year: 2019, last_year: 2025, first: 0.63, last: 0.1, fitted_change: -0.53, direction: 'narrowing' }],
  } as EquityBlock;
  const base = { place: 'dans le Cantal', year: 2025, manyYears: true, label: 'Écoles en très haut débit', unit: '%', decimals: 1, direction: 'higher_is_better' as const, by: 'commune' as const, groupLevel: 'commune', provenance: 'synthetic', block };

  it('says the level, the fifths, urban vs rural, the between share, the zones and the trend', () => {
    const s = frenchSummary(base);
    expect(s).toBe(
      'Dans le Cantal, rentrée 2025 : écoles en très haut débit, 90,3\u00a0% en moyenne sur 104 communes. ' +
        'Le cinquième le mieux servi atteint 100,0\u00a0%, le moins bien servi 52,4\u00a0% (indice de Gini 0,10). ' +
        'Communes peu denses : 85,6\u00a0% ; communes denses : 98,7\u00a0%. ' +
        '25\u00a0% des inégalités (indice de Theil) tiennent aux écarts entre communes. ' +
        '3 communes forment des zones de faible service (agrégats spatiaux significatifs, p ≤ 0,05). ' +
        'De 2019 à 2025, l’écart se réduit (Gini 0,63 → 0,10). Données fictives.',
    );
  });

  it('reads the fifths the other way when higher is worse, and keeps acronyms', () => {
    const s = frenchSummary({ ...base, direction: 'higher_is_worse', label: 'Élèves actifs sur l’ENT', provenance: 'open-data' });
    expect(s).toContain('élèves actifs sur l’ENT');
    expect(s).toContain('Le cinquième le mieux servi est à 52,4\u00a0%, le moins bien servi à 100,0\u00a0%');
    expect(s).toContain('Aucune zone de faible service significative.'); // high-high count is 0
    expect(s).not.toContain('fictives');
  });

  it('says honestly how much of the data is imported', () => {
    expect(frenchSummary({ ...base, provenance: 'mixed', importedShare: 0.42 })).toMatch(/l’écart se réduit \(Gini 0,63 → 0,10\)\. Données en partie importées \(42\u00a0% des établissements\), en partie fictives\.$/);
    expect(frenchSummary({ ...base, provenance: 'imported', importedShare: 1 })).toMatch(/\. Données importées par les partenaires\.$/);
    expect(provenanceSentence('mixed', 0.004)).toBe('Données en partie importées (moins de 1\u00a0% des établissements), en partie fictives.');
    expect(provenanceSentence('mixed', 0.996)).toBe('Données en partie importées (plus de 99\u00a0% des établissements), en partie fictives.');
    expect(provenanceSentence('historical')).toBeNull();
  });

  it('says so when there is no value', () => {
    const empty = { ...block, measures: { ...block.measures, units: 0, mean: null } } as EquityBlock;
    expect(frenchSummary({ ...base, manyYears: false, block: empty })).toBe('Dans le Cantal : aucune valeur pour « Écoles en très haut débit ».');
  });
});

// The sentences of a profile's key figures, and the places they happen in, French and English.
import { describe, expect, it } from 'vitest';
import type { ProfileEntry } from '../api/territory.ts';
import { placeIn, placeThan, placeWithArticle, type Place } from './places.ts';
import { comparisonClause, figureSentence, provenanceNote } from './sentences.ts';

const cantal: Place = { level: 'departement', code: '15', name: 'Cantal' };
const academie: Place = { level: 'academie', code: '06', name: 'Clermont-Ferrand' };
const france: Place = { level: 'france', code: 'FR', name: 'France' };

type Entry = Pick<ProfileEntry, 'indicator' | 'label' | 'unit' | 'value' | 'parent_value' | 'year' | 'provenance' | 'low_n'>;
const entry = (over: Partial<Entry>): Entry => ({
  indicator: 'thd_share',
  label: { fr: 'Écoles en très haut débit', en: 'Schools with very high-speed access' },
  unit: { fr: '%', en: '%' },
  value: 58,
  parent_value: 70,
  year: 2024,
  provenance: 'synthetic',
  low_n: false,
  ...over,
});

describe('places', () => {
  it('use the article of the name, and contract it for communes', () => {
    expect(placeIn('fr', cantal)).toBe('dans le Cantal');
    expect(placeIn('fr', { level: 'departement', code: '43', name: 'Haute-Loire' })).toBe('en Haute-Loire');
    expect(placeIn('fr', { level: 'departement', code: '03', name: 'Allier' })).toBe('dans l’Allier');
    expect(placeIn('fr', academie)).toBe('dans l’académie de Clermont-Ferrand');
    expect(placeIn('fr', { level: 'region', code: '84', name: 'Auvergne-Rhône-Alpes' })).toBe('en Auvergne-Rhône-Alpes');
    expect(placeIn('fr', { level: 'commune', code: '15187', name: 'Saint-Flour' })).toBe('à Saint-Flour');
    expect(placeIn('fr', { level: 'commune', code: '43157', name: 'Le Puy-en-Velay' })).toBe('au Puy-en-Velay');
    expect(placeIn('fr', { level: 'commune', code: '63214', name: 'Les Martres-de-Veyre' })).toBe('aux Martres-de-Veyre');
    expect(placeIn('fr', france)).toBe('en France');
    expect(placeIn('en', academie)).toBe('in the académie of Clermont-Ferrand');
  });

  it('take their article as objects of a phrase', () => {
    expect(placeWithArticle('fr', cantal)).toBe('le Cantal');
    expect(placeWithArticle('fr', { level: 'departement', code: '43', name: 'Haute-Loire' })).toBe('la Haute-Loire');
    expect(placeWithArticle('fr', { level: 'departement', code: '03', name: 'Allier' })).toBe('l’Allier');
    expect(placeWithArticle('fr', academie)).toBe('l’académie de Clermont-Ferrand');
    expect(placeWithArticle('fr', { level: 'academie', code: '20', name: 'Amiens' })).toBe('l’académie d’Amiens');
    expect(placeWithArticle('fr', france)).toBe('la France');
    expect(placeWithArticle('fr', { level: 'commune', code: '43157', name: 'Le Puy-en-Velay' })).toBe('le Puy-en-Velay');
    expect(placeWithArticle('en', academie)).toBe('the académie of Clermont-Ferrand');
  });

  it('elide "que" before a vowel', () => {
    expect(placeThan('fr', france)).toBe('qu’en France');
    expect(placeThan('fr', { level: 'commune', code: '15187', name: 'Saint-Flour' })).toBe('qu’à Saint-Flour');
    expect(placeThan('fr', cantal)).toBe('que dans le Cantal');
    expect(placeThan('en', cantal)).toBe('than in Cantal');
  });
});

describe('comparisons', () => {
  const than = 'que dans le Cantal';
  it('compare percentages in points, singular below two', () => {
    expect(comparisonClause('fr', 58, 70, '%', than)).toBe('12 points de moins que dans le Cantal');
    expect(comparisonClause('fr', 71.5, 70, '%', than)).toBe('1,5 point de plus que dans le Cantal');
    expect(comparisonClause('fr', 72.2, 70, '%', than)).toBe('2,2 points de plus que dans le Cantal');
    expect(comparisonClause('fr', 70.02, 70, '%', than)).toBe('au même niveau que dans le Cantal');
    expect(comparisonClause('en', 69, 70, '%', 'than in Cantal')).toBe('1 point lower than in Cantal');
  });

  it('compare other units in per cent of the reference, then in times', () => {
    expect(comparisonClause('fr', 3.87, 3.5, 'élèves', than)).toBe('11\u00a0% de plus que dans le Cantal');
    expect(comparisonClause('fr', 25, 107, 'hab./km²', than)).toBe('4,3 fois moins que dans le Cantal');
    expect(comparisonClause('en', 30, 10, 'days', 'than in France')).toBe('3 times higher than in France');
    expect(comparisonClause('en', 105.3, 105, '', 'than in France')).toBe('the same level as in France');
    expect(comparisonClause('fr', 3, null, 'x', than)).toBeNull();
  });
});

describe('figure sentences', () => {
  it('reads like the issue’s example, with the demo warning', () => {
    expect(figureSentence({ lang: 'fr', entry: entry({}), decimals: 0, place: cantal, parent: academie })).toBe(
      'Dans le Cantal, 58\u00a0% des écoles ont un accès à très haut débit, 12 points de moins que dans l’académie de Clermont-Ferrand (données fictives).',
    );
    expect(figureSentence({ lang: 'en', entry: entry({}), decimals: 0, place: cantal, parent: academie })).toBe(
      'In Cantal, 58% of schools have very high-speed access, 12 points lower than in the académie of Clermont-Ferrand (synthetic data).',
    );
  });

  it('says "en 2018" of the historical FttH value only, not of an imported current quarter', () => {
    const ftth = { indicator: 'ftth_share', label: { fr: 'Locaux raccordables à la fibre', en: 'Premises ready for fibre' }, value: 60, parent_value: null };
    const old = figureSentence({ lang: 'fr', entry: entry({ ...ftth, year: 2017, provenance: 'historical' }), decimals: 0, place: cantal, parent: academie });
    expect(old).toContain('60\u00a0% des locaux étaient raccordables à la fibre en 2018');
    const now = figureSentence({ lang: 'fr', entry: entry({ ...ftth, year: 2024, provenance: 'open-data' }), decimals: 0, place: cantal, parent: academie });
    expect(now).toContain('60\u00a0% des locaux sont raccordables à la fibre');
    expect(now).not.toContain('2018');
  });

  it('places units where they read naturally and says the year when it differs', () => {
    const devices = entry({ indicator: 'pupils_per_device', label: { fr: 'Élèves par terminal', en: 'Pupils per device' }, unit: { fr: 'élèves', en: 'pupils' }, value: 3.87, parent_value: 3.5 });
    expect(figureSentence({ lang: 'fr', entry: devices, decimals: 1, place: { level: 'commune', code: '43157', name: 'Le Puy-en-Velay' }, parent: { level: 'departement', code: '43', name: 'Haute-Loire' } })).toBe(
      'Au Puy-en-Velay, on compte 3,9 élèves par terminal, 11\u00a0% de plus qu’en Haute-Loire (données fictives).',
    );
    const ips = entry({ indicator: 'ips', label: { fr: 'IPS', en: 'IPS' }, unit: { fr: '', en: '' }, value: 105.3, parent_value: 105, year: 2022, provenance: 'open-data' });
    expect(figureSentence({ lang: 'fr', entry: ips, decimals: 1, place: cantal, parent: academie, year: 2024 })).toBe(
      'En 2022, dans le Cantal, l’indice de position sociale moyen des élèves est de 105,3, au même niveau que dans l’académie de Clermont-Ferrand.',
    );
  });

  it('says when there is no value, and when a value rests on few schools', () => {
    expect(figureSentence({ lang: 'fr', entry: entry({ value: null }), decimals: 1, place: cantal, parent: academie })).toBe('Dans le Cantal, pas de donnée pour «\u00a0Écoles en très haut débit\u00a0» en 2024.');
    expect(figureSentence({ lang: 'en', entry: entry({ low_n: true, provenance: 'open-data' }), decimals: 0, place: france, parent: france })).toMatch(/^In France, .*\. Fragile value: fewer than 5 schools\.$/);
  });

  it('falls back on the label for indicators without a clause', () => {
    const other = entry({ indicator: 'new_one', label: { fr: 'Nouvel indicateur', en: 'New one' }, unit: { fr: 'u', en: 'u' }, value: 2, parent_value: 2, provenance: 'imported' });
    expect(figureSentence({ lang: 'fr', entry: other, decimals: 0, place: cantal, parent: academie })).toBe('Dans le Cantal, nouvel indicateur\u00a0: 2\u00a0u, au même niveau que dans l’académie de Clermont-Ferrand.');
  });

  it('names every provenance that is not current real data', () => {
    expect(provenanceNote('fr', 'mixed')).toBe('données en partie fictives');
    expect(provenanceNote('en', 'historical')).toBe('historical data');
    expect(provenanceNote('fr', 'open-data')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../server/indicators/catalog.ts';
import {
  badgeText,
  explainText,
  includesDemo,
  producersText,
  provenanceCountLine,
  provenanceCounts,
  provenanceText,
  shareText,
  seriesNote,
  shortVintage,
  territoryMix,
  valueNote,
} from './provenance.ts';

const get = (id: string) => {
  const i = findIndicator(id);
  if (!i) throw new Error(`no indicator ${id} in the catalog`);
  return i;
};

describe('provenance badge text', () => {
  it('labels demo data as fictive in both languages', () => {
    expect(badgeText('fr', get('thd_share'))).toBe('Données fictives');
    expect(badgeText('en', get('thd_share'))).toBe('Simulated data');
  });

  it('names the vintage of historical data', () => {
    expect(badgeText('fr', get('ftth_share'))).toBe('Donnée historique (T1 2018)');
  });

  it('says open data otherwise', () => {
    expect(badgeText('fr', get('ips'))).toBe('Données ouvertes');
  });

  it('strips parenthesised notes from a vintage', () => {
    expect(shortVintage('T1 2018 (historique)')).toBe('T1 2018');
    expect(shortVintage('COG 2026')).toBe('COG 2026');
  });
});

describe('provenance of values resting on imported data', () => {
  const thd = get('thd_share');
  const cantal = { body: 'Département du Cantal', date: '2026-03-01' };
  const region = { body: 'Région Auvergne-Rhône-Alpes', date: '2026-04-15' };

  it('names the importing bodies and the latest date of imported values', () => {
    expect(provenanceText('fr', { provenance: 'imported', imported_share: 1, imports: [region] }, thd)).toBe('Données importées (Région Auvergne-Rhône-Alpes, 15 avril 2026)');
    expect(provenanceText('en', { provenance: 'imported', imports: [region, cantal] }, thd)).toBe('Imported data (Région Auvergne-Rhône-Alpes, Département du Cantal, 15 April 2026)');
    expect(provenanceText('fr', { provenance: 'imported' }, thd)).toBe('Données importées');
  });

  it('gives the imported share of mixed values, never rounding a mix to 0 % or 100 %', () => {
    expect(provenanceText('fr', { provenance: 'mixed', imported_share: 0.42 }, thd)).toBe('En partie importées (42\u00a0%)');
    expect(provenanceText('en', { provenance: 'mixed', imported_share: 0.5 }, thd)).toBe('Partly imported (50%)');
    expect(shareText('fr', 0.004)).toBe('< 1\u00a0%');
    expect(shareText('fr', 0.996)).toBe('> 99\u00a0%');
    expect(shareText('fr', 1)).toBe('100\u00a0%');
    expect(provenanceText('fr', { provenance: 'mixed' }, thd)).toBe('Données en partie fictives');
  });

  it('keeps « Données fictives » for demo values and names open data’s producer and vintage when detailed', () => {
    expect(provenanceText('fr', { provenance: 'synthetic', imported_share: 0 }, thd)).toBe('Données fictives');
    expect(provenanceText('fr', { provenance: 'open-data' }, get('ips'))).toBe('Données ouvertes');
    expect(provenanceText('fr', { provenance: 'open-data' }, get('ips'), { detailed: true })).toBe('Données ouvertes (DEPP, rentrées 2021 et 2022)');
    expect(provenanceText('fr', { provenance: 'open-data' }, get('population'), { detailed: true })).toBe('Données ouvertes (INSEE, COG 2026)');
    expect(provenanceText('fr', { provenance: 'historical' }, get('ftth_share'))).toBe('Donnée historique (T1 2018)');
  });

  it('writes the note after a figure or in a chart title', () => {
    expect(valueNote('fr', { provenance: 'synthetic' })).toBe('données fictives');
    expect(valueNote('fr', { provenance: 'mixed', imported_share: 0.5 })).toBe('données importées pour 50\u00a0%, le reste fictif');
    expect(valueNote('fr', { provenance: 'imported', imports: [cantal] })).toBe('données importées (Département du Cantal, 1 mars 2026)');
    expect(valueNote('en', { provenance: 'imported' })).toBe('imported data');
    expect(valueNote('fr', { provenance: 'open-data' })).toBeNull();
  });

  it('says which years of a series rest on imported values', () => {
    const point = (year: number, provenance: string, share: number | null, n = 100) => ({ year, value: 50, n, provenance, imported_share: share });
    const demo = [2019, 2020, 2021, 2022, 2023, 2024].map((y) => point(y, 'synthetic', 0));
    const top = { provenance: 'mixed', imported_share: 27 / 700 };
    expect(seriesNote('fr', top, [...demo, point(2025, 'mixed', 0.27)])).toBe('données importées en 2025 (27\u00a0%), le reste fictif');
    expect(seriesNote('fr', top, [...demo.slice(0, 5), point(2024, 'mixed', 0.1, 100), point(2025, 'imported', 1, 300)])).toBe('données importées en 2024, 2025 (78\u00a0%), le reste fictif');
    expect(seriesNote('fr', { provenance: 'imported', imports: [cantal] }, [point(2024, 'imported', 1), point(2025, 'imported', 1)])).toBe('données importées (Département du Cantal, 1 mars 2026)');
    expect(seriesNote('fr', { provenance: 'synthetic' }, demo)).toBe('données fictives');
  });

  it('reads a territory’s provenance from its imported share on the map', () => {
    expect(territoryMix(thd, 1)).toEqual({ provenance: 'imported', imported_share: 1 });
    expect(territoryMix(thd, 0)).toEqual({ provenance: 'synthetic', imported_share: 0 });
    expect(territoryMix(thd, 0.25)).toEqual({ provenance: 'mixed', imported_share: 0.25 });
    expect(territoryMix(thd, undefined)).toEqual({ provenance: 'synthetic' });
    expect(territoryMix(get('ips'), null)).toEqual({ provenance: 'open-data' });
    expect(producersText('fr', territoryMix(thd, 1), thd)).toBe('partenaires');
    expect(producersText('fr', { provenance: 'mixed', imports: [cantal] }, thd)).toBe('Département du Cantal, CoPaNEETA dashboard');
    expect(producersText('fr', territoryMix(thd, 0), thd)).toBe('CoPaNEETA dashboard');
  });

  it('explains mixed values with their share', () => {
    expect(explainText('fr', { provenance: 'mixed', imported_share: 0.75 })).toMatch(/^Une partie des établissements a des valeurs réelles importées par les partenaires \(75\u00a0%\) ; les autres ont des valeurs simulées/);
    expect(explainText('en', { provenance: 'imported' })).toBe('Real values sent by the partners and imported into the database.');
    expect([includesDemo('mixed'), includesDemo('synthetic'), includesDemo('imported'), includesDemo('open-data')]).toEqual([true, true, false, false]);
  });

  it('counts the map’s territories by provenance for the legend, only when something is imported', () => {
    const values = [
      { value: 100, imported_share: 0.5 },
      { value: 50, imported_share: 1 },
      { value: 20, imported_share: 0 },
      { value: 30, imported_share: 0 },
      { value: null, imported_share: null },
      { value: 12 },
    ];
    const counts = provenanceCounts(values);
    expect(counts).toEqual({ imported: 1, mixed: 1, synthetic: 2 });
    expect(provenanceCountLine('fr', counts)).toBe('Provenance des valeurs : 1 en données importées, 1 en partie importées, 2 en données fictives.');
    expect(provenanceCountLine('en', { imported: 1200, mixed: 0, synthetic: 0 })).toBe('Where the values come from: 1,200 imported.');
    expect(provenanceCountLine('fr', { imported: 0, mixed: 0, synthetic: 95 })).toBeNull();
  });
});

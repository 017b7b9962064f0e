import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../server/indicators/catalog.ts';
import { classify } from './classify.ts';
import { darkerText, mapSummary } from './summary.ts';

const ips = findIndicator('ips');
if (!ips) throw new Error('ips is missing from the catalog');

describe('darkerText', () => {
  it('says what darker means for each direction', () => {
    expect(darkerText('fr', { direction: 'higher_is_better' })).toBe('Plus foncé = situation plus favorable');
    expect(darkerText('fr', { direction: 'higher_is_worse' })).toMatch(/favorable \(valeur plus basse\)/);
    expect(darkerText('en', { direction: 'neutral' })).toBe('Darker = higher value');
  });
});

describe('mapSummary', () => {
  it('summarises level, indicator, year, range and missing values', () => {
    const text = mapSummary('fr', ips, 'departement', 2022, classify([95.25, 101, null, 110.04]));
    expect(text).toContain('Carte des départements de France');
    expect(text).toContain('« Indice de position sociale (IPS) » en 2022');
    expect(text).toContain('3 territoires renseignés, de 95,3 à 110,0');
    expect(text).toContain('1 sans donnée');
  });

  it('says so when the values are demo data, in full or in part', () => {
    const demo = findIndicator('thd_share');
    if (!demo) throw new Error('thd_share is missing from the catalog');
    expect(demo.provenance).toBe('synthetic');
    const values = classify([1, 2, 3]);
    expect(mapSummary('fr', demo, 'commune', 2025, values)).toMatch(/Données fictives\u00a0: valeurs simulées de démonstration, ce ne sont pas des mesures\.$/);
    expect(mapSummary('en', ips, 'commune', 2025, values, undefined, 'mixed')).toMatch(/ Partly simulated data\.$/);
    expect(mapSummary('fr', ips, 'commune', 2022, values)).not.toMatch(/fictive/);
  });

  it('announces loading when there is nothing to describe yet', () => {
    expect(mapSummary('en', ips, 'region', 2022, null)).toBe('Map of the regions of France, loading.');
  });
});

import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../server/indicators/catalog.ts';
import { badgeText, shortVintage } from './provenance.ts';

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

import { describe, expect, it } from 'vitest';
import type { ProfileEntry } from '../api/territory.ts';
import { describeEntry, isDemo, ordinal, panelFigures, provenanceTag, rankText, tagClass } from './figures.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const entry = (indicator: string, over: Partial<ProfileEntry> = {}): ProfileEntry => ({
  indicator,
  label: { fr: indicator, en: indicator },
  unit: { fr: '%', en: '%' },
  theme: 'connectivity',
  direction: 'higher_is_better',
  year: 2022,
  provenance: 'synthetic',
  imported_share: null,
  value: 80,
  n: 10,
  low_n: false,
  parent_value: 60.606,
  national_value: 78.168,
  index: 132,
  rank: 48,
  siblings: 104,
  ...over,
});

describe('panelFigures', () => {
  it('puts the current indicator first, then the key ones present, each once', () => {
    const profile = ['population', 'ips', 'bandwidth_mean', 'thd_share', 'fibre_share'].map((id) => entry(id));
    expect(panelFigures(profile, 'bandwidth_mean').map((e) => e.indicator)).toEqual([
      'bandwidth_mean', 'ips', 'thd_share', 'fibre_share', 'population',
    ]);
    expect(panelFigures(profile, 'ips').map((e) => e.indicator)).toEqual(['ips', 'thd_share', 'fibre_share', 'population']);
  });
});

describe('ranks', () => {
  it('writes French and English ordinals', () => {
    expect(ordinal('fr', 1)).toBe('1er');
    expect(ordinal('fr', 3)).toBe('3e');
    expect(plain(ordinal('fr', 1234))).toBe('1 234e');
    expect(['1st', '2nd', '3rd', '4th', '11th', '12th', '22nd', '113th'].map((s) => ordinal('en', parseInt(s)))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '22nd', '113th',
    ]);
  });

  it('says "3e sur 4"', () => {
    expect(rankText('fr', 3, 4)).toBe('3e sur 4');
    expect(rankText('en', 3, 4)).toBe('3rd of 4');
    expect(rankText('fr', null, 4)).toBeNull();
  });
});

describe('provenanceTag', () => {
  it('says so on every demo value, partly demo ones included', () => {
    expect(provenanceTag('fr', 'synthetic', undefined)).toBe('Données fictives');
    expect(provenanceTag('fr', 'mixed', undefined)).toBe('Données en partie fictives');
    expect(provenanceTag('fr', 'historical', { sources: [{ vintage: 'T1 2018 (historique)' }] as never })).toBe('Donnée historique (T1 2018)');
    expect(provenanceTag('fr', 'open-data', undefined)).toBeNull();
    expect([isDemo('synthetic'), isDemo('mixed'), isDemo('imported')]).toEqual([true, true, false]);
  });
  it('describes a profile entry from its mix: share, importing bodies, open data on request', () => {
    expect(provenanceTag('fr', { provenance: 'mixed', imported_share: 0.5 }, undefined)).toBe('En partie importées (50\u00a0%)');
    expect(provenanceTag('fr', { provenance: 'imported', imported_share: 1, imports: [{ body: 'Région Auvergne-Rhône-Alpes', date: '2026-04-15' }] }, undefined)).toBe(
      'Données importées (Région Auvergne-Rhône-Alpes, 15 avril 2026)',
    );
    const ips = { sources: [{ producer: 'DEPP (Ministère de l’Éducation nationale)', vintage: 'rentrées 2021 et 2022' }] as never };
    expect(provenanceTag('fr', { provenance: 'open-data', imported_share: null }, ips)).toBeNull();
    expect(provenanceTag('fr', { provenance: 'open-data', imported_share: null }, ips, { openData: true })).toBe('Données ouvertes (DEPP, rentrées 2021 et 2022)');
    expect([tagClass('mixed'), tagClass('imported'), tagClass('open-data')]).toEqual(['tag tag-synthetic', 'tag tag-imported', 'tag tag-open-data']);
  });
});

describe('describeEntry', () => {
  const school = { decimals: 1, grain: 'school' as const };

  it('compares with the parent, France, the index, the rank and the schools', () => {
    const d = describeEntry('fr', entry('thd_share'), school, { level: 'departement', name: 'Cantal' });
    expect(plain(d.value)).toBe('80,0 %');
    expect(d.comparisons.map((c) => `${c.term}: ${plain(c.value)}`)).toEqual([
      'Cantal: 60,6 %',
      'France: 78,2 %',
      'Indice (Cantal = 100): 132',
      'Rang: 48e sur 104',
      'Établissements: 10',
    ]);
  });

  it('does not repeat France for a région, and says when a value is missing', () => {
    const d = describeEntry('fr', entry('thd_share', { value: null, index: null, rank: null }), school, { level: 'france', name: 'France' });
    expect(d.value).toBe('Pas de donnée');
    expect(d.comparisons.map((c) => c.term)).toEqual(['France', 'Établissements']);
  });

  it('leaves schools out of commune-grain indicators', () => {
    const d = describeEntry('en', entry('population', { unit: { fr: 'hab.', en: 'inhab.' }, n: null }), { decimals: 0, grain: 'commune' }, { level: 'departement', name: 'Cantal' });
    expect(d.comparisons.map((c) => c.term)).toEqual(['Cantal', 'France', 'Index (Cantal = 100)', 'Rank']);
  });
});

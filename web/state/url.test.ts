import { describe, expect, it } from 'vitest';
import { parseViewQuery, resolveViewState, serializeViewState, type IndicatorChoice } from './url.ts';

const ALL = ['region', 'academie', 'departement', 'commune'] as const;
const CATALOG: IndicatorChoice[] = [
  { id: 'population', levels: ALL, years: [2023] },
  { id: 'ips', levels: ALL, years: [2021, 2022] },
  { id: 'thd_share', levels: ALL, years: [2019, 2020, 2021, 2022, 2023, 2024, 2025] },
  { id: 'regional_only', levels: ['region'], years: [2020] },
];

describe('parseViewQuery', () => {
  it('reads every key', () => {
    expect(parseViewQuery('?indicator=ips&level=departement&year=2022&lang=en')).toEqual({
      indicator: 'ips',
      level: 'departement',
      year: 2022,
      lang: 'en',
    });
  });

  it('drops malformed values and commune', () => {
    expect(parseViewQuery('?indicator=IPS;drop&level=commune&year=22&lang=de')).toEqual({});
    expect(parseViewQuery('')).toEqual({});
  });
});

describe('resolveViewState', () => {
  it('keeps a valid query', () => {
    expect(resolveViewState({ indicator: 'ips', level: 'academie', year: 2021, lang: 'en' }, CATALOG)).toEqual({
      indicator: 'ips',
      level: 'academie',
      year: 2021,
      lang: 'en',
    });
  });

  it('falls back to ips, département, latest year and French', () => {
    expect(resolveViewState({}, CATALOG)).toEqual({ indicator: 'ips', level: 'departement', year: 2022, lang: 'fr' });
    expect(resolveViewState({ indicator: 'nope', year: 1999 }, CATALOG)).toMatchObject({ indicator: 'ips', year: 2022 });
  });

  it('moves to the latest year when the year is not offered by the indicator', () => {
    expect(resolveViewState({ indicator: 'thd_share', year: 2018 }, CATALOG).year).toBe(2025);
    expect(resolveViewState({ indicator: 'thd_share', year: 2022 }, CATALOG).year).toBe(2022);
  });

  it('moves to an offered level', () => {
    expect(resolveViewState({ indicator: 'regional_only', level: 'departement' }, CATALOG).level).toBe('region');
  });

  it('throws on an empty catalog', () => {
    expect(() => resolveViewState({}, [])).toThrow();
  });
});

describe('serializeViewState', () => {
  it('writes keys in a fixed order and round-trips', () => {
    const state = { indicator: 'thd_share', level: 'region', year: 2024, lang: 'fr' } as const;
    const s = serializeViewState(state);
    expect(s).toBe('?level=region&indicator=thd_share&year=2024&lang=fr');
    expect(resolveViewState(parseViewQuery(s), CATALOG)).toEqual(state);
  });
});

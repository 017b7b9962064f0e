import { describe, expect, it } from 'vitest';
import { parseViewQuery, resolveViewState, serializeViewState, type IndicatorChoice, type ViewState } from './url.ts';

const ALL = ['region', 'academie', 'departement', 'commune'] as const;
const CATALOG: IndicatorChoice[] = [
  { id: 'population', levels: ALL, years: [2023] },
  { id: 'ips', levels: ALL, years: [2021, 2022] },
  { id: 'thd_share', levels: ALL, years: [2019, 2020, 2021, 2022, 2023, 2024, 2025] },
  { id: 'regional_only', levels: ['region'], years: [2020] },
];

const DEFAULTS = {
  method: 'quantile',
  classes: 5,
  palette: 'YlGnBu',
  reverse: false,
  breaks: [],
  center: 'none',
  within: null,
  selected: null,
  schoolType: null,
  sector: null,
  schools: false,
  lisa: false,
  camera: null,
} as const;

describe('parseViewQuery', () => {
  it('reads every key', () => {
    expect(
      parseViewQuery(
        '?indicator=ips&level=commune&year=2022&lang=en&method=manual&classes=4&palette=Viridis&reverse=1&breaks=110,90,100' +
          '&center=parent&within=departement:15&selected=commune:15187&school_type=ecole&sector=public&schools=1&lisa=1&map=7.5/45.03/3.08',
      ),
    ).toEqual({
      indicator: 'ips',
      level: 'commune',
      year: 2022,
      lang: 'en',
      method: 'manual',
      classes: 4,
      palette: 'Viridis',
      reverse: true,
      breaks: [90, 100, 110],
      center: 'parent',
      within: { level: 'departement', code: '15' },
      selected: { level: 'commune', code: '15187' },
      schoolType: 'ecole',
      sector: 'public',
      schools: true,
      lisa: true,
      camera: { zoom: 7.5, lat: 45.03, lon: 3.08 },
    });
  });

  it('drops malformed values', () => {
    expect(
      parseViewQuery('?indicator=IPS;drop&level=canton&year=22&lang=de&classes=12&palette=<b>&breaks=1,x&within=departement:../&map=1/2&school_type=fac'),
    ).toEqual({});
    expect(parseViewQuery('')).toEqual({});
  });
});

describe('resolveViewState', () => {
  it('keeps a valid query', () => {
    expect(resolveViewState({ indicator: 'ips', level: 'academie', year: 2021, lang: 'en' }, CATALOG)).toEqual({
      ...DEFAULTS,
      indicator: 'ips',
      level: 'academie',
      year: 2021,
      lang: 'en',
    });
  });

  it('falls back to ips, département, latest year and French', () => {
    expect(resolveViewState({}, CATALOG)).toEqual({ ...DEFAULTS, indicator: 'ips', level: 'departement', year: 2022, lang: 'fr' });
    expect(resolveViewState({ indicator: 'nope', year: 1999 }, CATALOG)).toMatchObject({ indicator: 'ips', year: 2022 });
  });

  it('moves to the latest year when the year is not offered by the indicator', () => {
    expect(resolveViewState({ indicator: 'thd_share', year: 2018 }, CATALOG).year).toBe(2025);
    expect(resolveViewState({ indicator: 'thd_share', year: 2022 }, CATALOG).year).toBe(2022);
  });

  it('takes the years of the served catalog: an imported year is kept, one the warehouse lacks is not', () => {
    // the served catalog (/api/indicators) has yearDetails; here an IPS release added 2023
    const served: IndicatorChoice[] = CATALOG.map((i) =>
      i.id === 'ips' ? { ...i, years: [2021, 2022, 2023], yearDetails: [2021, 2022, 2023].map((year) => ({ year, provenance: 'open-data' as const, vintage: `rentrée ${year}` })) } : { ...i, yearDetails: [] },
    );
    expect(resolveViewState({ indicator: 'ips', year: 2023 }, served).year).toBe(2023);
    expect(resolveViewState({ indicator: 'ips' }, served).year).toBe(2023);
    expect(resolveViewState({ indicator: 'ips', year: 2024 }, served).year).toBe(2023);
    expect(resolveViewState({ indicator: 'ips', year: 2020 }, served).year).toBe(2023);
  });

  it('keeps a year after the bundled catalog\'s latest until the served catalog arrives', () => {
    // CATALOG has no yearDetails: the web's bundled copy, whose years may be behind the server's
    expect(resolveViewState({ indicator: 'ips', year: 2023 }, CATALOG).year).toBe(2023);
    expect(resolveViewState({ indicator: 'ips', year: 2020 }, CATALOG).year).toBe(2022);
  });

  it('moves to an offered level', () => {
    expect(resolveViewState({ indicator: 'regional_only', level: 'departement' }, CATALOG).level).toBe('region');
  });

  it('drops a parent that is not above the level, and manual without breaks', () => {
    const s = resolveViewState({ level: 'departement', within: { level: 'commune', code: '15187' }, method: 'manual' }, CATALOG);
    expect(s).toMatchObject({ within: null, method: 'quantile', breaks: [] });
  });

  it('throws on an empty catalog', () => {
    expect(() => resolveViewState({}, [])).toThrow();
  });
});

describe('serializeViewState', () => {
  it('writes the four main keys in a fixed order, leaves defaults out and round-trips', () => {
    const state: ViewState = { ...DEFAULTS, breaks: [], indicator: 'thd_share', level: 'region', year: 2024, lang: 'fr' };
    const s = serializeViewState(state);
    expect(s).toBe('?level=region&indicator=thd_share&year=2024&lang=fr');
    expect(resolveViewState(parseViewQuery(s), CATALOG)).toEqual(state);
  });

  it('keeps the LISA toggle as lisa=1, off by default', () => {
    expect(parseViewQuery('?lisa=1')).toEqual({ lisa: true });
    expect(parseViewQuery('?lisa=0')).toEqual({});
    const state = resolveViewState({ indicator: 'ips', level: 'commune', lisa: true }, CATALOG);
    expect(state.lisa).toBe(true);
    expect(serializeViewState(state)).toBe('?level=commune&indicator=ips&year=2022&lang=fr&lisa=1');
    expect(serializeViewState({ ...state, lisa: false })).not.toContain('lisa');
  });

  it('round-trips a full state', () => {
    const state: ViewState = {
      indicator: 'ips',
      level: 'commune',
      year: 2022,
      lang: 'en',
      method: 'manual',
      classes: 4,
      palette: 'Viridis',
      reverse: true,
      breaks: [90, 100, 110],
      center: 'national',
      within: { level: 'departement', code: '15' },
      selected: { level: 'commune', code: '15187' },
      schoolType: 'college',
      sector: 'prive',
      schools: true,
      lisa: true,
      camera: { zoom: 8.25, lat: 45.0312, lon: 3.0851 },
    };
    expect(resolveViewState(parseViewQuery(serializeViewState(state)), CATALOG)).toEqual(state);
  });
});

// Paths and URL state of the profile and compare pages: parse what the address bar holds, write canonical URLs.
import { describe, expect, it } from 'vitest';
import { comparePath, mapPath, objectivePath, objectivesPath, pageOf, parseCompareQuery, parseProfileQuery, profilePath } from './routes.ts';

describe('pages', () => {
  it('reads the page from the path', () => {
    expect(pageOf('/territoire/departement/15')).toEqual({ kind: 'profile', territory: { level: 'departement', code: '15' } });
    expect(pageOf('/territoire/commune/2A004/')).toEqual({ kind: 'profile', territory: { level: 'commune', code: '2A004' } });
    expect(pageOf('/comparer')).toEqual({ kind: 'compare' });
    expect(pageOf('/')).toEqual({ kind: 'map' });
    expect(pageOf('/territoire/epci/200066678')).toEqual({ kind: 'map' });
    expect(pageOf('/territoire/departement/<script>')).toEqual({ kind: 'map' });
  });
});

describe('profile URLs', () => {
  it('round-trip, dropping what is malformed', () => {
    const q = parseProfileQuery('?year=2024&indicator=thd_share&school=0150029a&lang=en');
    expect(q).toEqual({ year: 2024, indicator: 'thd_share', school: '0150029A', lang: 'en' });
    expect(profilePath({ level: 'departement', code: '15' }, q)).toBe('/territoire/departement/15?year=2024&indicator=thd_share&school=0150029A&lang=en');
    expect(parseProfileQuery('?year=24&indicator=DROP%20TABLE&school=x&lang=de')).toEqual({ year: null, indicator: null, school: null, lang: null });
    expect(profilePath({ level: 'region', code: '84' })).toBe('/territoire/region/84');
  });

  it('links back to the map with the territory selected', () => {
    expect(mapPath({ level: 'commune', code: '15187' }, 'thd_share', 2024, 'fr')).toBe('/?level=commune&indicator=thd_share&year=2024&lang=fr&selected=commune%3A15187');
  });
});

describe('compare URLs', () => {
  it('keep 1 to 4 distinct territories of any levels, in order', () => {
    const q = parseCompareQuery('?territories=departement:03,departement:15,commune:63113,departement:15,region:84,academie:06&indicators=thd_share,ips,bad-id&year=2024');
    expect(q.territories.map((r) => `${r.level}:${r.code}`)).toEqual(['departement:03', 'departement:15', 'commune:63113', 'region:84']);
    expect(q.indicators).toEqual(['thd_share', 'ips']);
    expect(q.year).toBe(2024);
    expect(comparePath(q)).toBe('/comparer?territories=departement:03,departement:15,commune:63113,region:84&indicators=thd_share,ips&year=2024');
  });

  it('ignore territories that are not <level>:<code>', () => {
    expect(parseCompareQuery('?territories=epci:200066678,departement:15,foo').territories).toEqual([{ level: 'departement', code: '15' }]);
    expect(comparePath({})).toBe('/comparer');
  });
});

describe('objective routes', () => {
  it('knows the list and one objective, and refuses malformed ids', () => {
    
    expect(pageOf('/objectifs')).toEqual({ kind: 'objectives' });
    expect(pageOf('/objectifs/')).toEqual({ kind: 'objectives' });
    expect(pageOf('/objectifs/cantal-colleges-equipement')).toEqual({ kind: 'objective', id: 'cantal-colleges-equipement' });
    expect(pageOf('/objectifs/Bad_Id')).toEqual({ kind: 'map' });
    expect(pageOf('/objectifs/a/b')).toEqual({ kind: 'map' });
    expect(objectivesPath('en')).toBe('/objectifs?lang=en');
    expect(objectivePath('x-1', 'fr')).toBe('/objectifs/x-1');
  });
});

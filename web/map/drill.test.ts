import { describe, expect, it } from 'vitest';
import type { TerritoryEntry } from '../api/types.ts';
import { ancestry, childLevel, climbPatch, communeDepartement, isInside, pickPatch, type Directory } from './drill.ts';

const entry = (level: TerritoryEntry['level'], code: string, name: string, region: string | null, academie: string | null): [string, TerritoryEntry] => [
  `${level}:${code}`,
  { level, code, name, region_code: region, academie_code: academie, departement_code: null },
];
// origin: COG 2026 and the académie map (Cantal and Haute-Loire in Clermont-Ferrand, Auvergne-Rhône-Alpes)
const DIRECTORY: Directory = new Map([
  entry('region', '84', 'Auvergne-Rhône-Alpes', null, null),
  entry('academie', '06', 'Clermont-Ferrand', '84', null),
  entry('departement', '15', 'Cantal', '84', '06'),
  entry('departement', '43', 'Haute-Loire', '84', '06'),
]);

describe('levels', () => {
  it('goes one level down, and nowhere below a commune', () => {
    expect(childLevel('region')).toBe('academie');
    expect(childLevel('departement')).toBe('commune');
    expect(childLevel('commune')).toBeNull();
  });

  it('finds a commune’s département from its code', () => {
    expect(communeDepartement('15014')).toBe('15');
    expect(communeDepartement('97105')).toBe('971');
    expect(communeDepartement('2A004')).toBe('2A');
  });
});

describe('ancestry', () => {
  it('lists région, académie, département, commune top-down', () => {
    expect(ancestry({ level: 'commune', code: '15014' }, DIRECTORY)).toEqual([
      { level: 'region', code: '84' },
      { level: 'academie', code: '06' },
      { level: 'departement', code: '15' },
      { level: 'commune', code: '15014' },
    ]);
    expect(ancestry({ level: 'academie', code: '06' }, DIRECTORY)).toEqual([
      { level: 'region', code: '84' },
      { level: 'academie', code: '06' },
    ]);
  });

  it('knows what is inside what', () => {
    expect(isInside({ level: 'commune', code: '43157' }, { level: 'academie', code: '06' }, DIRECTORY)).toBe(true);
    expect(isInside({ level: 'commune', code: '43157' }, { level: 'departement', code: '15' }, DIRECTORY)).toBe(false);
  });
});

describe('pickPatch and climbPatch', () => {
  it('drills a clicked département down to its communes', () => {
    const dep = { level: 'departement', code: '15' } as const;
    expect(pickPatch(dep, { within: null }, DIRECTORY)).toEqual({ selected: dep, within: dep, level: 'commune', camera: null });
  });

  it('selects a commune, moving the parent when the commune is outside it', () => {
    const within = { level: 'departement', code: '15' } as const;
    expect(pickPatch({ level: 'commune', code: '15014' }, { within }, DIRECTORY)).toEqual({ selected: { level: 'commune', code: '15014' } });
    expect(pickPatch({ level: 'commune', code: '43157' }, { within }, DIRECTORY)).toEqual({
      selected: { level: 'commune', code: '43157' },
      within: { level: 'departement', code: '43' },
      camera: null,
    });
  });

  it('climbs back to a parent or to France', () => {
    const aca = { level: 'academie', code: '06' } as const;
    expect(climbPatch(aca)).toEqual({ within: aca, selected: aca, level: 'departement', camera: null });
    expect(climbPatch(null)).toMatchObject({ within: null, selected: null, camera: null });
  });
});

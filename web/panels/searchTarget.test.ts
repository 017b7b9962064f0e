import { describe, expect, it } from 'vitest';
import { departementOfUai } from '../api/search.ts';
import { departementOfCommune, departementOfContext, kindKey, moveActive, optionMeta, schoolPatch, territoryPatch } from './searchTarget.ts';

const territory = (level: string, code: string, context = '') => ({ kind: 'territory' as const, level, code, context });

describe('territoryPatch', () => {
  it('selects a commune within its département, at commune level, and lets the map fit it', () => {
    expect(territoryPatch(territory('commune', '15187', 'Cantal (15)'))).toEqual({
      selected: { level: 'commune', code: '15187' },
      level: 'commune',
      within: { level: 'departement', code: '15' },
      camera: null,
    });
  });

  it('selects départements, académies and régions at their own level, all France', () => {
    expect(territoryPatch(territory('academie', '06'))).toEqual({
      selected: { level: 'academie', code: '06' },
      level: 'academie',
      within: null,
      camera: null,
    });
  });

  it('turns an EPCI into its département, showing its communes', () => {
    expect(territoryPatch(territory('epci', '200066660', 'intercommunalité · Cantal (15)'))).toEqual({
      selected: { level: 'departement', code: '15' },
      level: 'commune',
      within: { level: 'departement', code: '15' },
      camera: null,
    });
    expect(territoryPatch(territory('epci', '1', 'intercommunalité'))).toBeNull();
  });

  it('leaves schools to the commune look-up, then shows the schools', () => {
    expect(territoryPatch({ kind: 'school', level: 'school', code: '0150029A', context: 'Saint-Flour · collège · public' })).toBeNull();
    expect(schoolPatch('15187')).toMatchObject({ selected: { level: 'commune', code: '15187' }, schools: true });
  });
});

describe('codes', () => {
  it('finds the département of communes, contexts and UAIs, Corsica and overseas included', () => {
    expect(departementOfCommune('2A004')).toBe('2A');
    expect(departementOfCommune('97411')).toBe('974');
    expect(departementOfContext('Corse-du-Sud (2A)')).toBe('2A');
    expect(departementOfContext('intercommunalité · Mayotte (976)')).toBe('976');
    expect(departementOfUai('0150029A')).toBe('15');
    expect(departementOfUai('6200002H')).toBe('2A');
    expect(departementOfUai('7200009X')).toBe('2B');
    expect(departementOfUai('9710001A')).toBe('971');
    expect(departementOfUai('X')).toBeNull();
  });
});

describe('combobox helpers', () => {
  it('moves the active option with wrapping', () => {
    expect(moveActive(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(2, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(-1, 'ArrowUp', 3)).toBe(2);
    expect(moveActive(1, 'ArrowUp', 3)).toBe(0);
    expect(moveActive(1, 'Enter', 3)).toBe(1);
    expect(moveActive(1, 'ArrowDown', 0)).toBe(-1);
  });

  it('does not repeat the kind in the context', () => {
    expect(optionMeta('Intercommunalité', 'intercommunalité · Cantal (15)')).toBe('Intercommunalité · Cantal (15)');
    expect(optionMeta('Département', 'département (2A) · Corse')).toBe('Département (2A) · Corse');
    expect(optionMeta('Académie', 'académie · Auvergne-Rhône-Alpes')).toBe('Académie · Auvergne-Rhône-Alpes');
    expect(optionMeta('Commune', 'Cantal (15)')).toBe('Commune · Cantal (15)');
    expect(optionMeta('Établissement', 'Saint-Flour · collège · public')).toBe('Établissement · Saint-Flour · collège · public');
    expect(optionMeta('Commune', '')).toBe('Commune');
  });

  it('labels kinds', () => {
    expect(kindKey({ kind: 'territory', level: 'commune' })).toBe('level.commune');
    expect(kindKey({ kind: 'territory', level: 'epci' })).toBe('search.kind.epci');
    expect(kindKey({ kind: 'school', level: 'school' })).toBe('search.kind.school');
  });
});

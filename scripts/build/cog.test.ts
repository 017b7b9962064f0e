import { describe, expect, it } from 'vitest';
import { buildAliases, cleanDepartementCode, resolveCommune, type CogCommune } from './cog.ts';

// Tiny inline COG extract (shapes copied from @etalab/decoupage-administratif 6.0.0).
const communes: CogCommune[] = [
  { code: '75056', nom: 'Paris', type: 'commune-actuelle', zone: 'metro' },
  { code: '75101', nom: 'Paris 1er Arrondissement', type: 'arrondissement-municipal', commune: '75056' },
  { code: '01015', nom: 'Arboys en Bugey', type: 'commune-actuelle', zone: 'metro', anciensCodes: ['01340'] },
  { code: '01015', nom: 'Arbignieu', type: 'commune-deleguee', chefLieu: '01015' },
  { code: '01340', nom: 'Saint-Bois', type: 'commune-deleguee', chefLieu: '01015' },
  { code: '02001', nom: 'Village associé', type: 'commune-associee', chefLieu: '01015' },
  { code: '01001', nom: "L'Abergement-Clémenciat", type: 'commune-actuelle', zone: 'metro' },
  { code: '14999', nom: 'Fusionnée', type: 'commune-actuelle', zone: 'metro', anciensCodes: ['14888'] },
];

describe('COG normalisation', () => {
  const aliases = buildAliases(communes);
  it.each([
    ['75056', '75056', 'current'],
    ['75101', '75056', 'arrondissement'],
    ['01340', '01015', 'deleguee'],
    ['02001', '01015', 'associee'],
    ['14888', '14999', 'ancien'],
    ['1001', '01001', 'padded'],
  ])('%s → %s (%s)', (raw, code, kind) => {
    expect(resolveCommune(aliases, raw)).toEqual({ code, kind });
  });
  it('returns null for an unknown code', () => {
    expect(resolveCommune(aliases, '99999')).toBeNull();
  });
  it.each([
    ['001', '01'],
    ['063', '63'],
    ['02A', '2A'],
    ['2B', '2B'],
    ['971', '971'],
  ])('département %s → %s', (raw, want) => expect(cleanDepartementCode(raw)).toBe(want));
});

import { describe, expect, it } from 'vitest';
import { chartFileBase, fileBase, mapFileBase, slugify } from './fileName.ts';

describe('export file names', () => {
  it('names a map view after its level, parent, indicator and year', () => {
    expect(mapFileBase({ level: 'commune', within: 'Cantal', indicator: 'ips', year: 2022 })).toBe('copaneeta_communes-cantal_ips_2022');
    expect(mapFileBase({ level: 'departement', indicator: 'thd_share', year: 2025 })).toBe('copaneeta_departements_thd_share_2025');
    expect(mapFileBase({ level: 'schools', within: 'Puy-de-Dôme', indicator: 'thd_share', year: 2024, schoolType: 'college', sector: 'public' })).toBe(
      'copaneeta_etablissements-puy-de-dome_thd_share_2024_college_public',
    );
  });

  it('names charts and keeps names ASCII and header-safe', () => {
    expect(chartFileBase('series', ['Cantal'], 'ips')).toBe('copaneeta_serie-cantal_ips');
    expect(chartFileBase('compare', ['Allier', 'Haute-Loire'], 'thd_share', 2024)).toBe('copaneeta_comparaison-allier-haute-loire_thd_share_2024');
    expect(slugify('Académie de Clermont-Ferrand "x"; rm -rf /')).toBe('academie-de-clermont-ferrand-x-rm-rf');
    expect(fileBase(['"\r\n', null, undefined, ''])).toBe('copaneeta');
  });
});

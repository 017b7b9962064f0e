// The served catalog from the facts' years (pure part of server/indicators/years.ts).
import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalog.ts';
import { buildServedCatalog, indicatorForYear, yearList, type FactYear } from './years.ts';

const f = (indicator: string, year: number, provenance: string, rows = 10): FactYear => ({ indicator, year, provenance, rows });

describe('yearList', () => {
  it('writes years as French prose', () => {
    expect(yearList([2022])).toBe('2022');
    expect(yearList([2022, 2021])).toBe('2021 et 2022');
    expect(yearList([2021, 2022, 2023])).toBe('2021 à 2023');
    expect(yearList([2021, 2022, 2024])).toBe('2021, 2022 et 2024');
  });
});

describe('buildServedCatalog', () => {
  it('keeps the catalog as it is when the facts hold the declared years', () => {
    const cat = buildServedCatalog([f('ips', 2021, 'open-data'), f('ips', 2022, 'open-data'), f('ftth_share', 2017, 'historical')], new Map([[2017, 'T1 2018']]));
    const ips = cat.byId.get('ips');
    expect(ips).toMatchObject({ years: [2021, 2022], sources: findIndicator('ips')?.sources, label: findIndicator('ips')?.label });
    expect(cat.byId.get('ftth_share')).toMatchObject({ years: [2017], provenance: 'historical', yearDetails: [{ year: 2017, provenance: 'historical', vintage: 'T1 2018 (historique)' }] });
  });

  it('adds the years a release brought, with vintages that follow them', () => {
    const cat = buildServedCatalog([f('ips', 2021, 'open-data'), f('ips', 2022, 'open-data'), f('ips', 2024, 'open-data'), f('ftth_share', 2017, 'historical'), f('ftth_share', 2025, 'open-data')], new Map([[2017, 'T1 2018'], [2025, 'T1 2026']]));
    expect(cat.byId.get('ips')).toMatchObject({ years: [2021, 2022, 2024], sources: [{ vintage: 'rentrées 2021, 2022 et 2024' }] });
    const ftth = cat.byId.get('ftth_share');
    expect(ftth).toMatchObject({ years: [2017, 2025], provenance: 'open-data', sources: [{ vintage: 'T1 2018 (historique) ; T1 2026' }] });
    expect(indicatorForYear(ftth!, 2017)).toMatchObject({ provenance: 'historical', sources: [{ vintage: 'T1 2018 (historique)' }] });
    expect(indicatorForYear(ftth!, 2025)).toMatchObject({ provenance: 'open-data', sources: [{ vintage: 'T1 2026' }] });
  });

  it('keeps the base provenance of a year partly imported, and the declared years without facts', () => {
    const cat = buildServedCatalog([f('thd_share', 2025, 'synthetic'), f('thd_share', 2025, 'imported', 2)]);
    const thd = cat.byId.get('thd_share');
    expect(thd?.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(thd?.yearDetails?.find((d) => d.year === 2025)?.provenance).toBe('synthetic');
    expect(thd?.yearDetails?.find((d) => d.year === 2024)?.provenance).toBeNull();
    expect(thd?.provenance).toBe('synthetic');
    expect(indicatorForYear(thd!, 2025)).toBe(thd);
  });
});

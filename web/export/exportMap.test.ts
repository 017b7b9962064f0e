import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../server/indicators/catalog.ts';
import { classify } from '../map/classify.ts';
import { mapFigureText, type MapExportSpec } from './exportMap.ts';

const thd = findIndicator('thd_share');
if (!thd) throw new Error('thd_share is missing from the catalog');

const spec = (over: Partial<MapExportSpec> = {}): MapExportSpec => ({
  lang: 'fr',
  indicator: thd,
  level: 'commune',
  year: 2025,
  within: null,
  withinName: null,
  schoolType: null,
  sector: null,
  camera: null,
  mapSize: { width: 800, height: 600 },
  values: [{ code: '15014', value: 40 }, { code: '63113', value: 90 }],
  classification: classify([40, 90], 2),
  colors: ['#ffffcc', '#253494'],
  meaning: 'Plus foncé = situation plus favorable',
  alt: '',
  url: 'http://localhost/',
  ...over,
});
const notice = (over: Partial<MapExportSpec>) => mapFigureText(spec(over), null, new Date('2026-11-29T12:00:00Z')).notice;

describe('map export notice', () => {
  it('follows where the values shown come from, not only the catalog', () => {
    expect(thd.provenance).toBe('synthetic');
    expect(notice({})).toBe('Données fictives\u00a0: valeurs simulées de démonstration, ce ne sont pas des mesures.');
    expect(notice({ provenance: 'mixed' })).toMatch(/^Données en partie fictives\u00a0: /);
    // wholly imported by the partners: real values, no demo notice
    expect(notice({ provenance: 'imported' })).toBeNull();
    expect(notice({ lang: 'en', provenance: 'mixed' })).toBe('Partly synthetic data: some values are simulated for demonstration, not measurements.');
  });

  it('lists the LISA clusters with their counts when the map shows them', () => {
    const text = mapFigureText(spec({ lisa: new Map([['15014', 'under'], ['63113', 'well'], ['15187', 'under']]) }), null, new Date());
    expect(text.legend.slice(-2).map((i) => [i.label, i.swatch.kind])).toEqual([['Zones blanches (2)', 'line'], ['Agrégats favorables (1)', 'line']]);
  });
});

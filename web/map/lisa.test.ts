import { describe, expect, it } from 'vitest';
import { t } from '../i18n/index.ts';
import { applyDiff, diffColors } from './featureState.ts';
import { lisaAvailable, lisaKinds, lisaLegendKeys, lisaStates, lisaUnit } from './lisa.ts';
import { baseStyle, levelLayers, STATE } from './style.ts';
import { LISA_WIDTH, lisaLineWidth } from './layers.ts';

const CLUSTERS = [
  { code: '03001', cluster: 'high-high' },
  { code: '03002', cluster: 'low-low' },
  { code: '03003', cluster: 'high-low' },
  { code: '03004', cluster: 'low-high' },
] as const;

describe('lisaStates', () => {
  it('marks low-low as underserved when higher is better, high-high as well served, outliers not at all', () => {
    expect([...lisaStates(CLUSTERS, 'higher_is_better')]).toEqual([
      ['03001', 'well'],
      ['03002', 'under'],
    ]);
  });

  it('swaps them when higher is worse: the zones blanches are the high-high clusters', () => {
    expect([...lisaStates(CLUSTERS, 'higher_is_worse')]).toEqual([
      ['03001', 'under'],
      ['03002', 'well'],
    ]);
    expect(lisaKinds('higher_is_worse')).toEqual({ under: 'high-high', well: 'low-low' });
  });

  it('draws nothing for a neutral indicator', () => {
    expect(lisaStates(CLUSTERS, 'neutral').size).toBe(0);
  });

  it('sends only the changes as feature state `lisa`, and removes the clusters that are gone', () => {
    const calls: string[] = [];
    const target = {
      setFeatureState: (f: { source: string; id: string }, s: Record<string, unknown>) => calls.push(`set ${f.source} ${f.id} ${JSON.stringify(s)}`),
      removeFeatureState: (f: { source: string; id: string }, key?: string) => calls.push(`remove ${f.source} ${f.id} ${key}`),
    };
    const before = lisaStates(CLUSTERS, 'higher_is_better');
    const after = lisaStates([{ code: '03002', cluster: 'low-low' }, { code: '03005', cluster: 'low-low' }], 'higher_is_better');
    applyDiff(target, 'commune', STATE.lisa, diffColors(before, after));
    expect(calls).toEqual(['set commune 03005 {"lisa":"under"}', 'remove commune 03001 lisa']);
  });
});

describe('availability and key', () => {
  it('applies below the region level, for indicators with a direction', () => {
    expect(lisaUnit('region')).toBeNull();
    expect(lisaUnit('commune')).toBe('commune');
    expect(lisaAvailable('commune', 'higher_is_better')).toBe(true);
    expect(lisaAvailable('academie', 'higher_is_worse')).toBe(true);
    expect(lisaAvailable('commune', 'neutral')).toBe(false);
    expect(lisaAvailable('region', 'higher_is_better')).toBe(false);
  });

  it('labels the zones blanches by direction', () => {
    const better = lisaLegendKeys('higher_is_better');
    const worse = lisaLegendKeys('higher_is_worse');
    expect(t('fr', better.under, { n: 53, units: 'communes' })).toBe(
      'Zones blanches\u00a0: 53 communes à valeur faible au voisinage de valeurs faibles (bas-bas)',
    );
    expect(t('en', worse.under, { n: 4, units: 'communes' })).toContain('high (unfavourable) value surrounded by high values (high-high)');
    expect(t('en', worse.well, { n: 4, units: 'communes' })).toContain('(low-low)');
    expect(t('fr', better.well, { n: 2, units: 'académies' })).toContain('(haut-haut)');
  });

  it('knows the outline width the map draws at each zoom (the map export draws the same)', () => {
    // the commune level's outlines thin out at the scale of France, as its layer's interpolation says
    const layer = baseStyle('http://x', new Set()).layers.find((l) => l.id === levelLayers('commune').lisa);
    expect(JSON.stringify(layer && 'paint' in layer ? layer.paint : null)).toContain('"line-width":["interpolate",["linear"],["zoom"],4,0.48,6,1.2,8,2.4]');
    expect([3, 4, 5, 6, 7, 8, 12].map((z) => Number(lisaLineWidth('commune', z).toFixed(3)))).toEqual([0.48, 0.48, 0.84, 1.2, 1.8, 2.4, 2.4]);
    expect(lisaLineWidth('departement', 5)).toBe(LISA_WIDTH);
  });

  it('has a hidden outline layer per level, painted from the `lisa` state, drawn at every zoom', () => {
    const style = baseStyle('http://x', new Set([levelLayers('commune').lisa]));
    const lisa = style.layers.find((l) => l.id === levelLayers('commune').lisa);
    expect(lisa?.layout).toEqual({ visibility: 'visible' });
    expect(lisa && 'minzoom' in lisa ? lisa.minzoom : undefined).toBeUndefined();
    expect(JSON.stringify(lisa && 'paint' in lisa ? lisa.paint : null)).toContain('"feature-state","lisa"');
    expect(style.layers.find((l) => l.id === levelLayers('departement').lisa)?.layout).toEqual({ visibility: 'none' });
  });
});

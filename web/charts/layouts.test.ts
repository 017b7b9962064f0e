// The pure layouts of the charts: what they place where, beyond what the SVG snapshots show.
import { describe, expect, it } from 'vitest';
import { dotLayout, fitLabel } from './dotLayout.ts';
import { histogramLayout, positionOf } from './histogramLayout.ts';
import { lineLayout } from './lineLayout.ts';
import { mapLayout, rewind } from './mapLayout.ts';
import { stackLayout } from './stackLayout.ts';

describe('line layout', () => {
  it('breaks a line where a year is missing and labels the last value', () => {
    const layout = lineLayout({ lang: 'fr', years: [2019, 2020, 2021, 2022], series: [{ key: 't', label: 'T', role: 'territory', values: [10, null, 30, 40] }], unit: '%', decimals: 1 });
    const line = layout.lines[0];
    expect(line?.d.match(/M/g)).toHaveLength(2);
    expect(line?.end?.text).toBe('40,0\u00a0%');
  });

  it('writes every other year when they do not fit, always the last', () => {
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
    const layout = lineLayout({ lang: 'fr', years, series: [{ key: 't', label: 'T', role: 'territory', values: years.map(() => 50) }], unit: '%', decimals: 1, width: 180, legend: false });
    expect(layout.xTicks.filter((t) => t.label).map((t) => t.label)).toEqual(['2019', '2021', '2023', '2025']);
    expect(layout.legend).toEqual([]);
  });

  it('wraps the legend and ends it with the provenance note', () => {
    const layout = lineLayout({ lang: 'fr', years: [2024], series: [{ key: 't', label: 'académie de Clermont-Ferrand', role: 'parent', values: [1] }], unit: '', decimals: 0, note: 'données fictives', width: 200 });
    expect(layout.legend.map((l) => [l.label, l.y])).toEqual([['académie de Clermont-Ferrand', 8], ['données fictives', 24]]);
  });
});

describe('histogram layout', () => {
  const units = [0, 0, 100, 100, 100].map((value, i) => ({ id: `s${i}`, name: `S${i}`, value }));

  it('counts values on the upper end in the last bin', () => {
    const layout = histogramLayout({ lang: 'fr', units, unit: '%', decimals: 1 });
    expect(layout.bars[0]?.count).toBe(2);
    expect(layout.bars[layout.bars.length - 1]?.count).toBe(3);
    expect(layout.bars.every((b) => b.w > 1)).toBe(true);
  });

  it('highlights the bin of the picked school and pins its value', () => {
    const layout = histogramLayout({ lang: 'fr', units, highlight: 's3', unit: '%', decimals: 1 });
    expect(layout.bars.filter((b) => b.highlighted)).toHaveLength(1);
    expect(layout.bars.find((b) => b.highlighted)?.x1).toBe(100);
    expect(layout.pin?.text).toBe('S3 100,0\u00a0%');
  });

  it('keeps marker labels inside the chart', () => {
    const layout = histogramLayout({ lang: 'fr', units, markers: [{ key: 'p', label: 'académie de Clermont-Ferrand', role: 'parent', value: 90 }], unit: '%', decimals: 1, width: 300 });
    expect(layout.markers[0]?.labelX).toBeLessThan(layout.markers[0]?.x as number);
    expect(layout.markers[0]?.labelX).toBeGreaterThanOrEqual(2);
  });

  it('places a value among the others', () => {
    expect(positionOf(units, 50)).toEqual({ below: 2, above: 3, total: 5 });
  });
});

describe('dot layout', () => {
  it('puts every row on one scale with France as the reference line', () => {
    const layout = dotLayout({ lang: 'fr', rows: [{ key: 'a', label: 'A', value: 50, color: 'red' }, { key: 'f', label: 'France', value: 100, color: '', france: true }], unit: '%', decimals: 0, width: 300 });
    expect(layout.reference?.x).toBe(layout.plot.right);
    expect(layout.rows[0]?.x).toBe((layout.plot.left + layout.plot.right) / 2);
    expect(layout.rows[1]?.color).not.toBe('');
  });

  it('cuts long names to the label column', () => {
    expect(fitLabel('Communauté de communes du Pays de Saint-Flour')).toMatch(/…$/);
    expect(fitLabel('Cantal')).toBe('Cantal');
  });
});

describe('map layout', () => {
  const ccw = { type: 'Polygon' as const, coordinates: [[[2, 44], [3, 44], [3, 45], [2, 45], [2, 44]]] };

  it('rewinds RFC 7946 polygons for d3-geo', () => {
    const wound = rewind(ccw);
    expect(wound.type === 'Polygon' && wound.coordinates[0]?.[1]).toEqual([2, 45]);
    expect(rewind(wound)).toEqual(wound);
  });

  it('fits the target, leaves far features out and circles the points', () => {
    const far = { type: 'Polygon' as const, coordinates: [[[-60, 14], [-59, 14], [-59, 15], [-60, 15], [-60, 14]]] };
    const layout = mapLayout({ features: [{ code: 'a', name: 'A', geometry: ccw }, { code: 'far', name: 'Far', geometry: far }], target: 'a', points: [{ id: 'p', lon: 2.5, lat: 44.5 }], ring: true, width: 100, height: 100 });
    expect(layout.shapes.map((s) => s.code)).toEqual(['a']);
    expect(layout.points[0]?.x).toBeCloseTo(50, 0);
    expect(layout.ring?.r).toBe(7);
  });
});

describe('stack layout', () => {
  it('splits the bar by share and anchors the captions at the ends', () => {
    const layout = stackLayout('fr', [{ key: 'b', label: 'entre', value: 1, color: 'x' }, { key: 'w', label: 'dans', value: 3, color: 'y' }], 204);
    expect(layout.segments.map((s) => [s.w, s.text, s.anchor])).toEqual([[50, 'entre 25\u00a0%', 'start'], [150, 'dans 75\u00a0%', 'end']]);
  });
});

/**
 * Snapshot tests of the profile and compare charts (CONVENTIONS.md §12): each case is a named
 * function rendering a chart; its SVG is compared with test/snapshots/<name>.svg after rounding
 * and renumbering (test/snapshots/compare.ts). Then what every chart must carry: a title, a
 * description, and its data as a table.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { expectSvgSnapshot } from '../../test/snapshots/compare.ts';
import { DistributionChart } from './DistributionChart.tsx';
import { DotChart } from './DotChart.tsx';
import { LineChart } from './LineChart.tsx';
import { StackBar } from './StackBar.tsx';
import { TerritoryMap } from './TerritoryMap.tsx';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

function seriesSynthetic() {
  return (
    <LineChart
      lang="fr"
      title="Écoles en très haut débit"
      note="données fictives"
      years={YEARS}
      series={[
        { key: 'territory', label: 'Cantal', role: 'territory', values: [28.5, 37, 46.7, 60.6, 73.9, 80.6, 90.3] },
        { key: 'parent', label: 'académie de Clermont-Ferrand', role: 'parent', values: [40.1, 48.2, null, 70.3, 80.2, 88.3, 93.1] },
        { key: 'france', label: 'France', role: 'france', values: [53.6, 59.4, 68.1, 78.2, 86.9, 92.5, 95.6] },
      ]}
      unit="%"
      decimals={1}
      yearLabel="Année"
    />
  );
}

function seriesTwoYearsEnglish() {
  return (
    <LineChart
      lang="en"
      title="Social position index (IPS)"
      years={[2021, 2022]}
      series={[
        { key: 'territory', label: 'Cantal', role: 'territory', values: [107.7, 105.3] },
        { key: 'france', label: 'France', role: 'france', values: [105.1, 105.9] },
      ]}
      unit=""
      decimals={1}
      legend={false}
      width={200}
      height={110}
      yearLabel="Year"
    />
  );
}

/** 60 bandwidth-like values, deterministic, one school highlighted. */
const schools = Array.from({ length: 60 }, (_, i) => ({ id: `015${String(i).padStart(4, '0')}A`, name: `École ${i}`, value: Math.round(8 + 420 * ((i * 37) % 60) ** 2 / 3600) }));

function distributionHighlighted() {
  return (
    <DistributionChart
      lang="fr"
      title="Débit mesuré moyen par établissement, 2024"
      note="données fictives"
      kind="schools"
      units={schools}
      highlight="0150007A"
      markers={[
        { key: 'territory', label: 'Cantal', role: 'territory', value: 181.1 },
        { key: 'parent', label: 'académie de Clermont-Ferrand', role: 'parent', value: 240.9 },
        { key: 'france', label: 'France', role: 'france', value: 265.3 },
      ]}
      unit="Mbit/s"
      decimals={0}
    />
  );
}

function distributionBinary() {
  const units = Array.from({ length: 40 }, (_, i) => ({ id: String(i), name: `S${i}`, value: i % 5 === 0 ? 0 : 100 }));
  return <DistributionChart lang="en" title="Schools with very high-speed access" kind="schools" units={units} unit="%" decimals={1} width={300} height={120} />;
}

function compareDots() {
  return (
    <DotChart
      lang="fr"
      title="Élèves par terminal (2024)"
      note="données fictives"
      rows={[
        { key: 'departement:03', label: 'Allier', value: 3.43, color: '#0072b2' },
        { key: 'departement:15', label: 'Cantal', value: 3.87, color: '#d55e00' },
        { key: 'commune:63113', label: 'Clermont-Ferrand', value: 3.13, color: '#009e73' },
        { key: 'france', label: 'France', value: 3.48, color: '', france: true },
      ]}
      unit="élèves"
      decimals={1}
    />
  );
}

function theilStack() {
  return (
    <StackBar
      lang="fr"
      title="Indice de Theil : entre et dans les communes"
      desc="67 % des inégalités tiennent aux écarts entre communes."
      parts={[
        { key: 'between', label: 'entre communes', value: 0.2567, color: '#1d4f91' },
        { key: 'within', label: 'dans les communes', value: 0.1291, color: '#a9b4c2' },
      ]}
    />
  );
}

/** Two hand-made squares (RFC 7946 winding: counter-clockwise), three schools in the first. */
const square = (x: number, y: number, s: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

function territoryMap() {
  return (
    <TerritoryMap
      lang="fr"
      title="Carte : Cantal"
      desc="Le Cantal et ses voisins."
      features={[
        { code: '15', name: 'Cantal', geometry: square(2.1, 44.6, 1) },
        { code: '43', name: 'Haute-Loire', geometry: square(3.1, 44.7, 1) },
        { code: '2A', name: 'Corse-du-Sud', geometry: square(8.5, 41.4, 1) },
      ]}
      target="15"
      points={[
        { id: 'a', lon: 2.4, lat: 44.9 },
        { id: 'b', lon: 2.9, lat: 45.3, highlight: true },
        { id: 'c', lon: 2.6, lat: 45.0 },
      ]}
    />
  );
}

const CASES = { 'series-synthetic': seriesSynthetic, 'series-two-years-en': seriesTwoYearsEnglish, 'distribution-highlighted': distributionHighlighted, 'distribution-binary': distributionBinary, 'compare-dots': compareDots, 'theil-stack': theilStack, 'territory-map': territoryMap };

describe('chart snapshots', () => {
  for (const [name, render] of Object.entries(CASES)) {
    it(name, () => expectSvgSnapshot(name, renderToStaticMarkup(render())));
  }
});

describe('accessible charts', () => {
  it.each(Object.entries(CASES))('%s has a title, a description and a data table', (_, render) => {
    const html = renderToStaticMarkup(render());
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(html).toMatch(/<title id="[^"]+-title">[^<]+<\/title><desc id="[^"]+-desc">[^<]+<\/desc>/);
    expect(html).toMatch(/<details class="chart-data"><summary>[^<]+<\/summary><table>/);
  });

  it('says "données fictives" in the title, the description and the legend of a demo series', () => {
    const html = renderToStaticMarkup(seriesSynthetic());
    expect(html).toMatch(/<title[^>]*>Écoles en très haut débit \(données fictives\)<\/title>/);
    expect(html).toMatch(/<desc[^>]*>[^<]*Données fictives\.<\/desc>/);
    expect(html).toMatch(/class="chart-note"[^>]*>données fictives</);
  });

  it('formats numbers the French way in the description and the table', () => {
    const html = renderToStaticMarkup(seriesSynthetic());
    expect(html).toContain('Cantal\u00a0: de 28,5\u00a0% (2019) à 90,3\u00a0% (2025)');
    expect(html).toContain('<td>60,6\u00a0%</td>');
    expect(renderToStaticMarkup(distributionHighlighted())).toMatch(/En rouge\u00a0: École 7 \d+\u00a0Mbit\/s\./);
  });
});

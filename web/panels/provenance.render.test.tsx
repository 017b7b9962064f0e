/**
 * The components that tell where values come from, rendered to static markup: the map's badge
 * (from the map's answer when it has one), the hover tooltip of a territory (from its imported
 * share), the legend's count of territories by provenance and a panel figure's tag.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../server/indicators/catalog.ts';
import type { ProfileEntry } from '../api/territory.ts';
import { classify } from '../map/classify.ts';
import { TerritoryTooltip } from '../map/Tooltip.tsx';
import { Legend } from './Legend.tsx';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';
import { TerritoryFigure } from './TerritoryFigure.tsx';
import type { CompareResponse } from '../api/profile.ts';
import { multiplesOf } from '../pages/compareData.ts';
import { CompareTable } from '../pages/CompareTable.tsx';
import { PageSources } from '../pages/PageSources.tsx';

const get = (id: string) => {
  const i = findIndicator(id);
  if (!i) throw new Error(`no indicator ${id} in the catalog`);
  return i;
};
const thd = get('thd_share');
const render = (el: ReactElement) => renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{el}</QueryClientProvider>);
/** The markup's text, tags removed. */
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, '’');

describe('provenance badge', () => {
  it('describes the values shown: partly imported with the share, loud like demo data', () => {
    const html = render(<ProvenanceBadge lang="fr" indicator={thd} mix={{ provenance: 'mixed', imported_share: 0.25 }} />);
    expect(html).toContain('data-provenance="mixed"');
    expect(html).toContain('class="badge badge-synthetic badge-mixed"');
    expect(text(html)).toMatch(/^!En partie importées \(25\u00a0%\)Une partie des établissements a des valeurs réelles importées par les partenaires \(25\u00a0%\)/);
  });
  it('names the importing body and date of wholly imported values, and keeps « Données fictives » otherwise', () => {
    const imported = render(<ProvenanceBadge lang="fr" indicator={thd} mix={{ provenance: 'imported', imported_share: 1, imports: [{ body: 'Région Auvergne-Rhône-Alpes', date: '2026-04-15' }] }} />);
    expect(text(imported)).toMatch(/^Données importées \(Région Auvergne-Rhône-Alpes, 15 avril 2026\)/);
    expect(imported).toContain('class="badge badge-imported"');
    expect(text(render(<ProvenanceBadge lang="fr" indicator={thd} />))).toMatch(/^!Données fictives/);
    expect(text(render(<ProvenanceBadge lang="fr" indicator={thd} mix={{ provenance: 'synthetic', imported_share: 0 }} />))).toMatch(/^!Données fictives/);
  });
});

describe('territory tooltip', () => {
  const tooltip = (share: number | null | undefined, indicator = thd) =>
    render(
      <TerritoryTooltip
        lang="fr"
        indicator={indicator}
        year={2025}
        level="departement"
        code="15"
        name="Cantal"
        value={{ code: '15', value: 92.7, n: 165, num: 153, den: 165, imported_share: share }}
        outside={false}
      />,
    );
  it('says whether the territory’s value is imported, partly imported or demo', () => {
    expect(tooltip(1)).toMatch(/class="tooltip-provenance provenance-imported" data-provenance="imported">Données importées · partenaires</);
    expect(tooltip(27 / 165)).toMatch(/class="tooltip-provenance provenance-synthetic" data-provenance="mixed">En partie importées \(16\u00a0%\) · partenaires, CoPaNEETA dashboard</);
    expect(tooltip(0)).toMatch(/data-provenance="synthetic">Données fictives · CoPaNEETA dashboard</);
    expect(tooltip(undefined, get('ips'))).toMatch(/data-provenance="open-data">Données ouvertes · DEPP</);
  });
});

describe('legend', () => {
  it('counts the territories by provenance when some values are imported', () => {
    const values = [90.8, 92.7, 100, 94.2];
    const classification = classify(values, 4);
    const legend = (shares: (number | null)[]) =>
      render(
        <Legend
          lang="fr"
          indicator={thd}
          classification={classification}
          colors={['#eee', '#ccc', '#999', '#666']}
          stale={false}
          values={values}
          provenanceValues={values.map((value, i) => ({ value, imported_share: shares[i] ?? null }))}
        />,
      );
    expect(text(legend([0, 27 / 165, 1, 0]))).toContain('Provenance des valeurs : 1 en données importées, 1 en partie importées, 2 en données fictives.');
    expect(legend([0, 0, 0, 0])).not.toContain('legend-provenance');
  });
});

describe('territory panel figure', () => {
  const entry = (over: Partial<ProfileEntry>): ProfileEntry => ({
    indicator: 'thd_share', label: thd.label, unit: thd.unit, theme: thd.theme, direction: thd.direction, year: 2025,
    provenance: 'synthetic', imported_share: 0, value: 92.7, n: 165, low_n: false, parent_value: 94.5, national_value: 95.7,
    index: 98, rank: 3, siblings: 4, ...over,
  });
  const figure = (e: ProfileEntry) =>
    render(<TerritoryFigure lang="fr" entry={e} indicators={[thd, get('ips')]} isCurrent={false} comparedWith={{ level: 'academie', code: '06', name: 'Clermont-Ferrand' }} minSchools={5} />);
  it('tags each figure with where it comes from', () => {
    expect(figure(entry({ provenance: 'mixed', imported_share: 27 / 165 }))).toMatch(/class="tag tag-synthetic" data-provenance="mixed" title="Une partie[^"]*">En partie importées \(16\u00a0%\)</);
    expect(figure(entry({ provenance: 'imported', imported_share: 1, imports: [{ body: 'Département de la Haute-Loire', date: '2026-11-28', schools: 259 }] }))).toMatch(
      /class="tag tag-imported" data-provenance="imported"[^>]*>Données importées \(Département de la Haute-Loire, 28 novembre 2026\)</,
    );
    const ips = get('ips');
    expect(figure(entry({ indicator: 'ips', label: ips.label, unit: ips.unit, provenance: 'open-data', imported_share: null }))).toMatch(/class="tag tag-open-data"[^>]*>Données ouvertes \(DEPP, rentrées 2021 et 2022\)</);
  });
});

describe('page sources', () => {
  it('names each importing body once with its latest import date', () => {
    const html = render(
      <PageSources
        lang="fr"
        indicators={[thd]}
        url="http://x/"
        imports={[
          { body: 'Département du Cantal', date: '2026-03-01' },
          { body: 'Région Auvergne-Rhône-Alpes', date: '2026-04-15' },
          { body: 'Département du Cantal', date: '2026-05-02' },
        ]}
      />,
    );
    expect(text(html)).toContain('Données importées par les partenaires\u00a0: Département du Cantal (2 mai 2026) ; Région Auvergne-Rhône-Alpes (15 avril 2026).');
    expect(render(<PageSources lang="fr" indicators={[thd]} url="http://x/" />)).not.toContain('page-sources-imported');
  });
});

describe('compare table', () => {
  it('marks the values resting wholly or partly on imported data and gives the indicator’s mix', () => {
    const data = {
      year: 2025,
      indicators: [{ id: 'thd_share', label: thd.label, year: 2025, unit: thd.unit, direction: thd.direction, provenance: 'mixed', imported_share: 0.75, sources: [], national_value: 75 }],
      territories: [
        { territory: 'departement:15', level: 'departement', code: '15', name: 'Cantal', values: [{ indicator: 'thd_share', year: 2025, value: 100, n: 2, low_n: true, num: 2, den: 2, provenance: 'mixed', imported_share: 0.5 }] },
        { territory: 'departement:63', level: 'departement', code: '63', name: 'Puy-de-Dôme', values: [{ indicator: 'thd_share', year: 2025, value: 50, n: 2, low_n: true, num: 1, den: 2, provenance: 'synthetic', imported_share: 0 }] },
      ],
    } as unknown as CompareResponse;
    const html = render(<CompareTable lang="fr" data={data} multiples={multiplesOf('fr', data, [thd])} />);
    expect(html).toMatch(/class="tag tag-synthetic" data-provenance="mixed">données importées pour 75\u00a0%, le reste fictif</);
    // one mark: the Cantal's partly imported value; none on the demo value nor on France
    expect(html.match(/class="cp-prov /g)).toHaveLength(1);
    expect(html).toMatch(/class="cp-prov cp-prov-mixed" data-provenance="mixed" title="En partie importées \(50\u00a0%\)"/);
    expect(text(html)).toContain('◐ en partie importées, en partie fictives.');
  });
});

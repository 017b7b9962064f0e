/**
 * The charts a chart embed can show, each fetching what its page fetches (same queries, so the
 * same figures) and drawing the same chart component: the series of a profile, the distribution
 * of its schools or communes, its Theil split, one small multiple of a comparison, an objective's
 * chart. Each hands its title, subtitle, indicator, notes and state to the embed's frame.
 */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { objectiveOptions } from '../api/objectives.ts';
import { compareOptions, equityOptions, seriesOptions } from '../api/profile.ts';
import { schoolsOptions } from '../api/queries.ts';
import { namedValuesOptions, territoryOptions } from '../api/territory.ts';
import type { Indicator } from '../api/types.ts';
import { DistributionChart } from '../charts/DistributionChart.tsx';
import { DotChart } from '../charts/DotChart.tsx';
import type { Marker, Unit } from '../charts/histogramLayout.ts';
import { LineChart } from '../charts/LineChart.tsx';
import type { LineSeries } from '../charts/lineLayout.ts';
import { ROLE_COLORS } from '../charts/scales.ts';
import { StackBar } from '../charts/StackBar.tsx';
import { DEMO_YEARS } from '../../server/indicators/catalog.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { ObjectiveChart } from '../objectives/ObjectiveChart.tsx';
import { multiplesOf } from '../pages/compareData.ts';
import { placeName } from '../profile/places.ts';
import { provenanceNote } from '../profile/sentences.ts';
import { refString, type TerritoryRef } from '../state/url.ts';
import type { ChartQuery } from './chartUrl.ts';

/** What a chart view tells the frame around it. */
export interface ChartHead {
  title: string;
  subtitle: string;
  indicator: Indicator | null;
  /** a loud note beside the title ("exemple fictif") */
  tag?: string | null;
  /** a line above the sources (demo-data warning, example notice) */
  notice?: string | null;
  state: 'loading' | 'ready' | 'error';
}

/** The label of an indicator, or its id while the catalog does not know it. */
export const labelOf = (lang: Lang, ind: Indicator | null | undefined, id: string): string => (ind ? pick(lang, ind.label) : id);

/** The year a profile shows when the URL names none (as ProfilePage). */
const LATEST = Math.max(...DEMO_YEARS);
const NO_FILTERS = { schoolType: null, sector: null };

type Render = (head: ChartHead, chart: (width: number) => ReactNode) => ReactNode;
interface ViewProps {
  q: ChartQuery;
  lang: Lang;
  indicators: readonly Indicator[];
  children: Render;
}

const stateOf = (...qs: { isError: boolean; isPending: boolean }[]): ChartHead['state'] =>
  qs.some((x) => x.isError) ? 'error' : qs.some((x) => x.isPending) ? 'loading' : 'ready';

const noticeOf = (lang: Lang, provenance: string | null | undefined) =>
  provenance === 'synthetic' || provenance === 'mixed' ? t(lang, 'territory.syntheticNote') : null;

/** The chart named by `q`. */
export function ChartView(props: ViewProps) {
  switch (props.q.chart) {
    case 'series':
      return <SeriesView {...props} />;
    case 'distribution':
      return <DistributionView {...props} />;
    case 'theil':
      return <TheilView {...props} />;
    case 'compare':
      return <CompareView {...props} />;
    case 'objective':
      return <ObjectiveView {...props} />;
  }
}

/** The territory of a profile chart, its name and what it is compared with. */
function useProfile(territory: TerritoryRef, year: number) {
  const detail = useQuery(territoryOptions(territory, year));
  const d = detail.data;
  const place = { level: territory.level, code: territory.code, name: d?.territory.name ?? territory.code };
  const c = d?.compared_with;
  const parent = c ? { level: c.level, code: c.code, name: c.name } : null;
  const parentRef: TerritoryRef | null = c && c.level !== 'france' ? { level: c.level, code: c.code } : null;
  return { detail, place, parent, parentRef };
}

function SeriesView({ q, lang, indicators, children }: ViewProps) {
  const territory = q.territory as TerritoryRef;
  const id = q.indicator as string;
  const ind = indicators.find((i) => i.id === id) ?? null;
  const { detail, place, parent, parentRef } = useProfile(territory, q.year ?? LATEST);
  const own = useQuery(seriesOptions(id, refString(territory)));
  const par = useQuery({ ...seriesOptions(id, parentRef ? refString(parentRef) : 'france'), enabled: parentRef !== null });
  const data = own.data;
  const years = data?.series.map((s) => s.year) ?? [];
  const byYear = new Map(par.data?.series.map((s) => [s.year, s.value]) ?? []);
  const series: LineSeries[] = data
    ? [
        { key: 'territory', label: place.name, role: 'territory', values: data.series.map((s) => s.value) },
        ...(parentRef && parent && par.data ? [{ key: 'parent', label: placeName(lang, parent), role: 'parent' as const, values: years.map((y) => byYear.get(y) ?? null) }] : []),
        { key: 'france', label: t(lang, 'panel.france'), role: 'france', values: data.series.map((s) => s.national_value) },
      ]
    : [];
  const label = labelOf(lang, ind, id);
  const note = data ? provenanceNote(lang, data.provenance) : null;
  const head: ChartHead = {
    title: label,
    subtitle: `${place.name}${years.length ? ` · ${years[0]}–${years[years.length - 1]}` : ''}`,
    indicator: ind,
    notice: noticeOf(lang, data?.provenance),
    state: stateOf(own, detail, ...(parentRef ? [par] : [])),
  };
  return children(head, (width) => (
    <LineChart lang={lang} title={label} note={note} years={years} series={series} unit={ind ? pick(lang, ind.unit) : ''} decimals={ind?.decimals ?? 1} width={width} height={Math.round(Math.max(200, Math.min(360, width * 0.5)))} yearLabel={t(lang, 'profile.year')} />
  ));
}

function DistributionView({ q, lang, indicators, children }: ViewProps) {
  const territory = q.territory as TerritoryRef;
  const id = q.indicator as string;
  const ind = indicators.find((i) => i.id === id) ?? null;
  const { detail, place, parent } = useProfile(territory, q.year ?? LATEST);
  const entry = detail.data?.profile.find((p) => p.indicator === id);
  const perSchool = ind?.grain === 'school';
  const year = entry?.year ?? q.year ?? LATEST;
  const schools = useQuery({ ...schoolsOptions(id, year, refString(territory), NO_FILTERS), enabled: perSchool && entry !== undefined });
  const communes = useQuery({
    ...namedValuesOptions({ indicator: id, level: 'commune', year, within: territory.level === 'commune' ? null : territory, ...NO_FILTERS }),
    enabled: !perSchool && territory.level !== 'commune' && entry !== undefined,
  });
  const units: Unit[] = perSchool
    ? (schools.data?.rows ?? []).flatMap(([uai, name, , , , , , , , , , value]) => (value === null ? [] : [{ id: uai, name, value }]))
    : (communes.data?.values ?? []).flatMap((v) => (v.value === null ? [] : [{ id: v.code, name: v.name, value: v.value }]));
  const markers: Marker[] = entry
    ? [
        { key: 'territory', label: place.name, role: 'territory', value: entry.value },
        ...(parent && parent.level !== 'france' ? [{ key: 'parent', label: placeName(lang, parent), role: 'parent' as const, value: entry.parent_value }] : []),
        { key: 'france', label: t(lang, 'panel.france'), role: 'france', value: entry.national_value },
      ]
    : [];
  const title = t(lang, perSchool ? 'profile.distSchools' : 'profile.distCommunes', { indicator: labelOf(lang, ind, id), year });
  const pending = detail.isPending || (entry !== undefined && (perSchool ? schools.isPending : territory.level !== 'commune' && communes.isPending));
  const failed = detail.isError || schools.isError || communes.isError || (detail.data !== undefined && (!entry || units.length === 0));
  const head: ChartHead = {
    title,
    subtitle: place.name,
    indicator: ind,
    notice: noticeOf(lang, entry?.provenance),
    state: failed ? 'error' : pending ? 'loading' : 'ready',
  };
  return children(head, (width) => (
    <DistributionChart
      lang={lang}
      title={title}
      note={entry ? provenanceNote(lang, entry.provenance) : null}
      kind={perSchool ? 'schools' : 'communes'}
      units={units}
      highlight={perSchool ? q.school : null}
      markers={markers}
      unit={ind ? pick(lang, ind.unit) : ''}
      decimals={ind?.decimals ?? 1}
      width={width}
      height={Math.round(Math.max(180, Math.min(320, width * 0.42)))}
    />
  ));
}

function TheilView({ q, lang, indicators, children }: ViewProps) {
  const territory = q.territory as TerritoryRef;
  const id = q.indicator as string;
  const ind = indicators.find((i) => i.id === id) ?? null;
  const { detail, place } = useProfile(territory, q.year ?? LATEST);
  const entry = detail.data?.profile.find((p) => p.indicator === id);
  const year = entry?.year ?? q.year ?? LATEST;
  const by = ind?.grain === 'school' ? 'school' : 'commune';
  const equity = useQuery({ ...equityOptions(id, year, refString(territory), by), enabled: territory.level !== 'commune' && detail.data !== undefined });
  const data = equity.data;
  const theil = data?.measures.theil;
  const groups = data?.group_level ? t(lang, `levels.${data.group_level as 'commune'}`) : '';
  const ok = theil && theil.between !== null && theil.within !== null && data?.group_level;
  const title = t(lang, 'profile.theilTitle', { groups: groups || '…' });
  const head: ChartHead = {
    title,
    subtitle: `${labelOf(lang, ind, id)} · ${place.name} · ${year}`,
    indicator: ind,
    notice: noticeOf(lang, data?.provenance),
    state: territory.level === 'commune' || detail.isError || equity.isError || (data && !ok) ? 'error' : data ? 'ready' : 'loading',
  };
  return children(head, (width) =>
    ok ? (
      <StackBar
        lang={lang}
        title={title}
        desc={t(lang, 'embedChart.theilDesc', { between: Math.round(((theil.between as number) / Math.max(1e-12, (theil.between as number) + (theil.within as number))) * 100), groups })}
        parts={[
          { key: 'between', label: t(lang, 'profile.theilBetween', { groups }), value: theil.between as number, color: ROLE_COLORS.territory },
          { key: 'within', label: t(lang, 'profile.theilWithin', { groups }), value: theil.within as number, color: ROLE_COLORS.muted },
        ]}
        width={width}
      />
    ) : null,
  );
}

function CompareView({ q, lang, indicators, children }: ViewProps) {
  const id = q.indicator as string;
  const ind = indicators.find((i) => i.id === id) ?? null;
  const year = q.year ?? LATEST;
  const query = useQuery(compareOptions(q.territories.map(refString), [id], year));
  const m = query.data ? multiplesOf(lang, query.data, indicators)[0] : undefined;
  const title = `${labelOf(lang, ind, id)} (${m?.year ?? year})`;
  const head: ChartHead = {
    title,
    subtitle: query.data ? query.data.territories.map((x) => x.name).join(' · ') : '',
    indicator: ind,
    notice: noticeOf(lang, m?.provenance),
    state: query.isError || (query.data && !m) ? 'error' : m ? 'ready' : 'loading',
  };
  return children(head, (width) =>
    m ? <DotChart lang={lang} title={title} note={provenanceNote(lang, m.provenance)} rows={m.rows} unit={pick(lang, m.indicator.unit)} decimals={m.indicator.decimals} width={width} /> : null,
  );
}

function ObjectiveView({ q, lang, indicators, children }: ViewProps) {
  const query = useQuery(objectiveOptions(q.id as string));
  const o = query.data;
  const ind = o ? (indicators.find((i) => i.id === o.indicator.id) ?? null) : null;
  const synthetic = o?.provenance === 'synthetic';
  const head: ChartHead = {
    title: o ? pick(lang, o.title) : (q.id as string),
    subtitle: o ? `${t(lang, 'obj.chartTitle')} · ${o.scope.territory_name ?? o.scope.territory}` : '',
    indicator: ind,
    tag: o?.example ? t(lang, 'obj.example') : null,
    notice: o ? [o.example_notice, synthetic ? (o.notice ?? t(lang, 'territory.syntheticNote')) : null].filter(Boolean).join(' ') || null : null,
    state: query.isError ? 'error' : o ? 'ready' : 'loading',
  };
  return children(head, (width) =>
    o ? <ObjectiveChart lang={lang} o={o} note={synthetic ? t(lang, 'obj.synthetic') : null} width={width} height={Math.round(Math.max(200, Math.min(320, width * 0.4)))} /> : null,
  );
}

/**
 * "Is the gap closing?": small time-series charts of the page's indicator and of the largest
 * gaps (indicators with several years only), the territory against its parent and France.
 * Demo series say "données fictives" in the chart's title, description and legend.
 */
import { useQuery } from '@tanstack/react-query';
import { seriesOptions } from '../api/profile.ts';
import { LineChart } from '../charts/LineChart.tsx';
import { chartSearch } from '../embed/chartUrl.ts';
import { chartFileBase } from '../export/naming.ts';
import { ChartActions } from '../panels/ChartActions.tsx';
import type { LineSeries } from '../charts/lineLayout.ts';
import { ROLE_COLORS, type Role } from '../charts/scales.ts';
import { pick, t } from '../i18n/index.ts';
import { worstFirst } from '../profile/gaps.ts';
import { placeName } from '../profile/places.ts';
import { seriesNote } from '../panels/provenance.ts';
import { refString } from '../state/url.ts';
import { indicatorOf, type ProfileContext } from './profileContext.ts';

/** At most this many series charts. */
export const MAX_SERIES = 4;

/** The indicators whose series a profile shows: the current one, then the largest gaps. */
export function seriesIndicators(ctx: Pick<ProfileContext, 'detail' | 'indicators'>, current: string): string[] {
  const ids = [current, ...worstFirst(ctx.detail.profile).worst.map((e) => e.indicator)];
  return [...new Set(ids)].filter((id) => (indicatorOf(ctx, id)?.years.length ?? 0) > 1).slice(0, MAX_SERIES);
}

export function SeriesSection({ ctx, current }: { ctx: ProfileContext; current: string }) {
  const ids = seriesIndicators(ctx, current);
  if (ids.length === 0) return null;
  return (
    <section className="pp-series" aria-labelledby="pp-series-title" data-testid="series">
      <h2 id="pp-series-title">{t(ctx.lang, 'profile.seriesTitle')}</h2>
      <SeriesLegend ctx={ctx} />
      <div className="pp-series-grid">
        {ids.map((id) => (
          <SeriesCard key={id} ctx={ctx} indicator={id} />
        ))}
      </div>
    </section>
  );
}

function SeriesCard({ ctx, indicator }: { ctx: ProfileContext; indicator: string }) {
  const { lang } = ctx;
  const own = useQuery(seriesOptions(indicator, refString(ctx.territory)));
  const parent = useQuery({ ...seriesOptions(indicator, ctx.parentRef ? refString(ctx.parentRef) : 'france'), enabled: ctx.parentRef !== null });
  const ind = indicatorOf(ctx, indicator);
  if (!ind) return null;
  const data = own.data;
  if (!data) return <p className="hint pp-chart-slot">{own.isError ? t(lang, 'profile.seriesError') : t(lang, 'app.loading')}</p>;
  const years = data.series.map((s) => s.year);
  const parentByYear = new Map(parent.data?.series.map((s) => [s.year, s.value]) ?? []);
  const series: LineSeries[] = [
    { key: 'territory', label: ctx.place.name, role: 'territory', values: data.series.map((s) => s.value) },
    ...(ctx.parentRef && parent.data ? [{ key: 'parent', label: placeName(lang, ctx.parent), role: 'parent' as const, values: years.map((y) => parentByYear.get(y) ?? null) }] : []),
    { key: 'france', label: t(lang, 'panel.france'), role: 'france', values: data.series.map((s) => s.national_value) },
  ];
  const label = pick(lang, ind.label);
  const render = (width: number) => (
        <LineChart
          lang={lang}
          title={label}
          note={seriesNote(lang, data, data.series)}
          years={years}
          series={series}
          unit={pick(lang, ind.unit)}
          decimals={ind.decimals}
          legend={false}
          width={width}
          height={width < 240 ? 94 : 150}
          yearLabel={t(lang, 'profile.year')}
        />
  );
  return (
    <ChartActions
      lang={lang}
      title={label}
      subtitle={`${ctx.place.name}${years.length ? ` · ${years[0]}–${years[years.length - 1]}` : ''}`}
      notice={data.provenance === 'synthetic' || data.provenance === 'mixed' ? t(lang, 'export.demo') : null}
      embedSearch={chartSearch({ chart: 'series', territory: ctx.territory, indicator, lang: lang === 'fr' ? null : lang })}
      indicators={[ind]}
      legend={series.map((s) => ({ label: s.label, swatch: { kind: 'line' as const, color: ROLE_COLORS[s.role], dash: s.role === 'territory' ? undefined : '4 2' } }))}
      fileBase={chartFileBase('series', [ctx.place.name], indicator)}
      print={172}
      className="pp-card-chart"
      render={render}
    />
  );
}

/** One legend for every series chart: the territory, its parent, France. */
function SeriesLegend({ ctx }: { ctx: ProfileContext }) {
  const items: [Role, string][] = [
    ['territory', ctx.place.name],
    ...(ctx.parentRef ? [['parent', placeName(ctx.lang, ctx.parent)] as [Role, string]] : []),
    ['france', t(ctx.lang, 'panel.france')],
  ];
  return (
    <ul className="pp-legend" aria-label={t(ctx.lang, 'legend.title')}>
      {items.map(([role, label]) => (
        <li key={role}>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="1" x2="21" y1="4" y2="4" stroke={ROLE_COLORS[role]} strokeWidth={role === 'territory' ? 2.5 : 1.5} strokeDasharray={role === 'territory' ? undefined : '4 2'} />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The chromeless chart embed (`/embed/chart?chart=…`, see chartUrl.ts): one chart of the
 * dashboard for the same URL state as its page, with a title, a subtitle, the provenance badge
 * ("données fictives" where it applies), the chart (its legend, its accessible description: the
 * `alt` parameter when given, else the one generated from the data, and its data table), the
 * source line and a link to the full view. No MapLibre here: the page is a separate, light entry.
 * `data-state` on `#embed-chart` is loading | ready | error (tests wait on it).
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { indicatorsOptions } from '../api/queries.ts';
import { ChartDescription } from '../charts/ChartFrame.tsx';
import { useWidth } from '../charts/Sized.tsx';
import { DEFAULT_LANG, t, type Lang } from '../i18n/index.ts';
import { ProvenanceBadge } from '../panels/ProvenanceBadge.tsx';
import { SourceLine } from '../panels/SourceLine.tsx';
import { altFromQuery } from './altText.ts';
import { ChartView, type ChartHead } from './chartViews.tsx';
import { fullViewHref, isComplete, parseChartQuery } from './chartUrl.ts';

/** Reads the URL once (an embed does not navigate) and draws the chart it names. */
export function EmbedChart() {
  const search = window.location.search;
  const q = useMemo(() => parseChartQuery(search), [search]);
  const lang: Lang = q?.lang ?? DEFAULT_LANG;
  const indicators = useQuery(indicatorsOptions()).data.indicators;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (!q || !isComplete(q)) {
    return (
      <main className="embed" id="embed-chart" data-state="error">
        <p className="hint">{t(lang, 'embedChart.invalid')}</p>
      </main>
    );
  }
  return (
    <ChartDescription.Provider value={altFromQuery(search)}>
      <ChartView q={q} lang={lang} indicators={indicators}>
        {(head, chart) => <Frame lang={lang} head={head} href={fullViewHref(q)} chart={chart} />}
      </ChartView>
    </ChartDescription.Provider>
  );
}

function Frame({ lang, head, href, chart }: { lang: Lang; head: ChartHead; href: string; chart: (width: number) => ReactNode }) {
  const { ref, width } = useWidth(600, Math.floor);
  useEffect(() => {
    document.title = `${head.title} — ${t(lang, 'app.title')}`;
  }, [head.title, lang]);
  return (
    <main className="embed embed-chart" id="embed-chart" data-state={head.state} aria-labelledby="embed-title" aria-busy={head.state === 'loading'}>
      <header className="embed-head">
        <h1 id="embed-title" className="embed-title">{head.title}</h1>
        {head.indicator ? <ProvenanceBadge lang={lang} indicator={head.indicator} /> : null}
        {head.tag ? <span className="tag tag-synthetic">{head.tag}</span> : null}
        <p className="embed-subtitle">{head.subtitle}</p>
      </header>
      <div ref={ref} className="embed-chart-body">
        {head.state === 'error' ? <p className="hint">{t(lang, 'embedChart.error')}</p> : head.state === 'loading' ? <p className="loading-pill">{t(lang, 'app.loading')}</p> : chart(width)}
      </div>
      <footer className="embed-foot">
        {head.notice ? <p className="embed-notice" data-testid="embed-notice">{head.notice}</p> : null}
        {head.indicator ? <SourceLine lang={lang} indicator={head.indicator} /> : null}
        <a className="embed-link" href={href} target="_blank" rel="noopener">
          {t(lang, 'embed.open')} ↗
        </a>
      </footer>
    </main>
  );
}

/**
 * The chromeless map embed (`/embed/map?…`): the dashboard's map for the same URL state, with a
 * title, a subtitle, the provenance badge ("données fictives" where it applies), the legend, the
 * source line and a link to the full view. The map's text alternative is the `alt` parameter when
 * given, else the summary generated from the data. Read-only: picking and panning change nothing
 * in the URL.
 */
import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '../api/types.ts';
import { indicatorsOptions, insetsOptions, viewValuesOptions } from '../api/queries.ts';
import { DEFAULT_LANG, pick, t } from '../i18n/index.ts';
import { MapView, type Choropleth } from '../map/MapView.tsx';
import { mapSummary } from '../map/summary.ts';
import { useClassification } from '../map/useClassification.ts';
import { Legend } from '../panels/Legend.tsx';
import { colorMeaning } from '../panels/legendText.ts';
import { ProvenanceBadge } from '../panels/ProvenanceBadge.tsx';
import { SourceLine } from '../panels/SourceLine.tsx';
import { parseViewQuery, refString, resolveViewState, type ViewState } from '../state/url.ts';
import { altFromQuery, dashboardHref, embedAlt } from './altText.ts';

const noop = () => {};

/** Reads the URL once (an embed does not navigate) and draws the view. */
export function EmbedMap() {
  const search = window.location.search;
  const query = useMemo(() => parseViewQuery(search), [search]);
  const indicatorsQuery = useQuery(indicatorsOptions());
  const indicators = indicatorsQuery.data?.indicators;
  const view = useMemo(() => (indicators && indicators.length > 0 ? resolveViewState(query, indicators) : null), [query, indicators]);
  const lang = view?.lang ?? query.lang ?? DEFAULT_LANG;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (!view || !indicators) {
    return (
      <main className="embed" aria-busy={!indicatorsQuery.isError}>
        <p className="loading-pill">{indicatorsQuery.isError ? t(lang, 'app.error', { message: indicatorsQuery.error.message }) : t(lang, 'app.loading')}</p>
      </main>
    );
  }
  return <EmbedView indicators={indicators} view={view} search={search} />;
}

function EmbedView({ indicators, view, search }: { indicators: readonly Indicator[]; view: ViewState; search: string }) {
  const { lang, level, year } = view;
  const indicator = indicators.find((i) => i.id === view.indicator) ?? (indicators[0] as Indicator);
  const perSchool = indicator.grain === 'school';
  const filters = perSchool ? { schoolType: view.schoolType, sector: view.sector } : { schoolType: null, sector: null };
  const within = view.within ? refString(view.within) : null;
  const valuesQuery = useQuery(viewValuesOptions(view, indicators));
  const insetsQuery = useQuery(insetsOptions());
  const shown = valuesQuery.data;
  const classified = useClassification(view, indicator, shown);
  const { classification, colors } = classified;
  const stateKey = `${indicator.id}|${level}|${year}`;
  const renderKey = `${stateKey}|${within ?? ''}|${filters.schoolType ?? ''}|${filters.sector ?? ''}|${classification.thresholds.join(',')}|${colors.join(',')}`;
  const choropleth = useMemo<Choropleth | undefined>(
    () => (shown ? { key: renderKey, level, values: shown.values, thresholds: classification.thresholds, colors } : undefined),
    [shown, renderKey, level, classification, colors],
  );
  const label = pick(lang, indicator.label);
  const meaning = colorMeaning(lang, indicator, classified.palette, view.reverse, classified.reference);
  const generated = mapSummary(lang, indicator, level, year, shown ? classification : null, meaning, shown?.provenance ?? indicator.provenance);
  const alt = embedAlt(altFromQuery(search), generated);
  const subtitle = `${t(lang, `levels.${level}`)}${view.within ? ` · ${view.within.code}` : ''} · ${year}`;

  useEffect(() => {
    document.title = `${label} — ${t(lang, 'app.title')}`;
  }, [label, lang]);

  return (
    <main className="embed" aria-labelledby="embed-title" aria-describedby="embed-alt">
      <header className="embed-head">
        <h1 id="embed-title" className="embed-title">{label}</h1>
        <ProvenanceBadge lang={lang} indicator={indicator} mix={shown} />
        <p className="embed-subtitle">{subtitle}</p>
      </header>
      <p id="embed-alt" className="sr-only" data-testid="embed-alt">{alt}</p>
      <MapView
        lang={lang}
        stateKey={stateKey}
        level={level}
        within={view.within}
        selected={view.selected}
        camera={view.camera}
        insets={insetsQuery.data}
        choropleth={choropleth}
        schools={null}
        schoolsPending={false}
        onPick={noop}
        onCamera={noop}
        failed={valuesQuery.isError}
        ariaLabel={alt}
        overlay={null}
        tooltip={() => null}
      />
      <Legend lang={lang} indicator={indicator} classification={classification} colors={colors} stale={!shown} values={shown?.values.map((v) => v.value)} palette={classified.palette} reverse={view.reverse} reference={classified.reference} requested={view.classes} />
      <footer className="embed-foot">
        <SourceLine lang={lang} indicator={indicator} mix={shown} />
        <a className="embed-link" href={dashboardHref(search)} target="_blank" rel="noopener">
          {t(lang, 'embed.open')} ↗
        </a>
      </footer>
    </main>
  );
}

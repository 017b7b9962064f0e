/**
 * One view of the map: fetches geometry and values for the view state, classifies and colours
 * them, and lays out the control panel, the legend, the map and its source line.
 */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Indicator } from './api/types.ts';
import { geometryOptions, insetsOptions, mapValuesOptions } from './api/queries.ts';
import { pick, t } from './i18n/index.ts';
import { classify } from './map/classify.ts';
import { MapView, type Choropleth, type GeometryForLevel } from './map/MapView.tsx';
import { mapSummary } from './map/summary.ts';
import { TerritoryTooltip } from './map/Tooltip.tsx';
import { classColors } from './map/palette.ts';
import { Controls } from './panels/Controls.tsx';
import { ErrorBanner } from './panels/ErrorBanner.tsx';
import { Legend } from './panels/Legend.tsx';
import { ProvenanceBadge } from './panels/ProvenanceBadge.tsx';
import { SourceLine } from './panels/SourceLine.tsx';
import type { ViewState } from './state/url.ts';

interface Props {
  indicators: readonly Indicator[];
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
}

export function Dashboard({ indicators, view, onChange }: Props) {
  const { lang, level, year } = view;
  const indicator = indicators.find((i) => i.id === view.indicator) ?? (indicators[0] as Indicator);
  const stateKey = `${indicator.id}|${level}|${year}`;

  const valuesQuery = useQuery({
    ...mapValuesOptions(indicator.id, level, year),
    placeholderData: keepPreviousData,
  });
  const geometryQuery = useQuery(geometryOptions(level));
  const insetsQuery = useQuery(insetsOptions());

  // While new values load, the legend keeps showing the previous ones (marked as stale).
  const shown = valuesQuery.data;
  const isCurrent = shown !== undefined && !valuesQuery.isPlaceholderData;
  const shownIndicator = indicators.find((i) => i.id === shown?.indicator) ?? indicator;
  const classification = useMemo(() => classify(shown?.values.map((v) => v.value) ?? []), [shown]);
  const colors = useMemo(
    () => classColors(classification.bins.length, shownIndicator.direction),
    [classification, shownIndicator],
  );
  const byCode = useMemo(() => new Map(shown?.values.map((v) => [v.code, v])), [shown]);

  const choropleth = useMemo<Choropleth | undefined>(
    () =>
      isCurrent && shown
        ? { key: stateKey, level, values: shown.values, thresholds: classification.thresholds, colors }
        : undefined,
    [isCurrent, shown, stateKey, level, classification, colors],
  );
  const geometry = useMemo<GeometryForLevel | undefined>(
    () => (geometryQuery.data ? { level, data: geometryQuery.data } : undefined),
    [geometryQuery.data, level],
  );

  const error = valuesQuery.error ?? geometryQuery.error;
  const label = pick(lang, indicator.label);
  const ariaLabel = mapSummary(lang, indicator, level, year, isCurrent ? classification : null);

  return (
    <main className="layout">
      <section className="panel panel-controls" aria-label={t(lang, 'panel.label')}>
        <Controls indicators={indicators} indicator={indicator} view={view} onChange={onChange} />
      </section>
      <section className="map-column" aria-labelledby="map-title">
        <div className="map-heading">
          <h2 id="map-title">
            {label}
            <span className="map-heading-detail">
              {t(lang, `levels.${level}`)} · {year}
            </span>
          </h2>
          <ProvenanceBadge lang={lang} indicator={indicator} />
        </div>
        <MapView
          lang={lang}
          stateKey={stateKey}
          geometry={geometry}
          insets={insetsQuery.data}
          choropleth={choropleth}
          failed={error !== null}
          ariaLabel={ariaLabel}
          overlay={
            error ? (
              <ErrorBanner
                lang={lang}
                error={error}
                onRetry={() => void (valuesQuery.isError ? valuesQuery.refetch() : geometryQuery.refetch())}
              />
            ) : null
          }
          tooltip={(hover) =>
            shown ? (
              <TerritoryTooltip
                lang={lang}
                name={hover.name}
                value={byCode.get(hover.code)}
                indicator={shownIndicator}
                year={shown.year}
              />
            ) : null
          }
        />
        <SourceLine lang={lang} indicator={indicator} />
      </section>
      <Legend
        lang={lang}
        indicator={shownIndicator}
        classification={classification}
        colors={colors}
        stale={!isCurrent}
      />
    </main>
  );
}

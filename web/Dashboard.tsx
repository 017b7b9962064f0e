/**
 * One view of the map: fetches geometry and values for the view state, classifies and colours
 * them, and lays out the control panel, the legend, the map and its source line.
 */
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Indicator, MapValue } from './api/types.ts';
import { equityOptions } from './api/equity.ts';
import { insetsOptions, schoolsOptions, viewValuesOptions } from './api/queries.ts';
import { pick, t } from './i18n/index.ts';
import { Breadcrumb, useDirectory } from './map/Breadcrumb.tsx';
import { pickPatch } from './map/drill.ts';
import { lisaAvailable, lisaStates, lisaUnit } from './map/lisa.ts';
import type { LisaOverlay } from './map/lisaOverlay.ts';
import { MapView, type Choropleth } from './map/MapView.tsx';
import { SchoolControls } from './map/SchoolControls.tsx';
import { schoolPoints } from './map/schools.ts';
import { mapSummary } from './map/summary.ts';
import { SchoolTooltip, TerritoryTooltip } from './map/Tooltip.tsx';
import { usePrefetchBounds } from './map/useTerritoryBounds.ts';
import { YearSlider } from './map/YearSlider.tsx';
import { useClassification } from './map/useClassification.ts';
import { opensWithFirstFrame } from './boot/earlyRequests.ts';
import { AroundMap } from './panels/AroundMap.tsx';
import { Controls } from './panels/Controls.tsx';
import { EmbedDialog } from './panels/EmbedDialog.tsx';
import { ErrorBanner } from './panels/ErrorBanner.tsx';
import { Legend } from './panels/Legend.tsx';
import { LisaKey } from './panels/LisaKey.tsx';
import { MapExportMenu } from './panels/MapExportMenu.tsx';
import { colorMeaning } from './panels/legendText.ts';
import { ProvenanceBadge } from './panels/ProvenanceBadge.tsx';
import { SourceLine } from './panels/SourceLine.tsx';
import { refString, type ViewState } from './state/url.ts';
import { useReplaceCamera } from './state/useViewState.ts';

// The legend's histogram sorts and bins every value: it renders only when its props change.
const ShownLegend = memo(Legend);

/** The longest the table waits for the map before loading its names anyway. */
const TABLE_DELAY_MS = 4000;

interface Props {
  indicators: readonly Indicator[];
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
}

export function Dashboard({ indicators, view, onChange }: Props) {
  const { lang, level, year } = view;
  const indicator = indicators.find((i) => i.id === view.indicator) ?? (indicators[0] as Indicator);
  const stateKey = `${indicator.id}|${level}|${year}`;
  // school filters and points only exist for indicators computed per school
  const perSchool = indicator.grain === 'school';
  const filters = perSchool ? { schoolType: view.schoolType, sector: view.sector } : { schoolType: null, sector: null };
  const within = view.within ? refString(view.within) : null;

  const valuesQuery = useQuery({ ...viewValuesOptions(view, indicators), placeholderData: keepPreviousData });
  const insetsQuery = useQuery(insetsOptions());
  const wantSchools = perSchool && view.schools;
  const schoolsQuery = useQuery({ ...schoolsOptions(indicator.id, year, within, filters), enabled: wantSchools });
  // LISA clusters ("zones blanches") of the map level's units within the current territory
  const lisaOk = lisaAvailable(level, indicator.direction);
  const wantLisa = lisaOk && view.lisa;
  const lisaQuery = useQuery({ ...equityOptions(indicator.id, year, within, lisaUnit(level) ?? 'commune'), enabled: wantLisa });
  const lisaData = wantLisa ? lisaQuery.data : undefined;
  const lisa = useMemo<LisaOverlay | null>(
    () =>
      lisaData
        ? { key: `lisa|${stateKey}|${within ?? ''}`, level, states: lisaStates(lisaData.spatial.lisa?.clusters ?? [], lisaData.direction) }
        : null,
    [lisaData, stateKey, within, level],
  );

  // While new values load, the legend keeps showing the previous ones (marked as stale).
  const shown = valuesQuery.data;
  const isCurrent = shown !== undefined && !valuesQuery.isPlaceholderData;
  const shownIndicator = indicators.find((i) => i.id === shown?.indicator) ?? indicator;
  const classified = useClassification(view, shownIndicator, shown);
  const { classification, colors } = classified;
  // the value under the pointer: indexed on the first hover, not on every new set of values
  const valueOf = useMemo(() => {
    let byCode: Map<string, MapValue> | null = null;
    return (code: string) => (byCode ??= new Map(shown?.values.map((v) => [v.code, v]))).get(code);
  }, [shown]);
  const shownValues = useMemo(() => shown?.values.map((v) => v.value), [shown]);

  // the key names everything the colours depend on, so `ready` always means the current view
  const renderKey = `${stateKey}|${within ?? ''}|${filters.schoolType ?? ''}|${filters.sector ?? ''}|${classification.thresholds.join(',')}|${colors.join(',')}`;
  const choropleth = useMemo<Choropleth | undefined>(
    () =>
      isCurrent && shown
        ? { key: renderKey, level, values: shown.values, thresholds: classification.thresholds, colors }
        : undefined,
    [isCurrent, shown, renderKey, level, classification, colors],
  );
  const schools = useMemo(
    () => (wantSchools && schoolsQuery.data && isCurrent ? schoolPoints(schoolsQuery.data, classification.thresholds, colors) : null),
    [wantSchools, schoolsQuery.data, isCurrent, classification, colors],
  );
  const directory = useDirectory(view.within !== null || view.selected !== null);
  // The table beside the map re-joins and re-sorts up to ~35,000 rows when the data shown
  // changes: that part follows in a deferred (interruptible) render, so the map is re-coloured
  // first. The selection and the language stay immediate.
  const deferred = useDeferredValue(view);
  const aroundView = useMemo(() => {
    const { indicator: i, year: y, level: l, within: w, schoolType: st, sector: se } = deferred;
    return { ...view, indicator: i, year: y, level: l, within: w, schoolType: st, sector: se };
  }, [view, deferred]);
  const aroundIndicator = indicators.find((i) => i.id === aroundView.indicator) ?? indicator;
  const onCamera = useReplaceCamera(view);
  usePrefetchBounds(level, isCurrent);
  // The table's names (~0.5 MB for all communes) load once the map has drawn, or failed, or
  // after a few seconds: never in the way of the map.
  const [mapDrawn, setMapDrawn] = useState(false);
  useEffect(() => {
    if (mapDrawn) return;
    const timer = setTimeout(() => setMapDrawn(true), TABLE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [mapDrawn]);

  // The legend of the values shown renders with them, in step with the map; but marking it
  // stale while new values load (its histogram sorts and bins every value again) is deferred, off
  // the urgent path. (Deferring the new values' legend too would make `ready` wait for it behind
  // the map's next frame, which software WebGL draws in ~100 ms.)
  const legendProps = useMemo(
    () => ({
      lang,
      indicator: shownIndicator,
      classification,
      colors,
      stale: !isCurrent,
      values: shownValues,
      provenanceValues: shown?.values,
      palette: classified.palette,
      reverse: view.reverse,
      reference: classified.reference,
      requested: view.classes,
    }),
    [lang, shownIndicator, classification, colors, isCurrent, shownValues, shown, classified.palette, view.reverse, classified.reference, view.classes],
  );
  const deferredLegend = useDeferredValue(legendProps);
  const legend = isCurrent ? legendProps : deferredLegend;
  // A map that MapLibre opens: the first render commits the map alone (its container, so MapLibre
  // starts in that commit) and the panels around it follow in a background render that yields to
  // the map's work. A map whose first frame draws the opening view: all at once, as the frame
  // waits for the panels (they set the map's size) and is drawn in the same commit when the
  // view's data is already there (boot/firstView.ts).
  const [panelsAtOnce] = useState(() => opensWithFirstFrame(window.location.pathname, window.location.search));
  const panels = useDeferredValue(true, panelsAtOnce);

  const error = valuesQuery.error ?? schoolsQuery.error ?? (wantLisa ? lisaQuery.error : null);
  const label = pick(lang, indicator.label);
  const meaning = colorMeaning(lang, shownIndicator, classified.palette, view.reverse, classified.reference);
  // where the values shown come from (the map's answer: 'mixed' when imported and demo values mix)
  const provenance = (isCurrent ? shown?.provenance : undefined) ?? indicator.provenance;
  const ariaLabel = mapSummary(lang, indicator, level, year, isCurrent ? classification : null, meaning, provenance);

  return (
    <main className="layout">
      <section className="panel panel-controls" aria-label={t(lang, 'panel.label')}>
        {panels ? (
          <>
            <Controls indicators={indicators} indicator={indicator} view={view} onChange={onChange} classification={classification} />
            <SchoolControls lang={lang} indicator={indicator} view={view} points={schools} onChange={onChange} />
            <LisaKey lang={lang} indicator={indicator} level={level} available={lisaOk} on={view.lisa} data={lisaData} onChange={onChange} />
          </>
        ) : null}
      </section>
      <section className="map-column" aria-labelledby="map-title">
        <div className="map-heading">
          <h2 id="map-title">
            {label}
            <span className="map-heading-detail">
              {t(lang, `levels.${level}`)} · {year}
            </span>
          </h2>
          <ProvenanceBadge lang={lang} indicator={indicator} mix={isCurrent ? shown : null} />
          <EmbedDialog lang={lang} title={`${label} — ${t(lang, `levels.${level}`)} · ${year}`} generatedAlt={ariaLabel} />
          <MapExportMenu lang={lang} indicator={shownIndicator} view={view} values={isCurrent ? shown?.values : undefined} classification={classification} colors={colors} meaning={meaning} alt={ariaLabel} directory={directory} schools={schools} lisa={lisa} provenance={provenance} />
        </div>
        <div className="map-toolbar">
          <Breadcrumb lang={lang} within={view.within} selected={view.selected} directory={directory} onChange={onChange} />
          <YearSlider lang={lang} years={indicator.years} year={year} onYear={(y) => onChange({ year: y })} />
        </div>
        <MapView
          lang={lang}
          stateKey={stateKey}
          level={level}
          within={view.within}
          selected={view.selected}
          camera={view.camera}
          insets={insetsQuery.data}
          choropleth={choropleth}
          schools={schools}
          schoolsPending={wantSchools && schools === null}
          lisa={lisa}
          lisaPending={wantLisa && lisa === null && !lisaQuery.isError}
          legendPending={!panels || legend !== legendProps}
          onPick={(ref) => onChange(pickPatch(ref, view, directory))}
          onCamera={onCamera}
          onReady={() => setMapDrawn(true)}
          failed={error !== null}
          ariaLabel={ariaLabel}
          overlay={
            error ? (
              <ErrorBanner
                lang={lang}
                error={error}
                onRetry={() => void (valuesQuery.isError ? valuesQuery.refetch() : schoolsQuery.isError ? schoolsQuery.refetch() : lisaQuery.refetch())}
              />
            ) : null
          }
          tooltip={({ target }) =>
            !shown ? null : target.kind === 'school' ? (
              <SchoolTooltip lang={lang} school={target.school} indicator={shownIndicator} year={shown.year} />
            ) : (
              <TerritoryTooltip
                lang={lang}
                level={target.level}
                code={target.code}
                name={target.name}
                value={valueOf(target.code)}
                outside={shown.within !== null && valueOf(target.code) === undefined}
                indicator={shownIndicator}
                year={shown.year}
              />
            )
          }
        />
        <SourceLine lang={lang} indicator={indicator} mix={isCurrent ? shown : null} />
      </section>
      {panels ? <ShownLegend {...legend} /> : null}
      {panels ? <AroundMap indicators={indicators} indicator={aroundIndicator} view={aroundView} onChange={onChange} tableActive={mapDrawn || error !== null} /> : null}
    </main>
  );
}

/**
 * The side panel of the selected territory (`view.selected`): name, level, enclosing
 * territories (buttons that select them), population and schools, then key figures from the
 * profile (the indicator on the map first): value with unit, parent's and France's values,
 * index (parent = 100), rank among siblings, schools, a warning under 5 schools and a
 * "Données fictives" tag on every simulated value. The close button and Escape clear the
 * selection.
 */
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { territoryOptions, type TerritoryDetail } from '../api/territory.ts';
import type { Indicator } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import { isMapLevel, type MapLevel, type TerritoryRef, type ViewState } from '../state/url.ts';
import { profilePath } from '../pages/routes.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { isDemo, panelFigures } from './figures.ts';
import { TerritoryFigure } from './TerritoryFigure.tsx';
import { SEARCH_INPUT_ID } from './SearchBox.tsx';

interface Props {
  lang: Lang;
  selected: TerritoryRef;
  year: number;
  indicators: readonly Indicator[];
  current: string;
  onChange: (patch: Partial<ViewState>) => void;
}

export function TerritoryPanel({ lang, selected, year, indicators, current, onChange }: Props) {
  const ref = useRef<HTMLElement>(null);
  const query = useQuery(territoryOptions(selected, year));
  const detail = query.data;

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  // Escape anywhere closes the panel, unless something else (the search list) used it.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const inside = ref.current?.contains(document.activeElement) ?? false;
      onChangeRef.current({ selected: null });
      if (inside) document.getElementById(SEARCH_INPUT_ID)?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const name = detail?.territory.name ?? selected.code;
  return (
    <section ref={ref} className="panel territory-panel" aria-labelledby="territory-title" data-testid="territory-panel" aria-busy={query.isPending}>
      <div className="tp-head">
        <div>
          <p className="tp-level">
            {t(lang, `level.${selected.level}`)} · {selected.code}
          </p>
          <h2 id="territory-title">{name}</h2>
        </div>
        <button
          type="button"
          className="tp-close"
          aria-label={t(lang, 'territory.close', { name })}
          onClick={() => {
            onChange({ selected: null });
            document.getElementById(SEARCH_INPUT_ID)?.focus();
          }}
        >
          <span aria-hidden="true">×</span> {t(lang, 'territory.closeShort')}
        </button>
      </div>
      <a className="tp-profile" href={profilePath(selected, { year, indicator: current, lang })} data-testid="profile-link">
        {t(lang, 'profile.viewProfile')} <span aria-hidden="true">→</span>
      </a>
      {query.isError ? <ErrorBanner lang={lang} error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <p className="hint">{t(lang, 'territory.loading')}</p> : null}
      {detail ? <Details lang={lang} detail={detail} indicators={indicators} current={current} onChange={onChange} /> : null}
    </section>
  );
}

function Details({ lang, detail, indicators, current, onChange }: Omit<Props, 'selected' | 'year'> & { detail: TerritoryDetail }) {
  const { territory, parents, compared_with: comparedWith, children, min_schools: minSchools } = detail;
  const figures = panelFigures(detail.profile, current);
  const schools = detail.profile.find((p) => p.indicator === 'schools');
  const parentName = comparedWith.level === 'france' ? t(lang, 'panel.france') : comparedWith.name;
  return (
    <>
      {parents.length > 0 ? (
        <nav aria-label={t(lang, 'territory.parents')}>
          <ol className="tp-parents">
            {parents.map((p) =>
              isMapLevel(p.level) ? (
                <li key={p.level}>
                  <span className="tp-parent-level">{t(lang, `level.${p.level}`)}</span>{' '}
                  <button type="button" onClick={() => onChange(parentPatch({ level: p.level as MapLevel, code: p.code }))}>
                    {p.name}
                  </button>
                </li>
              ) : null,
            )}
          </ol>
        </nav>
      ) : null}
      <p className="tp-facts">
        {territory.population !== null ? t(lang, 'territory.population', { n: formatNumber(lang, territory.population) }) : null}
        {schools?.value != null ? ` · ${t(lang, 'territory.schoolsCount', { n: formatNumber(lang, schools.value) })}` : null}
        {children.level === 'school' && schools?.value == null && children.items.length > 0
          ? ` · ${t(lang, 'territory.schoolsCount', { n: formatNumber(lang, children.items.length) })}`
          : null}
      </p>
      <h3 className="tp-section">{t(lang, 'territory.figures')}</h3>
      <ul className="figures">
        {figures.map((entry) => (
          <TerritoryFigure key={entry.indicator} lang={lang} entry={entry} indicators={indicators} isCurrent={entry.indicator === current} comparedWith={comparedWith} minSchools={minSchools} />
        ))}
      </ul>
      {figures.some((f) => isDemo(f.provenance)) ? <p className="tp-note tp-note-synthetic">{t(lang, 'territory.syntheticNote')}</p> : null}
      <p className="tp-note">{t(lang, 'territory.rankHint', { parent: parentName })}</p>
    </>
  );
}

/** Selecting an enclosing territory: at its own level, all France, the map fitting it. */
const parentPatch = (ref: TerritoryRef): Partial<ViewState> => ({ selected: ref, level: ref.level, within: null, camera: null });

/**
 * The page shell: header, then the dashboard once the indicator catalog is loaded. Owns the
 * link between the URL and the view state (resolve against the catalog, canonicalise).
 * Paths other than the map's (`/territoire/…`, `/comparer`) load their page (web/pages/).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { indicatorsOptions, viewValuesOptions } from './api/queries.ts';
import { Dashboard } from './Dashboard.tsx';
import { DEFAULT_LANG, pick, t, type Lang } from './i18n/index.ts';
import { ErrorBanner } from './panels/ErrorBanner.tsx';
import { Header } from './panels/Header.tsx';
import { SkipLinks } from './panels/SkipLinks.tsx';
import { resolveViewState, type ViewState } from './state/url.ts';
import { useViewState } from './state/useViewState.ts';
import { pageOf } from './pages/routes.ts';
import { useLocation } from './pages/useLocation.ts';

const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));
const ComparePage = lazy(() => import('./pages/ComparePage.tsx').then((m) => ({ default: m.ComparePage })));
const ObjectivesPage = lazy(() => import('./pages/ObjectivesPage.tsx').then((m) => ({ default: m.ObjectivesPage })));
const ObjectivePage = lazy(() => import('./pages/ObjectivePage.tsx').then((m) => ({ default: m.ObjectivePage })));
const ObjectivesReportPage = lazy(() => import('./pages/ObjectivesReportPage.tsx').then((m) => ({ default: m.ObjectivesReportPage })));

/** Switches on the path: a territory's profile, a comparison, the objectives, or the map. */
export function App() {
  const page = pageOf(useLocation().pathname);
  if (page.kind === 'map') return <MapApp />;
  return (
    <Suspense fallback={<main className="page-message" aria-busy="true"><p className="loading-pill">{t(DEFAULT_LANG, 'app.loading')}</p></main>}>
      {page.kind === 'profile' ? (
        <ProfilePage territory={page.territory} />
      ) : page.kind === 'objectives' ? (
        <ObjectivesPage />
      ) : page.kind === 'objective' ? (
        <ObjectivePage id={page.id} />
      ) : page.kind === 'objectivesReport' ? (
        <ObjectivesReportPage />
      ) : (
        <ComparePage />
      )}
    </Suspense>
  );
}

function MapApp() {
  const { query, navigate } = useViewState();
  const indicatorsQuery = useQuery(indicatorsOptions());
  const indicators = indicatorsQuery.data?.indicators;
  const view = useMemo(
    () => (indicators && indicators.length > 0 ? resolveViewState(query, indicators) : null),
    [query, indicators],
  );
  const lang: Lang = view?.lang ?? query.lang ?? DEFAULT_LANG;

  // The URL always shows the resolved state (defaults filled in, invalid values replaced).
  useEffect(() => {
    if (view) navigate(view, { replace: true });
  }, [view, navigate]);

  const current = indicators?.find((i) => i.id === view?.indicator);
  useEffect(() => {
    document.documentElement.lang = lang;
    const title = t(lang, 'app.title');
    document.title = current ? `${pick(lang, current.label)} — ${title}` : title;
  }, [lang, current]);

  const client = useQueryClient();
  const change = useCallback(
    (patch: Partial<ViewState>) => {
      if (!view || !indicators) return;
      const next = resolveViewState({ ...view, ...patch }, indicators);
      // the new view's values leave now, while the page renders it (~35,000 communes: ~300 kB)
      void client.prefetchQuery(viewValuesOptions(next, indicators));
      navigate(next);
    },
    [view, indicators, navigate, client],
  );

  return (
    <div className="app">
      <SkipLinks lang={lang} />
      <Header lang={lang} onLang={(next) => change({ lang: next })} />
      {view && indicators ? (
        <Dashboard indicators={indicators} view={view} onChange={change} />
      ) : indicatorsQuery.isError ? (
        <main className="page-message">
          <ErrorBanner lang={lang} error={indicatorsQuery.error} onRetry={() => void indicatorsQuery.refetch()} />
        </main>
      ) : (
        <main className="page-message" aria-busy="true">
          <p className="loading-pill">{t(lang, 'app.loading')}</p>
        </main>
      )}
    </div>
  );
}

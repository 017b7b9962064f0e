/**
 * The profile page of one territory (any level), `/territoire/{level}/{code}?year=&indicator=
 * &school=&lang=`: its largest gaps first (key figures against its parent and France, each with
 * a plain sentence), the rest compactly, a small map, time series, the distribution of its
 * schools and its equity measures, then sources and dates. It prints as a one-page A4 report
 * (print.css). The URL holds the whole view; without an indicator the page focuses on the
 * largest gap and writes it into the URL.
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { indicatorsOptions } from '../api/queries.ts';
import { territoryOptions } from '../api/territory.ts';
import { DEFAULT_LANG, pick, t } from '../i18n/index.ts';
import { ErrorBanner } from '../panels/ErrorBanner.tsx';
import { Header } from '../panels/Header.tsx';
import { defaultIndicator } from '../profile/gaps.ts';
import type { TerritoryRef } from '../state/url.ts';
import { isProvisional, pickYear, schoolYears } from '../state/years.ts';
import { DistributionSection } from './DistributionSection.tsx';
import { EquitySection } from './EquitySection.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { PageSources } from './PageSources.tsx';
import { profileContext } from './profileContext.ts';
import { ProfileHead } from './ProfileHead.tsx';
import { ProfileMap } from './ProfileMap.tsx';
import { parseProfileQuery, profilePath, type ProfileQuery } from './routes.ts';
import { SeriesSection } from './SeriesSection.tsx';
import { navigateTo, setDocumentMeta, useLocation } from './useLocation.ts';
import './pages.css';
import './print.css';

export function ProfilePage({ territory }: { territory: TerritoryRef }) {
  const { search } = useLocation();
  const q = parseProfileQuery(search);
  const lang = q.lang ?? DEFAULT_LANG;
  const indicators = useQuery(indicatorsOptions()).data.indicators;
  // years a profile offers: those of the indicators computed per school in the served warehouse
  // (other indicators show their latest year before)
  const years = schoolYears(indicators);
  const year = pickYear(years, q.year, indicators.some(isProvisional));
  const query = useQuery(territoryOptions(territory, year));
  const detail = query.data;
  const known = q.indicator !== null && detail?.profile.some((p) => p.indicator === q.indicator);
  const current = known ? (q.indicator as string) : detail ? defaultIndicator(detail.profile) : null;
  const go = (patch: Partial<ProfileQuery>, replace = false) =>
    navigateTo(profilePath(territory, { ...q, year, indicator: current, ...patch, lang: patch.lang ?? q.lang }), { replace });

  // the URL always names the year and the indicator shown (shared links show the same page)
  useEffect(() => {
    if (current && (q.indicator !== current || q.year !== year)) {
      navigateTo(profilePath(territory, { ...q, year, indicator: current }), { replace: true });
    }
  });
  const name = detail?.territory.name ?? territory.code;
  useEffect(() => setDocumentMeta(lang, `${name} — ${t(lang, 'profile.docTitle')} — ${t(lang, 'app.title')}`), [lang, name]);

  const ctx = detail ? profileContext(lang, territory, detail, year, indicators) : null;
  const currentIndicator = indicators.find((i) => i.id === current);
  const shownIndicators = indicators.filter((i) => detail?.profile.some((p) => p.indicator === i.id));
  return (
    <div className="app profile-app">
      <Header lang={lang} onLang={(l) => go({ lang: l })} />
      <main className="profile-page" data-testid="profile-page" aria-busy={query.isPending}>
        {query.isError ? (
          <>
            <nav className="pp-crumbs">
              <a href={`/?lang=${lang}`}>{t(lang, 'profile.backToMap')}</a>
            </nav>
            <ErrorBanner lang={lang} error={query.error} onRetry={() => void query.refetch()} />
          </>
        ) : null}
        {query.isPending ? <p className="loading-pill">{t(lang, 'territory.loading')}</p> : null}
        {ctx && current ? (
          <>
            <ProfileHead ctx={ctx} current={current} years={years} onYear={(y) => go({ year: y })} onIndicator={(id) => go({ indicator: id })} />
            <div className="pp-top">
              <ProfileMap ctx={ctx} current={current} school={q.school} />
              <KeyFigures ctx={ctx} current={current} onIndicator={(id) => go({ indicator: id })} />
            </div>
            <p className="pp-focus" aria-live="polite">
              {t(lang, 'profile.focusLine', { indicator: currentIndicator ? pick(lang, currentIndicator.label) : current })}
            </p>
            <SeriesSection ctx={ctx} current={current} />
            <div className="pp-bottom">
              <DistributionSection ctx={ctx} current={current} school={q.school} onSchool={(uai) => go({ school: uai })} />
              <EquitySection ctx={ctx} current={current} />
            </div>
            <PageSources lang={lang} indicators={shownIndicators} imports={(detail?.profile ?? []).flatMap((e) => e.imports ?? [])} url={typeof window === 'undefined' ? '' : window.location.href} />
          </>
        ) : null}
      </main>
    </div>
  );
}

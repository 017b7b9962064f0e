/**
 * The head of a profile: the enclosing territories (links to their profiles), the name, level and
 * a few facts, the year and indicator of the page, and the actions: print the one-page report,
 * compare with other territories, back to the map.
 */
import { useQuery } from '@tanstack/react-query';
import { territoriesOptions } from '../api/queries.ts';
import { formatNumber } from '../i18n/format.ts';
import { pick, t } from '../i18n/index.ts';
import { refString, type TerritoryRef } from '../state/url.ts';
import type { ProfileContext } from './profileContext.ts';
import { comparePath, mapPath, MAX_COMPARE, profilePath } from './routes.ts';

interface Props {
  ctx: ProfileContext;
  current: string;
  years: readonly number[];
  onYear: (year: number) => void;
  onIndicator: (id: string) => void;
}

export function ProfileHead({ ctx, current, years, onYear, onIndicator }: Props) {
  const { lang, territory, detail, year } = ctx;
  const schools = detail.profile.find((p) => p.indicator === 'schools')?.value ?? null;
  // siblings: the other territories of the same level in the same parent
  const siblings = useQuery({
    ...territoriesOptions(territory.level, ctx.parentRef ? refString(ctx.parentRef) : null),
    enabled: ctx.parentRef !== null && territory.level !== 'commune',
  });
  const others: TerritoryRef[] = (siblings.data?.territories ?? [])
    .filter((s) => s.code !== territory.code)
    .slice(0, MAX_COMPARE - 1)
    .map((s) => ({ level: territory.level, code: s.code }));
  const q = { year, lang };
  return (
    <header className="pp-head">
      <nav className="pp-crumbs no-print" aria-label={t(lang, 'territory.parents')}>
        <a href={mapPath(territory, current, year, lang)}>{t(lang, 'profile.backToMap')}</a>
        {detail.parents.map((p) => (
          <span key={p.level}>
            {' › '}
            <a href={profilePath({ level: p.level, code: p.code }, { ...q, indicator: current })}>{p.name}</a>
          </span>
        ))}
      </nav>
      <div className="pp-title">
        <div>
          <p className="tp-level">
            {t(lang, `level.${territory.level}`)} · {territory.code}
            {detail.parents.length ? ` · ${detail.parents.map((p) => p.name).join(' › ')}` : null}
          </p>
          <h1 className="pp-name">{detail.territory.name}</h1>
          <p className="pp-facts">
            {t(lang, 'profile.reportOf', { year })}
            {detail.territory.population !== null ? ` · ${t(lang, 'territory.population', { n: formatNumber(lang, detail.territory.population) })}` : null}
            {schools !== null ? ` · ${t(lang, 'territory.schoolsCount', { n: formatNumber(lang, schools) })}` : null}
          </p>
        </div>
        <div className="pp-actions no-print">
          <button type="button" className="pp-button" onClick={() => window.print()}>
            {t(lang, 'profile.print')}
          </button>
          {others.length ? (
            <a className="pp-button" href={comparePath({ territories: [territory, ...others], year, lang })}>
              {others.length === 1 ? t(lang, 'profile.compareSibling') : t(lang, 'profile.compareSiblings', { n: others.length })}
            </a>
          ) : null}
          <a className="pp-button" href={comparePath({ territories: [territory], year, lang })}>
            {t(lang, 'profile.compare')}
          </a>
        </div>
      </div>
      <div className="pp-controls no-print">
        <label>
          <span>{t(lang, 'control.year')}</span>
          <select value={year} onChange={(e) => onYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t(lang, 'profile.focus')}</span>
          <select value={current} onChange={(e) => onIndicator(e.target.value)}>
            {detail.profile.map((p) => (
              <option key={p.indicator} value={p.indicator}>
                {pick(lang, p.label)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}

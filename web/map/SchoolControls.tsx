/**
 * School filters and points: type (école, collège, lycée) and sector (public, privé sous
 * contrat) for the map values and the points, and the toggle that draws every school as a point
 * with a small key (solid = exact position, hollow = commune's centre). Disabled, with the
 * reason, for indicators computed per commune.
 */
import type { Indicator, SchoolType, Sector } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { ViewState } from '../state/url.ts';
import type { SchoolPoints } from './schools.ts';

const TYPES: readonly SchoolType[] = ['ecole', 'college', 'lycee'];
const SECTORS: readonly Sector[] = ['public', 'prive'];

interface Props {
  lang: Lang;
  indicator: Indicator;
  view: Pick<ViewState, 'schoolType' | 'sector' | 'schools'>;
  /** the points on the map (null when not shown or loading) */
  points: SchoolPoints | null;
  onChange: (patch: Partial<ViewState>) => void;
}

export function SchoolControls({ lang, indicator, view, points, onChange }: Props) {
  const perSchool = indicator.grain === 'school';
  const note = perSchool ? undefined : 'school-filters-note';
  return (
    <fieldset className="field school-controls" aria-describedby={note}>
      <legend className="field-label">{t(lang, 'filters.title')}</legend>
      <div className="school-filters">
        <label htmlFor="school-type-select">{t(lang, 'filters.type')}</label>
        <select
          id="school-type-select"
          value={perSchool ? (view.schoolType ?? '') : ''}
          disabled={!perSchool}
          onChange={(e) => onChange({ schoolType: (e.target.value || null) as SchoolType | null })}
        >
          <option value="">{t(lang, 'filters.allTypes')}</option>
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {t(lang, `school.${x}`)}
            </option>
          ))}
        </select>
        <label htmlFor="sector-select">{t(lang, 'filters.sector')}</label>
        <select
          id="sector-select"
          value={perSchool ? (view.sector ?? '') : ''}
          disabled={!perSchool}
          onChange={(e) => onChange({ sector: (e.target.value || null) as Sector | null })}
        >
          <option value="">{t(lang, 'filters.allSectors')}</option>
          {SECTORS.map((x) => (
            <option key={x} value={x}>
              {t(lang, `sector.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          id="schools-toggle"
          checked={perSchool && view.schools}
          disabled={!perSchool}
          onChange={(e) => onChange({ schools: e.target.checked })}
        />
        {t(lang, 'schools.toggle')}
      </label>
      {note ? (
        <p id={note} className="hint">
          {t(lang, 'filters.notPerSchool')}
        </p>
      ) : null}
      {points ? (
        <div className="points-key" data-testid="points-key">
          <p>
            <span className="point-symbol point-exact" aria-hidden="true" /> {t(lang, 'schools.exact', { n: formatNumber(lang, points.shown - points.approximate) })}
          </p>
          <p>
            <span className="point-symbol point-approx" aria-hidden="true" /> {t(lang, 'schools.approx', { n: formatNumber(lang, points.approximate) })}
          </p>
          <p className="hint">
            {t(lang, 'schools.all', { n: formatNumber(lang, points.shown) })}
            {points.unplaced ? ` ${t(lang, 'schools.unplaced', { n: formatNumber(lang, points.unplaced) })}` : null}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

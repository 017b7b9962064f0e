/**
 * The view controls: indicator (grouped by theme), year (the indicator's years), level
 * (région, académie, département). Every change goes through `onChange` into the URL.
 */
import type { Indicator, Theme } from '../../server/indicators/catalog.ts';
import { pick, t } from '../i18n/index.ts';
import { MAP_LEVELS, isMapLevel, type ViewState } from '../state/url.ts';

const THEMES: readonly Theme[] = ['context', 'connectivity', 'equipment', 'usage'];

interface Props {
  indicators: readonly Indicator[];
  indicator: Indicator;
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
}

export function Controls({ indicators, indicator, view, onChange }: Props) {
  const { lang } = view;
  const levels = MAP_LEVELS.filter((l) => indicator.levels.includes(l));
  return (
    <div className="controls">
      <div className="field">
        <label className="field-label" htmlFor="indicator-select">{t(lang, 'control.indicator')}</label>
        <select
          id="indicator-select"
          value={indicator.id}
          aria-describedby="indicator-description"
          onChange={(e) => onChange({ indicator: e.target.value })}
        >
          {THEMES.map((theme) => (
            <optgroup key={theme} label={t(lang, `theme.${theme}`)}>
              {indicators
                .filter((i) => i.theme === theme)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {pick(lang, i.label)}
                    {i.provenance === 'synthetic' ? ` (${t(lang, 'control.syntheticSuffix')})` : ''}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <p id="indicator-description" className="hint">
          {pick(lang, indicator.description)}
        </p>
      </div>

      <div className="field">
        <label className="field-label" htmlFor="year-select">{t(lang, 'control.year')}</label>
        <select
          id="year-select"
          value={view.year}
          disabled={indicator.years.length < 2}
          onChange={(e) => onChange({ year: Number(e.target.value) })}
        >
          {indicator.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="field segmented">
        <legend className="field-label">{t(lang, 'control.level')}</legend>
        {levels.map((l) => (
          <label key={l} className="segment">
            <input
              type="radio"
              name="level"
              value={l}
              checked={view.level === l}
              onChange={(e) => {
                if (isMapLevel(e.target.value)) onChange({ level: e.target.value });
              }}
            />
            <span>{t(lang, `level.${l}`)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

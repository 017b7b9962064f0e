/**
 * The left panel's controls: indicator (grouped by theme, with its card), level (région, académie,
 * département, commune), then classes and colours. The year is the slider above the map. Every
 * change goes through `onChange` into the URL.
 */
import type { Indicator } from '../../server/indicators/catalog.ts';
import { t } from '../i18n/index.ts';
import type { Classification } from '../map/classify.ts';
import { MAP_LEVELS, isMapLevel, type ViewState } from '../state/url.ts';
import { ClassificationControls } from './ClassificationControls.tsx';
import { IndicatorPicker } from './IndicatorPicker.tsx';

interface Props {
  indicators: readonly Indicator[];
  indicator: Indicator;
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
  /** the classification on screen (manual breaks start from it) */
  classification?: Classification;
}

export function Controls({ indicators, indicator, view, onChange, classification }: Props) {
  const { lang } = view;
  const levels = MAP_LEVELS.filter((l) => indicator.levels.includes(l));
  return (
    <div className="controls">
      <IndicatorPicker lang={lang} indicators={indicators} indicator={indicator} onChange={(id) => onChange({ indicator: id })} />

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

      <ClassificationControls view={view} classification={classification} onChange={onChange} />
    </div>
  );
}

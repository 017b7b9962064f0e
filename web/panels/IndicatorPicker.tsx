/**
 * The indicator picker: a native select grouped by theme (Contexte, Connectivité, Équipement,
 * Usages), so it is keyboard operable and labelled everywhere, with "Données fictives" in the
 * name of every synthetic indicator; under it, the chosen indicator's card: definition, unit,
 * source, vintage and a provenance badge. The card is the select's accessible description; a long
 * definition shows three lines until "Lire la suite" (visual only: screen readers get it all).
 */
import { useState } from 'react';
import type { Indicator, Theme } from '../../server/indicators/catalog.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { badgeText } from './provenance.ts';

const THEMES: readonly Theme[] = ['context', 'connectivity', 'equipment', 'usage'];
/** Definitions longer than this show three lines and a "more" button (the whole text is still read out). */
const CLAMP_CHARS = 150;

interface Props {
  lang: Lang;
  indicators: readonly Indicator[];
  indicator: Indicator;
  onChange: (id: string) => void;
}

/** The option text: label, then the provenance when it is not plain open data. */
export function optionText(lang: Lang, i: Indicator): string {
  const label = pick(lang, i.label);
  if (i.provenance === 'synthetic') return `${label} — ${t(lang, 'provenance.synthetic')}`;
  return label;
}

export function IndicatorPicker({ lang, indicators, indicator, onChange }: Props) {
  const unit = pick(lang, indicator.unit);
  const description = pick(lang, indicator.description);
  const [expanded, setExpanded] = useState(false);
  const long = description.length > CLAMP_CHARS;
  const colon = lang === 'fr' ? '\u00a0:' : ':';
  return (
    <div className="field">
      <label className="field-label" htmlFor="indicator-select">
        {t(lang, 'control.indicator')}
      </label>
      <select
        id="indicator-select"
        value={indicator.id}
        aria-describedby="indicator-description indicator-details"
        onChange={(e) => onChange(e.target.value)}
      >
        {THEMES.map((theme) => (
          <optgroup key={theme} label={t(lang, `theme.${theme}`)}>
            {indicators
              .filter((i) => i.theme === theme)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {optionText(lang, i)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <div className={`indicator-card provenance-${indicator.provenance}`} data-testid="indicator-card">
        <p className="indicator-card-head">
          <span className="indicator-theme">{t(lang, `theme.${indicator.theme}`)}</span>
          <span className={`badge badge-small badge-${indicator.provenance}`} data-testid="picker-badge">
            {indicator.provenance === 'synthetic' ? (
              <span className="badge-icon" aria-hidden="true">
                !
              </span>
            ) : null}
            {badgeText(lang, indicator)}
          </span>
        </p>
        <p id="indicator-description" className={`hint${long && !expanded ? ' is-clamped' : ''}`}>
          {description}
        </p>
        {long ? (
          <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {t(lang, expanded ? 'picker.less' : 'picker.more')}
          </button>
        ) : null}
        <dl id="indicator-details" className="indicator-facts">
          <div>
            <dt>{t(lang, 'picker.unit')}{colon}</dt>
            <dd>{unit || t(lang, 'picker.noUnit')}</dd>
            <dt>{t(lang, 'picker.vintage')}{colon}</dt>
            <dd>{[...new Set(indicator.sources.map((s) => s.vintage))].join(' ; ')}</dd>
          </div>
          <div>
            <dt>{t(lang, 'picker.source')}{colon}</dt>
            <dd>
              {indicator.sources.map((s, i) => (
                <span key={s.id} title={s.title}>
                  {i > 0 ? ' ; ' : null}
                  {s.producer}
                </span>
              ))}
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

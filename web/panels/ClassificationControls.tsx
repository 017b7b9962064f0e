/**
 * Classification controls, in a disclosure whose summary says the current choice (open from the
 * start when the URL holds a non-default one): method, number of classes, manual breaks (typed,
 * validated, errors shown next to the field), palette, reversal and the centre of a diverging
 * palette. Every change goes through `onChange` into the URL. Choosing "manual" starts from the
 * current thresholds.
 */
import { useState } from 'react';
import { t } from '../i18n/index.ts';
import type { Classification } from '../map/classify.ts';
import { findPalette, type Palette } from '../map/palette.ts';
import {
  CENTERS,
  DEFAULT_CLASSES,
  DEFAULT_METHOD,
  DEFAULT_PALETTE,
  MAX_CLASSES,
  METHODS,
  MIN_CLASSES,
  type Center,
  type Method,
  type ViewState,
} from '../state/url.ts';
import { BreaksForm } from './BreaksForm.tsx';
import { PalettePicker } from './PalettePicker.tsx';

interface Props {
  view: ViewState;
  /** the classification on screen (manual breaks start from its thresholds) */
  classification: Classification | undefined;
  onChange: (patch: Partial<ViewState>) => void;
}

/** Id of the disclosure, so the legend's "Modifier" button can open it. */
export const CLASSIFICATION_ID = 'classification-controls';

/** Opens the classification controls, scrolls them into view and focuses their summary. */
export function revealClassification(): void {
  const el = document.getElementById(CLASSIFICATION_ID);
  if (!(el instanceof HTMLDetailsElement)) return;
  el.open = true;
  el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  el.querySelector('summary')?.focus({ preventScroll: true });
}

const CLASS_COUNTS = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);

export function ClassificationControls({ view, classification, onChange }: Props) {
  const { lang, method } = view;
  const palette = findPalette(view.palette);
  // open from the start when the URL asks for something other than the defaults
  const [open, setOpen] = useState(
    () => view.method !== DEFAULT_METHOD || view.classes !== DEFAULT_CLASSES || view.palette !== DEFAULT_PALETTE || view.reverse,
  );
  const pickMethod = (m: Method) => {
    if (m !== 'manual') return onChange({ method: m });
    // start from what is on screen, so the user edits rather than types from scratch
    const current = classification?.thresholds ?? [];
    onChange({ method: 'manual', breaks: current.length >= 2 ? current : view.breaks });
  };
  const pickPalette = (p: Palette) => {
    if (p.kind === 'sequential') return onChange({ palette: p.name, center: 'none' });
    // a diverging palette needs a centre: France unless one was chosen
    onChange({ palette: p.name, center: palette.kind === 'sequential' && view.center === 'none' ? 'national' : view.center });
  };
  const centerLabel = (c: Center) => (c === 'parent' && !view.within ? t(lang, 'center.parentFrance') : t(lang, `center.${c}`));
  return (
    <details
      id={CLASSIFICATION_ID}
      className="controls-group"
      data-testid="classification-controls"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="group-title">
        {t(lang, 'classify.title')}
        <span className="group-summary">
          {t(lang, `method.${method}`)} · {method === 'manual' ? view.breaks.length + 1 : view.classes} · {palette.name}
        </span>
      </summary>
      {/* rendered once opened: closed, its ~200 elements (every palette's ramp) were a third of the map page's first render */}
      {open ? (
      <div className="controls-group-body">
      <div className="field-row">
        <div className="field field-grow">
          <label className="field-label" htmlFor="method-select">
            {t(lang, 'classify.method')}
          </label>
          <select id="method-select" value={method} aria-describedby="method-help" onChange={(e) => pickMethod(e.target.value as Method)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(lang, `method.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label className="field-label" htmlFor="classes-select">
            {t(lang, method === 'headtail' || method === 'stddev' ? 'classify.classesMax' : 'classify.classes')}
          </label>
          <select
            id="classes-select"
            value={method === 'manual' ? view.breaks.length + 1 : view.classes}
            disabled={method === 'manual'}
            onChange={(e) => onChange({ classes: Number(e.target.value) })}
          >
            {(method === 'manual' ? [view.breaks.length + 1] : CLASS_COUNTS).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id="method-help" className="hint">
        {t(lang, `methodHelp.${method}`)}
      </p>
      {method === 'manual' ? (
        <BreaksForm key={view.breaks.join(',')} lang={lang} breaks={view.breaks} onApply={(breaks) => onChange({ breaks })} />
      ) : null}
      <PalettePicker lang={lang} value={palette} onChange={pickPalette} />
      <label className="checkbox">
        <input type="checkbox" id="reverse-input" checked={view.reverse} onChange={(e) => onChange({ reverse: e.target.checked })} />
        {t(lang, 'classify.reverse')}
      </label>
      {palette.kind === 'diverging' ? (
        <div className="field">
          <label className="field-label" htmlFor="center-select">
            {t(lang, 'classify.center')}
          </label>
          <select id="center-select" value={view.center} onChange={(e) => onChange({ center: e.target.value as Center })}>
            {CENTERS.map((c) => (
              <option key={c} value={c}>
                {centerLabel(c)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      </div>
      ) : null}
    </details>
  );
}

/**
 * The manual-breaks field: the breaks as text ("90, 100, 110"), applied on Enter or with the
 * button, validated by breaks/manual.ts; an error is shown under the field (role=alert), the
 * field is marked invalid and the URL keeps the last valid breaks.
 */
import { useState, type FormEvent } from 'react';
import { t, type Lang } from '../i18n/index.ts';
import { formatBreaks, parseBreaks, type BreaksError } from '../map/breaks/manual.ts';
import { breaksErrorText } from './legendText.ts';

interface Props {
  lang: Lang;
  /** the breaks in the URL (the field starts from them) */
  breaks: readonly number[];
  onApply: (breaks: number[]) => void;
}

export function BreaksForm({ lang, breaks, onApply }: Props) {
  const [text, setText] = useState(formatBreaks(breaks));
  const [error, setError] = useState<BreaksError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = parseBreaks(text);
    setError(r.ok ? null : r.error);
    if (r.ok) onApply(r.breaks);
  };
  return (
    <form className="field breaks-form" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor="breaks-input">
        {t(lang, 'classify.breaks')}
      </label>
      <div className="breaks-row">
        <input
          id="breaks-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'breaks-error breaks-hint' : 'breaks-hint'}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t(lang, 'classify.apply')}</button>
      </div>
      {error ? (
        <p id="breaks-error" className="field-error" role="alert" data-testid="breaks-error">
          {breaksErrorText(lang, error)}
        </p>
      ) : null}
      <p id="breaks-hint" className="hint">
        {t(lang, 'classify.breaksHint')}
      </p>
    </form>
  );
}

/**
 * The toggle of the LISA overlay ("zones blanches") and its key: what each outline means for the
 * indicator's direction with the counts from the API, the outliers not drawn, the neighbourhood,
 * Moran's I with its p-value, and the simulated-data mention. Disabled, with the reason, for
 * neutral indicators and regions.
 */
import type { EquityResponse } from '../api/equity.ts';
import type { Indicator } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import { lisaKinds, lisaLegendKeys } from '../map/lisa.ts';
import { LISA_COLORS } from '../map/style.ts';
import type { MapLevel, ViewState } from '../state/url.ts';

interface Props {
  lang: Lang;
  indicator: Indicator;
  level: MapLevel;
  available: boolean;
  on: boolean;
  /** the response for the current view, undefined while it loads */
  data: EquityResponse | undefined;
  onChange: (patch: Partial<ViewState>) => void;
}

export function LisaKey({ lang, indicator, level, available, on, data, onChange }: Props) {
  const note = available ? undefined : 'lisa-note';
  return (
    <fieldset className="field lisa-controls" aria-describedby={note}>
      <label className="check">
        <input type="checkbox" id="lisa-toggle" checked={available && on} disabled={!available} onChange={(e) => onChange({ lisa: e.target.checked })} />
        {t(lang, 'lisa.toggle')}
      </label>
      {note ? (
        <p id={note} className="hint">
          {t(lang, 'lisa.unavailable')}
        </p>
      ) : null}
      {available && on ? (
        data ? (
          <LisaDetails lang={lang} indicator={indicator} level={level} data={data} />
        ) : (
          <p className="hint" role="status">
            {t(lang, 'lisa.loading')}
          </p>
        )
      ) : null}
    </fieldset>
  );
}

function LisaDetails({ lang, indicator, level, data }: { lang: Lang; indicator: Indicator; level: MapLevel; data: EquityResponse }) {
  const { lisa, moran, neighbourhood } = data.spatial;
  const kinds = lisaKinds(data.direction);
  const keys = lisaLegendKeys(data.direction);
  const units = t(lang, `levels.${level}`);
  const n = (k: keyof NonNullable<typeof lisa>['counts']) => formatNumber(lang, lisa?.counts[k] ?? 0);
  const outliers = lisa && kinds ? (['high-low', 'low-high'] as const) : null;
  return (
    <div className="lisa-key" data-testid="lisa-key">
      <p className="lisa-title">{t(lang, 'lisa.title')}</p>
      {lisa && kinds ? (
        <ul>
          <li data-testid="lisa-under">
            <span className="lisa-symbol" style={{ borderColor: LISA_COLORS.under }} aria-hidden="true" />
            {t(lang, keys.under, { n: n(kinds.under), units })}
          </li>
          <li data-testid="lisa-well">
            <span className="lisa-symbol" style={{ borderColor: LISA_COLORS.well }} aria-hidden="true" />
            {t(lang, keys.well, { n: n(kinds.well), units })}
          </li>
        </ul>
      ) : null}
      {outliers ? <p className="hint">{t(lang, 'lisa.outliers', { hl: n('high-low'), lh: n('low-high'), ns: n('not-significant') })}</p> : null}
      <p className="hint">{t(lang, 'lisa.neighbourhood', { text: neighbourhood === 'queen contiguity' ? t(lang, 'lisa.queen') : neighbourhood })}</p>
      <p className="hint" data-testid="lisa-moran">
        {moran
          ? t(lang, 'lisa.moran', { i: formatNumber(lang, moran.I, 3), p: formatNumber(lang, moran.p_value, 3), perm: formatNumber(lang, moran.permutations) })
          : t(lang, 'lisa.noMoran')}
      </p>
      <p className="hint">{t(lang, 'lisa.method')}</p>
      {indicator.provenance === 'synthetic' ? <p className="lisa-synthetic">{t(lang, 'lisa.synthetic')}</p> : null}
    </div>
  );
}

/** Content of the hover tooltip: territory, value with unit, schools behind it, year, provenance. */
import type { Indicator, MapValue } from '../api/types.ts';
import { formatNumber, formatValue } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';

interface Props {
  lang: Lang;
  name: string;
  value: MapValue | undefined;
  indicator: Indicator;
  year: number;
}

export function TerritoryTooltip({ lang, name, value, indicator, year }: Props) {
  const v = value?.value;
  const n = value?.n;
  return (
    <>
      <p className="tooltip-name">{name}</p>
      <p className="tooltip-value">
        {typeof v === 'number'
          ? formatValue(lang, v, indicator.decimals, pick(lang, indicator.unit))
          : t(lang, 'tooltip.noData')}
      </p>
      <p className="tooltip-meta">
        {indicator.grain === 'school' && typeof n === 'number'
          ? `${n === 1 ? t(lang, 'tooltip.schools1') : t(lang, 'tooltip.schools', { n: formatNumber(lang, n) })} · `
          : null}
        {t(lang, 'tooltip.year', { year })}
      </p>
      <p className={`tooltip-provenance provenance-${indicator.provenance}`}>
        {t(lang, `provenance.${indicator.provenance}`)}
      </p>
    </>
  );
}

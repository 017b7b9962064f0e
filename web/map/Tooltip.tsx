/**
 * Content of the hover tooltip. A territory: name, value with unit, schools behind it, year,
 * provenance ("données fictives" for demo values), or that it lies outside the drilled territory.
 * A school: name, type and sector, value, pupils and whether its position is exact. Commune
 * tiles carry no names: they come from the département's territory list, fetched on hover.
 */
import { useQuery } from '@tanstack/react-query';
import { territoriesOptions } from '../api/queries.ts';
import type { Indicator, MapValue } from '../api/types.ts';
import { formatNumber, formatValue } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import type { MapLevel } from '../state/url.ts';
import { includesDemo, producersText, provenanceText, territoryMix } from '../panels/provenance.ts';
import { communeDepartement } from './drill.ts';
import type { SchoolProps } from './schools.ts';

interface Common {
  lang: Lang;
  indicator: Indicator;
  year: number;
}

/** The value's provenance: from the territory's imported share when it has one (imported, partly imported, demo). */
function Provenance({ lang, indicator, share }: Pick<Common, 'lang' | 'indicator'> & { share?: number | null }) {
  const mix = territoryMix(indicator, share);
  return (
    <p className={`tooltip-provenance provenance-${includesDemo(mix.provenance) ? 'synthetic' : mix.provenance}`} data-provenance={mix.provenance}>
      {provenanceText(lang, mix, indicator)} · {producersText(lang, mix, indicator)}
    </p>
  );
}

const shown = (lang: Lang, indicator: Indicator, v: number | null | undefined) =>
  typeof v === 'number' ? formatValue(lang, v, indicator.decimals, pick(lang, indicator.unit)) : t(lang, 'tooltip.noData');

/** The name of a commune, looked up in its département's list (cached). */
function useCommuneName(level: MapLevel, code: string, name: string | null): string | null {
  const dep = level === 'commune' && !name ? `departement:${communeDepartement(code)}` : null;
  const names = useQuery({ ...territoriesOptions('commune', dep), enabled: dep !== null });
  return name ?? names.data?.territories.find((x) => x.code === code)?.name ?? null;
}

interface TerritoryProps extends Common {
  level: MapLevel;
  code: string;
  name: string | null;
  value: MapValue | undefined;
  /** the territory is outside the drilled one (greyed) */
  outside: boolean;
}

export function TerritoryTooltip({ lang, indicator, year, level, code, name, value, outside }: TerritoryProps) {
  const n = value?.n;
  const label = useCommuneName(level, code, name);
  return (
    <>
      <p className="tooltip-name">
        {label ?? '…'} <span className="tooltip-code">{code}</span>
      </p>
      {outside ? (
        <p className="tooltip-meta">{t(lang, 'tooltip.outside')}</p>
      ) : (
        <>
          <p className="tooltip-value">{shown(lang, indicator, value?.value)}</p>
          <p className="tooltip-meta">
            {indicator.grain === 'school' && typeof n === 'number'
              ? `${n === 1 ? t(lang, 'tooltip.schools1') : t(lang, 'tooltip.schools', { n: formatNumber(lang, n) })} · `
              : null}
            {t(lang, 'tooltip.year', { year })}
          </p>
          {value?.low_n ? <p className="tooltip-meta">{t(lang, 'tooltip.lowN')}</p> : null}
          <Provenance lang={lang} indicator={indicator} share={value?.imported_share} />
        </>
      )}
    </>
  );
}

export function SchoolTooltip({ lang, indicator, year, school }: Common & { school: SchoolProps }) {
  return (
    <>
      <p className="tooltip-name">{school.name}</p>
      <p className="tooltip-meta">
        {t(lang, `school.${school.t}`)} · {t(lang, `sector.${school.s}`)}
      </p>
      <p className="tooltip-value">{shown(lang, indicator, school.v)}</p>
      <p className="tooltip-meta">
        {typeof school.p === 'number' ? `${t(lang, 'tooltip.pupils', { n: formatNumber(lang, school.p) })} · ` : null}
        {t(lang, 'tooltip.year', { year })}
      </p>
      <p className="tooltip-meta">{t(lang, school.q === 'exact' ? 'tooltip.exact' : 'tooltip.approx')}</p>
      <Provenance lang={lang} indicator={indicator} />
    </>
  );
}

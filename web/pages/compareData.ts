/**
 * The compare page's data, reshaped for its charts and table: one small multiple per indicator
 * with a row per compared territory (in the order of the URL, each with its colour) and France
 * last; the default indicators; the column header of a territory. Pure.
 */
import type { CompareResponse } from '../api/profile.ts';
import type { Indicator } from '../api/types.ts';
import type { DotRow } from '../charts/dotLayout.ts';
import { compareColor } from '../charts/scales.ts';
import { pick, t, type Lang } from '../i18n/index.ts';

/** Indicators compared when the URL names none: the demo layer and the IPS. */
export const DEFAULT_COMPARE = ['thd_share', 'fibre_share', 'bandwidth_mean', 'pupils_per_device', 'recent_devices_share', 'ent_active_share', 'ips'];

export interface Multiple {
  indicator: Indicator;
  year: number;
  provenance: string;
  rows: DotRow[];
  /** a territory with fewer than 5 schools behind its value */
  lowN: string[];
}

/** "Cantal (département)", "Clermont-Ferrand (commune)": levels differ in a comparison. */
export function columnName(lang: Lang, t0: { name: string; level: string }): string {
  const level = t0.level === 'region' || t0.level === 'academie' || t0.level === 'departement' || t0.level === 'commune' ? t(lang, `level.${t0.level}`) : t0.level;
  return `${t0.name} (${level.toLowerCase()})`;
}

/** One small multiple per indicator of the answer (unknown ids are left out). */
export function multiplesOf(lang: Lang, data: CompareResponse, catalog: readonly Indicator[]): Multiple[] {
  return data.indicators.flatMap((meta, i) => {
    const indicator = catalog.find((c) => c.id === meta.id);
    if (!indicator) return [];
    const rows: DotRow[] = data.territories.map((terr, k) => ({
      key: terr.territory,
      label: terr.name,
      value: terr.values[i]?.value ?? null,
      color: compareColor(k),
    }));
    rows.push({ key: 'france', label: t(lang, 'panel.france'), value: meta.national_value, color: '', france: true });
    const lowN = data.territories.filter((terr) => terr.values[i]?.low_n).map((terr) => terr.name);
    return [{ indicator, year: meta.year, provenance: meta.provenance, rows, lowN }];
  });
}

/** The label of an indicator in a table or chart title: "Écoles en très haut débit (2024)". */
export const indicatorTitle = (lang: Lang, ind: Indicator, year: number): string => `${pick(lang, ind.label)} (${year})`;

/**
 * Pure helpers of the objective pages: status labels and badge classes, the unit and decimals a
 * value is written with, the grouping of the list by convention and partner, the condition
 * (`≥ 30 Mbit/s`) and the t-quantile used for the projection's 95 % band.
 */
import type { ObjectiveStatus, ObjectiveSummary } from '../api/objectives.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { fmt } from '../charts/scales.ts';

export const STATUSES: readonly ObjectiveStatus[] = ['met', 'on_track', 'late', 'off_track', 'insufficient_data'];

const STATUS_KEYS: Record<ObjectiveStatus, MessageKey> = {
  met: 'obj.status.met',
  on_track: 'obj.status.on_track',
  late: 'obj.status.late',
  off_track: 'obj.status.off_track',
  insufficient_data: 'obj.status.insufficient_data',
};

export const statusLabel = (lang: Lang, status: ObjectiveStatus): string => t(lang, STATUS_KEYS[status]);

/** CSS class of a status badge (colour: good, warn, bad, neutral). */
export function statusClass(status: ObjectiveStatus): string {
  const tone = status === 'met' || status === 'on_track' ? 'good' : status === 'late' ? 'warn' : status === 'off_track' ? 'bad' : 'neutral';
  return `obj-badge obj-badge-${tone}`;
}

/** The unit of the judged value: a share of schools in %, else the indicator's unit. */
export const valueUnit = (lang: Lang, o: Pick<ObjectiveSummary, 'judged_by' | 'indicator'>): string =>
  o.judged_by === 'share_of_schools' ? '%' : o.indicator.unit[lang];

/** The unit of a school's own value (always the indicator's). */
export const schoolUnit = (lang: Lang, o: Pick<ObjectiveSummary, 'indicator'>): string => o.indicator.unit[lang];

/** `≥ 30 Mbit/s`. */
export const condition = (lang: Lang, op: '>=' | '<=', value: number, unit: string, decimals = 1): string =>
  `${op === '>=' ? '≥' : '≤'}\u00a0${fmt(lang, value, Number.isInteger(value) ? 0 : decimals, unit)}`;

export interface PartnerGroup {
  partner: ObjectiveSummary['partner'];
  objectives: ObjectiveSummary[];
}
export interface ConventionGroup {
  convention: ObjectiveSummary['convention'];
  partners: PartnerGroup[];
}

/** Objectives grouped by convention, then partner, in the order they first appear. */
export function groupObjectives(list: readonly ObjectiveSummary[]): ConventionGroup[] {
  const groups: ConventionGroup[] = [];
  for (const o of list) {
    let c = groups.find((g) => g.convention.id === o.convention.id);
    if (!c) groups.push((c = { convention: o.convention, partners: [] }));
    let p = c.partners.find((g) => g.partner.id === o.partner.id);
    if (!p) c.partners.push((p = { partner: o.partner, objectives: [] }));
    p.objectives.push(o);
  }
  return groups;
}

const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131];
/** Two-sided 95 % Student quantile for `df` degrees of freedom (1.96 beyond the table). */
export const tQuantile = (df: number): number => (df < 1 ? Number.NaN : (T975[df - 1] ?? 1.96));

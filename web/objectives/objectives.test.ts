import { describe, expect, it } from 'vitest';
import type { ObjectiveSummary } from '../api/objectives.ts';
import { objectiveChartLayout } from './chartLayout.ts';
import { condition, groupObjectives, statusClass, statusLabel, STATUSES, tQuantile } from './status.ts';

describe('objective status helpers', () => {
  it('labels every status in French and English', () => {
    expect(STATUSES.map((s) => statusLabel('fr', s))).toEqual(['atteint', 'en bonne voie', 'en retard', 'hors trajectoire', 'données insuffisantes']);
    expect(statusLabel('en', 'off_track')).toBe('off track');
    expect(statusClass('late')).toBe('obj-badge obj-badge-warn');
  });
  it('writes a condition with the language’s conventions', () => {
    expect(condition('fr', '>=', 30, 'Mbit/s')).toBe('≥\u00a030\u00a0Mbit/s');
    expect(condition('en', '<=', 2.5, '%')).toBe('≤\u00a02.5%');
  });
  it('groups by convention then partner, in order', () => {
    const o = (id: string, c: string, p: string) => ({ id, convention: { id: c, title: c }, partner: { id: p, name: p, kind: 'departement' } }) as ObjectiveSummary;
    const g = groupObjectives([o('a', 'c1', 'p1'), o('b', 'c2', 'p2'), o('c', 'c1', 'p1'), o('d', 'c1', 'p3')]);
    expect(g.map((c) => [c.convention.id, c.partners.map((p) => [p.partner.id, p.objectives.map((x) => x.id)])])).toEqual([
      ['c1', [['p1', ['a', 'c']], ['p3', ['d']]]],
      ['c2', [['p2', ['b']]]],
    ]);
  });
  it('has the Student quantiles', () => {
    expect(tQuantile(5)).toBe(2.571);
    expect(tQuantile(100)).toBe(1.96);
    expect(tQuantile(0)).toBeNaN();
  });
});

describe('objective chart layout', () => {
  const series = [2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, value: 10 + 10 * i }));
  const base = { lang: 'fr' as const, series, baselineYear: 2019, deadlineYear: 2026, target: 100, unit: '%', decimals: 1 };
  it('spans the baseline to the year after the deadline, on 0–100 for a share', () => {
    const l = objectiveChartLayout({ ...base, projection: { slope_per_year: 10, intercept: 10 - 10 * 2019, slope_se: 0.5 } });
    expect(l.xTicks[0]?.value).toBe(2019);
    expect(l.xTicks[l.xTicks.length - 1]?.value).toBe(2027);
    expect(l.yTicks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(l.target.y).toBe(l.plot.top);
    expect(l.observed.points).toHaveLength(5);
    expect(l.observed.d.startsWith('M')).toBe(true);
    expect(l.observed.d.match(/M/g)).toHaveLength(1);
    expect(l.deadline.x).toBeGreaterThan(l.observed.points[4]?.x ?? 0);
    expect(l.projection?.d).toMatch(/^M[\d.]+,[\d.-]+L[\d.]+,[\d.-]+$/);
    expect(l.band?.d).toMatch(/Z$/);
  });
  it('breaks the line on a missing year and draws no projection without a fit', () => {
    const gap = series.map((s) => (s.year === 2021 ? { ...s, value: null } : s));
    const l = objectiveChartLayout({ ...base, series: gap, projection: null });
    expect(l.observed.d.match(/M/g)).toHaveLength(2);
    expect(l.projection).toBeNull();
    expect(l.band).toBeNull();
  });
  it('the band is widest far from the mean year', () => {
    const l = objectiveChartLayout({ ...base, projection: { slope_per_year: 10, intercept: 10 - 10 * 2019, slope_se: 1 } });
    expect(l.band).not.toBeNull();
  });
});

describe('the follow-up report’s address', () => {
  it('is matched before an objective id, keeps its filters in the URL and drops malformed ones', async () => {
    const { objectivesReportPath, pageOf, parseReportQuery } = await import('../pages/routes.ts');
    const { objectivesUrl } = await import('../api/objectives.ts');
    expect(pageOf('/objectifs/rapport')).toEqual({ kind: 'objectivesReport' });
    expect(pageOf('/objectifs/rapport/')).toEqual({ kind: 'objectivesReport' });
    expect(pageOf('/objectifs/rapports')).toEqual({ kind: 'objective', id: 'rapports' });
    expect(objectivesReportPath({ convention: 'convention-cadre-auvergne', partner: 'region-84', lang: 'en' })).toBe('/objectifs/rapport?convention=convention-cadre-auvergne&partenaire=region-84&lang=en');
    expect(objectivesReportPath({ partner: 'departement-15', lang: 'fr' })).toBe('/objectifs/rapport?partenaire=departement-15');
    expect(objectivesReportPath()).toBe('/objectifs/rapport');
    expect(parseReportQuery('?convention=convention-cadre&partenaire=departement-15&lang=en')).toEqual({ convention: 'convention-cadre', partner: 'departement-15', lang: 'en' });
    expect(parseReportQuery('?convention=%3Cscript%3E&partenaire=Departement_15&lang=xx')).toEqual({ convention: null, partner: null, lang: null });
    expect(objectivesUrl({ convention: 'c-1', partner: 'p-1' })).toBe('/api/objectives?convention=c-1&partner=p-1');
    expect(objectivesUrl({ partner: null })).toBe('/api/objectives');
  });
});

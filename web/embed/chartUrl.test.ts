import { describe, expect, it } from 'vitest';
import { chartSearch, fullViewHref, isComplete, parseChartQuery } from './chartUrl.ts';

describe('chart embed URL state', () => {
  it('reads a series chart and writes it back canonically', () => {
    const q = parseChartQuery('?chart=series&level=departement&code=15&indicator=thd_share&lang=en');
    expect(q).toMatchObject({ chart: 'series', territory: { level: 'departement', code: '15' }, indicator: 'thd_share', lang: 'en' });
    expect(q && isComplete(q)).toBe(true);
    expect(chartSearch({ chart: 'series', territory: { level: 'departement', code: '15' }, indicator: 'thd_share', year: 2024 })).toBe('chart=series&level=departement&code=15&indicator=thd_share');
    expect(q && fullViewHref(q)).toBe('/territoire/departement/15?indicator=thd_share&lang=en');
  });

  it('keeps a comparison, an objective and a highlighted school', () => {
    const c = parseChartQuery('?chart=compare&territories=departement:03,departement:15,departement:15,bad&indicator=ips&year=2024');
    expect(c?.territories).toEqual([{ level: 'departement', code: '03' }, { level: 'departement', code: '15' }]);
    expect(c && chartSearch(c)).toBe('chart=compare&territories=departement:03,departement:15&indicator=ips&year=2024');
    expect(c && fullViewHref(c)).toBe('/comparer?territories=departement:03,departement:15&indicators=ips&year=2024');
    const o = parseChartQuery('?chart=objective&id=cantal-thd-2026');
    expect(o && fullViewHref(o)).toBe('/objectifs/cantal-thd-2026');
    const d = parseChartQuery('?chart=distribution&level=departement&code=63&indicator=thd_share&year=2024&school=0630001c');
    expect(d?.school).toBe('0630001C');
    expect(d && chartSearch(d)).toBe('chart=distribution&level=departement&code=63&indicator=thd_share&year=2024&school=0630001C');
  });

  it('refuses unknown charts and drops malformed parts', () => {
    expect(parseChartQuery('?chart=pie')).toBeNull();
    expect(parseChartQuery('')).toBeNull();
    const q = parseChartQuery('?chart=series&level=planet&code=15&indicator=<script>');
    expect(q).toMatchObject({ territory: null, indicator: null });
    expect(q && isComplete(q)).toBe(false);
    expect(isComplete(parseChartQuery('?chart=objective') as NonNullable<ReturnType<typeof parseChartQuery>>)).toBe(false);
  });
});

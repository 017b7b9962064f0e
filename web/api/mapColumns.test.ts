import { describe, expect, it } from 'vitest';
import { withRows, type MapColumnsResponse } from './mapColumns.ts';

const header = { indicator: 'ips', level: 'commune', year: 2022, within: null, provenance: 'open-data', min_schools: 5 } as unknown as Omit<MapColumnsResponse, 'columns'>;

describe('withRows', () => {
  it('turns columns back into the rows the API would give, extra fields (names, imported share) included', () => {
    const r = withRows({
      ...header,
      columns: { code: ['15014', '15187'], value: [101.5, null], n: [12, 0], low_n: [false, false], num: [1218, null], den: [12, null], name: ['Aurillac', 'Saint-Flour'], imported_share: [0.5, null] },
    });
    expect(r.values).toEqual([
      { code: '15014', value: 101.5, n: 12, low_n: false, num: 1218, den: 12, name: 'Aurillac', imported_share: 0.5 },
      { code: '15187', value: null, n: 0, low_n: false, num: null, den: null, name: 'Saint-Flour', imported_share: null },
    ]);
    expect(r).toMatchObject(header);
    expect(r).not.toHaveProperty('columns');
  });

  it('gives no row for an answer without territories', () => {
    expect(withRows({ ...header, columns: {} }).values).toEqual([]);
  });
});

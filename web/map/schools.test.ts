import { describe, expect, it } from 'vitest';
import type { SchoolRow, SchoolsResponse } from '../api/types.ts';
import { NO_DATA_COLOR } from './palette.ts';
import { schoolPoints } from './schools.ts';

// rows shaped like /api/schools answers (server/routes/schools.ts), values made up
const rows: SchoolRow[] = [
  ['0150001V', 'Collège A', 'college', 'public', '15001', 'exact', 2.9, 45.2, 2.9, 45.2, 69, 106.3],
  ['0150002W', 'École B', 'ecole', 'prive', '15002', 'commune', 2.5, 45.0, 2.5, 45.0, 30, 90],
  ['9710003X', 'Lycée C', 'lycee', 'public', '97101', 'exact', -61.5, 16.2, -10.9, 48.8, 400, null],
  ['0150004Y', 'École D', 'ecole', 'public', '15003', 'commune', null, null, null, null, null, 95],
];
const response = { rows } as SchoolsResponse;

describe('schoolPoints', () => {
  const points = schoolPoints(response, [100], ['#aaaaaa', '#bbbbbb']);

  it('places schools at their map (display) coordinates, DROM in the insets', () => {
    expect(points.data.features.map((f) => f.geometry.coordinates)).toEqual([[2.9, 45.2], [2.5, 45.0], [-10.9, 48.8]]);
  });

  it('colours by class and keeps position quality', () => {
    expect(points.data.features.map((f) => [f.properties.color, f.properties.q])).toEqual([
      ['#bbbbbb', 'exact'],
      ['#aaaaaa', 'commune'],
      [NO_DATA_COLOR, 'exact'],
    ]);
  });

  it('counts every school: drawn, approximate, and without a position', () => {
    expect(points).toMatchObject({ shown: 3, approximate: 1, unplaced: 1 });
  });
});

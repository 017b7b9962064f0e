import { describe, expect, it } from 'vitest';
import { opensWithFirstFrame } from './earlyRequests.ts';

describe('opensWithFirstFrame', () => {
  it('is the commune level below the vector zooms with nothing drilled, selected or overlaid', () => {
    expect(opensWithFirstFrame('/', '?level=commune&indicator=ips&year=2022')).toBe(true);
    expect(opensWithFirstFrame('/embed/map', '?level=commune&map=5.2/46.6/2.4')).toBe(true);
  });

  it('is not any other view, nor another page (MapLibre is asked for at once)', () => {
    expect(opensWithFirstFrame('/', '?level=departement')).toBe(false);
    expect(opensWithFirstFrame('/', '?level=commune&map=7/45.2/3.1')).toBe(false);
    expect(opensWithFirstFrame('/', '?level=commune&within=departement:15')).toBe(false);
    expect(opensWithFirstFrame('/', '?level=commune&selected=commune:63113')).toBe(false);
    expect(opensWithFirstFrame('/', '?level=commune&schools=1')).toBe(false);
    expect(opensWithFirstFrame('/', '?level=commune&lisa=1')).toBe(false);
    expect(opensWithFirstFrame('/territoire/commune/63113', '')).toBe(false);
  });
});

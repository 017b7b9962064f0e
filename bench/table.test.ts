// Unit tests of the pure results-table helpers: layout, escaping, verdicts and number formats.
import { describe, expect, it } from 'vitest';
import { bytesHuman, escapeCell, megabytes, millis, num, renderTable, verdict } from './table.ts';

describe('renderTable', () => {
  it('renders a padded Markdown table with the five fixed columns, value right-aligned', () => {
    const text = renderTable([
      { benchmark: 'build', measure: 'wall time', value: '11.3 s', target: '< 60 s', ok: true },
      { benchmark: 'api /api/health', measure: 'requests/s', value: '9 876' },
      { benchmark: 'soak', measure: 'errors', value: '3', target: '0', ok: false },
    ]);
    expect(text).toBe(
      [
        '| benchmark       | measure    |  value | target | ok     |',
        '|-----------------|------------|-------:|--------|--------|',
        '| build           | wall time  | 11.3 s | < 60 s | yes    |',
        '| api /api/health | requests/s |  9 876 |        |        |',
        '| soak            | errors     |      3 | 0      | **no** |',
        '',
      ].join('\n'),
    );
  });

  it('renders only the header for no rows, and every line has the same width', () => {
    const lines = renderTable([]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it('is deterministic and does not mutate its input', () => {
    const rows = [{ benchmark: 'a', measure: 'b', value: 'c' }];
    const copy = structuredClone(rows);
    expect(renderTable(rows)).toBe(renderTable(rows));
    expect(rows).toEqual(copy);
  });

  it('escapes pipes and newlines so a cell cannot break the table', () => {
    expect(escapeCell('a|b\nc')).toBe('a\\|b c');
    const text = renderTable([{ benchmark: 'x', measure: 'y', value: 'failed: a | b' }]);
    expect(text.split('\n')[2]?.match(/(?<!\\)\|/g)).toHaveLength(6);
  });
});

describe('formats', () => {
  it('verdict', () => {
    expect([verdict(true), verdict(false), verdict(undefined)]).toEqual(['yes', '**no**', '']);
  });

  it('num groups thousands with spaces and keeps fixed decimals', () => {
    expect(num(1234567.891, 1)).toBe('1 234 567.9');
    expect(num(999)).toBe('999');
    expect(num(-1234.5, 1)).toBe('-1 234.5');
    expect(num(-0.01, 1)).toBe('0.0');
    expect(num(Number.NaN)).toBe('n/a');
    expect(num(null)).toBe('n/a');
  });

  it('megabytes, bytesHuman and millis', () => {
    expect(megabytes(45_363_200)).toBe('45.4 MB');
    expect(bytesHuman(812)).toBe('812 B');
    expect(bytesHuman(3_412)).toBe('3.4 kB');
    expect(bytesHuman(2_954_321)).toBe('2.95 MB');
    expect(millis(0.4234)).toBe('0.42 ms');
    expect(millis(12.34)).toBe('12.3 ms');
    expect(millis(1234.5)).toBe('1 235 ms');
    expect(millis(Number.NaN)).toBe('n/a');
  });
});

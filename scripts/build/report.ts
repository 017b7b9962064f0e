/**
 * The build report: every bad or unmatched row, with its file and line and the reason, counted
 * per source and kept (up to a cap per source and reason) for build.json and the console.
 */

export interface RowProblem {
  source: string;
  file: string;
  line: number;
  reason: string;
  value?: string;
}

const KEEP_PER_REASON = 50;

export class BuildReport {
  readonly problems: RowProblem[] = [];
  private readonly counts = new Map<string, number>();

  /** Records a problem row; always counted, kept in detail up to a cap per source and reason. */
  add(p: RowProblem): void {
    const key = `${p.source}\u0000${p.reason}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= KEEP_PER_REASON) this.problems.push(p);
  }

  /** Counts per source and reason: `{ source, reason, count }`. */
  summary(): { source: string; reason: string; count: number }[] {
    return [...this.counts].map(([key, count]) => {
      const [source = '', reason = ''] = key.split('\u0000');
      return { source, reason, count };
    });
  }

  /** Number of problems recorded for a source (all reasons). */
  count(source: string): number {
    return this.summary()
      .filter((s) => s.source === source)
      .reduce((a, s) => a + s.count, 0);
  }
}

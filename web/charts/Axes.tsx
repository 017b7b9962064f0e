/**
 * The axes every d3 chart of the project draws the same way: horizontal grid lines with their
 * labels on the left, and a baseline with the x labels under it (ticks with an empty label are
 * skipped, so a layout can thin crowded labels).
 */
import type { Tick } from './scales.ts';

export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Grid lines at the y ticks, labelled left of the plot. */
export function YGrid({ plot, ticks }: { plot: PlotBox; ticks: readonly Tick[] }) {
  return (
    <g className="chart-grid">
      {ticks.map((tk) => (
        <g key={tk.value}>
          <line x1={plot.left} x2={plot.right} y1={tk.pos} y2={tk.pos} />
          <text x={plot.left - 4} y={tk.pos + 3} textAnchor="end">
            {tk.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The baseline and the x labels, `labelGap` pixels below it. */
export function XAxis({ plot, ticks, labelGap = 13 }: { plot: PlotBox; ticks: readonly Tick[]; labelGap?: number }) {
  return (
    <g className="chart-axis">
      <line x1={plot.left} x2={plot.right} y1={plot.bottom + 0.5} y2={plot.bottom + 0.5} />
      {ticks.map((tk) =>
        tk.label ? (
          <text key={tk.value} x={tk.pos} y={plot.bottom + labelGap} textAnchor="middle">
            {tk.label}
          </text>
        ) : null,
      )}
    </g>
  );
}

/**
 * A small time-series chart drawn by React from lineLayout.ts: the territory (solid), its parent
 * and France (dashed), year and value ticks, a legend row and end values. Synthetic series say
 * "données fictives" in the title, the description and the legend. Data table: one row per year.
 */
import type { Lang } from '../i18n/index.ts';
import { Caption, ChartFrame } from './ChartFrame.tsx';
import { XAxis, YGrid } from './Axes.tsx';
import { lineDescription, lineLayout, type LineSeries } from './lineLayout.ts';
import { fmt } from './scales.ts';

export interface LineChartProps {
  lang: Lang;
  title: string;
  /** appended to the title, the description and the legend (e.g. "données fictives") */
  note?: string | null;
  years: readonly number[];
  series: readonly LineSeries[];
  unit: string;
  decimals: number;
  /** draw the legend in the chart (false when the page shows one for several charts) */
  legend?: boolean;
  width?: number;
  height?: number;
  yearLabel: string;
}

export function LineChart({ lang, title, note = null, years, series, unit, decimals, legend = true, width = 320, height = 150, yearLabel }: LineChartProps) {
  const layout = lineLayout({ lang, years, series, unit, decimals, note, legend, width, height });
  const { plot } = layout;
  const fullTitle = note ? `${title} (${note})` : title;
  const desc = `${lineDescription(lang, years, series, unit, decimals)}${note ? ` ${note.charAt(0).toUpperCase()}${note.slice(1)}.` : ''}`;
  const table = {
    columns: [yearLabel, ...series.map((s) => s.label)],
    rows: years.map((year, i) => [String(year), ...series.map((s) => fmt(lang, s.values[i] ?? null, decimals, unit))]),
  };
  return (
    <ChartFrame lang={lang} title={fullTitle} desc={desc} width={width} height={height} table={table} className="line-chart" testId="line-chart" caption={<Caption title={title} note={note} />}>
      <YGrid plot={plot} ticks={layout.yTicks} />
      <XAxis plot={plot} ticks={layout.xTicks} />
      <g className="chart-legend">
        {layout.legend.map((item) =>
          item.color ? (
            <g key={item.key} transform={`translate(${item.x},${item.y})`}>
              <line x1={0} x2={16} y1={0} y2={0} stroke={item.color} strokeWidth={2} strokeDasharray={item.dashed ? '4 2' : undefined} />
              <text x={20} y={3.5}>
                {item.label}
              </text>
            </g>
          ) : (
            <text key={item.key} className="chart-note" x={item.x} y={item.y + 3.5}>
              {item.label}
            </text>
          ),
        )}
      </g>
      {layout.lines.map((line) => (
        <g key={line.key} className="chart-line">
          <path d={line.d} fill="none" stroke={line.color} strokeWidth={line.dashed ? 1.5 : 2.5} strokeDasharray={line.dashed ? '4 2' : undefined} />
          {line.points.map((p) => (
            <circle key={p.year} cx={p.x} cy={p.y} r={line.dashed ? 1.8 : 2.6} fill={line.color} />
          ))}
          {line.end ? (
            <text className="chart-end" x={line.end.x + 6} y={line.end.labelY + 3.5} fill={line.color}>
              {line.end.text}
            </text>
          ) : null}
        </g>
      ))}
    </ChartFrame>
  );
}

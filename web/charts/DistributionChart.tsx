/**
 * The distribution of a territory's schools (or communes) for one indicator, drawn from
 * histogramLayout.ts: bars of schools per bin, the territory / parent / France values as
 * vertical lines, the highlighted school's bin in red with a pin at its value. The description
 * gives the count, range and median; the data table lists the bins.
 */
import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { Caption, ChartFrame } from './ChartFrame.tsx';
import { XAxis, YGrid } from './Axes.tsx';
import { histogramLayout, type Marker, type Unit } from './histogramLayout.ts';
import { fmt, ROLE_COLORS } from './scales.ts';

export interface DistributionChartProps {
  lang: Lang;
  title: string;
  note?: string | null;
  /** what a unit is: 'schools' or 'communes' */
  kind: 'schools' | 'communes';
  units: readonly Unit[];
  highlight?: string | null;
  markers?: readonly Marker[];
  unit: string;
  decimals: number;
  width?: number;
  height?: number;
}

export function DistributionChart({ lang, title, note = null, kind, units, highlight = null, markers = [], unit, decimals, width = 420, height = 170 }: DistributionChartProps) {
  const layout = histogramLayout({ lang, units, highlight, markers, unit, decimals, width, height });
  const { plot, stats } = layout;
  const fullTitle = note ? `${title} (${note})` : title;
  const unitWord = t(lang, kind === 'schools' ? 'chart.units.schools' : 'chart.units.communes');
  const desc = stats
    ? t(lang, 'chart.distribution.desc', {
        n: fmt(lang, stats.count, 0),
        units: unitWord,
        min: fmt(lang, stats.min, decimals, unit),
        max: fmt(lang, stats.max, decimals, unit),
        median: fmt(lang, stats.median, decimals, unit),
      }) + (layout.pin ? ` ${t(lang, 'chart.distribution.highlight', { text: layout.pin.text })}` : '') + (note ? ` ${note}.` : '')
    : t(lang, 'chart.empty');
  const table = {
    columns: [t(lang, 'chart.bin'), unitWord],
    rows: layout.bars.map((b) => [`${fmt(lang, b.x0, decimals)} – ${fmt(lang, b.x1, decimals, unit)}${b.highlighted ? ' *' : ''}`, fmt(lang, b.count, 0)]),
  };
  return (
    <ChartFrame lang={lang} title={fullTitle} desc={desc} width={width} height={height} table={table} className="distribution-chart" testId="distribution-chart" caption={<Caption title={title} note={note} />}>
      <YGrid plot={plot} ticks={layout.yTicks} />
      <g className="chart-bars">
        {layout.bars.map((b) =>
          b.count > 0 ? (
            <rect key={b.x0} x={b.x} y={b.y} width={b.w} height={b.h} fill={b.highlighted ? ROLE_COLORS.highlight : ROLE_COLORS.muted} />
          ) : null,
        )}
      </g>
      <XAxis plot={plot} ticks={layout.xTicks} />
      <g className="chart-markers">
        {layout.markers.map((m) => (
          <g key={m.key}>
            <line x1={m.x} x2={m.x} y1={m.labelY + 2} y2={plot.bottom} stroke={m.color} strokeWidth={1.5} strokeDasharray="3 2" />
            <text x={m.labelX} y={m.labelY} fill={m.color}>
              {m.text}
            </text>
          </g>
        ))}
        {layout.pin ? (
          <g className="chart-pin">
            <line x1={layout.pin.x} x2={layout.pin.x} y1={layout.pin.labelY + 2} y2={plot.bottom} stroke={layout.pin.color} strokeWidth={2} />
            <circle cx={layout.pin.x} cy={plot.bottom} r={3.5} fill={layout.pin.color} />
            <text x={layout.pin.labelX} y={layout.pin.labelY} fill={layout.pin.color}>
              {layout.pin.text}
            </text>
          </g>
        ) : null}
      </g>
    </ChartFrame>
  );
}

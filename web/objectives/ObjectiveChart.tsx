/**
 * An objective's chart (chartLayout.ts): the value per year, the target line, the deadline, the
 * projection (dashed) and its 95 % band, a legend, in the accessible ChartFrame (title, desc and a
 * data table: year, value, target).
 */
import { useId } from 'react';
import type { ObjectiveDetail } from '../api/objectives.ts';
import { Caption, ChartFrame } from '../charts/ChartFrame.tsx';
import { fmt } from '../charts/scales.ts';
import { t, type Lang } from '../i18n/index.ts';
import { objectiveChartLayout } from './chartLayout.ts';
import { valueUnit } from './status.ts';
import { XAxis, YGrid } from '../charts/Axes.tsx';

const INK = '#1f4e8c';
const TARGET = '#2e7d32';
const DEADLINE = '#b23b3b';
const PROJ = '#6b6f76';

export function ObjectiveChart({ lang, o, note, width = 560, height = 220 }: { lang: Lang; o: ObjectiveDetail; note: string | null; width?: number; height?: number }) {
  const clip = useId();
  const unit = valueUnit(lang, o);
  const decimals = 1;
  const l = objectiveChartLayout({
    lang,
    series: o.series,
    baselineYear: o.baseline_year,
    deadlineYear: o.deadline_year,
    target: o.target.value,
    projection: o.projection,
    unit,
    decimals,
    width,
    height,
  });
  const title = t(lang, 'obj.chartTitle');
  const pts = l.observed.points;
  const a = pts[0];
  const b = pts[pts.length - 1];
  const desc = t(lang, 'obj.chartDesc', {
    from: a?.label ?? '—',
    first: a?.year ?? '—',
    to: b?.label ?? '—',
    last: b?.year ?? '—',
    target: l.target.label,
    deadline: o.deadline_year,
  });
  const table = {
    columns: [t(lang, 'obj.year'), t(lang, 'obj.legendValue'), t(lang, 'obj.legendTarget')],
    rows: o.series.map((s) => [String(s.year), fmt(lang, s.value, decimals, unit), l.target.label]),
  };
  const { plot } = l;
  const legend = [
    { key: 'value', label: t(lang, 'obj.legendValue'), color: INK, dash: undefined },
    { key: 'target', label: t(lang, 'obj.legendTarget'), color: TARGET, dash: undefined },
    { key: 'deadline', label: t(lang, 'obj.legendDeadline'), color: DEADLINE, dash: '2 2' },
    { key: 'proj', label: t(lang, 'obj.legendProjection'), color: PROJ, dash: '5 3' },
  ];
  return (
    <div className="obj-chart">
      <ChartFrame lang={lang} title={note ? `${title} (${note})` : title} desc={desc} width={width} height={height} table={table} className="objective-chart" testId="objective-chart" caption={<Caption title={title} note={note} />}>
        <defs>
          <clipPath id={`${clip}-plot`}>
            <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} />
          </clipPath>
        </defs>
        <YGrid plot={plot} ticks={l.yTicks} />
        <XAxis plot={plot} ticks={l.xTicks} labelGap={14} />
        <g clipPath={`url(#${clip}-plot)`}>
          {l.band ? <path className="obj-band" d={l.band.d} fill={PROJ} fillOpacity={0.16} stroke="none" /> : null}
          {l.projection ? <path className="obj-projection" d={l.projection.d} fill="none" stroke={PROJ} strokeWidth={1.5} strokeDasharray="5 3" /> : null}
        </g>
        <line className="obj-target" x1={plot.left} x2={plot.right} y1={l.target.y} y2={l.target.y} stroke={TARGET} strokeWidth={1.8} />
        <text x={plot.left + 4} y={l.target.y - 4} fill={TARGET} className="chart-note">
          {t(lang, 'obj.legendTarget')} {l.target.label}
        </text>
        <line className="obj-deadline" x1={l.deadline.x} x2={l.deadline.x} y1={plot.top} y2={plot.bottom} stroke={DEADLINE} strokeWidth={1.5} strokeDasharray="2 2" />
        <path className="obj-observed" d={l.observed.d} fill="none" stroke={INK} strokeWidth={2.5} />
        {pts.map((p) => (
          <circle key={p.year} cx={p.x} cy={p.y} r={2.8} fill={INK} />
        ))}
      </ChartFrame>
      <ul className="obj-legend" aria-hidden="true">
        {legend.map((item) => (
          <li key={item.key}>
            <svg width="18" height="8" aria-hidden="true">
              <line x1="0" x2="18" y1="4" y2="4" stroke={item.color} strokeWidth="2" strokeDasharray={item.dash} />
            </svg>
            {item.label}
          </li>
        ))}
        <li>
          <svg width="18" height="8" aria-hidden="true">
            <rect width="18" height="8" fill={PROJ} fillOpacity={0.16} />
          </svg>
          {t(lang, 'obj.legendBand')}
        </li>
      </ul>
    </div>
  );
}

/**
 * One small multiple of the compare page, drawn from dotLayout.ts: an indicator's value for each
 * compared territory and France on one x scale, as bars ending in dots, France's value as a
 * dashed line. Title and description name the indicator, its year and the provenance note.
 */
import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { Caption, ChartFrame } from './ChartFrame.tsx';
import { dotLayout, type DotRow } from './dotLayout.ts';

export interface DotChartProps {
  lang: Lang;
  title: string;
  note?: string | null;
  rows: readonly DotRow[];
  unit: string;
  decimals: number;
  width?: number;
  domain?: [number, number];
}

export function DotChart({ lang, title, note = null, rows, unit, decimals, width = 300, domain }: DotChartProps) {
  const layout = dotLayout({ lang, rows, unit, decimals, width, domain });
  const { plot } = layout;
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const fullTitle = note ? `${title} (${note})` : title;
  const desc = `${layout.rows.map((r) => `${rows.find((x) => x.key === r.key)?.label ?? r.label}${colon}${r.text}`).join(' ; ')}.${note ? ` ${note}.` : ''}`;
  const table = { columns: [t(lang, 'compare.territory'), title], rows: rows.map((r, i) => [r.label, layout.rows[i]?.text ?? '—']) };
  return (
    <ChartFrame lang={lang} title={fullTitle} desc={desc} width={layout.width} height={layout.height} table={table} className="dot-chart" testId="dot-chart" caption={<Caption title={title} note={note} />}>
      <g className="chart-grid">
        {layout.ticks.map((tk) => (
          <g key={tk.value}>
            <line x1={tk.pos} x2={tk.pos} y1={plot.top} y2={plot.bottom} />
            <text x={tk.pos} y={plot.bottom + 12} textAnchor="middle">
              {tk.label}
            </text>
          </g>
        ))}
      </g>
      {layout.reference ? (
        <line className="chart-reference" x1={layout.reference.x} x2={layout.reference.x} y1={plot.top - 2} y2={plot.bottom + 2} stroke={layout.reference.color} strokeDasharray="3 2" />
      ) : null}
      {layout.rows.map((r) => (
        <g key={r.key} className={r.france ? 'dot-row dot-france' : 'dot-row'}>
          <text className="dot-label" x={plot.left - 6} y={r.y + 3.5} textAnchor="end">
            {r.label}
          </text>
          {r.x !== null ? (
            <>
              <line x1={r.x0} x2={r.x} y1={r.y} y2={r.y} stroke={r.color} strokeWidth={r.france ? 2 : 4} strokeOpacity={0.55} />
              <circle cx={r.x} cy={r.y} r={r.france ? 3.5 : 4.5} fill={r.color} />
            </>
          ) : null}
          <text className="dot-value" x={layout.valueX} y={r.y + 3.5} textAnchor="end" fill={r.color}>
            {r.text}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}

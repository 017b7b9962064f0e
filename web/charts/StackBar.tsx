/**
 * A single stacked bar drawn from stackLayout.ts (the Theil index: between groups / within
 * groups), with its shares written under the segments; accessible like every chart.
 */
import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { fmtNumber } from './scales.ts';
import { stackLayout, type StackPart } from './stackLayout.ts';

export interface StackBarProps {
  lang: Lang;
  title: string;
  desc: string;
  parts: readonly StackPart[];
  /** decimals of the part values in the data table */
  decimals?: number;
  width?: number;
}

export function StackBar({ lang, title, desc, parts, decimals = 3, width = 320 }: StackBarProps) {
  const layout = stackLayout(lang, parts, width);
  const table = {
    columns: [t(lang, 'chart.part'), t(lang, 'chart.value'), t(lang, 'chart.share')],
    rows: parts.map((p, i) => [p.label, fmtNumber(lang, p.value, decimals), `${fmtNumber(lang, (layout.segments[i]?.share ?? 0) * 100, 0)}${lang === 'fr' ? '\u00a0%' : '%'}`]),
  };
  return (
    <ChartFrame lang={lang} title={title} desc={desc} width={layout.width} height={layout.height} table={table} className="stack-bar" testId="stack-bar">
      {layout.segments.map((s) =>
        s.w > 0 ? <rect key={s.key} x={s.x} y={4} width={s.w} height={16} fill={s.color} /> : null,
      )}
      {layout.segments.map((s) => (
        <text key={s.key} x={s.labelX} y={36} textAnchor={s.anchor}>
          {s.text}
        </text>
      ))}
    </ChartFrame>
  );
}

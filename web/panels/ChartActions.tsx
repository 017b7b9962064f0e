/**
 * One chart of a page with its actions: "Intégrer" (the chart embed's snippet, /embed/chart) and
 * "Exporter" (PNG 1×/2×, SVG of the chart drawn again at a print width, with its title, legend,
 * sources and dates; the export code is loaded on click). The chart is drawn by `render` at the
 * width of its container (Sized, with its print copy).
 */
import { useRef, type ReactNode } from 'react';
import { Sized } from '../charts/Sized.tsx';
import type { Indicator } from '../api/types.ts';
import type { LegendItem } from '../export/figure.ts';
import type { Lang } from '../i18n/index.ts';
import { EmbedDialog } from './EmbedDialog.tsx';
import { ExportMenu, type ImageFormat } from './ExportMenu.tsx';

interface Props {
  lang: Lang;
  /** the chart's title (embed title, figure title, accessible names) */
  title: string;
  subtitle?: string | null;
  /** the demo-data warning when the chart shows demo values */
  notice?: string | null;
  /** the chart embed's query string (web/embed/chartUrl.ts chartSearch) */
  embedSearch: string;
  indicators: readonly Indicator[];
  legend?: readonly LegendItem[];
  extra?: readonly string[];
  /** the exported file's base name (web/export/naming.ts) */
  fileBase: string;
  /** draws the chart at a width */
  render: (width: number) => ReactNode;
  /** Sized: printed width, initial width, class */
  print: number;
  initial?: number;
  className?: string;
}

export function ChartActions({ lang, title, subtitle, notice, embedSearch, indicators, legend, extra, fileBase, render, print, initial, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const desc = () => ref.current?.querySelector('svg.chart-svg desc')?.textContent ?? title;
  const run = async (format: ImageFormat) => {
    const el = ref.current;
    if (!el) throw new Error('no chart');
    const { exportChart } = await import('../export/exportChart.ts');
    return exportChart(el, { lang, title, subtitle, notice, legend, indicators, extra, fileBase, url: window.location.href }, format, render);
  };
  return (
    <div className="chart-with-actions" ref={ref}>
      <div className="chart-actions no-print" data-testid="chart-actions">
        <EmbedDialog lang={lang} title={title} generatedAlt={desc} chart={{ search: embedSearch, page: `${window.location.pathname}${window.location.search}` }} />
        <ExportMenu lang={lang} title={title} run={run} testId="chart-export" />
      </div>
      <Sized print={print} initial={initial} className={className}>
        {render}
      </Sized>
    </div>
  );
}

/**
 * Exports a chart of the dashboard as a printable figure: its SVG as drawn on the page (vector,
 * with the page's CSS written into each element, so the file looks the same anywhere), framed
 * with the title, the subtitle, the "données fictives" warning where it applies, the legend (given,
 * or read from the chart's HTML legend) and the footer (sources, vintage, dates, address). PNG at
 * 1× or 2× is that SVG drawn on a canvas. Loaded on demand (dynamic import from the export menu).
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Indicator } from '../api/types.ts';
import type { Lang } from '../i18n/index.ts';
import { layoutFigure, renderFigure, type FigureText, type LegendItem } from './figure.ts';
import { fetchBuiltAt, footerLines } from './footer.ts';
import type { ImageFormat } from './naming.ts';
import { canvasMeasure, deliver } from './output.ts';

export interface ChartExportSpec {
  lang: Lang;
  title: string;
  subtitle?: string | null;
  notice?: string | null;
  /** legend entries; when absent, read from a `ul.obj-legend` / `ul.pp-legend` beside the chart */
  legend?: readonly LegendItem[];
  /** the indicators shown (their sources go in the footer) */
  indicators: readonly Indicator[];
  /** more footer lines (an objective's source, an example notice) */
  extra?: readonly string[];
  fileBase: string;
  url: string;
}

/** Presentation properties copied from the page's computed style into the exported SVG. */
const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'font-variant-numeric'] as const;
const SKIP = new Set(['title', 'desc', 'defs', 'clipPath', 'style']);

/** The chart drawn in `container` (its screen copy, not the print one). */
export function chartSvgOf(container: Element): SVGSVGElement | null {
  return container.querySelector<SVGSVGElement>('.screen-only svg.chart-svg') ?? container.querySelector<SVGSVGElement>('svg.chart-svg');
}

/** A copy of `svg` with its computed styles written on each element, sized `width`×`height`. */
export function inlineSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target || SKIP.has(el.tagName) || el.closest('defs, clipPath')) return;
    const cs = getComputedStyle(el);
    const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  clone.setAttribute('x', '0');
  clone.setAttribute('y', '0');
  clone.setAttribute('width', String(Math.round(width * 10) / 10));
  clone.setAttribute('height', String(Math.round(height * 10) / 10));
  clone.removeAttribute('aria-labelledby');
  return new XMLSerializer().serializeToString(clone);
}

/** Legend entries read from an HTML legend list (each `li`: a small svg sample and its text). */
export function legendFromList(container: Element): LegendItem[] {
  const list = container.querySelector('ul.obj-legend, ul.pp-legend');
  if (!list) return [];
  return [...list.querySelectorAll('li')].map((li) => {
    const line = li.querySelector('svg line');
    const rect = li.querySelector('svg rect');
    const label = (li.textContent ?? '').trim();
    if (line) return { label, swatch: { kind: 'line' as const, color: line.getAttribute('stroke') ?? '#000', dash: line.getAttribute('stroke-dasharray') ?? undefined } };
    const opacity = rect?.getAttribute('fill-opacity');
    return { label, swatch: { kind: 'box' as const, color: rect?.getAttribute('fill') ?? '#999', opacity: opacity ? Number(opacity) : undefined } };
  });
}

/** The width a chart is drawn at for a figure (then scaled to the figure's 936 px of text width). */
export const PRINT_WIDTH = 640;

/**
 * Draws `render(PRINT_WIDTH)` off screen (in the page, so the page's CSS applies), hands its
 * element to `withHost`, then removes it.
 */
export async function drawnOffscreen<T>(render: (width: number) => ReactNode, withHost: (host: Element) => Promise<T>): Promise<T> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:absolute;left:-20000px;top:0;width:${PRINT_WIDTH}px`;
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(render(PRINT_WIDTH)));
    return await withHost(host);
  } finally {
    root.unmount();
    host.remove();
  }
}

/** Draws the figure of the chart in `container`; returns the SVG document and its size. */
export async function chartFigure(container: Element, spec: ChartExportSpec, now = new Date()): Promise<{ svg: string; width: number; height: number }> {
  const svg = chartSvgOf(container);
  if (!svg) throw new Error('no chart to export');
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 400 200').split(/\s+/).map(Number);
  const builtAt = await fetchBuiltAt();
  const text: FigureText = {
    title: spec.title,
    subtitle: spec.subtitle,
    notice: spec.notice,
    legend: spec.legend ?? legendFromList(container),
    footer: footerLines(spec.lang, spec.indicators, { builtAt, now, url: spec.url, extra: spec.extra }),
    desc: svg.querySelector('desc')?.textContent ?? spec.title,
  };
  const natural = { width: w || 400, height: h || 200 };
  const layout = layoutFigure(text, natural, { measure: canvasMeasure(), maxBodyHeight: natural.height * (936 / PRINT_WIDTH) });
  return { svg: renderFigure(layout, text, inlineSvg(svg, layout.body.width, layout.body.height)), width: layout.width, height: layout.height };
}

/**
 * Exports a chart in `format`; returns the file name. With `render`, the chart is drawn again at
 * the print width (its text keeps its size on paper); else the one in `container` is used.
 */
export async function exportChart(container: Element, spec: ChartExportSpec, format: ImageFormat, render?: (width: number) => ReactNode): Promise<string> {
  const figure = render ? await drawnOffscreen(render, (host) => chartFigure(host, { ...spec, legend: spec.legend ?? legendFromList(container) })) : await chartFigure(container, spec);
  return deliver(figure.svg, figure, spec.fileBase, format);
}

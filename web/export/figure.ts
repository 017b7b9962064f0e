/**
 * The printed figure around an exported map or chart, as one SVG document: title, subtitle, the
 * "données fictives" warning where it applies, the map or chart itself (vector markup drawn by
 * the caller into a box), its legend, and a footer (sources with producer and vintage, build and
 * export dates, the view's address). `layoutFigure` places everything (pure: text is wrapped with
 * a width estimate, or a measure function from a canvas); `renderFigure` writes the SVG.
 */

/** A legend entry: a coloured box (map classes), a line sample (chart series), a dot or ring (points). */
export interface LegendItem {
  label: string;
  swatch: { kind: 'box' | 'line' | 'dot' | 'ring'; color: string; dash?: string; opacity?: number };
}

export interface FigureText {
  title: string;
  subtitle?: string | null;
  /** the demo-data warning (or another loud note), shown under the title */
  notice?: string | null;
  legendTitle?: string | null;
  legend: readonly LegendItem[];
  /** footer lines: sources, dates, address */
  footer: readonly string[];
  /** the text alternative of the figure (SVG <desc>) */
  desc: string;
}

/** Width of `text` at `size` px (bold or not). */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** A width estimate for sans-serif text, used when no canvas is at hand (tests, workers). */
export const estimate: Measure = (text, size, bold) => text.length * size * (bold ? 0.6 : 0.54);

interface TextLine {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  color: string;
}

export interface PlacedItem extends LegendItem {
  x: number;
  y: number;
}

export interface FigureLayout {
  width: number;
  height: number;
  lines: TextLine[];
  notice: { x: number; y: number; width: number; height: number } | null;
  body: { x: number; y: number; width: number; height: number };
  /** where the legend swatches are (tests check their colours in the PNG) */
  items: PlacedItem[];
  /** swatch size */
  swatch: number;
}

export const FIGURE = {
  width: 1000,
  margin: 32,
  ink: '#1f2933',
  muted: '#52606d',
  warnBg: '#fff4e5',
  warnLine: '#e8a33d',
  warnInk: '#6b3200',
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
} as const;

/** Greedy word wrap of `text` into lines no wider than `max`. */
export function wrap(text: string, max: number, size: number, bold: boolean, measure: Measure = estimate): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, bold) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Places the figure: `body` is the natural size of the map or chart (scaled to the text width,
 * its height capped at `maxBodyHeight`).
 */
export function layoutFigure(text: FigureText, body: { width: number; height: number }, opts: { width?: number; maxBodyHeight?: number; measure?: Measure } = {}): FigureLayout {
  const width = opts.width ?? FIGURE.width;
  const measure = opts.measure ?? estimate;
  const m = FIGURE.margin;
  const inner = width - 2 * m;
  const lines: TextLine[] = [];
  let y: number = m;
  const block = (s: string, size: number, bold: boolean, color: string, x: number = m, max = inner, leading = 1.3) => {
    for (const l of wrap(s, max, size, bold, measure)) {
      y += size * leading;
      lines.push({ text: l, x, y: y - size * 0.28, size, bold, color });
    }
  };
  block(text.title, 26, true, FIGURE.ink, m, inner, 1.25);
  if (text.subtitle) {
    y += 2;
    block(text.subtitle, 15, false, FIGURE.muted);
  }
  let notice: FigureLayout['notice'] = null;
  if (text.notice) {
    y += 10;
    const top = y;
    y += 8;
    block(text.notice, 14, true, FIGURE.warnInk, m + 12, inner - 24);
    y += 8;
    notice = { x: m, y: top, width: inner, height: y - top };
  }
  y += 14;
  const scale = Math.min(inner / body.width, (opts.maxBodyHeight ?? 720) / body.height);
  const bw = body.width * scale;
  const bh = body.height * scale;
  const placedBody = { x: m + (inner - bw) / 2, y, width: bw, height: bh };
  y += bh;
  const swatch = 16;
  const items: PlacedItem[] = [];
  if (text.legend.length) {
    y += 16;
    if (text.legendTitle) block(text.legendTitle, 14, true, FIGURE.ink);
    y += 6;
    let x = m;
    const rowH = 24;
    let rowTop = y;
    for (const item of text.legend) {
      const w = swatch + 6 + measure(item.label, 13, false) + 20;
      if (x > m && x + w > m + inner) {
        x = m;
        rowTop += rowH;
      }
      items.push({ ...item, x, y: rowTop });
      lines.push({ text: item.label, x: x + swatch + 6, y: rowTop + 12.5, size: 13, bold: false, color: FIGURE.ink });
      x += w;
    }
    y = rowTop + rowH;
  }
  y += 12;
  for (const f of text.footer) block(f, 11.5, false, FIGURE.muted, m, inner, 1.35);
  return { width, height: Math.ceil(y + m * 0.75), lines, notice, body: placedBody, items, swatch };
}

/** XML text escaping. */
export const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const n = (v: number) => String(Math.round(v * 10) / 10);

function swatchMarkup(item: PlacedItem, size: number): string {
  const { swatch: s } = item;
  if (s.kind === 'box') {
    return `<rect class="legend-swatch" x="${n(item.x)}" y="${n(item.y)}" width="${size}" height="${size}" fill="${xml(s.color)}"${s.opacity !== undefined ? ` fill-opacity="${s.opacity}"` : ''} stroke="#8795a8" stroke-width="0.5"/>`;
  }
  const cy = n(item.y + size / 2);
  if (s.kind === 'dot' || s.kind === 'ring') {
    const cx = n(item.x + size / 2);
    return s.kind === 'dot'
      ? `<circle class="legend-point" cx="${cx}" cy="${cy}" r="4" fill="${xml(s.color)}" stroke="#1f2933" stroke-width="0.7"/>`
      : `<circle class="legend-point" cx="${cx}" cy="${cy}" r="4" fill="#ffffff" stroke="${xml(s.color)}" stroke-width="1.8"/>`;
  }
  return `<line class="legend-swatch" x1="${n(item.x)}" x2="${n(item.x + size)}" y1="${cy}" y2="${cy}" stroke="${xml(s.color)}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${xml(s.dash)}"` : ''}${s.opacity !== undefined ? ` stroke-opacity="${s.opacity}"` : ''}/>`;
}

/** The SVG document of a laid-out figure, with `bodyMarkup` (an `<svg>` or `<g>`) placed in the body box. */
export function renderFigure(layout: FigureLayout, text: FigureText, bodyMarkup: string): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${xml(FIGURE.font)}" role="img">`,
    `<title>${xml(text.title)}</title>`,
    `<desc>${xml(text.desc)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  if (layout.notice) {
    const b = layout.notice;
    out.push(`<rect class="notice" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="4" fill="${FIGURE.warnBg}" stroke="${FIGURE.warnLine}"/>`);
  }
  for (const l of layout.lines) {
    out.push(`<text x="${n(l.x)}" y="${n(l.y)}" font-size="${l.size}"${l.bold ? ' font-weight="700"' : ''} fill="${l.color}">${xml(l.text)}</text>`);
  }
  out.push(`<g class="legend">${layout.items.map((i) => swatchMarkup(i, layout.swatch)).join('')}</g>`);
  const b = layout.body;
  out.push(`<g class="figure-body" transform="translate(${n(b.x)},${n(b.y)})">${bodyMarkup}</g>`);
  out.push('</svg>');
  return out.join('\n');
}

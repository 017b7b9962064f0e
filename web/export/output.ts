/**
 * The browser side of an export: measure text with a canvas, rasterise a figure's SVG into a PNG
 * at 1× or 2× (drawn as an image on a 2D canvas: the PNG is the SVG, pixel for pixel), and hand a
 * file to the reader (a download named after the view).
 */
import { FIGURE, type Measure } from './figure.ts';
import { imageFileName, scaleOf, type ImageFormat } from './naming.ts';

/** Text widths from a canvas, in the figure's font. */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text, size, bold) => text.length * size * (bold ? 0.6 : 0.54);
  return (text, size, bold) => {
    ctx.font = `${bold ? '700 ' : ''}${size}px ${FIGURE.font}`;
    return ctx.measureText(text).width;
  };
}

/** The PNG of an SVG document `width`×`height`, at `scale` pixels per unit. */
export async function rasterize(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` as `name` (a download). */
export function save(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** Writes the figure in `format` and saves it; returns the file name. */
export async function deliver(svg: string, size: { width: number; height: number }, base: string, format: ImageFormat): Promise<string> {
  const name = imageFileName(base, format);
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }) : await rasterize(svg, size.width, size.height, scaleOf(format));
  save(blob, name);
  return name;
}

/**
 * File names of the image exports, after the view (the same scheme as /api/export's data files,
 * server/embed/fileName.ts): `copaneeta_communes-cantal_ips_2022.png`, `…_2x.png`, `….svg`. Pure.
 */
export { chartFileBase, mapFileBase, slugify } from '../../server/embed/fileName.ts';

/** The image formats offered: PNG at 1× and 2× (print), and vector SVG. */
export const IMAGE_FORMATS = ['png', 'png2', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** `base` + the format's suffix and extension. */
export function imageFileName(base: string, format: ImageFormat): string {
  return format === 'svg' ? `${base}.svg` : format === 'png2' ? `${base}_2x.png` : `${base}.png`;
}

/** The pixel ratio of a format. */
export const scaleOf = (format: ImageFormat): number => (format === 'png2' ? 2 : 1);

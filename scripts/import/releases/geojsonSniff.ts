/** Tells a GeoJSON file (plain or gzipped) from a CSV, by its first bytes (kind `boundaries`). */
import { open } from 'node:fs/promises';

export async function looksLikeGeoJson(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await fh.read(buf, 0, 64, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) return true;
    return /^\uFEFF?\s*[{[]/.test(head.toString('utf8'));
  } finally {
    await fh.close();
  }
}

/**
 * Helpers for the import tests: files written into a tiny project (test/import/project.ts), the
 * served data seen through the app (what a visitor gets), and Windows-1252 bytes.
 */
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import { openWarehouse } from '../../server/db/warehouse.ts';
import type { TinyProject } from './project.ts';

/** Writes `content` as `<root>/<name>`; returns the path. */
export function writeInput(p: TinyProject, name: string, content: string | Uint8Array): string {
  const file = path.join(p.root, name);
  writeFileSync(file, content);
  return file;
}

/** The pages whose answers must not change when an import is refused. */
export const WATCHED = [
  '/api/health',
  '/api/map?indicator=thd_share&level=departement&year=2025',
  '/api/map?indicator=pupils_per_device&level=commune&year=2025',
  '/api/map?indicator=fibre_share&level=departement&year=2025',
  '/api/territories/departement/15?year=2025',
  '/api/export?kind=map&indicator=bandwidth_mean&level=departement&year=2025&format=csv',
];

/** What the served version answers (through the app), with the link and the versions kept. */
export async function servedSnapshot(p: TinyProject): Promise<{ link: string; builds: string[]; pages: Record<string, string> }> {
  const db = await openWarehouse(path.join(p.dataDir, 'warehouse'));
  try {
    const app = createApp({ db, log: () => {} });
    const pages: Record<string, string> = {};
    for (const url of WATCHED) pages[url] = await (await app.request(url)).text();
    return { link: readlinkSync(path.join(p.dataDir, 'warehouse')), builds: readdirSync(path.join(p.dataDir, 'builds')).sort(), pages };
  } finally {
    db.close();
  }
}

/** One JSON page of the served version. */
export async function servedJson(p: TinyProject, url: string): Promise<Record<string, unknown>> {
  const db = await openWarehouse(path.join(p.dataDir, 'warehouse'));
  try {
    const res = await createApp({ db, log: () => {} }).request(url);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

/** The raw text the app serves for `url` from the project's warehouse (CSV downloads). */
export async function servedText(p: TinyProject, url: string): Promise<string> {
  const db = await openWarehouse(path.join(p.dataDir, 'warehouse'));
  try {
    return await (await createApp({ db, log: () => {} }).request(url)).text();
  } finally {
    db.close();
  }
}

/** Map values by territory code. */
export const byCode = (body: Record<string, unknown>) => Object.fromEntries((body.values as { code: string }[]).map((v) => [v.code, v as Record<string, unknown>]));

const CP1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };

/** `text` encoded as Windows-1252 (what French spreadsheets export as "CSV"). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = CP1252[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
    return code;
  }));
}

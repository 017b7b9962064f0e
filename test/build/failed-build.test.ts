// A build whose source cannot be parsed stops with a message naming the file and the reason,
// leaves the served warehouse (the data/warehouse link and its build) untouched, and leaves no
// half-written build behind. Runs on a copy of the mirror with one file broken.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build/index.ts';
import { resolveMirrorDir } from '../../scripts/sources/fetch.ts';
import { SOURCES } from '../../scripts/sources/manifest.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mirror = resolveMirrorDir(root);
const saved = process.env.OPENDATA_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.OPENDATA_DIR;
  else process.env.OPENDATA_DIR = saved;
});

describe.skipIf(!mirror)('a failed build', () => {
  it('keeps the previous warehouse and names the broken file', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'broken-mirror-'));
    for (const s of SOURCES) {
      mkdirSync(path.dirname(path.join(broken, s.mirrorPath)), { recursive: true });
      symlinkSync(path.join(mirror ?? '', s.mirrorPath), path.join(broken, s.mirrorPath));
    }
    const geoloc = SOURCES.find((s) => s.id === 'geoloc-colleges')?.mirrorPath ?? '';
    const original = readFileSync(path.join(mirror ?? '', geoloc), 'utf8');
    // the link to the real file is replaced by a copy with a renamed column
    const target = path.join(broken, geoloc);
    writeFileSync(`${target}.new`, original.replace('code_academie', 'academie_renamed'));
    renameSync(`${target}.new`, target);

    const project = mkdtempSync(path.join(tmpdir(), 'project-'));
    mkdirSync(path.join(project, 'data', 'builds', 'previous'), { recursive: true });
    writeFileSync(path.join(project, 'data', 'builds', 'previous', 'warehouse.duckdb'), 'the served warehouse');
    symlinkSync(path.join('builds', 'previous'), path.join(project, 'data', 'warehouse'));

    process.env.OPENDATA_DIR = broken;
    const logs: string[] = [];
    await expect(build({ root: project, log: (l) => logs.push(l) })).rejects.toThrow(
      /fr-en-adresse-et-geolocalisation-etablissements-colleges\.csv: missing column\(s\) code_academie/,
    );
    expect(readlinkSync(path.join(project, 'data', 'warehouse'))).toBe(path.join('builds', 'previous'));
    expect(readFileSync(path.join(project, 'data', 'warehouse', 'warehouse.duckdb'), 'utf8')).toBe('the served warehouse');
    expect(readdirSync(path.join(project, 'data', 'builds'))).toEqual(['previous']);
    expect(existsSync(path.join(project, 'data', 'raw'))).toBe(false);
  });
});

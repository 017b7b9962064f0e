// `npm run data -- …` as a child process on a tiny project (DATA_DIR): exit codes and reports,
// and an import killed (SIGKILL) in the middle of writing its new version: the link still points
// to the old version, which opens and answers the same values, and the next import is not blocked
// by the dead process's lock or half-written folder.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importMeasures } from '../../scripts/import/measures.ts';
import { servedSnapshot, writeInput } from './helpers.ts';
import { FIXTURE_VERSION, makeTinyProject, type TinyProject } from './project.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let p: TinyProject;
beforeEach(async () => {
  p = await makeTinyProject();
});
afterEach(() => p.remove());

interface Child {
  pid: number;
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  waitFor: (re: RegExp) => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
}

function data(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'data.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: p.dataDir, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => {
    err += b.toString();
    for (const w of waiters.splice(0)) {
      if (w.re.test(err)) w.resolve();
      else waiters.push(w);
    }
  });
  const code = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return {
    pid: child.pid ?? 0,
    code,
    stdout: () => out,
    stderr: () => err,
    waitFor: (re) =>
      new Promise<void>((resolve, reject) => {
        if (re.test(err)) return resolve();
        waiters.push({ re, resolve });
        void code.then(() => reject(new Error(`exited before ${re}: ${err}`)));
      }),
    kill: (signal) => child.kill(signal),
  };
}

const HEADER = 'uai,year,measure,value,date,source';

describe('npm run data', () => {
  it('imports (exit 0), refuses with the report (exit 1), lists the audit log, rolls back, and rejects bad usage (exit 2)', async () => {
    const good = writeInput(p, 'good.csv', `${HEADER}\n0150001A,2025,devices,12,,Inventaire\n`);
    const bad = writeInput(p, 'bad.csv', `${HEADER}\n0150001A,2025,devices,-12,,\n`);
    const dry = data(['import', 'measures', bad, '--dry-run', '--json']);
    expect(await dry.code).toBe(1);
    expect(JSON.parse(dry.stdout())).toMatchObject({ status: 'dry_run', would_apply: false, problems: [{ line: 2, column: 'value', code: 'out_of_range' }] });

    const ok = data(['import', 'measures', good, '--body', 'Conseil départemental du Cantal']);
    expect(await ok.code).toBe(0);
    expect(ok.stdout()).toMatch(/APPLIED — applied: 1 values imported/);
    const refused = data(['import', 'measures', bad]);
    expect(await refused.code).toBe(1);
    expect(refused.stdout()).toMatch(/line 2, column value \(#4\): devices -12 is below the minimum 0/);

    const log = data(['imports', '--json']);
    expect(await log.code).toBe(0);
    expect((JSON.parse(log.stdout()) as { status: string; body: string }[]).map((e) => [e.status, e.body])).toEqual([
      ['applied', 'Conseil départemental du Cantal'],
      ['refused', 'non renseigné'],
    ]);
    const back = data(['rollback']);
    expect(await back.code).toBe(0);
    expect(readlinkSync(path.join(p.dataDir, 'warehouse'))).toBe(path.join('builds', FIXTURE_VERSION));

    for (const args of [['import', 'inventories', good], ['import', 'measures'], ['frobnicate'], ['import', 'measures', good, '--force']]) {
      const u = data(args);
      expect(await u.code, args.join(' ')).toBe(2);
      expect(u.stderr()).toMatch(/usage: npm run data/);
    }
    const tpl = data(['template', 'usage']);
    expect(await tpl.code).toBe(0);
    expect(tpl.stdout()).toMatch(/^\uFEFFuai,year,measure,value,date,source,name\r\n0630001J,2025-2026,ent_active_pupils,/);
  });

  it('an import killed while writing its new version leaves the served version intact and the next import free to run', async () => {
    const before = await servedSnapshot(p);
    const rows = [HEADER];
    for (const uai of ['0150001A', '0150002B', '0630001C', '0630002D']) for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) rows.push(`${uai},${year},bandwidth_measured_mbps,1,,`);
    const file = writeInput(p, 'slow.csv', rows.join('\n'));
    const child = data(['import', 'measures', file], { DATA_IMPORT_TEST_PAUSE_MS: '60000' });
    await child.waitFor(/test pause of 60000 ms while writing/);
    const version = /writing version (\S+)/.exec(child.stderr())?.[1] ?? '';
    expect(existsSync(path.join(p.dataDir, 'builds', `${version}.tmp`, 'warehouse.duckdb'))).toBe(true);
    child.kill('SIGKILL');
    expect(await child.code).toBe(null);

    // the old version is still served, opens and answers the same; the dead process left its lock and folder
    expect(readlinkSync(path.join(p.dataDir, 'warehouse'))).toBe(path.join('builds', FIXTURE_VERSION));
    expect(JSON.parse(readFileSync(path.join(p.dataDir, '.lock'), 'utf8'))).toMatchObject({ pid: child.pid });
    const after = await servedSnapshot(p);
    expect(after.pages).toEqual(before.pages);
    expect(after.builds).toEqual([FIXTURE_VERSION, `${version}.tmp`]);

    // the next import takes the stale lock over, removes the unfinished version and succeeds
    const logs: string[] = [];
    const r = await importMeasures({ dataDir: p.dataDir, file, body: 'test', actor: 'test', log: (l) => logs.push(l) });
    expect(r.status).toBe('applied');
    expect(logs.join('\n')).toMatch(new RegExp(`process ${child.pid} \\(import measures slow.csv\\) is gone[\\s\\S]*removing the unfinished version builds/${version}.tmp`));
    expect(readdirSync(path.join(p.dataDir, 'builds')).sort()).toEqual([FIXTURE_VERSION, r.build.to].sort());
    expect(existsSync(path.join(p.dataDir, '.lock'))).toBe(false);
  });
});

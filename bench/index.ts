/**
 * `npm run bench`: runs the selected sections (build, api, soak, map, equity, import, embed; see options.ts), prints one
 * Markdown table of every measure with its target and writes it to `bench/last-results.md`.
 * Progress goes to stderr, the table to stdout. A crashed section is a row and exit code 1;
 * a missed target exits 1 only with BENCH_STRICT=1.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_CONNECTIONS, benchApi } from './api.ts';
import { benchBuild } from './build.ts';
import { benchEmbed } from './embed.ts';
import { benchEquity } from './equity.ts';
import { benchImport } from './import.ts';
import { benchMap } from './map/index.ts';
import { parseOptions, type Section } from './options.ts';
import { SOAK_CONNECTIONS, benchSoak } from './soak.ts';
import { renderTable, type ResultRow } from './table.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const options = parseOptions(process.env);
const runners: Record<Section, () => Promise<ResultRow[]>> = {
  build: () => benchBuild(root, log),
  api: () => benchApi(root, options.apiSeconds, log),
  soak: () => benchSoak(root, options.soakSeconds, log),
  map: () => benchMap(root, options.mapRuns, log),
  equity: () => benchEquity(root, log),
  import: () => benchImport(root, log),
  embed: () => benchEmbed(root, options.mapRuns, log),
};

const cpus = os.availableParallelism();
const loadBefore = os.loadavg()[0] ?? 0;
if (loadBefore > cpus / 2) log(`warning: load average ${loadBefore.toFixed(1)} on ${cpus} CPUs before starting; figures will be noisy`);

const rows: ResultRow[] = [];
let crashed = 0;
for (const section of options.sections) {
  try {
    rows.push(...(await runners[section]()));
  } catch (err) {
    crashed++;
    const message = err instanceof Error ? err.message : String(err);
    log(`${section} failed: ${message}`);
    rows.push({ benchmark: section, measure: 'section', value: `failed: ${message.split('\n')[0] ?? ''}`.slice(0, 160), ok: false });
  }
}

const footer =
  `_${options.sections.join(', ')} · Node ${process.versions.node} · ${os.platform()} ${os.arch()} · ${cpus} CPU${cpus > 1 ? 's' : ''} · ` +
  `${Math.round(os.totalmem() / 2 ** 30)} GiB · api ${options.apiSeconds} s per endpoint, ${API_CONNECTIONS} connections · soak ${options.soakSeconds} s, ${SOAK_CONNECTIONS} connections · ` +
  `map ${options.mapRuns} runs per page · load average before ${loadBefore.toFixed(1)}_\n`;
const table = renderTable(rows);
await writeFile(path.join(root, 'bench', 'last-results.md'), `${table}\n${footer}`);
process.stdout.write(`\n${table}\n${footer}`);
const missed = rows.filter((r) => r.ok === false).length;
if (missed) log(`${missed} row(s) missed their target or failed`);
process.exitCode = crashed || (options.strict && missed) ? 1 : 0;

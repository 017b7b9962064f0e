/**
 * `npm run data:build`: the whole pipeline from the open-data sources to the served warehouse.
 * fetch → parse → COG normalisation → territories, geometry, schools, ARCEP, demo layer → DuckDB.
 *
 * Everything is written into a new folder `data/builds/<id>/`; when it is complete the symlink
 * `data/warehouse` is swapped to it atomically (rename of a temporary link). A failed build
 * leaves the served warehouse untouched; the previous build is kept for rollback.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_YEARS } from '../../server/indicators/catalog.ts';
import { decodeText } from '../parse/csv.ts';
import { parseArcepCommunes, parseFtthCommunes } from '../parse/arcep.ts';
import { parseGeoloc } from '../parse/geoloc.ts';
import { parseIps } from '../parse/ips.ts';
import { boundariesForBuild, boundariesSources, copyBoundaries, foldMergedCommunes } from '../import/releases/importedBoundaries.ts';
import { fetchSource, resolveMirrorDir } from '../sources/fetch.ts';
import { SOURCES, source, type SourceId } from '../sources/manifest.ts';
import { academiesByDepartement } from './academies.ts';
import { buildAliases, loadCog } from './cog.ts';
import { DEMO_MODEL_VERSION, DEMO_SEED, demoRows } from './demo/generate.ts';
import { buildFtth } from './ftth.ts';
import { buildGeometry } from './geometry/index.ts';
import { toDisplay } from './geometry/dromLayout.ts';
import { buildOverview } from './overview/index.ts';
import { RECREATED_HOSTS } from './recreated.ts';
import { acquireDataLock, publish } from './publish.ts';
import { BuildReport } from './report.ts';
import { buildTiles } from './tiles/index.ts';
import { buildSchools, type CommunePlace } from './schools.ts';
import { buildTerritories } from './territories.ts';
import { releaseSources, writeWarehouse } from './warehouse.ts';

export interface BuildOptions {
  root: string;
  log?: (line: string) => void;
  /** the data folder written (default `<root>/data`) */
  dataDir?: string;
  /** the caller already holds the data lock of `dataDir` (an import) */
  lockHeld?: boolean;
  /**
   * A folder of imported commune boundaries (scripts/import/releases/importedBoundaries.ts) used
   * instead of the mirror's communes file; by default those of the served version, if any.
   */
  boundariesDir?: string;
  /** called on the new warehouse file once written, before it is published (an import stages its rows) */
  beforePublish?: (warehouseFile: string, buildId: string) => Promise<void>;
  /** merged into build.json (an import: its parent version and imports) */
  buildInfo?: Record<string, unknown>;
}

export interface BuildSummary {
  id: string;
  dir: string;
  seconds: number;
  counts: Record<string, number>;
  joinRate: number;
}

/** Minimum share of IPS rows that must join a current commune, or the build fails. */
export const MIN_JOIN_RATE = 0.995;

const SCHOOL_FILES = [
  ['ips-ecoles-2022', 'ecole'],
  ['ips-colleges-2022', 'college'],
  ['ips-lycees-2022', 'lycee'],
  ['ips-ecoles-2021', 'ecole'],
  ['ips-lycees-2021', 'lycee'],
] as const;

/** Runs the build; resolves with a summary once `data/warehouse` points to the new build. */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  const { root, log = console.log } = options;
  // one writer at a time on data/ (another build or an import fails fast instead of racing)
  const release = options.lockHeld ? async () => {} : await acquireDataLock(options.dataDir ?? path.join(root, 'data'), 'data build', log);
  try {
    return await buildLocked(options, log, t0);
  } finally {
    await release();
  }
}

async function buildLocked(options: BuildOptions, log: (line: string) => void, t0: number): Promise<BuildSummary> {
  const { root } = options;
  const dataDir = options.dataDir ?? path.join(root, 'data');
  const report = new BuildReport();
  const mirrorDir = resolveMirrorDir(root);
  log(`data build: sources from ${mirrorDir ?? 'official downloads (no mirror found)'}`);
  // imported commune boundaries (an import's, or the served version's) replace the mirror's
  const boundaries = await boundariesForBuild(options.boundariesDir, path.join(dataDir, 'warehouse'));
  if (boundaries) log(`  commune boundaries: imported ${boundaries.source.file} (${boundaries.source.vintage}, sha256 ${boundaries.source.sha256.slice(0, 12)}…)`);
  const replaced = new Set<SourceId>(boundaries ? ['contours-communes', 'communes-without-geometry'] : []);
  const files = new Map<SourceId, string>();
  const fx = { fetch: globalThis.fetch, log, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
  for (const src of SOURCES) if (!replaced.has(src.id)) files.set(src.id, await fetchSource(src, { root, mirrorDir }, fx));
  const fileOf = (id: SourceId) => files.get(id) ?? '';
  const text = async (id: SourceId) => {
    const { text: t, encoding } = decodeText(await readFile(fileOf(id)));
    if (encoding !== 'utf-8') log(`  warning: ${source(id).mirrorPath} is not UTF-8, read as ${encoding}`);
    return t;
  };
  const ref = (id: SourceId) => ({ id, file: source(id).mirrorPath });

  const id = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
  const buildsDir = path.join(dataDir, 'builds');
  const dir = path.join(buildsDir, `${id}.tmp`);
  const served = path.join(dataDir, 'warehouse', 'warehouse.duckdb');
  await mkdir(path.join(dir, 'geo'), { recursive: true });
  try {
    const cog = loadCog();
    const aliases = buildAliases(cog.communes);
    const depCodes = cog.departements.map((d) => d.code);
    const academies = academiesByDepartement(await text('geoloc-colleges'), depCodes, source('geoloc-colleges').mirrorPath);
    log(`  COG 2026: ${cog.communes.filter((c) => c.type === 'commune-actuelle').length} communes, ${depCodes.length} départements, ${new Set([...academies.values()].map((a) => a.academieCode)).size} académies, ${cog.regions.length} régions`);

    const t1 = performance.now();
    const regionName = new Map(cog.regions.map((r) => [r.code, r.nom]));
    const geo = await buildGeometry({
      boundariesDir: path.dirname(fileOf('contours-departements')),
      communesFile: boundaries?.communesFile ?? fileOf('contours-communes'),
      departementsFile: fileOf('contours-departements'),
      withoutGeometryFile: boundaries?.withoutGeometryFile ?? fileOf('communes-without-geometry'),
      outDir: path.join(dir, 'geo'),
      departements: cog.departements.map((d) => {
        const a = academies.get(d.code);
        return { code: d.code, name: d.nom, academieCode: a?.academieCode ?? '', academieName: a?.academieName ?? '', regionCode: d.region, regionName: regionName.get(d.region) ?? d.region };
      }),
      hostOf: boundaries ? new Map([...RECREATED_HOSTS, ...boundaries.hosts]) : RECREATED_HOSTS,
      log,
    });
    log(`  geometry: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const tiles = await buildTiles({ geoDir: path.join(dir, 'geo'), outDir: path.join(dir, 'tiles'), log });
    // commune ID rasters drawn instead of the vector tiles at the scale of France (scripts/build/overview)
    const overview = await buildOverview({ geoDir: path.join(dir, 'geo'), outDir: path.join(dir, 'overview', 'commune'), log });

    const territories = buildTerritories(cog, academies, geo.communes);
    if (boundaries?.hosts.size) {
      const folded = foldMergedCommunes({ territories, aliases, geo: geo.communes, withoutGeometry: geo.withoutGeometry }, boundaries.hosts);
      log(`  communes merged into another's polygon (imported boundaries): ${folded.join(', ') || 'none'}`);
    }
    const communes = new Map<string, CommunePlace>();
    for (const t of territories) {
      if (t.level !== 'commune') continue;
      const g = geo.communes.get(t.code);
      communes.set(t.code, { departement_code: t.departement_code, academie_code: t.academie_code, region_code: t.region_code, lon: g?.lon ?? null, lat: g?.lat ?? null, displayLon: g?.displayLon ?? null, displayLat: g?.displayLat ?? null });
    }

    const ips = [];
    for (const [sid, type] of SCHOOL_FILES) {
      const rows = parseIps(await text(sid), type, ref(sid), report);
      log(`  parsed ${source(sid).mirrorPath}: ${rows.length} rows, ${report.count(sid)} rejected`);
      ips.push({ rows, source: ref(sid) });
    }
    const exact = new Map(parseGeoloc(await text('geoloc-colleges'), ref('geoloc-colleges'), report).map((g) => [g.uai, g]));
    const schools = buildSchools({ ips, aliases, communes, exact, toDisplay }, report);
    const joinRate = schools.rowsJoined / schools.rowsRead;
    log(`  IPS rows joined to a current commune: ${schools.rowsJoined}/${schools.rowsRead} = ${(joinRate * 100).toFixed(3)} % (${JSON.stringify(schools.aliasKinds)})`);
    for (const p of report.problems.filter((x) => x.reason.startsWith('commune code unknown'))) {
      log(`    unmatched: ${p.file}:${p.line} ${p.value ?? ''}`);
    }
    if (joinRate < MIN_JOIN_RATE) throw new Error(`IPS join rate ${(joinRate * 100).toFixed(2)} % is below ${MIN_JOIN_RATE * 100} %`);

    const ftth = buildFtth(
      parseFtthCommunes(await text('arcep-ftth-communes'), 'T1 2018', ref('arcep-ftth-communes'), report),
      parseArcepCommunes(await text('arcep-communes'), ref('arcep-communes'), report),
      aliases,
      { ftth: ref('arcep-ftth-communes'), communes: ref('arcep-communes') },
      report,
    );
    log(`  ARCEP T1 2018: ${ftth.rows.length} current communes from ${ftth.joined}/${ftth.read} COG 2018 communes`);

    const demo = [...demoRows(demoInputs(schools, territories, ftth.rows), { seed: DEMO_SEED, years: DEMO_YEARS })];
    log(`  demo layer (données fictives, model ${DEMO_MODEL_VERSION}, seed ${DEMO_SEED}): ${demo.length} school-years`);

    const counts = await writeWarehouse(path.join(dir, 'warehouse.duckdb'), {
      territories,
      withoutGeometry: geo.withoutGeometry,
      aliases,
      schools: schools.schools,
      schoolYears: schools.years,
      ftth: ftth.rows,
      demo,
      communeNeighbors: geo.neighbors,
      communePoints: [...geo.communes].map(([code, g]) => ({ code, lon: g.lon, lat: g.lat })),
      meta: { build_id: id, built_at: new Date().toISOString(), demo_seed: DEMO_SEED, demo_model: DEMO_MODEL_VERSION },
      // partners' imported data lives in the warehouse only: a rebuild keeps it
      carryImportsFrom: existsSync(served) ? served : null,
    });
    if (counts.imported_measures) log(`  kept ${counts.imported_measures} imported measures from the served warehouse`);
    if (boundaries) await copyBoundaries(boundaries, dir);
    await options.beforePublish?.(path.join(dir, 'warehouse.duckdb'), id);
    const seconds = (performance.now() - t0) / 1000;
    const buildInfo = {
      id,
      builtAt: new Date().toISOString(),
      seconds,
      sources: [
        ...SOURCES.filter((s) => !replaced.has(s.id)).map((s) => ({ id: s.id, title: s.title, producer: s.producer, vintage: s.vintage, licence: s.licence, page: s.page, file: s.mirrorPath, origin: mirrorDir ? 'mirror' : 'download' })),
        // imported commune boundaries (scripts/import/releases/importedBoundaries.ts)
        ...(boundaries ? boundariesSources(boundaries) : []),
        // official releases imported since (carried over with the imported data)
        ...(await releaseSources(path.join(dir, 'warehouse.duckdb'))),
      ],
      counts,
      joinRate,
      aliasKinds: schools.aliasKinds,
      geometry: geo.files,
      tiles,
      overview,
      problems: { summary: report.summary(), rows: report.problems },
      ...(boundaries ? { boundaries: boundaries.source } : {}),
      ...options.buildInfo,
    };
    await writeFile(path.join(dir, 'build.json'), JSON.stringify(buildInfo, null, 1));
    for (const s of report.summary()) log(`  reported: ${s.source}: ${s.count} × ${s.reason}`);
    await publish(dataDir, id, dir);
    log(`data build ${id}: done in ${seconds.toFixed(1)} s → ${path.relative(root, path.join(dataDir, 'warehouse')) || 'data/warehouse'}`);
    return { id, dir: path.join(buildsDir, id), seconds, counts, joinRate };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

function demoInputs(
  schools: ReturnType<typeof buildSchools>,
  territories: ReturnType<typeof buildTerritories>,
  ftth: ReturnType<typeof buildFtth>['rows'],
) {
  const density = new Map(territories.filter((t) => t.level === 'commune').map((t) => [t.code, t.density]));
  const share = new Map(ftth.map((f) => [f.code, f.premises_total > 0 ? Math.min(1, f.premises_ftth / f.premises_total) : null]));
  const latest = new Map<string, { year: number; pupils: number | null; ips: number | null }>();
  for (const y of schools.years) {
    const prev = latest.get(y.uai);
    if (!prev || y.year > prev.year) latest.set(y.uai, { year: y.year, pupils: y.year === 2022 ? y.pupils : (prev?.pupils ?? null), ips: y.ips ?? prev?.ips ?? null });
    else if (prev && y.year === 2022) prev.pupils = y.pupils;
  }
  return schools.schools.map((s) => ({
    uai: s.uai,
    schoolType: s.school_type,
    sector: s.sector,
    departementCode: s.departement_code,
    communeDensity: density.get(s.commune_code) ?? null,
    communeFtthShare: share.get(s.commune_code) ?? null,
    pupils: latest.get(s.uai)?.pupils ?? null,
    ips: latest.get(s.uai)?.ips ?? null,
    // the demo's smooth spatial field (scripts/build/demo/spatial.ts) reads the real position
    lon: s.lon,
    lat: s.lat,
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  build({ root }).catch((err: unknown) => {
    console.error(`data build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}

/**
 * A throw-away project for the official-release imports (test/import/releases.test.ts): a small
 * warehouse of real codes — communes of Cantal and Puy-de-Dôme (Aurillac 15014, Arpajon-sur-Cère
 * 15012, Saint-Flour 15187, Le Rouget-Pers 15268 with its old code Pers 15150, Clermont-Ferrand
 * 63113) with their points, and real schools of the DEPP IPS files (rentrée 2022) — laid out as
 * `npm run data:build` does (`data/builds/<id>/`, `data/warehouse` link, build.json with sources).
 * School 0150485W (école Louis Thioleron, Saint-Flour) is left out on purpose: the Annuaire adds it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Resolution } from '../../scripts/build/cog.ts';
import type { SchoolRow } from '../../scripts/build/schools.ts';
import type { TerritoryRow } from '../../scripts/build/territories.ts';
import { writeWarehouse } from '../../scripts/build/warehouse.ts';
import type { TinyProject } from './project.ts';

export const RELEASE_FIXTURE_VERSION = '20260101T000000-000001';

const t = (level: TerritoryRow['level'], code: string, name: string, parents: Partial<TerritoryRow>, population: number): TerritoryRow => ({
  level, code, name, region_code: null, academie_code: null, departement_code: null, epci_code: null,
  population, area_km2: 10, density: population / 10, has_geometry: true, ...parents,
});
const aura = { region_code: '84', academie_code: '06' };

export const RELEASE_TERRITORIES: TerritoryRow[] = [
  t('region', '84', 'Auvergne-Rhône-Alpes', {}, 200000),
  t('academie', '06', 'Clermont-Ferrand', { region_code: '84' }, 200000),
  t('departement', '15', 'Cantal', aura, 60000),
  t('departement', '63', 'Puy-de-Dôme', aura, 140000),
  t('commune', '15014', 'Aurillac', { ...aura, departement_code: '15' }, 26000),
  t('commune', '15012', 'Arpajon-sur-Cère', { ...aura, departement_code: '15' }, 6000),
  t('commune', '15187', 'Saint-Flour', { ...aura, departement_code: '15' }, 6500),
  t('commune', '15268', 'Le Rouget-Pers', { ...aura, departement_code: '15' }, 1300),
  t('commune', '63113', 'Clermont-Ferrand', { ...aura, departement_code: '63' }, 147000),
];

/** Real WGS84 points of the communes (town centres, rounded). */
export const RELEASE_POINTS = [
  { code: '15014', lon: 2.4397, lat: 44.9264 },
  { code: '15012', lon: 2.457, lat: 44.9036 },
  { code: '15187', lon: 3.0933, lat: 45.0336 },
  { code: '15268', lon: 2.2344, lat: 44.8853 },
  { code: '63113', lon: 3.087, lat: 45.7772 },
];

const pointOf = (code: string) => RELEASE_POINTS.find((p) => p.code === code) ?? { lon: 0, lat: 0 };

const school = (uai: string, name: string, commune: string, type: SchoolRow['school_type'], sector: SchoolRow['sector']): SchoolRow => {
  const p = pointOf(commune);
  const dep = commune.slice(0, 2);
  return {
    uai, name, school_type: type, sector, commune_code: commune, departement_code: dep, academie_code: '06', region_code: '84',
    lycee_type: type === 'lycee' ? 'LPO' : null, lat: p.lat, lon: p.lon, position_quality: 'commune', display_lon: p.lon, display_lat: p.lat,
  };
};

export const RELEASE_SCHOOLS: SchoolRow[] = [
  school('0150083J', 'ECOLE ELEMENTAIRE PRIVEE SAINT JOSEPH', '15014', 'ecole', 'prive'),
  school('0150427H', 'ECOLE ELEMENTAIRE LES ALOUETTES', '15014', 'ecole', 'public'),
  school('0150006A', 'LYCEE POLYVALENT MONNET MERMOZ', '15014', 'lycee', 'public'),
  school('0631502R', 'COLLEGE CHARLES BAUDELAIRE', '63113', 'college', 'public'),
  school('0631126G', 'COLLEGE LUCIE AUBRAC', '63113', 'college', 'public'),
  // a school of Arpajon-sur-Cère, for the commune-merger test
  school('0150413T', 'ECOLE ELEMENTAIRE', '15012', 'ecole', 'public'),
];

export const RELEASE_SCHOOL_YEARS = [
  { uai: '0150083J', year: 2022, pupils: 311, ips: 112.9 },
  { uai: '0150427H', year: 2022, pupils: 144, ips: 121.6 },
  { uai: '0150006A', year: 2022, pupils: 926, ips: 106.6 },
  { uai: '0631502R', year: 2022, pupils: 403, ips: 72.8 },
  { uai: '0631126G', year: 2022, pupils: 448, ips: 95.9 },
  { uai: '0150413T', year: 2022, pupils: 283, ips: 104.3 },
];

export const RELEASE_FTTH = [
  { code: '15014', quarter: 'T1 2018', premises_ftth: 1000, premises_total: 20000 },
  { code: '15012', quarter: 'T1 2018', premises_ftth: 0, premises_total: 3000 },
  { code: '63113', quarter: 'T1 2018', premises_ftth: 50000, premises_total: 100000 },
];

export async function makeReleaseProject(): Promise<TinyProject> {
  const root = mkdtempSync(path.join(tmpdir(), 'release-project-'));
  const dataDir = path.join(root, 'data');
  const dir = path.join(dataDir, 'builds', RELEASE_FIXTURE_VERSION);
  mkdirSync(path.join(dir, 'geo'), { recursive: true });
  writeFileSync(path.join(dir, 'geo', 'departement.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
  writeFileSync(path.join(dir, 'build.json'), JSON.stringify({
    sources: [{ id: 'ips-ecoles-2022', title: 'IPS des écoles', producer: 'DEPP', vintage: 'rentrée 2022', licence: 'Licence Ouverte', page: 'https://data.education.gouv.fr/' }],
    joinRate: 1,
  }));
  const aliases = new Map<string, Resolution>([['15150', { code: '15268', kind: 'ancien' }]]);
  await writeWarehouse(path.join(dir, 'warehouse.duckdb'), {
    territories: RELEASE_TERRITORIES,
    withoutGeometry: [],
    aliases,
    schools: RELEASE_SCHOOLS,
    schoolYears: RELEASE_SCHOOL_YEARS,
    ftth: RELEASE_FTTH,
    demo: [],
    communePoints: RELEASE_POINTS,
    meta: { build_id: 'release-fixture', built_at: '2026-01-01T00:00:00.000Z' },
  });
  symlinkSync(path.join('builds', RELEASE_FIXTURE_VERSION), path.join(dataDir, 'warehouse'));
  return { root, dataDir, buildId: RELEASE_FIXTURE_VERSION, remove: () => rmSync(root, { recursive: true, force: true }) };
}

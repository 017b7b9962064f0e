/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate the requests
 * (query and path parameters), plus a readable HTML reference rendered from it (no external
 * script or style: the CSP allows only this origin).
 */
import { z } from 'zod';
import { templateParams, templateQuery } from './admin/templates.ts';
import { compareQuery } from './routes/compare.ts';
import { equityQuery } from './routes/equity.ts';
import { exportQuery } from './routes/export.ts';
import { mapQuery } from './routes/map.ts';
import { provenanceSchema } from './provenance.ts';
import { leftBehindQuery, objectiveParams, objectivesQuery } from './routes/objectives.ts';
import { searchQuery } from './routes/search.ts';
import { schoolsQuery } from './routes/schools.ts';
import { seriesQuery } from './routes/series.ts';
import { detailParams, detailQuery, listQuery } from './routes/territories.ts';

export interface RouteDoc {
  path: string;
  summary: string;
  description: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  example?: string;
}

/** Routes documented in the OpenAPI file (search and export register theirs through `extra`). */
export const ROUTE_DOCS: RouteDoc[] = [
  { path: '/api/health', summary: 'Health and build', description: 'Build id and time, IPS join rate, and every source with its producer, vintage and licence.', example: '/api/health' },
  { path: '/api/indicators', summary: 'Indicator catalog', description: 'Every indicator: labels (fr, en), theme, unit, numerator and denominator, direction, sources, vintage, provenance (open-data, historical, synthetic), levels and years. The years are those the served warehouse holds (an imported official release adds its year without a code change; the default year of a request is the latest); yearDetails gives each year its provenance and vintage (ftth_share: T1 2018 historical, an imported ARCEP quarter open data); build is the warehouse build id.', example: '/api/indicators' },
  {
    path: '/api/map',
    summary: 'Values of one indicator for every territory of a level',
    description: 'Ratios of sums over schools (or communes). Each value has n (schools behind it) and low_n when n is under min_schools. Includes class-ready statistics (min, max, mean, median, standard deviation, deciles). school_type matters because each level of government runs one type: communes écoles, départements collèges, régions lycées. Demo values carry provenance "synthetic" and a "données fictives" notice; with partners’ imported data, each value has its imported_share and the whole answer is imported or mixed, with the importing bodies and dates (components.schemas.Provenance).',
    query: mapQuery,
    example: '/api/map?indicator=ips&level=departement&year=2022&within=academie:06',
  },
  {
    path: '/api/search',
    summary: 'Search territories and schools',
    description: 'Communes, départements, académies, régions and schools; accent-, case- and hyphen-insensitive, word prefixes and several words (st → saint), a UAI finds its school. Ranked by relevance, then population (or pupils). 20 results at most.',
    query: searchQuery,
    example: '/api/search?q=st%20flour',
  },
  { path: '/api/territories', summary: 'Territories of a level', description: 'Code, name, parent codes, population, land area and density.', query: listQuery, example: '/api/territories?level=departement&within=academie:06' },
  {
    path: '/api/territories/{level}/{code}',
    summary: 'One territory and its profile',
    description: 'The territory, its parents, its children (a commune lists its schools) and its profile: for every indicator, the value for the year (the requested one, else the latest before it, else the latest), n schools, the parent’s and France’s values, the index against the parent (parent = 100), the rank among its siblings (1 = best in the indicator’s direction) and provenance (provenance and imported_share of each figure; notice on demo or partly demo figures; imports: the importing bodies and dates behind imported or mixed figures; see components.schemas.Provenance).',
    params: detailParams,
    query: detailQuery,
    example: '/api/territories/departement/15?year=2024',
  },
  { path: '/api/schools', summary: 'Every school of a selection', description: 'Compact rows (columns listed once): UAI, name, type, sector, commune, position quality (exact or commune), real and display (map) coordinates, 2022 pupils, the indicator value at the school and its provenance (importable indicators: imported or synthetic; else null, the response’s provenance applies). The response’s provenance block (components.schemas.Provenance) is the mix over the schools with a value: imported_share, notice, sources and the importing bodies and dates.', query: schoolsQuery, example: '/api/schools?indicator=thd_share&year=2025&within=departement:15' },
  { path: '/api/series', summary: 'An indicator for every year', description: 'Over a territory (or France), with France alongside. Each point has its provenance and imported_share (importable indicators); the response’s provenance block (components.schemas.Provenance) is the mix over all the points.', query: seriesQuery, example: '/api/series?indicator=fibre_share&territory=departement:15' },
  {
    path: '/api/export',
    summary: 'A selection as a file',
    description: 'The same selections as /api/map (kind=map) and /api/schools (kind=schools) as CSV (UTF-8 with BOM, cells protected against formula injection), GeoJSON (real coordinates, DROM in place) or Parquet, named after the view (e.g. copaneeta_communes-cantal_ips_2022.csv), with provenance, notice, source, vintage and licence columns.',
    query: exportQuery,
    example: '/api/export?kind=map&indicator=thd_share&level=commune&within=departement:15&format=csv',
  },
  {
    path: '/api/equity',
    summary: 'Equity measures of one indicator over the units of a territory',
    description:
      'How unequally an indicator is spread over the units (by: school, commune, departement, academie) of a territory (within; France when omitted), and whether the gap is closing. measures: Gini, Theil T (0·ln 0 = 0, zeros kept) with its exact between/within decomposition over the level just below the territory, coefficient of variation, p90/p10 and the gap between the top and bottom fifths, all weighted by each unit’s denominator (the weights field says which). gaps: by commune density class (< 25, 25–300, ≥ 300 inhabitants/km²: a proxy, not INSEE’s density grid), sector, school type, and the IPS gradient (quintiles, weighted least-squares slope). spatial: global Moran’s I and LISA clusters (high-high, low-low, high-low, low-high) with 999 seeded permutations, over queen contiguity of communes (islands attached to their nearest unit) or the 8 nearest schools; significant units only, with counts. trend: each measure over the indicator’s years, narrowing, widening or stable. summary_fr: a plain-language French summary. methods: the conventions, spelled out. Demo values carry provenance "synthetic" and a "données fictives" notice; with imported data the provenance block (components.schemas.Provenance) is the mix over the schools behind the units (imported_share: their share imported), units_provenance counts the units resting on imported, mixed and demo values, and summary_fr says « données fictives » or « en partie importées (n % des établissements) ». A France-wide request can take seconds the first time; answers are cached.',
    query: equityQuery,
    example: '/api/equity?indicator=thd_share&year=2025&within=academie:06&by=commune',
  },
  {
    path: '/api/templates/{theme}.csv',
    summary: 'Import template of a theme',
    description: 'The long import format (uai, year, measure, value, date, source, name) as CSV: with within, one row per school of the territory and measure of the theme, values left empty (rows left empty are ignored on import); without, one example row per measure. GET /api/templates describes the columns and measures (units, ranges). Imports: see #imports.',
    params: templateParams,
    query: templateQuery,
    example: '/api/templates/equipment.csv?within=departement:15',
  },
  {
    path: '/api/objectives',
    summary: 'Convention objectives and their status',
    description: 'The objectives of the conventions: the partners’ imported objectives (origin: "imported", imported: {import_id, file_name, body, imported_at, checksum_sha256}; `npm run data -- import objectives` or POST /api/admin/imports?kind=objectives) and the shipped fictitious examples (origin: "shipped", example: true with an example_notice; an imported objective replaces the example of the same id). Filters: partner and convention (ids; an id no objective has answers 400 unknown_partner / unknown_convention listing the known ones), examples=false (imported objectives only); filters echoes them. Each with its partner, indicator, scope, how it is judged (share_of_schools: the share of the scope’s schools whose own value meets threshold must reach target; territory_value: the scope’s ratio of sums must meet target), baseline and deadline, and its status (met, on_track, late, off_track, insufficient_data; rule: the rule text), latest value and expected year.',
    query: objectivesQuery,
    example: '/api/objectives?partner=departement-15',
  },
  {
    path: '/api/objectives/{id}',
    summary: 'One objective: progress, projection, status and who is left behind',
    description: 'The definition; series: the judged value per year (share of schools meeting the threshold in %, with n, meeting and without_value; or the territory’s value) against the target; projection: least-squares line over the years since the baseline, the year it meets the target and Fieller’s 95 % interval (bounded false: the slope is not significant), expected_year = first school year the line meets the target; status with the rule; left_behind: the schools below the bar in the latest year sorted by gap (name, commune, type, sector, value, gap, pupils, real and map positions) and their communes. Demo values carry provenance "synthetic" and a "données fictives" notice.',
    params: objectiveParams,
    example: '/api/objectives/allier-colleges-thd',
  },
  {
    path: '/api/objectives/{id}/left-behind.csv',
    summary: 'Schools or communes below an objective’s bar, as CSV',
    description: 'The left_behind lists of /api/objectives/{id} as CSV (UTF-8 with BOM, cells protected against formula injection), with provenance, notice, example and source columns.',
    params: objectiveParams,
    query: leftBehindQuery,
    example: '/api/objectives/allier-colleges-thd/left-behind.csv?level=commune',
  },
  { path: '/api/compare', summary: 'Territories side by side', description: 'Several territories of any levels on the same indicators, with France. Each value has its provenance and imported_share (importable indicators); each indicator the provenance block (components.schemas.Provenance) of the mix over the territories compared.', query: compareQuery, example: '/api/compare?territories=departement:03,departement:15,departement:43,departement:63&indicators=ips,thd_share' },
];

type Json = Record<string, unknown>;

function parametersOf(doc: RouteDoc): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [['path', doc.params], ['query', doc.query]] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), description, schema: rest });
    }
  }
  return out;
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message', 'param'], properties: { code: { type: 'string' }, message: { type: 'string' }, param: { type: ['string', 'null'] } } } },
};

/** The OpenAPI 3.1 document for `docs` (ROUTE_DOCS plus routes registered elsewhere). */
export function openApiDocument(docs: readonly RouteDoc[], version: string): Json {
  const paths: Json = {};
  for (const doc of docs) {
    paths[doc.path] = {
      get: {
        summary: doc.summary,
        description: doc.description,
        parameters: parametersOf(doc),
        responses: {
          200: { description: 'OK (JSON unless stated). ETag and Cache-Control derived from the warehouse build.' },
          304: { description: 'Not modified (If-None-Match matched the ETag)' },
          400: { description: 'Invalid parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          404: { description: 'Unknown territory or route', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
        ...(doc.example ? { 'x-example': doc.example } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Équité numérique des territoires — API',
      version,
      description: 'Open data on schools’ digital connectivity, equipment and usage by territory (France, Auvergne first). Values whose provenance is "synthetic" are simulated demo data (données fictives).',
      license: { name: 'Data: Licence Ouverte / Etalab 2.0' },
    },
    paths,
    components: { schemas: { Error: errorSchema, Provenance: z.toJSONSchema(provenanceSchema, { unrepresentable: 'any' }) } },
  };
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

/** A readable HTML reference of the OpenAPI document. */
export function docsHtml(doc: Json): string {
  const paths = doc.paths as Record<string, { get: { summary: string; description: string; parameters: Json[]; 'x-example'?: string } }>;
  const sections = Object.entries(paths)
    .map(([path, { get }]) => {
      const rows = get.parameters
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'oui' : ''}</td><td>${esc(p.description)}<br><small><code>${esc(JSON.stringify(p.schema))}</code></small></td></tr>`)
        .join('');
      const example = get['x-example'] ? `<p>Exemple : <a href="${esc(get['x-example'])}"><code>${esc(get['x-example'])}</code></a></p>` : '';
      return `<section><h2><code>GET ${esc(path)}</code></h2><p><strong>${esc(get.summary)}</strong></p><p>${esc(get.description)}</p>${rows ? `<table><thead><tr><th>paramètre</th><th>où</th><th>requis</th><th>description</th></tr></thead><tbody>${rows}</tbody></table>` : ''}${example}</section>`;
    })
    .join('\n');
  const info = doc.info as { title: string; description: string; version: string };
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${esc(info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}code{background:#f2f2f2;padding:0 .2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}section{margin:2rem 0}a{color:#0a4fa3}</style></head>
<body><h1>${esc(info.title)}</h1><p>${esc(info.description)}</p><p>Version ${esc(info.version)} · <a href="/api/openapi.json">openapi.json</a> (OpenAPI 3.1) · Erreurs : <code>{ "error": { "code", "message", "param" } }</code></p>
<section id="donnees-fictives"><h2>Données fictives (provenance <code>synthetic</code>)</h2><p>Les données ouvertes ne contiennent ni l’équipement ni les usages numériques par établissement, ni la connectivité actuelle. Ces indicateurs sont donc remplis par une couche de démonstration : des valeurs <strong>simulées</strong>, déterministes (graine <code>copaneeta-demo-v1</code>), plausibles et liées au contexte réel (densité, couverture FttH 2018, type, secteur, IPS). Elles ne décrivent aucun établissement réel et sont signalées « données fictives » partout où elles apparaissent ; les données réelles importées par les partenaires les remplaceront.</p></section>
<section id="imports"><h2>Imports des partenaires (provenance <code>imported</code>)</h2><p>Les valeurs réelles des partenaires (inventaires, mesures par établissement) remplacent les valeurs fictives pour le même établissement, la même mesure et la même année scolaire. <code>POST /api/admin/imports?kind=measures&amp;body=&lt;organisme&gt;[&amp;dry_run=true][&amp;skip_invalid=true]</code> (ou <code>kind=objectives</code> : objectifs des conventions, fichier JSON au format de <code>server/objectives/examples.json</code>, importé en entier ou refusé ; ou une publication officielle dans son propre format : <code>kind=ips</code> fichier IPS de la DEPP au format ap2022, <code>kind=annuaire</code> export de l’Annuaire de l’éducation (positions exactes, effectifs, nouveaux établissements), <code>kind=arcep</code> déploiements FttH par commune de l’Arcep (nouveau millésime, données ouvertes), <code>kind=boundaries</code> changements de codes communes de l’Insee, ou un GeoJSON de contours des communes (nouvelle construction de toute la géométrie : fonds, tuiles, contiguïtés) ; source et millésime dans <code>/api/health</code>), le fichier (CSV ou Parquet, format long, modèles : <code>/api/templates/{theme}.csv</code>) en corps de requête, avec <code>Authorization: Bearer &lt;jeton&gt;</code> : 201 appliqué, 200 simulation, 422 refusé (rapport : ligne, colonne, raison de chaque problème), 413 trop volumineux, 409 import en cours. Chaque import crée une nouvelle version de l’entrepôt, servie d’un seul coup ; la précédente est conservée (<code>POST /api/admin/rollback</code>). <code>/api/map</code> donne pour chaque territoire la part d’établissements aux valeurs importées (<code>imported_share</code>) et une provenance <code>synthetic</code>, <code>imported</code> ou <code>mixed</code>.</p></section>
${sections}</body></html>`;
}

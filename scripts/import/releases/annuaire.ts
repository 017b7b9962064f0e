/**
 * Kind `annuaire`: the Annuaire de l'éducation export (data.education.gouv.fr
 * `fr-en-annuaire-education`, CSV with `;`, the headers as the portal writes them with labels,
 * e.g. Identifiant_de_l_etablissement, Nom_etablissement, Type_etablissement, Statut_public_prive,
 * Code_commune, Nombre_d_eleves, latitude, longitude, precision_localisation, etat; lower-case
 * field names are accepted too). Only open écoles, collèges and lycées are used: other rows
 * (médico-social, EREA, CIO, services, closed establishments, the collectivités d'outre-mer
 * 975/977/978/98x) are counted as ignored.
 *
 * What it changes: the school's position becomes the file's (position_quality 'exact'), instead
 * of its commune's point; its headcount (Nombre_d_eleves) goes to the release's school year; a
 * school the warehouse does not hold is added (open, of a known commune) with its name, type,
 * sector, commune and position. Rules: UAI well formed with its check letter (else error);
 * commune code known (old codes are re-coded; else error); coordinates inside France (else
 * error); outside the school's département, or a town-level precision ("Ville", "Commune"):
 * warning, the position is not used (the school keeps its previous one); a commune different
 * from the warehouse's: warning (the warehouse's commune is kept); headcount a whole number
 * 0–10,000; names cannot start like a spreadsheet formula; one row per UAI.
 *
 * The release's school year: from the latest date_maj_ligne (September or later → that year,
 * else the year before), or today's date when the column is absent.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { toDisplay } from '../../build/geometry/dromLayout.ts';
import { OUTSIDE_MAP } from './arcep.ts';
import { FRANCE_BOXES, inBox, resolveCode, type WarehouseContext } from './context.ts';
import { uaiCell } from './ips.ts';
import type { ReleaseKind } from './run.ts';
import { normHeader, numberCell, textCell, type ColumnSpec } from './validator.ts';

export interface AnnuaireRow {
  uai: string;
  name: string;
  school_type: 'ecole' | 'college' | 'lycee';
  sector: 'public' | 'prive';
  commune_code: string;
  lon: number | null;
  lat: number | null;
  display_lon: number | null;
  display_lat: number | null;
  position_quality: 'exact' | 'commune' | null;
  pupils: number | null;
  /** date_maj_ligne (YYYY-MM-DD) when given */
  updated: string | null;
  is_new: boolean;
}

const COLUMNS: ColumnSpec[] = [
  { key: 'uai', names: ['Identifiant_de_l_etablissement'], required: true },
  { key: 'name', names: ['Nom_etablissement'], required: true },
  { key: 'type', names: ['Type_etablissement'], required: true },
  { key: 'sector', names: ['Statut_public_prive'], required: true },
  { key: 'commune', names: ['Code_commune'], required: true },
  { key: 'lat', names: ['latitude'], required: true },
  { key: 'lon', names: ['longitude'], required: true },
  { key: 'precision', names: ['precision_localisation'], required: false },
  { key: 'pupils', names: ['Nombre_d_eleves'], required: false },
  { key: 'state', names: ['etat'], required: false },
  { key: 'updated', names: ['date_maj_ligne'], required: false },
];

/** The other columns of the official export (read and ignored). */
export const ANNUAIRE_OFFICIAL_COLUMNS = [
  'Adresse_1', 'Adresse_2', 'Adresse_3', 'Code_postal', 'Nom_commune', 'Libelle_commune', 'Code_departement', 'Code_academie', 'Code_region',
  'Ecole_maternelle', 'Ecole_elementaire', 'Voie_generale', 'Voie_technologique', 'Voie_professionnelle', 'Telephone', 'Fax', 'Web', 'Mail',
  'Restauration', 'Hebergement', 'ULIS', 'Apprentissage', 'Segpa', 'Section_arts', 'Section_cinema', 'Section_theatre', 'Section_sport',
  'Section_internationale', 'Section_europeenne', 'Lycee_Agricole', 'Lycee_militaire', 'Lycee_des_metiers', 'Post_BAC',
  'Appartenance_Education_Prioritaire', 'GRETA', 'SIREN_SIRET', 'Fiche_onisep', 'position', 'Type_contrat_prive', 'Libelle_departement',
  'Libelle_academie', 'Libelle_region', 'coordX_origine', 'coordY_origine', 'epsg_origine', 'nom_circonscription', 'date_ouverture',
  'ministere_tutelle', 'multi_uai', 'rpi_concentre', 'rpi_disperse', 'code_nature', 'libelle_nature', 'Code_type_contrat_prive', 'PIAL',
  'etablissement_mere', 'type_rattachement_etablissement_mere', 'code_circonscription', 'code_zone_animation_pedagogique',
  'libelle_zone_animation_pedagogique', 'code_bassin_formation', 'libelle_bassin_formation',
];

const fold = (s: string) => normHeader(s);

/** Type_etablissement → school type, or null for establishments the dashboard does not map. */
function schoolTypeOf(raw: string): AnnuaireRow['school_type'] | null {
  const t = fold(raw);
  if (t === 'ecole') return 'ecole';
  if (t === 'college') return 'college';
  if (t === 'lycee') return 'lycee';
  return null;
}

/** Precisions that place the school at its town, not at its building. */
const COARSE = new Set(['ville', 'commune', 'code_postal', 'arrondissement', 'departement']);

/** The school year an Annuaire snapshot describes. */
export function annuaireYear(latestUpdate: string | null, today: string): number {
  const d = latestUpdate ?? today;
  const y = Number(d.slice(0, 4));
  return Number(d.slice(5, 7)) >= 9 ? y : y - 1;
}

const TYPE_LABEL = { ecole: 'école', college: 'collège', lycee: 'lycée' } as const;

export const annuaireKind: ReleaseKind<AnnuaireRow> = {
  kind: 'annuaire',
  describe: "the Annuaire de l'éducation export (fr-en-annuaire-education): exact positions, headcounts, new schools",
  touchesSchools: true,
  parser(ctx: WarehouseContext, { today }) {
    return {
      columns: COLUMNS,
      officialExtras: ANNUAIRE_OFFICIAL_COLUMNS.map(normHeader),
      row(r) {
        const type = schoolTypeOf(r.get('type'));
        const state = fold(r.get('state'));
        // other establishments and closed ones are not the dashboard's: ignored, not errors
        if (!type || (state && state !== 'ouvert' && state !== 'a_ouvrir')) return null;
        // schools of the collectivités d'outre-mer: not on the dashboard's map
        if (OUTSIDE_MAP.test(r.get('commune'))) return null;
        const uai = uaiCell(r, r.get('uai'));
        const name = textCell(r, 'name', r.get('name'), 'the name');
        const sectorRaw = fold(r.get('sector'));
        const sector = sectorRaw.startsWith('pub') ? 'public' : sectorRaw.startsWith('priv') ? 'prive' : null;
        if (!sector) r.error('sector', r.get('sector'), 'unknown_value', 'Statut_public_prive must be Public or Privé');
        const commune = resolveCode(ctx, r.get('commune'));
        if (!commune) r.error('commune', r.get('commune'), 'unknown_commune', `commune code ${r.get('commune') || '(empty)'} is not a commune of the warehouse (COG), nor an older code of one`);
        const lat = numberCell(r, 'lat', r.get('lat'), { min: -90, max: 90, what: 'latitude' });
        const lon = numberCell(r, 'lon', r.get('lon'), { min: -180, max: 180, what: 'longitude' });
        const pupils = r.has('pupils') ? numberCell(r, 'pupils', r.get('pupils'), { min: 0, max: 10000, integer: true, what: 'Nombre_d_eleves' }) : null;
        let updated: string | null = null;
        const u = r.get('updated');
        if (u) {
          if (/^\d{4}-\d{2}-\d{2}/.test(u) && u.slice(0, 10) <= today) updated = u.slice(0, 10);
          else r.warn('updated', u, 'invalid_date', 'date_maj_ligne is not a date YYYY-MM-DD up to today: not used');
        }
        if (uai === undefined || name === undefined || !sector || !commune || lat === undefined || lon === undefined || pupils === undefined) return undefined;
        const known = ctx.schools.get(uai);
        if (known && known.school_type !== type) {
          r.error('type', r.get('type'), 'wrong_school_type', `${uai} is a${known.school_type === 'ecole' ? 'n' : ''} ${TYPE_LABEL[known.school_type as keyof typeof TYPE_LABEL] ?? known.school_type} in the warehouse, not a${type === 'ecole' ? 'n' : ''} ${TYPE_LABEL[type]}`);
          return undefined;
        }
        const communeCode = known?.commune_code ?? commune;
        if (known && known.commune_code !== commune) {
          r.warn('commune', r.get('commune'), 'commune_differs', `the warehouse places ${uai} in commune ${known.commune_code}, the file in ${commune}: the warehouse's commune is kept`);
        }
        const dep = ctx.communes.get(communeCode)?.departement_code ?? known?.departement_code ?? '';
        let position: AnnuaireRow['position_quality'] = null;
        let at: [number, number] | null = null;
        if (lat === null || lon === null) {
          if (known) r.warn('lat', '', 'coarse_position', 'no coordinates: the school keeps its position');
        } else if (!FRANCE_BOXES.some((f) => inBox(f.box, lon, lat))) {
          r.error('lat', `${lat}, ${lon}`, 'outside_france', `latitude ${lat}, longitude ${lon} is outside metropolitan France and the five DROM (latitude and longitude swapped?)`);
          return undefined;
        } else {
          const box = ctx.departementBoxes.get(dep);
          if (box && !inBox(box, lon, lat)) {
            r.warn('lat', `${lat}, ${lon}`, 'outside_departement', `latitude ${lat}, longitude ${lon} is outside département ${dep} of the school's commune ${communeCode}: the position is not used`);
          } else if (COARSE.has(fold(r.get('precision')))) {
            r.warn('precision', r.get('precision'), 'coarse_position', `the position is only precise to the "${r.get('precision')}": not used`);
          } else {
            position = 'exact';
            at = [lon, lat];
          }
        }
        if (!known && !at) {
          // a new school without a usable position: its commune's point
          const c = ctx.communes.get(communeCode);
          if (c && c.lon !== null && c.lat !== null) {
            position = 'commune';
            at = [c.lon, c.lat];
          }
        }
        const display = at && dep ? toDisplay(at[0], at[1], dep) : at;
        return {
          uai, name, school_type: type, sector, commune_code: communeCode,
          lon: at?.[0] ?? null, lat: at?.[1] ?? null, display_lon: display?.[0] ?? null, display_lat: display?.[1] ?? null,
          position_quality: position, pupils, updated, is_new: !known,
        };
      },
      key: (row) => `UAI ${row.uai}`,
    };
  },
  summarize(rows, ctx, _v, { today }) {
    const latest = rows.reduce<string | null>((m, r) => (r.updated && (!m || r.updated > m) ? r.updated : m), null);
    const year = annuaireYear(latest, today);
    return {
      source: {
        id: `annuaire-education-${latest ?? today}`,
        title: "Annuaire de l'éducation",
        producer: 'Ministère de l’Éducation nationale (MENJ)',
        vintage: `extraction du ${latest ?? today} (rentrée ${year}-${year + 1})`,
        licence: 'Licence Ouverte / Etalab 2.0',
        page: 'https://data.education.gouv.fr/explore/dataset/fr-en-annuaire-education/',
      },
      counts: {
        schools: rows.length,
        schools_added: rows.filter((r) => r.is_new).length,
        positions_exact: rows.filter((r) => r.position_quality === 'exact').length,
        positions_replacing_commune_points: rows.filter((r) => r.position_quality === 'exact' && !r.is_new && ctx.schools.get(r.uai)?.position_quality !== 'exact').length,
        positions_not_used: rows.filter((r) => !r.is_new && r.position_quality === null).length,
        headcounts: rows.filter((r) => r.pupils !== null).length,
        school_year: year,
      },
      details: { school_year: [`${year}-${year + 1}`], added: rows.filter((r) => r.is_new).map((r) => r.uai) },
    };
  },
  async stage(conn: DuckDBConnection, rows, importId, summary) {
    const year = summary.counts.school_year ?? null;
    const ap = await conn.createAppender('release_schools');
    const num = (v: number | null) => (v === null ? ap.appendNull() : ap.appendDouble(v));
    for (const r of rows) {
      ap.appendVarchar(importId);
      ap.appendVarchar(r.uai);
      ap.appendVarchar(r.name);
      ap.appendVarchar(r.school_type);
      ap.appendVarchar(r.sector);
      ap.appendVarchar(r.commune_code);
      num(r.lon);
      num(r.lat);
      num(r.display_lon);
      num(r.display_lat);
      if (r.position_quality === null) ap.appendNull();
      else ap.appendVarchar(r.position_quality);
      num(r.pupils);
      if (year === null) ap.appendNull();
      else ap.appendInteger(year);
      ap.appendBoolean(r.is_new);
      ap.endRow();
    }
    ap.closeSync();
  },
};

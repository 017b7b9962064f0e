/**
 * COG normalisation: the current communes (COG 2026, metropolitan France and DROM) from
 * `@etalab/decoupage-administratif`, and a resolver that maps any code seen in older or other
 * sources (Paris/Lyon/Marseille arrondissements, communes déléguées or associées, former codes of
 * merged communes, 4-digit codes that lost their leading zero) to the current commune.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface CogCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  zone?: string;
  departement?: string;
  region?: string;
  population?: number;
  chefLieu?: string;
  commune?: string;
  anciensCodes?: string[];
}
export interface CogDepartement { code: string; nom: string; region: string; zone: string }
export interface CogRegion { code: string; nom: string; zone: string }
export interface CogEpci { code: string; nom: string; membres: { code: string }[] }

export interface Cog {
  communes: CogCommune[];
  departements: CogDepartement[];
  regions: CogRegion[];
  epci: CogEpci[];
}

export type AliasKind = 'current' | 'arrondissement' | 'deleguee' | 'associee' | 'ancien' | 'padded';

export interface Resolution {
  code: string;
  kind: AliasKind;
}

/** Zones kept as territories: metropolitan France and the five DROM (the IPS files' scope). */
const ZONES = new Set(['metro', 'drom']);

/** Loads the package's data, restricted to metropolitan France and the DROM. */
export function loadCog(): Cog {
  const pkg = '@etalab/decoupage-administratif/data';
  const all = require(`${pkg}/communes.json`) as CogCommune[];
  const departements = (require(`${pkg}/departements.json`) as CogDepartement[]).filter((d) => ZONES.has(d.zone));
  const regions = (require(`${pkg}/regions.json`) as CogRegion[]).filter((r) => ZONES.has(r.zone));
  const epci = require(`${pkg}/epci.json`) as CogEpci[];
  return { communes: all.filter((c) => !c.zone || ZONES.has(c.zone) || c.type !== 'commune-actuelle'), departements, regions, epci };
}

/** Builds the alias table (any code → current commune) from the COG communes. */
export function buildAliases(communes: readonly CogCommune[]): Map<string, Resolution> {
  const current = new Set(communes.filter((c) => c.type === 'commune-actuelle').map((c) => c.code));
  const aliases = new Map<string, Resolution>();
  for (const code of current) aliases.set(code, { code, kind: 'current' });
  const add = (alias: string, code: string | undefined, kind: AliasKind) => {
    if (code && current.has(code) && !aliases.has(alias)) aliases.set(alias, { code, kind });
  };
  for (const c of communes) {
    if (c.type === 'arrondissement-municipal') add(c.code, c.commune, 'arrondissement');
    else if (c.type === 'commune-deleguee') add(c.code, c.chefLieu, 'deleguee');
    else if (c.type === 'commune-associee') add(c.code, c.chefLieu, 'associee');
  }
  for (const c of communes) {
    if (c.type !== 'commune-actuelle') continue;
    for (const old of c.anciensCodes ?? []) add(old, c.code, 'ancien');
  }
  return aliases;
}

/** Normalises a raw commune code from a source (trims, restores a lost leading zero). */
export function cleanCommuneCode(raw: string): string {
  const s = raw.trim().toUpperCase();
  return /^\d{4}$/.test(s) ? `0${s}` : s;
}

/** Resolves a raw commune code to the current commune, or null when it is unknown. */
export function resolveCommune(aliases: Map<string, Resolution>, raw: string): Resolution | null {
  const code = cleanCommuneCode(raw);
  const hit = aliases.get(code);
  if (!hit) return null;
  return code !== raw.trim() && hit.kind === 'current' ? { code: hit.code, kind: 'padded' } : hit;
}

/** Normalises a département code from a source: "001" → "01", "02A" → "2A", "971" stays. */
export function cleanDepartementCode(raw: string): string {
  const s = raw.trim().toUpperCase();
  if (/^0\d[\dAB]$/.test(s)) return s.slice(1);
  if (/^\d$/.test(s)) return `0${s}`;
  return s;
}

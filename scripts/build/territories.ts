/**
 * Builds the `territories` rows (régions, académies, départements, communes, EPCI) from the COG
 * and the geometry facts: code, name, parent codes at every level above, population, land area
 * and density. Upper levels sum their communes.
 */
import type { AcademieOfDepartement } from './academies.ts';
import type { Cog } from './cog.ts';

export interface TerritoryRow {
  level: 'region' | 'academie' | 'departement' | 'commune' | 'epci';
  code: string;
  name: string;
  region_code: string | null;
  academie_code: string | null;
  departement_code: string | null;
  epci_code: string | null;
  population: number | null;
  area_km2: number | null;
  density: number | null;
  has_geometry: boolean;
}

export interface CommuneGeoFacts {
  areaKm2: number | null;
  hasGeometry: boolean;
}

/** All territory rows; communes of the scope only (metropolitan France and DROM). */
export function buildTerritories(
  cog: Cog,
  academies: Map<string, AcademieOfDepartement>,
  geo: Map<string, CommuneGeoFacts>,
): TerritoryRow[] {
  const depRegion = new Map(cog.departements.map((d) => [d.code, d.region]));
  const epciOf = new Map<string, string>();
  for (const e of cog.epci) for (const m of e.membres) epciOf.set(m.code, e.code);

  const communes: TerritoryRow[] = [];
  for (const c of cog.communes) {
    if (c.type !== 'commune-actuelle' || !c.departement || !depRegion.has(c.departement)) continue;
    const g = geo.get(c.code);
    const area = g?.areaKm2 ?? null;
    const population = c.population ?? null;
    communes.push({
      level: 'commune',
      code: c.code,
      name: c.nom,
      region_code: c.region ?? depRegion.get(c.departement) ?? null,
      academie_code: academies.get(c.departement)?.academieCode ?? null,
      departement_code: c.departement,
      epci_code: epciOf.get(c.code) ?? null,
      population,
      area_km2: area,
      density: area && population !== null ? population / area : null,
      has_geometry: g?.hasGeometry ?? false,
    });
  }

  const sums = (key: 'region_code' | 'academie_code' | 'departement_code' | 'epci_code') => {
    const m = new Map<string, { population: number; area: number }>();
    for (const c of communes) {
      const k = c[key];
      if (!k) continue;
      const s = m.get(k) ?? { population: 0, area: 0 };
      s.population += c.population ?? 0;
      s.area += c.area_km2 ?? 0;
      m.set(k, s);
    }
    return m;
  };
  const upper = (
    level: TerritoryRow['level'],
    code: string,
    name: string,
    parents: Pick<TerritoryRow, 'region_code' | 'academie_code' | 'departement_code'>,
    s: { population: number; area: number } | undefined,
    hasGeometry = true,
  ): TerritoryRow => ({
    level,
    code,
    name,
    ...parents,
    epci_code: null,
    population: s?.population ?? null,
    area_km2: s?.area ?? null,
    density: s && s.area > 0 ? s.population / s.area : null,
    has_geometry: hasGeometry,
  });

  const byDep = sums('departement_code');
  const byAca = sums('academie_code');
  const byReg = sums('region_code');
  const byEpci = sums('epci_code');
  const rows: TerritoryRow[] = [];
  for (const r of cog.regions) {
    rows.push(upper('region', r.code, r.nom, { region_code: null, academie_code: null, departement_code: null }, byReg.get(r.code)));
  }
  const academieRows = new Map<string, TerritoryRow>();
  for (const d of cog.departements) {
    const a = academies.get(d.code);
    if (!a) continue;
    if (!academieRows.has(a.academieCode)) {
      academieRows.set(
        a.academieCode,
        upper('academie', a.academieCode, a.academieName, { region_code: d.region, academie_code: null, departement_code: null }, byAca.get(a.academieCode)),
      );
    }
    rows.push(upper('departement', d.code, d.nom, { region_code: d.region, academie_code: a.academieCode, departement_code: null }, byDep.get(d.code)));
  }
  rows.push(...academieRows.values());
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  for (const e of cog.epci) {
    const first = e.membres.find((m) => communeByCode.has(m.code));
    if (!first) continue;
    const c = communeByCode.get(first.code);
    rows.push(
      upper('epci', e.code, e.nom, { region_code: c?.region_code ?? null, academie_code: null, departement_code: c?.departement_code ?? null }, byEpci.get(e.code), false),
    );
  }
  return [...rows, ...communes];
}

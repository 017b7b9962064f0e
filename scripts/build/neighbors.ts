// Commune contiguity for the spatial statistics of /api/equity (table `commune_neighbors`):
// queen contiguity on the real commune polygons, i.e. two communes are neighbours when their
// boundaries share at least one vertex (a border segment or a single corner). Pure, no I/O.
//
// This relies on the boundary file being topologically clean: a border between two communes is
// stored with the very same vertices on both sides (ADMIN EXPRESS derived files are; the build on
// the mirror checks it through the rook ⊂ queen test in neighbors.test.ts and the row counts).
// Communes without a polygon of their own and islands (Ouessant, Île d'Yeu, …) get no row.
import type { MultiPolygon, Polygon } from 'geojson';

/** One direction of a contiguity link; the table holds both directions. */
export interface NeighborRow {
  code: string;
  neighbor: string;
}

/** A polygon with its commune code (real WGS84 coordinates, as read from the boundaries file). */
export interface CodedPolygon {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Queen contiguity: every pair of distinct codes whose rings share a vertex, both directions,
 * sorted by code then neighbour. A code listed twice is treated as one commune.
 */
export function communeNeighbors(communes: readonly CodedPolygon[]): NeighborRow[] {
  const codes = [...new Set(communes.map((c) => c.code))].sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  const n = codes.length;
  // x → y → owners of that vertex (one index, or a list when several communes share it)
  const vertices = new Map<number, Map<number, number | number[]>>();
  const pairs = new Set<number>();
  for (const c of communes) {
    const i = index.get(c.code) as number;
    const polygons = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const position of ring) {
          const x = position[0] as number;
          const y = position[1] as number;
          let column = vertices.get(x);
          if (!column) vertices.set(x, (column = new Map()));
          const owners = column.get(y);
          if (owners === undefined) column.set(y, i);
          else if (typeof owners === 'number') {
            if (owners !== i) {
              column.set(y, [owners, i]);
              pairs.add(Math.min(owners, i) * n + Math.max(owners, i));
            }
          } else if (!owners.includes(i)) {
            for (const o of owners) pairs.add(Math.min(o, i) * n + Math.max(o, i));
            owners.push(i);
          }
        }
      }
    }
  }
  const rows: NeighborRow[] = [];
  for (const p of pairs) {
    const a = codes[Math.floor(p / n)] as string;
    const b = codes[p % n] as string;
    rows.push({ code: a, neighbor: b }, { code: b, neighbor: a });
  }
  rows.sort((r, s) => (r.code < s.code ? -1 : r.code > s.code ? 1 : r.neighbor < s.neighbor ? -1 : r.neighbor > s.neighbor ? 1 : 0));
  return rows;
}

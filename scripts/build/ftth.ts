/**
 * Builds the `commune_ftth` rows: ARCEP's FttH-ready premises (T1 2018) over dwellings +
 * businesses, re-coded from COG 2018 to COG 2026 (communes merged since are summed).
 */
import type { ArcepCommuneRow, FtthRow } from '../parse/arcep.ts';
import { resolveCommune, type Resolution } from './cog.ts';
import type { BuildReport } from './report.ts';

export interface CommuneFtthRow {
  code: string;
  quarter: string;
  premises_ftth: number;
  premises_total: number;
}

/** Sums both files per current commune; rows whose code cannot be re-coded are reported. */
export function buildFtth(
  ftth: FtthRow[],
  communes: ArcepCommuneRow[],
  aliases: Map<string, Resolution>,
  files: { ftth: { id: string; file: string }; communes: { id: string; file: string } },
  report: BuildReport,
): { rows: CommuneFtthRow[]; joined: number; read: number } {
  const acc = new Map<string, CommuneFtthRow>();
  const get = (code: string, quarter: string) => {
    let r = acc.get(code);
    if (!r) acc.set(code, (r = { code, quarter, premises_ftth: 0, premises_total: 0 }));
    return r;
  };
  let joined = 0;
  const quarter = ftth[0]?.quarter ?? 'T1 2018';
  for (const row of communes) {
    const res = resolveCommune(aliases, row.communeCode);
    if (!res) {
      report.add({ source: files.communes.id, file: files.communes.file, line: row.line, reason: 'COG 2018 commune code unknown in COG 2026', value: row.communeCode });
      continue;
    }
    joined++;
    get(res.code, quarter).premises_total += row.logements + row.etablissements;
  }
  for (const row of ftth) {
    const res = resolveCommune(aliases, row.communeCode);
    if (!res) {
      report.add({ source: files.ftth.id, file: files.ftth.file, line: row.line, reason: 'COG 2018 commune code unknown in COG 2026', value: row.communeCode });
      continue;
    }
    get(res.code, row.quarter).premises_ftth += row.premisesFtth;
  }
  return { rows: [...acc.values()], joined, read: communes.length };
}

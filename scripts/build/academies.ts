/**
 * Académies: the ministry's académie code and name for every département, read from the MENJ
 * establishment file (each collège carries code_departement, code_academie, libelle_academie).
 * Every département of the scope must get exactly one académie, or the build stops.
 */
import { headerIndex, readCsv } from '../parse/csv.ts';
import { cleanDepartementCode } from './cog.ts';

export interface AcademieOfDepartement {
  academieCode: string;
  academieName: string;
}

/** Maps each département code to its académie; throws when one is missing or ambiguous. */
export function academiesByDepartement(
  text: string,
  departementCodes: readonly string[],
  file: string,
): Map<string, AcademieOfDepartement> {
  const records = readCsv(text, ';');
  const header: string[] = records.next().value?.fields ?? [];
  const col = headerIndex(
    header,
    { dep: ['code_departement'], code: ['code_academie'], name: ['libelle_academie'] },
    file,
  );
  const seen = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  for (const { fields } of records) {
    const dep = cleanDepartementCode(fields[col.dep] ?? '');
    const code = (fields[col.code] ?? '').trim().padStart(2, '0');
    if (!dep || !code) continue;
    if (!seen.has(dep)) seen.set(dep, new Set());
    seen.get(dep)?.add(code);
    names.set(code, (fields[col.name] ?? '').trim());
  }
  const out = new Map<string, AcademieOfDepartement>();
  const problems: string[] = [];
  for (const dep of departementCodes) {
    const codes = [...(seen.get(dep) ?? [])];
    if (codes.length !== 1) problems.push(`${dep}: ${codes.length ? codes.join('/') : 'none'}`);
    else {
      const academieCode = codes[0] ?? '';
      out.set(dep, { academieCode, academieName: names.get(academieCode) ?? academieCode });
    }
  }
  if (problems.length) throw new Error(`${file}: académie not determined for département(s) ${problems.join(', ')}`);
  return out;
}

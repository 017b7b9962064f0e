/**
 * Parser for the MENJ "adresse et géolocalisation des établissements" file: exact WGS84
 * positions by UAI, with the geocoding quality (`appariement`). Positions whose geocoding is
 * flagged wrong ("Erreur", "Mauvaise") or missing are not used: the school falls back to its
 * commune's point.
 */
import type { BuildReport } from '../build/report.ts';
import { headerIndex, parseNumber, readCsv } from './csv.ts';

export interface GeolocRow {
  uai: string;
  lat: number;
  lon: number;
  quality: string;
  line: number;
}

const REJECTED_QUALITY = new Set(['erreur', 'mauvaise']);

/** Parses the geolocation file; unusable positions are reported and left out. */
export function parseGeoloc(text: string, src: { id: string; file: string }, report: BuildReport): GeolocRow[] {
  const records = readCsv(text, ';');
  const header: string[] = records.next().value?.fields ?? [];
  const col = headerIndex(
    header,
    { uai: ['numero_uai'], lat: ['latitude'], lon: ['longitude'], quality: ['appariement'] },
    src.file,
  );
  const out: GeolocRow[] = [];
  for (const { line, fields } of records) {
    const get = (i: number) => (fields[i] ?? '').trim();
    const uai = get(col.uai).toUpperCase();
    const lat = parseNumber(get(col.lat));
    const lon = parseNumber(get(col.lon));
    const quality = get(col.quality);
    const problem =
      lat === null || lon === null
        ? 'no coordinates'
        : Number.isNaN(lat) || Number.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180
          ? 'coordinates out of range'
          : REJECTED_QUALITY.has(quality.toLowerCase())
            ? `geocoding flagged "${quality}"`
            : null;
    if (problem || lat === null || lon === null) {
      report.add({ source: src.id, file: src.file, line, reason: problem ?? 'no coordinates', value: uai });
      continue;
    }
    out.push({ uai, lat, lon, quality, line });
  }
  return out;
}

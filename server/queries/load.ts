/**
 * Named SQL queries: one `.sql` file per query in this folder, read once at start-up.
 * Values are always bound parameters (`$name`); the only text substituted into SQL is an
 * identifier chosen from an allow-list (see `levelColumn`).
 */
import { readFileSync } from 'node:fs';
import { LEVELS, type Level } from '../indicators/catalog.ts';

const cache = new Map<string, string>();

/** The text of `server/queries/<name>.sql`. */
export function sql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./${name}.sql`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return text;
}

const LEVEL_COLUMNS: Record<Level, string> = {
  region: 'region_code',
  academie: 'academie_code',
  departement: 'departement_code',
  commune: 'commune_code',
};

/** The `facts` column holding a level's code; throws on anything outside the allow-list. */
export function levelColumn(level: Level): string {
  if (!(LEVELS as readonly string[]).includes(level)) throw new Error(`not a level: ${level}`);
  return LEVEL_COLUMNS[level];
}

/** A query text with `{{level_col}}` / `{{within_col}}` replaced by allow-listed identifiers. */
export function withColumns(text: string, cols: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const col = cols[key];
    if (!col || !Object.values(LEVEL_COLUMNS).includes(col)) throw new Error(`column not allowed: ${key}`);
    return col;
  });
}

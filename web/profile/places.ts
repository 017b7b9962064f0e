/**
 * Where a sentence takes place, in French and English: "dans le Cantal", "en Haute-Loire",
 * "dans l’académie de Clermont-Ferrand", "à Saint-Flour", "au Puy-en-Velay", "en France";
 * "in Cantal", "in the académie of Clermont-Ferrand". French articles come from INSEE's TNCC
 * (the server's placePhrase, fed the COG of @etalab/decoupage-administratif), and "que" elides
 * before a vowel ("qu’en France"). Pure.
 */
import departements from '@etalab/decoupage-administratif/data/departements.json';
import regions from '@etalab/decoupage-administratif/data/regions.json';
import { placePhrase } from '../../server/equity/summary.ts';
import type { Lang } from '../i18n/index.ts';

/** A place: a territory of any level, or France. */
export interface Place {
  level: 'region' | 'academie' | 'departement' | 'commune' | 'france';
  code: string;
  name: string;
}

const TNCC = new Map<string, number>([
  ...departements.map((d) => [`departement:${d.code}`, d.typeLiaison] as const),
  ...regions.map((r) => [`region:${r.code}`, r.typeLiaison] as const),
]);

/** "à Saint-Flour", "au Puy-en-Velay", "aux Martres-de-Veyre", "à La Bourboule". */
function communePhrase(name: string): string {
  if (/^Le /.test(name)) return `au ${name.slice(3)}`;
  if (/^Les /.test(name)) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}

/** The place phrase: "dans le Cantal" / "in Cantal". */
export function placeIn(lang: Lang, place: Place): string {
  if (lang === 'en') {
    if (place.level === 'academie') return `in the académie of ${place.name}`;
    return `in ${place.level === 'france' ? 'France' : place.name}`;
  }
  if (place.level === 'france') return 'en France';
  if (place.level === 'commune') return communePhrase(place.name);
  return placePhrase({ level: place.level, code: place.code, name: place.name, tncc: TNCC.get(`${place.level}:${place.code}`) ?? null });
}

/** "que dans le Cantal", "qu’en France", "qu’à Saint-Flour" / "than in Cantal". */
export function placeThan(lang: Lang, place: Place): string {
  const phrase = placeIn(lang, place);
  if (lang === 'en') return `than ${phrase}`;
  return /^[aeiouàâéèêîôu]/i.test(phrase) ? `qu’${phrase}` : `que ${phrase}`;
}

/** The name with its level when the name alone is ambiguous: "académie de Clermont-Ferrand". */
export function placeName(lang: Lang, place: Place): string {
  if (place.level === 'academie') return lang === 'fr' ? `académie ${/^[aeiouyàâéèêîôu]/i.test(place.name) ? 'd’' : 'de '}${place.name}` : `académie of ${place.name}`;
  return place.level === 'france' ? 'France' : place.name;
}

/**
 * The place as the object of a phrase, with its article: "le Cantal", "la Haute-Loire",
 * "l’Allier", "les Bouches-du-Rhône", "l’académie de Clermont-Ferrand", "la France",
 * "le Puy-en-Velay"; English: "Cantal", "the académie of Clermont-Ferrand", "France".
 */
export function placeWithArticle(lang: Lang, place: Place): string {
  if (lang === 'en') return place.level === 'academie' ? `the ${placeName(lang, place)}` : placeName(lang, place);
  if (place.level === 'france') return 'la France';
  if (place.level === 'academie') return `l’${placeName(lang, place)}`;
  if (place.level === 'commune') return place.name.replace(/^(Le|La|Les) /, (a) => a.toLowerCase());
  const tncc = TNCC.get(`${place.level}:${place.code}`) ?? null;
  const article: Record<number, string> = { 2: 'le ', 3: 'la ', 4: 'les ', 5: 'l’' };
  return `${(tncc !== null && article[tncc]) || ''}${place.name}`;
}

/** First letter in upper case ("dans le Cantal" → "Dans le Cantal", "à Murat" → "À Murat"). */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

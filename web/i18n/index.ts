/**
 * Tiny i18n: two dictionaries (fr default, en), `t()` with `{param}` substitution, and
 * `pick()` for the `{fr, en}` labels the API returns.
 */
import type { Localized } from '../../server/indicators/catalog.ts';
import { en } from './en.ts';
import { fr, type Dictionary, type MessageKey } from './fr.ts';

export type { MessageKey } from './fr.ts';
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';

const DICTIONARIES: Record<Lang, Dictionary> = { fr, en };

/** BCP 47 locale used for number and date formatting. */
export function localeOf(lang: Lang): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

/** True when `s` is a supported language code. */
export function isLang(s: unknown): s is Lang {
  return s === 'fr' || s === 'en';
}

/** The message `key` in `lang`, with `{name}` replaced by `params.name`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The `lang` text of an API label, falling back to French. */
export function pick(lang: Lang, label: Localized): string {
  return label[lang] || label.fr;
}

/** Labels of school types and sectors for the objective tables (unknown codes shown as is). */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';

const TYPES: Record<string, MessageKey> = { ecole: 'school.ecole', college: 'school.college', lycee: 'school.lycee' };
const SECTORS: Record<string, MessageKey> = { public: 'sector.public', prive: 'sector.prive' };

export const typeLabel = (lang: Lang, code: string | null): string => (code === null ? '' : TYPES[code] ? t(lang, TYPES[code]) : code);
export const sectorLabel = (lang: Lang, code: string | null): string => (code === null ? '' : SECTORS[code] ? t(lang, SECTORS[code]) : code);

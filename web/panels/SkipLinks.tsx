/**
 * Skip links, the first things a keyboard reaches: to the territory table (the map's
 * accessible equivalent) and to the search box. They move focus themselves (no `#hash` is left
 * in the shareable URL) and show only when focused.
 */
import { t, type Lang } from '../i18n/index.ts';
import { SEARCH_INPUT_ID } from './SearchBox.tsx';
import { TABLE_GRID_ID } from './TerritoryTable.tsx';

const LINKS = [
  { target: TABLE_GRID_ID, key: 'skip.table' },
  { target: SEARCH_INPUT_ID, key: 'skip.search' },
] as const;

export function SkipLinks({ lang }: { lang: Lang }) {
  return (
    <nav className="skip-links" aria-label={t(lang, 'skip.label')}>
      {LINKS.map(({ target, key }) => (
        <a
          key={target}
          href={`#${target}`}
          className="skip-link"
          onClick={(e) => {
            const el = document.getElementById(target);
            if (!el) return;
            e.preventDefault();
            el.focus();
            el.scrollIntoView({ block: 'nearest' });
          }}
        >
          {t(lang, key)}
        </a>
      ))}
    </nav>
  );
}

/**
 * Shortcuts to the overseas départements, drawn in insets west of metropolitan France: one
 * button per inset (flies to its frame) and one back to metropolitan France. The camera they
 * set is written to the URL, like a pan.
 */
import type { TerritoryCollection } from '../api/types.ts';
import { t, type Lang } from '../i18n/index.ts';
import { boundsOf, METROPOLE_BOUNDS, type Bounds } from './style.ts';

interface Props {
  lang: Lang;
  insets: TerritoryCollection | undefined;
  onFly: (bounds: Bounds) => void;
}

export function DromShortcuts({ lang, insets, onFly }: Props) {
  const frames = (insets?.features ?? []).flatMap((f) => {
    const b = boundsOf({ type: 'FeatureCollection', features: [f] });
    return b ? [{ code: f.properties.code, name: f.properties.name, bounds: b }] : [];
  });
  return (
    <nav className="drom-shortcuts" aria-label={t(lang, 'map.shortcuts')}>
      <button type="button" title={t(lang, 'map.metropoleTitle')} onClick={() => onFly(METROPOLE_BOUNDS)}>
        {t(lang, 'map.metropole')}
      </button>
      {frames.map((f) => (
        <button key={f.code} type="button" data-code={f.code} onClick={() => onFly(f.bounds)}>
          {f.name}
        </button>
      ))}
    </nav>
  );
}

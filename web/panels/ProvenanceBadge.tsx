/**
 * The provenance badge next to the map title. "Données fictives" is loud (demo values must never
 * pass for measurements); "Donnée historique (T1 2018)" names the vintage. The explanation
 * shows on hover and keyboard focus, and is the badge's accessible description.
 */
import { useId } from 'react';
import type { Indicator } from '../api/types.ts';
import { t, type Lang } from '../i18n/index.ts';
import { badgeText, EXPLAIN } from './provenance.ts';

export function ProvenanceBadge({ lang, indicator }: { lang: Lang; indicator: Indicator }) {
  const id = useId();
  const explain = EXPLAIN[indicator.provenance];
  return (
    <span
      className={`badge badge-${indicator.provenance}`}
      data-testid="provenance-badge"
      data-provenance={indicator.provenance}
      tabIndex={explain ? 0 : undefined}
      aria-describedby={explain ? id : undefined}
    >
      {indicator.provenance === 'synthetic' ? (
        <span className="badge-icon" aria-hidden="true">
          !
        </span>
      ) : null}
      {badgeText(lang, indicator)}
      {explain ? (
        <span role="tooltip" id={id} className="badge-tip">
          {t(lang, explain)}
        </span>
      ) : null}
    </span>
  );
}

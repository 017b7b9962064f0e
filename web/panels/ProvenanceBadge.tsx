/**
 * The provenance badge next to the map title. "Données fictives" is loud (demo values must never
 * pass for measurements), and so is "En partie importées (42 %)" (the rest is demo data);
 * "Données importées (Région, 15 avril 2026)" names the importing bodies and date; "Donnée
 * historique (T1 2018)" names the vintage. With `mix` (the map's answer) the badge describes the
 * values shown, else the indicator's catalog provenance. The explanation shows on hover and
 * keyboard focus, and is the badge's accessible description.
 */
import { useId } from 'react';
import type { Indicator } from '../api/types.ts';
import type { Lang } from '../i18n/index.ts';
import { badgeText, explainText, includesDemo, provenanceText, type ProvenanceMix } from './provenance.ts';

export function ProvenanceBadge({ lang, indicator, mix }: { lang: Lang; indicator: Indicator; mix?: ProvenanceMix | null }) {
  const id = useId();
  const shown: ProvenanceMix = mix ?? { provenance: indicator.provenance };
  const explain = explainText(lang, shown);
  return (
    <span
      className={`badge badge-${shown.provenance === 'mixed' ? 'synthetic badge-mixed' : shown.provenance}`}
      data-testid="provenance-badge"
      data-provenance={shown.provenance}
      tabIndex={explain ? 0 : undefined}
      aria-describedby={explain ? id : undefined}
    >
      {includesDemo(shown.provenance) ? (
        <span className="badge-icon" aria-hidden="true">
          !
        </span>
      ) : null}
      {mix ? provenanceText(lang, shown, indicator) : badgeText(lang, indicator)}
      {explain ? (
        <span role="tooltip" id={id} className="badge-tip">
          {explain}
        </span>
      ) : null}
    </span>
  );
}

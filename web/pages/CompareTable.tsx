/**
 * The comparison as a table: one row per indicator (with its year and provenance), one column
 * per territory (name and level) and France; values in the language's format, a star on values
 * resting on fewer than 5 schools, a mark on values resting wholly (●) or partly (◐) on partners'
 * imported data, and the indicator's provenance over the territories compared.
 */
import type { CompareResponse } from '../api/profile.ts';
import { fmt } from '../charts/scales.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { tagClass } from '../panels/figures.ts';
import { provenanceText, valueNote } from '../panels/provenance.ts';
import { columnName, type Multiple } from './compareData.ts';

export function CompareTable({ lang, data, multiples }: { lang: Lang; data: CompareResponse; multiples: readonly Multiple[] }) {
  return (
    <section aria-labelledby="cp-table-title" data-testid="compare-table">
      <h2 id="cp-table-title">{t(lang, 'compare.table')}</h2>
      <div className="cp-table-scroll">
        <table className="pp-table cp-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'profile.indicator')}</th>
              {data.territories.map((terr) => (
                <th key={terr.territory} scope="col">
                  {columnName(lang, terr)}
                </th>
              ))}
              <th scope="col">{t(lang, 'panel.france')}</th>
            </tr>
          </thead>
          <tbody>
            {multiples.map((m) => {
              const unit = pick(lang, m.indicator.unit);
              const k = data.indicators.findIndex((i) => i.id === m.indicator.id);
              const meta = data.indicators[k];
              const note = valueNote(lang, meta ?? m);
              return (
                <tr key={m.indicator.id}>
                  <th scope="row">
                    {pick(lang, m.indicator.label)} <span className="pp-year">{m.year}</span>
                    {note ? <span className={tagClass(m.provenance)} data-provenance={m.provenance}>{note}</span> : null}
                  </th>
                  {m.rows.map((r) => {
                    const v = r.france ? undefined : data.territories.find((terr) => terr.territory === r.key)?.values[k];
                    const imported = v && (v.provenance === 'imported' || v.provenance === 'mixed') && r.value !== null ? v : null;
                    return (
                      <td key={r.key}>
                        {fmt(lang, r.value, m.indicator.decimals, unit)}
                        {!r.france && m.lowN.includes(r.label) ? <span className="tt-lown">*</span> : null}
                        {imported ? (
                          <span className={`cp-prov cp-prov-${imported.provenance}`} data-provenance={imported.provenance} title={provenanceText(lang, imported, m.indicator)}>
                            <span aria-hidden="true">{imported.provenance === 'imported' ? '●' : '◐'}</span>
                            <span className="sr-only"> {provenanceText(lang, imported, m.indicator)}</span>
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {multiples.some((m) => m.lowN.length > 0) ? <p className="pp-note">{t(lang, 'table.lowN', { min: 5 })}</p> : null}
      {multiples.some((m) => m.provenance === 'imported' || m.provenance === 'mixed') ? <p className="pp-note">{t(lang, 'compare.provNote')}</p> : null}
    </section>
  );
}

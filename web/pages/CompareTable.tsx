/**
 * The comparison as a table: one row per indicator (with its year and provenance), one column
 * per territory (name and level) and France; values in the language's format, a star on values
 * resting on fewer than 5 schools.
 */
import type { CompareResponse } from '../api/profile.ts';
import { fmt } from '../charts/scales.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { provenanceNote } from '../profile/sentences.ts';
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
              const note = provenanceNote(lang, m.provenance);
              return (
                <tr key={m.indicator.id}>
                  <th scope="row">
                    {pick(lang, m.indicator.label)} <span className="pp-year">{m.year}</span>
                    {note ? <span className="tag tag-synthetic">{note}</span> : null}
                  </th>
                  {m.rows.map((r) => (
                    <td key={r.key}>
                      {fmt(lang, r.value, m.indicator.decimals, unit)}
                      {!r.france && m.lowN.includes(r.label) ? <span className="tt-lown">*</span> : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {multiples.some((m) => m.lowN.length > 0) ? <p className="pp-note">{t(lang, 'table.lowN', { min: 5 })}</p> : null}
    </section>
  );
}

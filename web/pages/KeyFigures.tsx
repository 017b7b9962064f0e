/**
 * The key figures of a profile, worst inequities first: up to three cards where the territory
 * is furthest behind what it is compared with (value, plain sentence, parent, France, index,
 * rank, provenance: demo, partly imported with the share, or imported with the bodies and date),
 * then every other indicator in one compact table. Choosing a figure makes it
 * the page's indicator (series, distribution and equity follow).
 */
import type { ProfileEntry } from '../api/territory.ts';
import { fmt, fmtNumber } from '../charts/scales.ts';
import { pick, t } from '../i18n/index.ts';
import { rankText, tagClass } from '../panels/figures.ts';
import { valueNote } from '../panels/provenance.ts';
import { worstFirst } from '../profile/gaps.ts';
import { placeName, placeWithArticle } from '../profile/places.ts';
import { figureSentence } from '../profile/sentences.ts';
import { indicatorOf, type ProfileContext } from './profileContext.ts';

interface Props {
  ctx: ProfileContext;
  current: string;
  onIndicator: (id: string) => void;
}

export function KeyFigures({ ctx, current, onIndicator }: Props) {
  const { lang, detail } = ctx;
  const { worst, rest } = worstFirst(detail.profile);
  const parentName = placeName(lang, ctx.parent);
  const parentObject = placeWithArticle(lang, ctx.parent);
  return (
    <>
      <section className="pp-worst" aria-labelledby="pp-worst-title" data-testid="worst-first">
        <h2 id="pp-worst-title">{t(lang, 'profile.worstTitle', { parent: parentObject })}</h2>
        {worst.length === 0 ? <p className="pp-none">{t(lang, 'profile.worstNone', { parent: parentObject })}</p> : null}
        <ol className="pp-cards">
          {worst.map((entry) => (
            <FigureCard key={entry.indicator} ctx={ctx} entry={entry} isCurrent={entry.indicator === current} onIndicator={onIndicator} />
          ))}
        </ol>
      </section>
      <section className="pp-rest" aria-labelledby="pp-rest-title" data-testid="key-figures">
        <h2 id="pp-rest-title">{t(lang, worst.length ? 'profile.restTitle' : 'profile.allTitle')}</h2>
        <div className="pp-table-scroll">
          <table className="pp-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'profile.indicator')}</th>
                <th scope="col">{detail.territory.name}</th>
                {ctx.parent.level !== 'france' ? <th scope="col">{parentName}</th> : null}
                <th scope="col">{t(lang, 'panel.france')}</th>
                <th scope="col">{t(lang, 'profile.index')}</th>
                <th scope="col">{t(lang, 'panel.rank')}</th>
              </tr>
            </thead>
            <tbody>
              {rest.map((entry) => {
                const ind = indicatorOf(ctx, entry.indicator);
                const d = ind?.decimals ?? 1;
                const unit = pick(lang, entry.unit);
                const note = entry.value === null ? null : valueNote(lang, entry);
                return (
                  <tr key={entry.indicator} className={entry.indicator === current ? 'is-current' : undefined} data-indicator={entry.indicator}>
                    <th scope="row">
                      <button type="button" className="link-button pp-pick" aria-pressed={entry.indicator === current} onClick={() => onIndicator(entry.indicator)}>
                        {pick(lang, entry.label)}
                      </button>
                      <span className="pp-year"> {entry.year}</span>
                      {note ? <span className={tagClass(entry.provenance)} data-provenance={entry.provenance}>{note}</span> : null}
                    </th>
                    <td>
                      {fmt(lang, entry.value, d, unit)}
                      {entry.low_n ? <span className="tt-lown" title={t(lang, 'territory.lowN', { min: detail.min_schools })}>*</span> : null}
                    </td>
                    {ctx.parent.level !== 'france' ? <td>{fmt(lang, entry.parent_value, d, unit)}</td> : null}
                    <td>{fmt(lang, entry.national_value, d, unit)}</td>
                    <td>{entry.index === null ? '—' : fmtNumber(lang, entry.index)}</td>
                    <td>{rankText(lang, entry.rank, entry.siblings) ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="pp-note">{t(lang, 'profile.indexHint', { parent: parentName })}</p>
      </section>
    </>
  );
}

function FigureCard({ ctx, entry, isCurrent, onIndicator }: { ctx: ProfileContext; entry: ProfileEntry; isCurrent: boolean; onIndicator: (id: string) => void }) {
  const { lang } = ctx;
  const ind = indicatorOf(ctx, entry.indicator);
  const d = ind?.decimals ?? 1;
  const unit = pick(lang, entry.unit);
  const note = entry.value === null ? null : valueNote(lang, entry);
  const sentence = figureSentence({ lang, entry, decimals: d, place: ctx.place, parent: ctx.parent, year: ctx.year, minSchools: ctx.detail.min_schools });
  return (
    <li className={`pp-card${isCurrent ? ' is-current' : ''}`} data-testid="worst-figure" data-indicator={entry.indicator}>
      <h3>
        <button type="button" className="link-button pp-pick" aria-pressed={isCurrent} onClick={() => onIndicator(entry.indicator)}>
          {pick(lang, entry.label)}
        </button>{' '}
        <span className="pp-year">{entry.year}</span>
      </h3>
      <p className="pp-card-value">
        <span className="pp-value">{fmt(lang, entry.value, d, unit)}</span>
        {note ? <span className={tagClass(entry.provenance)} data-provenance={entry.provenance}>{note}</span> : null}
      </p>
      <p className="pp-sentence">{sentence}</p>
      <dl className="figure-compare">
        {ctx.parent.level !== 'france' ? (
          <div>
            <dt>{placeName(lang, ctx.parent)}</dt>
            <dd>{fmt(lang, entry.parent_value, d, unit)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t(lang, 'panel.france')}</dt>
          <dd>{fmt(lang, entry.national_value, d, unit)}</dd>
        </div>
        <div>
          <dt>{t(lang, 'profile.index')}</dt>
          <dd>{entry.index === null ? '—' : fmtNumber(lang, entry.index)}</dd>
        </div>
        <div>
          <dt>{t(lang, 'panel.rank')}</dt>
          <dd>{rankText(lang, entry.rank, entry.siblings) ?? '—'}</dd>
        </div>
      </dl>
    </li>
  );
}

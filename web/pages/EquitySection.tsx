/**
 * The equity measures of a territory for the page's indicator (/api/equity over its schools, or
 * its communes for an indicator computed per commune): Gini, the gap between the best- and
 * worst-served fifths, Theil split between and within groups (a stacked bar), P90/P10, the IPS
 * gradient and the trend, each with one plain sentence. Communes have no equity block (the API
 * measures inequality inside a département, an académie or a région).
 */
import { useQuery } from '@tanstack/react-query';
import { equityOptions } from '../api/profile.ts';
import { fmtNumber, ROLE_COLORS } from '../charts/scales.ts';
import { StackBar } from '../charts/StackBar.tsx';
import { chartSearch } from '../embed/chartUrl.ts';
import { chartFileBase } from '../export/naming.ts';
import { ChartActions } from '../panels/ChartActions.tsx';
import { pick, t } from '../i18n/index.ts';
import { equityLines } from '../profile/equityText.ts';
import { tagClass } from '../panels/figures.ts';
import { provenanceCountLine, valueNote } from '../panels/provenance.ts';
import { refString } from '../state/url.ts';
import { indicatorOf, type ProfileContext } from './profileContext.ts';

export function EquitySection({ ctx, current }: { ctx: ProfileContext; current: string }) {
  const { lang, territory } = ctx;
  const ind = indicatorOf(ctx, current);
  const entry = ctx.detail.profile.find((p) => p.indicator === current);
  const available = territory.level !== 'commune' && ind !== undefined;
  const by = ind?.grain === 'school' ? 'school' : 'commune';
  const year = entry?.year ?? ctx.year;
  const query = useQuery({ ...equityOptions(current, year, refString(territory), by), enabled: available });
  const data = query.data;
  const note = data ? valueNote(lang, data) : null;
  // how many units rest on imported, partly imported and demo values (only once something is imported)
  const unitsLine = data && 'units_provenance' in data && data.units_provenance ? provenanceCountLine(lang, data.units_provenance) : null;
  const unit = ind ? pick(lang, ind.unit) : '';
  const lines = data && ind ? equityLines(lang, data, unit, ind.decimals) : [];
  const theil = data?.measures.theil;
  const groups = data?.group_level ? t(lang, `levels.${data.group_level as 'commune'}`) : '';
  return (
    <section className="pp-equity" aria-labelledby="pp-equity-title" data-testid="equity">
      <h2 id="pp-equity-title">
        {t(lang, 'profile.equityTitle')}
        {ind ? <span className="pp-h-detail"> · {pick(lang, ind.label)} · {year}</span> : null}
        {note && data ? <span className={tagClass(data.provenance)} data-provenance={data.provenance}>{note}</span> : null}
      </h2>
      {!available ? <p className="hint">{t(lang, 'profile.equityCommune')}</p> : null}
      {available && query.isPending ? <p className="hint pp-chart-slot">{t(lang, 'profile.equityLoading')}</p> : null}
      {query.isError ? <p className="hint">{t(lang, 'profile.equityError', { message: query.error.message })}</p> : null}
      {data ? (
        <>
          <p className="pp-equity-units">{t(lang, by === 'school' ? 'profile.equityUnitsSchools' : 'profile.equityUnitsCommunes', { n: fmtNumber(lang, data.units) })}</p>
          {unitsLine ? (
            <p className="pp-equity-provenance" data-testid="equity-provenance">
              {unitsLine}
            </p>
          ) : null}
          <dl className="pp-equity-lines">
            {lines.map((line) => (
              <div key={line.key} data-measure={line.key}>
                <dt>
                  {line.label} <strong>{line.value}</strong>
                </dt>
                <dd>{line.sentence}</dd>
              </div>
            ))}
          </dl>
          {theil && theil.between !== null && theil.within !== null && data.group_level ? (
            <ChartActions
              lang={lang}
              title={t(lang, 'profile.theilTitle', { groups })}
              subtitle={`${ind ? pick(lang, ind.label) : current} · ${ctx.place.name} · ${year}`}
              notice={data.provenance === 'synthetic' || data.provenance === 'mixed' ? t(lang, 'export.demo') : null}
              embedSearch={chartSearch({ chart: 'theil', territory, indicator: current, year, lang: lang === 'fr' ? null : lang })}
              indicators={ind ? [ind] : []}
              fileBase={chartFileBase('theil', [ctx.place.name], current, year)}
              print={350}
              render={(width) => (
                <StackBar
                  lang={lang}
                  title={t(lang, 'profile.theilTitle', { groups })}
                  desc={lines.find((l) => l.key === 'theil')?.sentence ?? ''}
                  parts={[
                    { key: 'between', label: t(lang, 'profile.theilBetween', { groups }), value: theil.between as number, color: ROLE_COLORS.territory },
                    { key: 'within', label: t(lang, 'profile.theilWithin', { groups }), value: theil.within as number, color: ROLE_COLORS.muted },
                  ]}
                  width={width}
                />
              )}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

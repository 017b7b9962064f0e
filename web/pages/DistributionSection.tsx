/**
 * The distribution of a territory's schools for the page's indicator (its communes for an
 * indicator computed per commune): a histogram with the territory's, its parent's and France's
 * values, one school highlighted (`?school=<UAI>`, chosen in the list under the chart) with a
 * sentence placing it among the others.
 */
import { useQuery } from '@tanstack/react-query';
import { schoolsOptions } from '../api/queries.ts';
import { namedValuesOptions } from '../api/territory.ts';
import { DistributionChart } from '../charts/DistributionChart.tsx';
import { chartSearch } from '../embed/chartUrl.ts';
import { chartFileBase } from '../export/naming.ts';
import { ChartActions } from '../panels/ChartActions.tsx';
import { positionOf, type Marker, type Unit } from '../charts/histogramLayout.ts';
import { fmt } from '../charts/scales.ts';
import { pick, t } from '../i18n/index.ts';
import { placeIn, placeName } from '../profile/places.ts';
import { provenanceNote } from '../profile/sentences.ts';
import { refString } from '../state/url.ts';
import { indicatorOf, type ProfileContext } from './profileContext.ts';

const NO_FILTERS = { schoolType: null, sector: null };

interface Props {
  ctx: ProfileContext;
  current: string;
  school: string | null;
  onSchool: (uai: string | null) => void;
}

export function DistributionSection({ ctx, current, school, onSchool }: Props) {
  const { lang, territory } = ctx;
  const ind = indicatorOf(ctx, current);
  const entry = ctx.detail.profile.find((p) => p.indicator === current);
  const perSchool = ind?.grain === 'school';
  const perCommune = !perSchool && territory.level !== 'commune';
  const year = entry?.year ?? ctx.year;
  const schools = useQuery({ ...schoolsOptions(current, year, refString(territory), NO_FILTERS), enabled: perSchool });
  const communes = useQuery({
    ...namedValuesOptions({ indicator: current, level: 'commune', year, within: territory.level === 'commune' ? null : territory, ...NO_FILTERS }),
    enabled: perCommune,
  });
  if (!ind || !entry) return null;
  const unit = pick(lang, ind.unit);
  const units: Unit[] = perSchool
    ? (schools.data?.rows ?? []).flatMap(([uai, name, , , , , , , , , , value]) => (value === null ? [] : [{ id: uai, name, value }]))
    : (communes.data?.values ?? []).flatMap((v) => (v.value === null ? [] : [{ id: v.code, name: v.name, value: v.value }]));
  const pending = perSchool ? schools.isPending : perCommune ? communes.isPending : false;
  const markers: Marker[] = [
    { key: 'territory', label: ctx.place.name, role: 'territory', value: entry.value },
    ...(ctx.parent.level !== 'france' ? [{ key: 'parent', label: placeName(lang, ctx.parent), role: 'parent' as const, value: entry.parent_value }] : []),
    { key: 'france', label: t(lang, 'panel.france'), role: 'france', value: entry.national_value },
  ];
  const picked = perSchool && school ? units.find((u) => u.id === school) : undefined;
  const title = t(lang, perSchool ? 'profile.distSchools' : 'profile.distCommunes', { indicator: pick(lang, ind.label), year });
  return (
    <section className="pp-distribution" aria-labelledby="pp-dist-title" data-testid="distribution">
      <h2 id="pp-dist-title">{t(lang, 'profile.distTitle')}</h2>
      {!perSchool && !perCommune ? <p className="hint">{t(lang, 'profile.distNone')}</p> : null}
      {pending ? <p className="hint pp-chart-slot">{t(lang, 'app.loading')}</p> : null}
      {units.length > 0 ? (
        <ChartActions
          lang={lang}
          title={title}
          subtitle={ctx.place.name}
          notice={entry.provenance === 'synthetic' || entry.provenance === 'mixed' ? t(lang, 'export.demo') : null}
          embedSearch={chartSearch({ chart: 'distribution', territory, indicator: current, year, school: picked?.id ?? null, lang: lang === 'fr' ? null : lang })}
          indicators={[ind]}
          fileBase={chartFileBase('distribution', [ctx.place.name], current, year)}
          print={350}
          className="pp-card-chart"
          render={(width) => (
            <DistributionChart
              lang={lang}
              title={title}
              note={provenanceNote(lang, entry.provenance)}
              kind={perSchool ? 'schools' : 'communes'}
              units={units}
              highlight={picked?.id ?? null}
              markers={markers}
              unit={unit}
              decimals={ind.decimals}
              width={width}
              height={width < 400 ? 116 : 180}
            />
          )}
        />
      ) : null}
      {picked ? (
        <p className="pp-sentence" data-testid="highlighted-school">
          {placeSentence(ctx, picked, units, fmt(lang, picked.value, ind.decimals, unit))}
        </p>
      ) : null}
      {perSchool && units.length > 0 ? (
        <label className="pp-school-pick no-print">
          <span>{t(lang, 'profile.highlight')}</span>
          <select value={picked?.id ?? ''} onChange={(e) => onSchool(e.target.value || null)}>
            <option value="">{t(lang, 'profile.highlightNone')}</option>
            {[...units]
              .sort((a, b) => a.name.localeCompare(b.name, lang))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.id})
                </option>
              ))}
          </select>
        </label>
      ) : null}
    </section>
  );
}

/** "COLLÈGE X : 12 Mbit/s. 8 % des établissements dans le Cantal sont en dessous, 90 % au-dessus." */
function placeSentence(ctx: ProfileContext, unit: Unit, units: readonly Unit[], value: string): string {
  const { below, above, total } = positionOf(units, unit.value);
  const pct = (n: number) => Math.round((100 * n) / Math.max(1, total));
  return t(ctx.lang, 'profile.schoolPosition', { name: unit.name, value, below: pct(below), above: pct(above), place: placeIn(ctx.lang, ctx.place) });
}

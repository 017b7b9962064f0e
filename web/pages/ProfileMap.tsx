/**
 * The small map of a profile: the territory among its neighbours of the same level (from
 * `/geo/{level}.geojson`), its schools as dots (the highlighted one in red). A commune has no
 * shape of its own in the light geometry: its département is shown, its schools circled.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { geometryOptions, schoolsOptions } from '../api/queries.ts';
import type { MapFeature, MapPoint } from '../charts/mapLayout.ts';
import { Sized } from '../charts/Sized.tsx';
import { TerritoryMap } from '../charts/TerritoryMap.tsx';
import { t } from '../i18n/index.ts';
import { placeName } from '../profile/places.ts';
import { refString } from '../state/url.ts';
import { indicatorOf, type ProfileContext } from './profileContext.ts';

/** Above this many schools the dots would hide the map: none are drawn. */
const MAX_POINTS = 3000;

export function ProfileMap({ ctx, current, school }: { ctx: ProfileContext; current: string; school: string | null }) {
  const { lang, territory, detail } = ctx;
  const isCommune = territory.level === 'commune';
  const level = isCommune ? 'departement' : territory.level;
  const geo = useQuery(geometryOptions(level));
  // the schools of the page's indicator when it is per school (shared with the distribution)
  const pointsIndicator = indicatorOf(ctx, current)?.grain === 'school' ? current : 'thd_share';
  const year = detail.profile.find((p) => p.indicator === pointsIndicator)?.year ?? ctx.year;
  const schools = useQuery(schoolsOptions(pointsIndicator, year, refString(territory), { schoolType: null, sector: null }));
  const features = useMemo<MapFeature[]>(
    () => (geo.data?.features ?? []).map((f) => ({ code: String(f.properties.code), name: String(f.properties.name ?? f.properties.code), geometry: f.geometry })),
    [geo.data],
  );
  const points = useMemo<MapPoint[]>(() => {
    const rows = schools.data?.rows ?? [];
    if (rows.length > MAX_POINTS) return [];
    return rows.flatMap(([uai, , , , , , , , lon, lat]) => (lon === null || lat === null ? [] : [{ id: uai, lon, lat, highlight: uai === school }]));
  }, [schools.data, school]);
  const target = isCommune ? (detail.parents.find((p) => p.level === 'departement')?.code ?? null) : territory.code;
  if (!geo.data) return <div className="pp-map pp-chart-slot" aria-busy="true" />;
  const desc = t(lang, isCommune ? 'profile.mapDescCommune' : 'profile.mapDesc', {
    name: detail.territory.name,
    parent: placeName(lang, ctx.parent),
    n: points.length,
  });
  return (
    <div className="pp-map">
      <Sized print={158} initial={248}>
        {(width) => (
          <TerritoryMap
            lang={lang}
            title={t(lang, 'profile.mapTitle', { name: detail.territory.name })}
            desc={desc}
            features={features}
            target={target}
            points={points}
            ring={isCommune}
            width={width}
            height={Math.round(width * 0.86)}
          />
        )}
      </Sized>
    </div>
  );
}

/**
 * The small static map of a profile, drawn from mapLayout.ts: the territory in the accent
 * colour among its grey neighbours, its schools as dots (the highlighted one in red). SVG, so it
 * is light, sharp and prints well. Its data table lists the territories in view.
 */
import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { mapLayout, type MapFeature, type MapPoint } from './mapLayout.ts';
import { fmtNumber, ROLE_COLORS } from './scales.ts';

export interface TerritoryMapProps {
  lang: Lang;
  title: string;
  desc: string;
  features: readonly MapFeature[];
  /** the highlighted feature (null: the map is fitted on the points) */
  target: string | null;
  points?: readonly MapPoint[];
  /** circle the points, drawn larger (a commune's schools in its département) */
  ring?: boolean;
  width?: number;
  height?: number;
}

export function TerritoryMap({ lang, title, desc, features, target, points = [], ring = false, width = 240, height = 200 }: TerritoryMapProps) {
  const layout = mapLayout({ features, target, points, ring, width, height });
  const dot = ring ? 2.6 : 1.6;
  const table = {
    columns: [t(lang, 'chart.territoryShown'), t(lang, 'chart.role')],
    rows: [
      ...layout.shapes.map((s) => [s.name, t(lang, s.target ? 'chart.roleTarget' : 'chart.roleNeighbour')]),
      ...(layout.points.length ? [[t(lang, 'chart.units.schools'), fmtNumber(lang, layout.points.length)]] : []),
    ],
  };
  return (
    <ChartFrame lang={lang} title={title} desc={desc} width={width} height={height} table={table} className="territory-map" testId="territory-map">
      <g className="map-shapes">
        {layout.shapes.map((s) => (
          <path
            key={s.code}
            d={s.d}
            fill={s.target ? ROLE_COLORS.territory : '#f1f3f6'}
            fillOpacity={s.target ? (layout.points.length ? 0.16 : 0.85) : 1}
            stroke={s.target ? ROLE_COLORS.territory : '#b7c0cc'}
            strokeWidth={s.target ? 1.4 : 0.6}
          />
        ))}
      </g>
      <g className="map-points">
        {layout.points.map((p) => (
          <circle key={p.id} cx={p.x} cy={p.y} r={p.highlight ? 4 : dot} fill={p.highlight ? ROLE_COLORS.highlight : ROLE_COLORS.territory} stroke={p.highlight ? '#fff' : 'none'} strokeWidth={p.highlight ? 1 : 0} />
        ))}
        {layout.ring ? <circle className="map-ring" cx={layout.ring.x} cy={layout.ring.y} r={layout.ring.r} fill="none" stroke={ROLE_COLORS.highlight} strokeWidth={1.5} /> : null}
      </g>
    </ChartFrame>
  );
}

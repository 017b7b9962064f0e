/**
 * The map explorer's export menu: the current view as PNG (1×, 2×) or SVG (web/export/exportMap.ts,
 * loaded on click) and its data through /api/export (CSV, GeoJSON, Parquet), all named after the view.
 */
import type { Indicator, MapValue } from '../api/types.ts';
import { pick, type Lang } from '../i18n/index.ts';
import type { Classification } from '../map/classify.ts';
import { refKey, type Directory } from '../map/drill.ts';
import type { LisaOverlay } from '../map/lisaOverlay.ts';
import type { SchoolPoints } from '../map/schools.ts';
import { refString, type ViewState } from '../state/url.ts';
import { ExportMenu, type ImageFormat } from './ExportMenu.tsx';

interface Props {
  lang: Lang;
  indicator: Indicator;
  view: ViewState;
  values: readonly Pick<MapValue, 'code' | 'value'>[] | undefined;
  classification: Classification;
  colors: readonly string[];
  meaning: string;
  alt: string;
  directory: Directory;
  /** school points shown on the map (drawn in the export too) */
  schools?: SchoolPoints | null;
  /** LISA clusters outlined on the map (drawn in the export too) */
  lisa?: LisaOverlay | null;
  /** where the values shown come from (the map's answer), for the export's demo notice */
  provenance?: string;
}

/** The /api/export URL of the view's data in `format`. */
export function dataHref(indicator: Indicator, view: ViewState, format: string): string {
  const p = new URLSearchParams({ kind: 'map', format, indicator: indicator.id, level: view.level, year: String(view.year) });
  if (view.within) p.set('within', refString(view.within));
  if (indicator.grain === 'school' && view.schoolType) p.set('school_type', view.schoolType);
  if (indicator.grain === 'school' && view.sector) p.set('sector', view.sector);
  return `/api/export?${p.toString()}`;
}

export function MapExportMenu({ lang, indicator, view, values, classification, colors, meaning, alt, directory, schools, lisa, provenance }: Props) {
  const perSchool = indicator.grain === 'school';
  const run = async (format: ImageFormat) => {
    if (!values) throw new Error('values are loading');
    const box = document.getElementById('map')?.getBoundingClientRect();
    const { exportMap } = await import('../export/exportMap.ts');
    return exportMap(
      {
        lang,
        indicator,
        level: view.level,
        year: view.year,
        within: view.within,
        withinName: view.within ? (directory.get(refKey(view.within))?.name ?? null) : null,
        schoolType: perSchool ? view.schoolType : null,
        sector: perSchool ? view.sector : null,
        camera: view.camera,
        mapSize: { width: box?.width ?? 800, height: box?.height ?? 600 },
        values,
        classification,
        colors,
        meaning,
        alt,
        url: window.location.href,
        lisa: lisa && lisa.level === view.level ? lisa.states : null,
        provenance,
        points: schools?.data.features.map((f) => ({ lon: f.geometry.coordinates[0] as number, lat: f.geometry.coordinates[1] as number, color: f.properties.color, exact: f.properties.q === 'exact' })),
      },
      format,
    );
  };
  return (
    <ExportMenu
      lang={lang}
      title={pick(lang, indicator.label)}
      run={run}
      data={{ csv: dataHref(indicator, view, 'csv'), geojson: dataHref(indicator, view, 'geojson'), parquet: dataHref(indicator, view, 'parquet') }}
      testId="map-export"
    />
  );
}

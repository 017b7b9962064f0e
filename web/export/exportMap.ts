/**
 * Exports the map explorer's current view as a printable figure: PNG (1×, 2×) or vector SVG.
 * The map is drawn again as SVG paths from the level's display geometry (mapFigure.ts), in the
 * camera of the view, with the same class colours as on screen; around it the title, the
 * subtitle (level, parent, year, filters), the "données fictives" warning for demo data, the
 * legend (classes with their counts, no data) and the footer (sources, vintage, dates, address).
 * Loaded on demand (dynamic import from the export menu): never in the map's first bundle.
 */
import type { Indicator, MapValue, TerritoryCollection } from '../api/types.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import type { Classification } from '../map/classify.ts';
import { colorsByCode } from '../map/featureState.ts';
import { LISA_CASING_WIDTH, LISA_COLORS, lisaLineWidth, OUTSIDE_COLOR } from '../map/layers.ts';
import type { LisaState } from '../map/lisa.ts';
import { BACKGROUND_COLOR, NO_DATA_COLOR } from '../map/palette.ts';
import { classLabels } from '../panels/legendText.ts';
import type { Camera, MapLevel, TerritoryRef } from '../state/url.ts';
import { layoutFigure, renderFigure, type FigureText, type LegendItem } from './figure.ts';
import { fetchBuiltAt, footerLines } from './footer.ts';
import { cameraView, fitSize, fitView, geometryBounds, mapSvg, unionBounds, zoomOf, type MapPoint, type MapShape, type MercatorView } from './mapFigure.ts';
import { mapFileBase, type ImageFormat } from './naming.ts';
import { canvasMeasure, deliver } from './output.ts';

export interface MapExportSpec {
  lang: Lang;
  indicator: Indicator;
  level: MapLevel;
  year: number;
  within: TerritoryRef | null;
  withinName: string | null;
  schoolType: string | null;
  sector: string | null;
  camera: Camera | null;
  /** the map's size on screen (CSS pixels) */
  mapSize: { width: number; height: number };
  values: readonly Pick<MapValue, 'code' | 'value'>[];
  classification: Classification;
  colors: readonly string[];
  /** "plus foncé : plus élevé" */
  meaning: string;
  /** the map's text alternative */
  alt: string;
  url: string;
  /** school points shown on the map, if any */
  points?: readonly MapPoint[];
  /** where the values shown come from (the map's answer: 'mixed' when imported and demo values mix); default the indicator's */
  provenance?: string;
  /** the LISA clusters outlined on the map, if shown (code → underserved or well-served cluster) */
  lisa?: ReadonlyMap<string, LisaState> | null;
}

const geometry = new Map<string, Promise<TerritoryCollection>>();
function geo(name: string): Promise<TerritoryCollection> {
  let p = geometry.get(name);
  if (!p) {
    p = fetch(`/geo/${name}.geojson`).then((r) => {
      if (!r.ok) throw new Error(`/geo/${name}.geojson: HTTP ${r.status}`);
      return r.json() as Promise<TerritoryCollection>;
    });
    p.catch(() => geometry.delete(name));
    geometry.set(name, p);
  }
  return p;
}

/** France with the DROM insets (web/map/style.ts FRANCE_BOUNDS). */
const FRANCE: [number, number, number, number] = [-12.2, 41.3, 9.6, 51.1];
/** Zoom from which the map draws commune borders (web/map/layers.ts). */
const COMMUNE_LINES_ZOOM = 5.5;

const shapesOf = (fc: TerritoryCollection): MapShape[] => fc.features.map((f) => ({ code: String(f.properties.code), geometry: f.geometry }));

/** The figure's notice: demo data (in full or in part: the values', not the catalog's, provenance), or the vintage of historical data. */
function noticeOf({ lang, indicator, provenance = indicator.provenance }: MapExportSpec): string | null {
  if (provenance === 'synthetic') return t(lang, 'export.demo');
  if (provenance === 'mixed') return t(lang, 'export.demoPart');
  if (provenance === 'historical') return `${t(lang, 'provenance.historical')} (${indicator.sources.map((s) => s.vintage).join(', ')})`;
  return null;
}

/** The figure's text (title, subtitle, notice, legend, footer) for a map view. */
export function mapFigureText(spec: MapExportSpec, builtAt: string | null, now: Date): FigureText {
  const { lang, indicator, classification } = spec;
  const unit = pick(lang, indicator.unit);
  const labels = classLabels(lang, classification, indicator.decimals);
  const legend: LegendItem[] = classification.bins.map((bin, i) => ({
    label: `${labels[i] ?? ''} (${bin.count})`,
    swatch: { kind: 'box', color: spec.colors[i] ?? NO_DATA_COLOR },
  }));
  legend.push({ label: `${t(lang, 'legend.noData')} (${classification.noData})`, swatch: { kind: 'box', color: NO_DATA_COLOR } });
  if (spec.lisa) {
    const count = (state: LisaState) => [...(spec.lisa?.values() ?? [])].filter((s) => s === state).length;
    legend.push(
      { label: `${t(lang, 'lisa.shortUnder')} (${count('under')})`, swatch: { kind: 'line', color: LISA_COLORS.under } },
      { label: `${t(lang, 'lisa.shortWell')} (${count('well')})`, swatch: { kind: 'line', color: LISA_COLORS.well } },
    );
  }
  if (spec.points?.length) {
    legend.push({ label: t(lang, 'schools.keyExact'), swatch: { kind: 'dot', color: '#52606d' } }, { label: t(lang, 'schools.keyApprox'), swatch: { kind: 'ring', color: '#52606d' } });
  }
  const filters = [spec.schoolType, spec.sector].filter(Boolean).join(' · ');
  const subtitle = [t(lang, `levels.${spec.level}`), spec.withinName ?? spec.within?.code, String(spec.year), filters].filter(Boolean).join(' · ');
  return {
    title: `${pick(lang, indicator.label)}${unit ? ` (${unit})` : ''}`,
    subtitle,
    notice: noticeOf(spec),
    legendTitle: spec.meaning,
    legend,
    footer: footerLines(lang, [indicator], { builtAt, now, url: spec.url }),
    desc: spec.alt,
  };
}

/** Draws the figure of the map view; returns the SVG document and its size. */
export async function mapFigure(spec: MapExportSpec, now = new Date()): Promise<{ svg: string; width: number; height: number }> {
  const [level, context, insets, parent, builtAt] = await Promise.all([
    geo(spec.level),
    spec.level === 'commune' ? geo('departement') : Promise.resolve(null),
    geo('insets').catch(() => null),
    spec.within ? geo(spec.within.level).catch(() => null) : Promise.resolve(null),
    fetchBuiltAt(),
  ]);
  const outline = parent && spec.within ? (shapesOf(parent).find((s) => s.code === spec.within?.code) ?? null) : null;
  const text = mapFigureText(spec, builtAt, now);
  const shapes = shapesOf(level);
  const coloured = new Set(spec.values.map((v) => v.code));
  // the camera of the view when it has one (what the reader sees), else the territories coloured
  let natural: { width: number; height: number };
  let view: MercatorView;
  if (spec.camera) {
    natural = { width: Math.max(200, spec.mapSize.width), height: Math.max(150, spec.mapSize.height) };
    view = cameraView(spec.camera, natural.width, natural.width, natural.height);
  } else {
    const bounds = unionBounds(shapes.filter((s) => coloured.has(s.code)).map((s) => geometryBounds(s.geometry))) ?? FRANCE;
    natural = fitSize(bounds, 900);
    view = fitView(bounds, natural.width, natural.height);
  }
  const layout = layoutFigure(text, natural, { measure: canvasMeasure() });
  // communes are a few pixels wide at the scale of France: no borders there (as on screen, below zoom 5.5)
  const border = spec.level === 'commune' ? (zoomOf(view) >= COMMUNE_LINES_ZOOM ? 0.4 : 0) : 0.7;
  const body = mapSvg(
    {
      view,
      shapes,
      colors: colorsByCode(spec.values, spec.classification.thresholds, spec.colors),
      outside: OUTSIDE_COLOR,
      background: BACKGROUND_COLOR,
      border,
      context: context ? shapesOf(context) : [],
      frames: insets ? shapesOf(insets) : [],
      outline,
      lisa: spec.lisa
        ? { states: spec.lisa, width: lisaLineWidth(spec.level, zoomOf(view)), casing: lisaLineWidth(spec.level, zoomOf(view), LISA_CASING_WIDTH), colors: LISA_COLORS }
        : null,
      points: spec.points,
      label: spec.alt,
    },
    layout.body,
  );
  return { svg: renderFigure(layout, text, body), width: layout.width, height: layout.height };
}

/** Exports the map view in `format`; returns the file name. */
export async function exportMap(spec: MapExportSpec, format: ImageFormat): Promise<string> {
  const figure = await mapFigure(spec);
  const base = mapFileBase({ level: spec.level, within: spec.withinName ?? spec.within?.code ?? null, indicator: spec.indicator.id, year: spec.year, schoolType: spec.schoolType, sector: spec.sector });
  return deliver(figure.svg, figure, base, format);
}

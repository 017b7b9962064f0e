/**
 * The classification and colours of the current view: method, classes, palette, reversal and the
 * reference value of a diverging palette, all from the URL state. France's value for
 * `center=national` under a drill-down comes from the national /api/map values of the same
 * indicator, level and year (the same cached query the national map uses); otherwise the values
 * on screen suffice (breaks/reference.ts). The parent's name comes from its detail query (the one
 * the territory panel uses).
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { mapValuesOptions } from '../api/queries.ts';
import { territoryOptions } from '../api/territory.ts';
import type { Indicator, MapResponse } from '../api/types.ts';
import { parseRef, type Center, type ViewState } from '../state/url.ts';
import { aggregateOf, meanOf, type ReferenceValue } from './breaks/reference.ts';
import { classify, type Classification } from './classify.ts';
import { centrePosition, type CentrePosition } from './diverging.ts';
import { classColors, findPalette, type Palette } from './palette.ts';

/** The value a diverging palette is centred on, and what it is the value of. */
export interface Reference extends ReferenceValue {
  center: Center;
  /** 'france': France's value; 'parent': the parent's (`within`); 'shown': the territories shown */
  scope: 'france' | 'parent' | 'shown';
  /** `<level>:<code>` of the parent for scope 'parent' */
  parent: string | null;
  /** its name, once known */
  parentName: string | null;
}

export interface ClassifiedView {
  classification: Classification;
  colors: string[];
  palette: Palette;
  /** null for sequential palettes, or while France's value loads */
  reference: Reference | null;
  centre: CentrePosition | null;
}

type ViewOptions = Pick<ViewState, 'method' | 'classes' | 'breaks' | 'palette' | 'reverse' | 'center'>;

export function useClassification(view: ViewOptions, indicator: Indicator, shown: MapResponse | undefined): ClassifiedView {
  const { method, classes, palette: paletteName, reverse, center } = view;
  const breaksKey = view.breaks.join(',');
  const palette = findPalette(paletteName);
  const diverging = palette.kind === 'diverging';
  const needFrance = diverging && center === 'national' && shown !== undefined && shown.within !== null;

  const filters = { schoolType: shown?.school_type ?? null, sector: shown?.sector ?? null };
  const national = useQuery({
    ...mapValuesOptions(shown?.indicator ?? indicator.id, shown?.level ?? 'departement', shown?.year ?? 0, null, filters),
    enabled: needFrance,
  });
  const parentRef = diverging && center === 'parent' ? parseRef(shown?.within ?? null) : null;
  const parent = useQuery({
    ...territoryOptions(parentRef ?? { level: 'region', code: '00' }, shown?.year ?? 0),
    enabled: parentRef !== null,
  });
  const parentName = parent.data?.territory.name ?? null;

  const classification = useMemo(
    () =>
      classify(shown?.values.map((v) => v.value) ?? [], {
        method,
        classes,
        breaks: breaksKey ? breaksKey.split(',').map(Number) : [],
      }),
    [shown, method, classes, breaksKey],
  );

  const reference = useMemo<Reference | null>(() => {
    if (!diverging || !shown) return null;
    const within = shown.within;
    if (center === 'none') {
      const r = meanOf(shown.values);
      return r && { ...r, center, scope: 'shown', parent: null, parentName: null };
    }
    const rows = center === 'national' && within ? national.data?.values : shown.values;
    const r = rows ? aggregateOf(rows, indicator) : null;
    const scope = center === 'parent' && within ? 'parent' : 'france';
    return r && { ...r, center, scope, parent: scope === 'parent' ? within : null, parentName: scope === 'parent' ? parentName : null };
  }, [diverging, shown, center, national.data, indicator, parentName]);

  const centre = useMemo(
    () => (reference ? centrePosition(classification.thresholds, reference.value) : null),
    [reference, classification],
  );
  const colors = useMemo(
    () =>
      classColors(classification.bins.length, indicator.direction, {
        palette: palette.name,
        reverse,
        ...(centre ? { centre } : {}),
      }),
    [classification, indicator.direction, palette.name, reverse, centre],
  );
  return { classification, colors, palette, reference, centre };
}

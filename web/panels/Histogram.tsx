/**
 * A small histogram of the values under the legend: equal-width bins on round ticks (on a
 * symmetric-log axis for strongly right-skewed values such as densities), each bar
 * painted in the colour of the class under each part of it (a bar straddling a threshold is
 * split there), class thresholds drawn as lines, and the reference value of a diverging palette
 * as a dashed line. Drawn by React from d3 scales (no DOM access), accessible as an image with a
 * title and a description listing the thresholds.
 */
import { useId } from 'react';
import { bin, max as d3max, quantileSorted, range, scaleLinear, scaleSymlog } from 'd3';
import { formatNumber } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import { classIndex } from '../map/classify.ts';
import { NO_DATA_COLOR } from '../map/palette.ts';
import { thresholdDecimals } from './legendText.ts';

export interface HistogramProps {
  lang: Lang;
  /** values of the territories with data */
  values: readonly number[];
  thresholds: readonly number[];
  /** class colours, ascending */
  colors: readonly string[];
  /** decimals of the indicator (for the min and max labels) */
  decimals: number;
  /** the centre of a diverging palette, drawn as a dashed line */
  reference?: number | null;
  width?: number;
  height?: number;
}

const MARGIN = { top: 4, right: 2, bottom: 16, left: 2 };
const r1 = (x: number) => Math.round(x * 10) / 10;

export function Histogram({ lang, values, thresholds, colors, decimals, reference = null, width = 300, height = 72 }: HistogramProps) {
  const id = useId();
  if (values.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) hi = lo + 1;
  // strongly right-skewed positive values (densities, populations): a symmetric-log axis, or
  // every bar but one would be invisible
  // a typed array sorts numbers natively (~35,000 communes: several times faster than a comparator)
  const sorted = Float64Array.from(values).sort();
  const median = quantileSorted(sorted as unknown as number[], 0.5) ?? lo;
  const skewed = lo >= 0 && hi - median > 10 * (median - lo);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const x = skewed
    ? scaleSymlog().constant(Math.max(median / 4, (hi - lo) / 1e4)).domain([lo, hi]).range([left, right])
    : scaleLinear().domain([lo, hi]).range([left, right]);
  const inner = thresholds.filter((b) => b > lo && b < hi);
  // about 2√n bins, 10 to 40: round ticks on a linear axis, equal widths on screen otherwise
  const count = Math.min(40, Math.max(10, Math.round(2 * Math.sqrt(values.length))));
  const edges = skewed ? range(1, count).map((i) => x.invert(left + ((right - left) * i) / count)) : x.ticks(count);
  const bins = bin().domain([lo, hi]).thresholds(edges)(sorted);
  const y = scaleLinear()
    .domain([0, d3max(bins, (b) => b.length) ?? 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  /** The bar of a bin as one segment per class it covers. */
  const segments = (x0: number, x1: number) => {
    const cuts = [x0, ...inner.filter((b) => b > x0 && b < x1), x1];
    return cuts.slice(1).map((end, i) => ({ from: cuts[i] as number, to: end, cls: classIndex(thresholds, cuts[i] as number) }));
  };
  const base = height - MARGIN.bottom;
  const td = thresholdDecimals(thresholds);
  const desc = t(lang, 'histogram.desc', {
    count: formatNumber(lang, values.length),
    min: formatNumber(lang, lo, decimals),
    max: formatNumber(lang, hi, decimals),
    k: thresholds.length + 1,
    breaks: thresholds.map((b) => formatNumber(lang, b, td)).join(' ; '),
  });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="histogram"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid="histogram"
    >
      <title id={`${id}-title`}>{t(lang, 'histogram.title')}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <g className="histogram-bars">
        {bins.map((b, i) => {
          if (b.length === 0) return null;
          const x0 = b.x0 ?? lo;
          const x1 = b.x1 ?? hi;
          const top = r1(y(b.length));
          const gap = i < bins.length - 1 ? 0.5 : 0;
          return segments(x0, x1).map((seg) => (
            <rect
              key={`${i}-${seg.from}`}
              x={r1(x(seg.from))}
              y={top}
              width={r1(Math.max(0.3, x(seg.to) - x(seg.from) - (seg.to === x1 ? gap : 0)))}
              height={r1(base - top)}
              fill={colors[seg.cls] ?? NO_DATA_COLOR}
            />
          ));
        })}
      </g>
      <line className="histogram-axis" x1={MARGIN.left} x2={width - MARGIN.right} y1={base + 0.5} y2={base + 0.5} />
      <g className="histogram-breaks">
        {inner.map((b) => (
          <line key={b} x1={r1(x(b))} x2={r1(x(b))} y1={MARGIN.top} y2={base + 3} />
        ))}
      </g>
      {reference !== null && reference >= lo && reference <= hi ? (
        <line className="histogram-reference" x1={r1(x(reference))} x2={r1(x(reference))} y1={0} y2={base + 3} />
      ) : null}
      <text className="histogram-label" x={MARGIN.left} y={height - 3} textAnchor="start">
        {formatNumber(lang, lo, decimals)}
      </text>
      <text className="histogram-label" x={width - MARGIN.right} y={height - 3} textAnchor="end">
        {formatNumber(lang, hi, decimals)}
      </text>
      {skewed ? (
        <text className="histogram-label" x={width / 2} y={height - 3} textAnchor="middle">
          {t(lang, 'histogram.log')}
        </text>
      ) : null}
    </svg>
  );
}

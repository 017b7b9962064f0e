/**
 * Weighted least squares of y on x (one regressor and an intercept), from centred weighted
 * moments so the SQL that aggregates millions of rows can hand over five numbers. Pure.
 */

/** Centred weighted moments: Σw, weighted means, and Σw(x−x̄)², Σw(x−x̄)(y−ȳ), Σw(y−ȳ)². */
export interface Moments {
  sw: number;
  mx: number;
  my: number;
  sxx: number;
  sxy: number;
  syy: number;
}

export interface Fit {
  slope: number;
  intercept: number;
  /** weighted coefficient of determination, `null` when y does not vary */
  r2: number | null;
}

/** Moments of paired arrays (weights default to 1; non-finite or non-positive weights skipped). */
export function moments(x: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): Moments {
  let sw = 0;
  let swx = 0;
  let swy = 0;
  const ok = (i: number) => Number.isFinite(x[i]) && Number.isFinite(y[i]) && (!w || ((w[i] as number) > 0 && Number.isFinite(w[i])));
  for (let i = 0; i < x.length; i++) {
    if (!ok(i)) continue;
    const wi = w ? (w[i] as number) : 1;
    sw += wi;
    swx += wi * (x[i] as number);
    swy += wi * (y[i] as number);
  }
  const mx = sw > 0 ? swx / sw : NaN;
  const my = sw > 0 ? swy / sw : NaN;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!ok(i)) continue;
    const wi = w ? (w[i] as number) : 1;
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += wi * dx * dx;
    sxy += wi * dx * dy;
    syy += wi * dy * dy;
  }
  return { sw, mx, my, sxx, sxy, syy };
}

/**
 * The WLS line minimising Σ w (y − a − b x)²: b = Sxy / Sxx, a = ȳ − b x̄,
 * r² = Sxy² / (Sxx Syy). `null` when x does not vary (or there is no weight).
 */
export function fitFromMoments(m: Moments): Fit | null {
  if (!(m.sw > 0) || !(m.sxx > 0)) return null;
  const slope = m.sxy / m.sxx;
  return { slope, intercept: m.my - slope * m.mx, r2: m.syy > 0 ? (m.sxy * m.sxy) / (m.sxx * m.syy) : null };
}

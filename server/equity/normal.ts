/**
 * The standard normal distribution's tail, to double precision, for the analytical p-values of
 * Moran's I: erfc by its Maclaurin series below 2 and by its continued fraction (Abramowitz &
 * Stegun 7.1.14) above, evaluated backwards with a fixed depth. Pure.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erf(x) by its series 2/√π Σ (−1)ⁿ x²ⁿ⁺¹ / (n! (2n + 1)), for |x| < 2. */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * sum;
}

/** erfc(x) = 1 − erf(x), accurate in the far tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfSeries(x);
  if (x > 27) return 0;
  // erfc x = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  let t = x;
  for (let k = 120; k >= 1; k--) t = x + k / 2 / t;
  return Math.exp(-x * x) / SQRT_PI / t;
}

/** P(Z > z) for a standard normal Z. */
export function upperTail(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|). */
export function twoSided(z: number): number {
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}

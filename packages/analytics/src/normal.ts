/**
 * The standard normal distribution, accurate in the far tails: a p-value of 1e-12 is
 * printed in alerts and compared with α/K, so an absolute error of 1e-7 (the usual
 * Abramowitz–Stegun polynomial) would not do.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x ≥ 0 to about 1e-15 relative: below 2.5 the all-positive series
 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) (no cancellation), above it
 * the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …))))
 * evaluated with Lentz's method.
 */
function erfcNonNegative(x: number): number {
  const x2 = x * x;
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 500; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
  }
  const tiny = 1e-300;
  let f = x;
  let c = f;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x2) / (SQRT_PI * f);
}

/** Standard normal cumulative distribution Φ(z), with full relative accuracy for z < 0. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  const e = erfcNonNegative(Math.abs(z) / Math.SQRT2) / 2;
  return z < 0 ? e : 1 - e;
}

/** Upper tail 1 − Φ(z), with full relative accuracy for z > 0 (one-sided p-values). */
export function normalSf(z: number): number {
  return normalCdf(-z);
}

// Acklam's rational approximation of Φ⁻¹ (relative error < 1.2e-9), polished below.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function poly(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, c) => acc * x + c, 0);
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (Acklam's approximation, refined
 * by one Halley step against {@link normalCdf}): `normalQuantile(0.975)` ≈ 1.959964.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(A, r) * q) / (poly(B, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(C, q) / (poly(D, q) * q + 1);
  }
  // One Halley step; the error is measured on the side of the smaller tail.
  const e = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSf(x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

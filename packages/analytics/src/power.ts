import { normalQuantile } from './normal';

/** The question a power calculation answers: at which level, with what power. */
export interface PowerTarget {
  /** Significance level of the one test (for a family, the Tarone-adjusted α/K). */
  alpha: number;
  /** Wanted probability of detecting the effect (0.8 by convention). */
  power: number;
  /** 1 = one-sided (the detectors), 2 = two-sided (textbook tables). Default 1. */
  sides?: 1 | 2;
}

/**
 * Two-proportion sample size with the normal approximation (pooled variance under the
 * null) and optionally Fleiss' continuity correction, which makes it match Fisher's
 * exact test / the corrected χ² test (Fleiss, Levin & Paik, Statistical Methods for
 * Rates and Proportions, 3rd ed., §4.2, eqs. 4.19–4.20; Fleiss, Tytun & Ury 1980).
 * Returns the (fractional) size of group 1; group 2 is `ratio` times it. Round up for a
 * plan. Infinity when p1 = p2.
 *
 * @example
 * // p1 = .6, p2 = .8, two-sided α = .05, power .8: 81.2 → 82 without, 90.9 → 91 with the correction
 * Math.ceil(twoProportionSampleSize(0.6, 0.8, { alpha: 0.05, power: 0.8, sides: 2 }, { continuity: false }))
 */
export function twoProportionSampleSize(
  p1: number,
  p2: number,
  target: PowerTarget,
  options: { ratio?: number; continuity?: boolean } = {},
): number {
  const r = options.ratio ?? 1;
  const d = Math.abs(p2 - p1);
  if (d === 0) return Number.POSITIVE_INFINITY;
  const zAlpha = normalQuantile(1 - target.alpha / (target.sides ?? 1));
  const zBeta = normalQuantile(target.power);
  const pBar = (p1 + r * p2) / (r + 1);
  const root =
    zAlpha * Math.sqrt((r + 1) * pBar * (1 - pBar)) +
    zBeta * Math.sqrt(r * p1 * (1 - p1) + p2 * (1 - p2));
  const n = (root * root) / (r * d * d);
  if (options.continuity === false) return n;
  return (n / 4) * (1 + Math.sqrt(1 + (2 * (r + 1)) / (n * r * d))) ** 2;
}

/**
 * The smallest rate p2 > p1 that a one-sided comparison of `n1` baseline against `n2`
 * recent trials detects with the wanted power (Fleiss-corrected two-proportion
 * approximation, solved by bisection). Null when even p2 = 1 is out of reach, or there is
 * no data in a window.
 *
 * @example
 * smallestDetectableRate(0.02, 200, 200, { alpha: 0.001, power: 0.8 }) // ≈ 0.10
 */
export function smallestDetectableRate(
  p1: number,
  n1: number,
  n2: number,
  target: PowerTarget,
): number | null {
  if (n1 <= 0 || n2 <= 0 || p1 >= 1) return null;
  const ratio = n2 / n1;
  const needed = (p2: number) => twoProportionSampleSize(p1, p2, target, { ratio });
  if (needed(1) > n1) return null;
  let lo = p1;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (needed(mid) <= n1) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Asymptotic relative efficiency of Mann–Whitney against the t-test under normality (3/π). */
export const MANN_WHITNEY_ARE = 3 / Math.PI;

/**
 * The smallest shift of the mean a one-sided Mann–Whitney test detects with the wanted
 * power, in the units of `sd`: the t-test's (z_α + z_β)·sd·√(1/n1 + 1/n2), with the
 * samples shrunk by the ARE of 3/π. For latency, apply it to log-latency with the
 * baseline's spread: exp(shift) is the detectable ratio of the median. Null without data
 * in a window.
 */
export function smallestDetectableShift(
  sd: number,
  n1: number,
  n2: number,
  target: PowerTarget,
): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const z = normalQuantile(1 - target.alpha / (target.sides ?? 1)) + normalQuantile(target.power);
  return z * sd * Math.sqrt((1 / n1 + 1 / n2) / MANN_WHITNEY_ARE);
}

/**
 * Observations needed in EACH of two equal windows for a one-sided Mann–Whitney test to
 * detect a mean shift of `shift` (same units as `sd`) with the wanted power:
 * 2·((z_α + z_β)·sd/shift)² / ARE, rounded up. The rating test's minimum sample.
 */
export function mannWhitneySampleSize(sd: number, shift: number, target: PowerTarget): number {
  if (shift <= 0) return Number.POSITIVE_INFINITY;
  const z = normalQuantile(1 - target.alpha / (target.sides ?? 1)) + normalQuantile(target.power);
  return Math.ceil((2 * (z * sd) ** 2) / (shift * shift) / MANN_WHITNEY_ARE);
}

import { mannWhitney } from './mann-whitney';
import {
  mannWhitneySampleSize,
  type PowerTarget,
  smallestDetectableRate,
  smallestDetectableShift,
  twoProportionSampleSize,
} from './power';
import { quantile, standardDeviation } from './statistics';

/** The level a newly failing test would face: Bonferroni at α/K, with Tarone's K of the report. */
export type Level = PowerTarget;

/**
 * Whether a rank test with these sample sizes can reach `alpha` at all: the p-value of
 * complete separation of distinct values. Ties (ratings) can only make it worse.
 */
export function rankTestCanReach(n1: number, n2: number, alpha: number): boolean {
  if (n1 === 0 || n2 === 0) return false;
  const baseline = Array.from({ length: n1 }, (_, i) => i);
  const recent = Array.from({ length: n2 }, (_, i) => n1 + i);
  return mannWhitney(baseline, recent, 'greater').p <= alpha;
}

/** A rate rise a window pair can detect: from the baseline rate to `rate`, i.e. by `rise`. */
export interface DetectableRate {
  baselineRate: number;
  /** Smallest recent rate detected with the wanted power (and the minimum effect); null = none. */
  rate: number | null;
  rise: number | null;
}

/**
 * The smallest rise of a rate (failures among reached calls, failed checks among checked
 * ones) detectable with `level.power` at `level.alpha`: Fleiss-corrected two-proportion
 * power from the baseline rate and both sample sizes, then at least `minRise` (an alert
 * needs that too). Null when the baseline is empty.
 */
export function detectableRate(
  baselineHits: number,
  baselineTotal: number,
  recentTotal: number,
  level: Level,
  minRise: number,
): DetectableRate | null {
  if (baselineTotal === 0) return null;
  const p1 = baselineHits / baselineTotal;
  const p2 = smallestDetectableRate(p1, baselineTotal, recentTotal, level);
  if (p2 === null) return { baselineRate: p1, rate: null, rise: null };
  const rise = Math.max(p2 - p1, minRise);
  return p1 + rise > 1
    ? { baselineRate: p1, rate: null, rise: null }
    : { baselineRate: p1, rate: p1 + rise, rise };
}

/** Trials needed in each of two equal windows to detect a rate going from p1 to p2. */
export function trialsNeeded(p1: number, p2: number, level: Level): number | null {
  const n = twoProportionSampleSize(p1, p2, level);
  return Number.isFinite(n) ? Math.ceil(n) : null;
}

/**
 * The smallest latency growth (a ratio of the median) a tool can detect: the Mann–Whitney
 * test against a t-test on log-latency, ARE 3/π, with the baseline's spread of
 * log-latency; then at least the minimum effect (`minRatio`, and `minMs` on the
 * baseline p95). Null when there are fewer than 2 baseline latencies, or the samples are
 * too small for a rank test to reach the level at all.
 */
export function detectableLatencyRatio(
  baselineMs: readonly number[],
  recentCount: number,
  level: Level,
  minRatio: number,
  minMs: number,
): number | null {
  if (baselineMs.length < 2 || !rankTestCanReach(baselineMs.length, recentCount, level.alpha)) {
    return null;
  }
  const sd = standardDeviation(baselineMs.map((v) => Math.log(v + 1)));
  const shift = smallestDetectableShift(sd, baselineMs.length, recentCount, level);
  if (shift === null) return null;
  const p95 = quantile(baselineMs, 0.95);
  // A tool answering in 0 ms has no ratio to speak of: the ratio minimum alone then.
  const byMs = p95 > 0 ? 1 + minMs / p95 : minRatio;
  return Math.max(Math.exp(shift), minRatio, byMs);
}

/**
 * The smallest drop of the mean rating a module can detect (Mann–Whitney, ARE 3/π
 * against a t-test, with the baseline's spread), at least `minDrop`. Null with fewer than
 * 2 baseline ratings or samples too small for a rank test to reach the level.
 */
export function detectableRatingDrop(
  baseline: readonly number[],
  recentCount: number,
  level: Level,
  minDrop: number,
): number | null {
  if (baseline.length < 2 || !rankTestCanReach(baseline.length, recentCount, level.alpha)) {
    return null;
  }
  const shift = smallestDetectableShift(
    standardDeviation(baseline),
    baseline.length,
    recentCount,
    level,
  );
  return shift === null ? null : Math.max(shift, minDrop);
}

/**
 * Observations per window a one-sided Mann–Whitney test needs to detect a mean shift of
 * `shift` (units of `sd`) with the wanted power: the sample size with ARE 3/π, and never
 * fewer than a rank test needs to reach the level at all (complete separation).
 */
export function rankSamplesNeeded(sd: number, shift: number, level: Level): number {
  return Math.max(mannWhitneySampleSize(sd, shift, level), rankSampleFloor(level.alpha));
}

/**
 * The fewest observations a side (at most 50) with which a rank test can reach `alpha`
 * at all: fewer ratings than this say nothing to the rating test, whatever their mean.
 */
export function rankSampleFloor(alpha: number): number {
  let floor = 1;
  while (floor < 50 && !rankTestCanReach(floor, floor, alpha)) floor++;
  return floor;
}

/**
 * Ratings per window the rating test needs to detect a drop of `drop` stars, with the
 * baseline's spread: the rating test's minimum sample, from power instead of a
 * hand-picked number. Null without a spread (< 2 ratings).
 */
export function ratingsNeeded(
  baseline: readonly number[],
  drop: number,
  level: Level,
): number | null {
  const sd = standardDeviation(baseline);
  return Number.isFinite(sd) ? rankSamplesNeeded(sd, drop, level) : null;
}

/** Answered calls per window needed to detect latency growing by `ratio` (baseline log spread). */
export function latencyCallsNeeded(
  baselineMs: readonly number[],
  ratio: number,
  level: Level,
): number | null {
  const sd = standardDeviation(baselineMs.map((v) => Math.log(v + 1)));
  return Number.isFinite(sd) ? rankSamplesNeeded(sd, Math.log(ratio), level) : null;
}

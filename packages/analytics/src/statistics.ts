/**
 * The statistics behind regression alerts. Pure functions, no dependencies, so every
 * number an alert shows can be checked by hand.
 */

/** Standard normal cumulative distribution Φ(z) (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The q-quantile (0..1) by linear interpolation between closest ranks; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  const lo = sorted[lower] as number;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (pos - lower);
}

/** Result of a one-sided test: the statistic and its p-value. */
export interface TestResult {
  z: number;
  p: number;
}

/**
 * One-sided Mann–Whitney U test that `recent` tends to be LOWER than `baseline`: the
 * right test for 1–5 ratings (ordinal, many ties). Normal approximation with tie
 * correction and continuity correction. Returns p = 1 when either sample is empty or
 * all values are tied.
 */
export function mannWhitneyLower(
  baseline: readonly number[],
  recent: readonly number[],
): TestResult {
  const n1 = baseline.length;
  const n2 = recent.length;
  if (n1 === 0 || n2 === 0) return { z: 0, p: 1 };
  const all = [...baseline.map((v) => ({ v, g: 1 })), ...recent.map((v) => ({ v, g: 2 }))].sort(
    (a, b) => a.v - b.v,
  );
  const n = all.length;
  let rankSumRecent = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && (all[j + 1] as { v: number }).v === (all[i] as { v: number }).v) j++;
    const averageRank = (i + j + 2) / 2;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    for (let k = i; k <= j; k++)
      if ((all[k] as { g: number }).g === 2) rankSumRecent += averageRank;
    i = j + 1;
  }
  const u = rankSumRecent - (n2 * (n2 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { z: 0, p: 1 };
  const z = (u - mu + 0.5) / Math.sqrt(variance);
  return { z, p: normalCdf(z) };
}

/**
 * One-sided two-proportion z-test that the recent rate (`recentHits / recentTotal`) is
 * HIGHER than the baseline rate, with the pooled standard error. p = 1 when there is no
 * data or no hit at all.
 */
export function proportionHigher(
  baselineHits: number,
  baselineTotal: number,
  recentHits: number,
  recentTotal: number,
): TestResult {
  if (baselineTotal === 0 || recentTotal === 0) return { z: 0, p: 1 };
  const pooled = (baselineHits + recentHits) / (baselineTotal + recentTotal);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / baselineTotal + 1 / recentTotal));
  if (se === 0) return { z: 0, p: 1 };
  const z = (recentHits / recentTotal - baselineHits / baselineTotal) / se;
  return { z, p: 1 - normalCdf(z) };
}

/**
 * Holm–Bonferroni: which of a family of p-values are significant at family-wise level
 * `alpha`. Testing every module and every tool at once would otherwise raise false
 * alarms by sheer number of tests.
 */
export function holmSignificant(pValues: readonly number[], alpha: number): boolean[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const significant = new Array<boolean>(pValues.length).fill(false);
  const m = pValues.length;
  for (let k = 0; k < m; k++) {
    const { p, i } = order[k] as { p: number; i: number };
    if (p > alpha / (m - k)) break;
    significant[i] = true;
  }
  return significant;
}

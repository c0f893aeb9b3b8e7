/**
 * Fisher's exact test for "the recent rate is higher", written with exact sums of
 * hypergeometric terms in log space, so it is valid for 3 of 17 calls and stable for
 * 10^5 calls.
 */

/**
 * log(i!) for i = 0..n, grown on demand: a running sum of log(i) with Kahan–Babuška
 * compensation (no lgamma approximation), so log(10^5 !) ≈ 1.05e6 keeps its last digits
 * and a tail of 10^5-call windows stays accurate to about 1e-9.
 */
let logFactorials = new Float64Array([0, 0]);
let runningSum = 0;
let compensation = 0;

function logFactorial(n: number): number {
  if (n >= logFactorials.length) {
    const size = Math.max(n + 1, logFactorials.length * 2);
    const next = new Float64Array(size);
    next.set(logFactorials);
    for (let i = logFactorials.length; i < size; i++) {
      const term = Math.log(i);
      const t = runningSum + term;
      compensation +=
        Math.abs(runningSum) >= Math.abs(term) ? runningSum - t + term : term - t + runningSum;
      runningSum = t;
      next[i] = runningSum + compensation;
    }
    logFactorials = next;
  }
  return logFactorials[n] as number;
}

export function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * The upper tail P(X ≥ x) of the hypergeometric distribution: X is how many of the
 * `hits` marked items fall into a sample of `draws` out of `total`. Every term of the tail
 * is exact in log space; they are summed relative to the largest (log-sum-exp).
 */
export function hypergeometricUpperTail(
  x: number,
  total: number,
  hits: number,
  draws: number,
): number {
  const lo = Math.max(0, draws - (total - hits));
  const hi = Math.min(hits, draws);
  if (x <= lo) return 1;
  if (x > hi) return 0;
  const logDenominator = logChoose(total, draws);
  const logs: number[] = [];
  let max = Number.NEGATIVE_INFINITY;
  for (let k = x; k <= hi; k++) {
    const l = logChoose(hits, k) + logChoose(total - hits, draws - k) - logDenominator;
    logs.push(l);
    if (l > max) max = l;
  }
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  return Math.min(1, Math.exp(max) * sum);
}

/** A one-sided exact test: its p-value and the smallest p-value its margins allow. */
export interface ExactTestResult {
  p: number;
  /**
   * The p-value of the most extreme table with the same margins (all hits in the recent
   * window, as far as they fit): the test can never do better. Tarone's method uses it
   * to leave out tests that cannot reach significance.
   */
  pMin: number;
}

/** Fisher's exact test result, with the sample odds ratio (∞ when the baseline has no hit or the recent window no miss). */
export interface FisherResult extends ExactTestResult {
  oddsRatio: number;
}

/**
 * One-sided Fisher's exact test that the recent rate (`recentHits / recentTotal`) is
 * HIGHER than the baseline rate. Conditional on the total number of hits, the recent
 * window's hits are hypergeometric under "no change"; p = P(X ≥ recentHits). Exact for
 * any sample size, so 3/17 → 15/17 (p = 4.3e-5) and 0/40 → 12/40 (p = 9.3e-5) are valid.
 * No data, or no hit at all, gives p = pMin = 1.
 *
 * @example
 * fisherGreater(3, 17, 15, 17).p // 4.30e-5
 */
export function fisherGreater(
  baselineHits: number,
  baselineTotal: number,
  recentHits: number,
  recentTotal: number,
): FisherResult {
  const total = baselineTotal + recentTotal;
  const hits = baselineHits + recentHits;
  const misses = total - hits;
  const oddsRatio =
    baselineHits === 0 || recentTotal - recentHits === 0
      ? recentHits === 0 || baselineTotal - baselineHits === 0
        ? Number.NaN
        : Number.POSITIVE_INFINITY
      : (recentHits * (baselineTotal - baselineHits)) / ((recentTotal - recentHits) * baselineHits);
  if (baselineTotal === 0 || recentTotal === 0 || hits === 0 || misses === 0) {
    return { p: 1, pMin: 1, oddsRatio };
  }
  const p = hypergeometricUpperTail(recentHits, total, hits, recentTotal);
  const pMin = hypergeometricUpperTail(Math.min(hits, recentTotal), total, hits, recentTotal);
  return { p, pMin, oddsRatio };
}

import { normalCdf, normalSf } from './normal';

/** Which way the recent sample is suspected to have moved. */
export type Direction = 'greater' | 'less';

/** A Mann–Whitney U test: U of the recent sample, its z, the p-value and the best p possible. */
export interface MannWhitneyResult {
  /** U of the recent sample: how many (baseline, recent) pairs have recent > baseline, ties ½. */
  u: number;
  /** Normal-approximation z with tie and continuity correction (also shown when p is exact). */
  z: number;
  p: number;
  /**
   * The p-value of the most extreme arrangement of the same pooled values (the recent
   * sample holding all the largest values for `greater`, all the smallest for `less`):
   * Tarone's method uses it to leave out tests that could never pass.
   */
  pMin: number;
  /** Whether p is the exact permutation probability (small samples) or the normal approximation. */
  exact: boolean;
}

/**
 * Below this many steps the exact permutation distribution is computed (a DP over
 * doubled mid-ranks, so ties are exact too); above it the normal approximation is used,
 * which is accurate there (both samples ≥ ~8) or conservative (one tiny sample against a
 * large one: the true tail, a sum of few uniform ranks, is lighter than the normal one).
 */
const EXACT_BUDGET = 2e7;

interface Ranked {
  /** Doubled mid-ranks (integers), in the order of the pooled input. */
  doubled: number[];
  tieTerm: number;
}

function rank(values: readonly number[]): Ranked {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const doubled = new Array<number>(values.length).fill(0);
  let tieTerm = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as { v: number }).v === (order[i] as { v: number }).v
    )
      j++;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    for (let k = i; k <= j; k++) doubled[(order[k] as { i: number }).i] = i + j + 2;
    i = j + 1;
  }
  return { doubled, tieTerm };
}

/**
 * P(sum of doubled ranks of a random `m`-subset ≥ `observed`), every subset equally
 * likely: counts by dynamic programming over (subset size, rank sum).
 */
function exactUpperTail(doubled: readonly number[], m: number, observed: number): number {
  // Ascending, so the largest sum `j` of the ranks seen so far can make is the sum of the
  // last `j` seen: the DP never visits sums it cannot have reached yet.
  const ranks = [...doubled].sort((a, b) => a - b);
  const prefix = [0];
  for (const r of ranks) prefix.push((prefix.at(-1) as number) + r);
  const maxSum = (prefix.at(-1) as number) - (prefix[ranks.length - m] as number);
  const width = maxSum + 1;
  const ways = new Float64Array((m + 1) * width);
  ways[0] = 1;
  for (let seen = 1; seen <= ranks.length; seen++) {
    const r = ranks[seen - 1] as number;
    for (let j = Math.min(seen, m); j >= 1; j--) {
      const row = j * width;
      const prev = (j - 1) * width;
      const reach = (prefix[seen] as number) - (prefix[seen - j] as number);
      for (let s = reach; s >= r; s--) {
        const w = ways[prev + s - r] as number;
        if (w !== 0) ways[row + s] = (ways[row + s] as number) + w;
      }
    }
  }
  let tail = 0;
  let all = 0;
  for (let s = 0; s <= maxSum; s++) {
    const w = ways[m * width + s] as number;
    all += w;
    if (s >= observed) tail += w;
  }
  return Math.min(1, tail / all);
}

/** Whether the exact distribution of samples of `n1` and `n2` fits {@link EXACT_BUDGET}. */
function exactFits(n1: number, n2: number): boolean {
  const n = n1 + n2;
  const m = Math.min(n1, n2);
  return n * m * (2 * n * m) <= EXACT_BUDGET;
}

/** ln C(a, b). */
function logChoose(a: number, b: number): number {
  let sum = 0;
  for (let i = 1; i <= b; i++) sum += Math.log(a - b + i) - Math.log(i);
  return sum;
}

/**
 * The exact p of the most extreme arrangement: the `low` smallest of `sorted` in one
 * group, the rest in the other. Only subsets with the extreme rank sum reach it: all
 * values beyond the boundary, and any `k` of the `t` values tied across it, so
 * p = C(t, k) / C(n, low) (1 / C(n, low) without a tie there) — what the permutation
 * DP counts, without running it.
 */
function extremeExactP(sorted: readonly number[], low: number): number {
  const n = sorted.length;
  if (low === 0 || low === n) return 1;
  const v = sorted[low - 1] as number;
  let t = 0;
  let k = 0;
  if (sorted[low] === v) {
    for (let i = 0; i < n; i++) {
      if (sorted[i] !== v) continue;
      t++;
      if (i >= low) k++;
    }
  }
  const ways = t > 0 ? logChoose(t, k) : 0;
  return Math.min(1, Math.exp(ways - logChoose(n, low)));
}

function pValue(
  baseline: readonly number[],
  recent: readonly number[],
  direction: Direction,
): { u: number; z: number; p: number; exact: boolean } {
  const n1 = baseline.length;
  const n2 = recent.length;
  if (n1 === 0 || n2 === 0) return { u: 0, z: 0, p: 1, exact: true };
  const n = n1 + n2;
  const { doubled, tieTerm } = rank([...baseline, ...recent]);
  const recentDoubled = doubled.slice(n1);
  const w2 = recentDoubled.reduce((a, b) => a + b, 0);
  const u = w2 / 2 - (n2 * (n2 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, p: 1, exact: true };
  const correction = direction === 'greater' ? -0.5 : 0.5;
  const z = (u - mu + correction) / Math.sqrt(variance);
  const m = Math.min(n1, n2);
  if (exactFits(n1, n2)) {
    // The tail of the smaller group's doubled rank sum (fewer subsets to count); a lower
    // tail is an upper tail of the reversed ranks 2(n + 1) − d.
    const smallIsRecent = n2 <= n1;
    const small = smallIsRecent ? recentDoubled : doubled.slice(0, n1);
    const ws = small.reduce((a, b) => a + b, 0);
    const wantLargeSmall = (direction === 'greater') === smallIsRecent;
    const p = wantLargeSmall
      ? exactUpperTail(doubled, m, ws)
      : exactUpperTail(
          doubled.map((d) => 2 * (n + 1) - d),
          m,
          2 * m * (n + 1) - ws,
        );
    return { u, z, p, exact: true };
  }
  return { u, z, p: direction === 'greater' ? normalSf(z) : normalCdf(z), exact: false };
}

/**
 * One-sided Mann–Whitney U (Wilcoxon rank-sum) test that `recent` tends to be GREATER
 * (latencies) or LESS (ratings) than `baseline`. Exact permutation p-value, ties
 * included, while the samples are small; normal approximation with tie and continuity
 * correction otherwise. Empty samples or all values tied give p = pMin = 1.
 *
 * @example
 * mannWhitney([3, 4, 5], [1, 2], 'less').p // 0.1 = 1 / C(5, 2), exact
 */
export function mannWhitney(
  baseline: readonly number[],
  recent: readonly number[],
  direction: Direction,
): MannWhitneyResult {
  const observed = pValue(baseline, recent, direction);
  const pooled = [...baseline, ...recent].sort((a, b) => a - b);
  // The smallest p any arrangement of these values could give (for Tarone's step-down):
  // in closed form where p is exact (the DP again doubled the report's CPU), else by
  // the normal approximation of the extreme arrangement.
  const low = direction === 'greater' ? baseline.length : recent.length;
  const extreme =
    baseline.length > 0 && recent.length > 0 && exactFits(baseline.length, recent.length)
      ? extremeExactP(pooled, low)
      : direction === 'greater'
        ? pValue(pooled.slice(0, low), pooled.slice(low), direction).p
        : pValue(pooled.slice(low), pooled.slice(0, low), direction).p;
  return { ...observed, pMin: Math.min(observed.p, extreme) };
}

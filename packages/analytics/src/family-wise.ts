/**
 * Family-wise error control over every test of one report: Holm, and Tarone's method for
 * discrete tests in its step-down form.
 */

/** A test as the family sees it: its p-value and the smallest p-value it could have reached. */
export interface FamilyTest {
  p: number;
  /** 0 for a continuous test (it can always reach significance), 1 for one that never can. */
  pMin: number;
}

/** Tarone's number K of a set of tests, and how many of them are eligible at α/K. */
export interface TaroneNumber {
  /** The smallest K ≥ 1 with #{i : pMin_i ≤ α/K} ≤ K. */
  k: number;
  /** #{i : pMin_i ≤ α/K}: the tests that count, the others cannot pass α/K at all. */
  eligible: number;
}

/**
 * Tarone (1990): a discrete test whose smallest achievable p-value is above α/K cannot
 * be rejected at α/K, so it need not be counted; K is the smallest number with at most K
 * tests able to pass α/K. Bonferroni at α/K over the eligible tests keeps the family-wise
 * error at α, and K is never larger than the number of tests.
 */
export function taroneNumber(pMins: readonly number[], alpha: number): TaroneNumber {
  const sorted = [...pMins].sort((a, b) => a - b);
  // m(k) = #{pMin ≤ α/k} falls as k grows; find the first k with m(k) ≤ k.
  let count = sorted.length;
  for (let k = 1; k <= sorted.length; k++) {
    const level = alpha / k;
    while (count > 0 && (sorted[count - 1] as number) > level) count--;
    if (count <= k) return { k, eligible: count };
  }
  return { k: 1, eligible: 0 };
}

/** Which tests of a family are rejected, and at what level. */
export interface StepDownResult {
  rejected: boolean[];
  /** α/K at the step a test was rejected (null when not rejected). */
  level: (number | null)[];
  /** Tarone's K over the whole family: the first step's divisor. */
  k: number;
  /** Tests eligible at the first step (pMin ≤ α/K). */
  eligible: number;
}

/**
 * Tarone's method in step-down form (Hommel & Krummenauer 1998, "Improvements and
 * modifications of Tarone's multiple test procedure for discrete data", Biometrics 54,
 * 673–681): at each step, among the hypotheses not yet rejected, recompute Tarone's K
 * and reject the smallest p-value if it is ≤ α/K; stop at the first that is not. With
 * every pMin = 0 this is exactly Holm's procedure; tests that could never pass (tiny
 * samples, all values tied) no longer dilute α for the others.
 *
 * @example
 * taroneStepDown([{ p: 0.001, pMin: 0.0001 }, { p: 0.6, pMin: 0.3 }], 0.05).k // 1
 */
export function taroneStepDown(tests: readonly FamilyTest[], alpha: number): StepDownResult {
  const rejected = new Array<boolean>(tests.length).fill(false);
  const level = new Array<number | null>(tests.length).fill(null);
  const first = taroneNumber(
    tests.map((t) => t.pMin),
    alpha,
  );
  const remaining = tests.map((t, i) => ({ ...t, i })).sort((a, b) => a.p - b.p);
  while (remaining.length > 0) {
    const { k } = taroneNumber(
      remaining.map((t) => t.pMin),
      alpha,
    );
    const best = remaining[0] as FamilyTest & { i: number };
    if (!(best.p <= alpha / k)) break;
    rejected[best.i] = true;
    level[best.i] = alpha / k;
    remaining.shift();
  }
  return { rejected, level, k: first.k, eligible: first.eligible };
}

/**
 * Holm–Bonferroni: which of a family of p-values are significant at family-wise level
 * `alpha` (the step-down above with every test able to pass).
 */
export function holmSignificant(pValues: readonly number[], alpha: number): boolean[] {
  return taroneStepDown(
    pValues.map((p) => ({ p, pMin: 0 })),
    alpha,
  ).rejected;
}

import type { ExactTestResult } from './fisher';

/**
 * The exact conditional test for an error signature that was absent from the baseline.
 * Given its k occurrences in both windows, and under "its rate per call did not change",
 * each occurrence falls into the recent window with probability q = n_r / (n_r + n_b),
 * n = the tool's calls in each window (a binomial conditional test of a Poisson rate);
 * the chance that all k fall there is q^k. That is the p-value when the baseline has none
 * of them, and the smallest p-value the test can reach in any case (pMin, for Tarone);
 * a signature the baseline already had is not new: p = 1.
 *
 * @example
 * newSignatureTest(6, 0, 6, 30).p // (6/36)^6 = 4.3e-5
 */
export function newSignatureTest(
  recentCount: number,
  baselineCount: number,
  recentCalls: number,
  baselineCalls: number,
): ExactTestResult {
  const k = recentCount + baselineCount;
  const calls = recentCalls + baselineCalls;
  if (k === 0 || calls === 0) return { p: 1, pMin: 1 };
  const pMin = (recentCalls / calls) ** k;
  return { p: baselineCount === 0 ? pMin : 1, pMin };
}

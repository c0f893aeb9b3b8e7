import { type ExactTestResult, logChoose } from './fisher';

/**
 * The exact conditional test for an error signature that is new, or became more
 * frequent. Given its k occurrences in both windows, and under "its rate per call did
 * not change", each occurrence falls into the recent window with probability
 * q = n_r / (n_r + n_b), n = the tool's calls in each window (a binomial conditional
 * test of a Poisson rate); p = P(X ≥ k_r), X ~ Binomial(k, q). When the baseline has none
 * of them that is q^k, the smallest p-value the test can reach in any case (pMin, for
 * Tarone). A signature the baseline already had is tested the same way: a tightened
 * validation often refuses with the message class the old limit used ("must be at most
 * <n> characters"), only far more often.
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
  if (k === 0 || calls === 0 || baselineCalls === 0) return { p: 1, pMin: 1 };
  const q = recentCalls / calls;
  const pMin = q ** k;
  return { p: baselineCount === 0 ? pMin : binomialUpperTail(k, q, recentCount), pMin };
}

/** P(X ≥ x) for X ~ Binomial(n, q): exact terms in log space, summed relative to the largest. */
export function binomialUpperTail(n: number, q: number, x: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (q >= 1) return 1;
  if (q <= 0) return 0;
  const logs: number[] = [];
  for (let i = x; i <= n; i++)
    logs.push(logChoose(n, i) + i * Math.log(q) + (n - i) * Math.log(1 - q));
  const top = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - top), 0);
  return Math.min(1, Math.exp(top) * sum);
}

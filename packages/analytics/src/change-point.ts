/**
 * Single change-point estimates: where in a time-ordered series of events it is most
 * likely that one regime ended and another began. The index returned is the first event
 * of the new regime, so its timestamp is the estimated onset.
 */

/** The best split of a series into two segments. */
export interface ChangePoint {
  /** Index of the first event after the change (1 ≤ index ≤ n − 1). */
  index: number;
  /** Rate (Bernoulli) or mean (mean shift) before and after the change. */
  before: number;
  after: number;
  /** How much better two segments explain the series than one (log-likelihood ratio). */
  score: number;
}

function bernoulliLogLikelihood(hits: number, n: number): number {
  if (n === 0 || hits === 0 || hits === n) return 0;
  const p = hits / n;
  return hits * Math.log(p) + (n - hits) * Math.log(1 - p);
}

/**
 * Bernoulli likelihood-ratio scan: for every split τ the log-likelihood of two rates
 * (before and from τ on) against one; the best τ with a higher rate after (a rise) is
 * the change. Ties go to the earliest split. Null for fewer than 2 events or no rise.
 *
 * @example
 * bernoulliChangePoint([false, false, false, true, true, true])?.index // 3
 */
export function bernoulliChangePoint(events: readonly boolean[]): ChangePoint | null {
  const n = events.length;
  if (n < 2) return null;
  const total = events.reduce((s, e) => s + (e ? 1 : 0), 0);
  const whole = bernoulliLogLikelihood(total, n);
  let best: ChangePoint | null = null;
  let hitsBefore = 0;
  for (let tau = 1; tau < n; tau++) {
    if (events[tau - 1]) hitsBefore++;
    const before = hitsBefore / tau;
    const after = (total - hitsBefore) / (n - tau);
    if (!(after > before)) continue;
    const score =
      bernoulliLogLikelihood(hitsBefore, tau) +
      bernoulliLogLikelihood(total - hitsBefore, n - tau) -
      whole;
    if (!best || score > best.score + 1e-12) best = { index: tau, before, after, score };
  }
  return best;
}

/**
 * Two-segment mean-shift scan (Gaussian likelihood with a common variance): the split τ
 * maximising τ(n−τ)/n · (mean before − mean after)², which is the drop of the residual
 * sum of squares; only shifts in `direction` count. For log-latencies (`up`) and
 * ratings (`down`). `score` is the log-likelihood ratio n/2 · log(SSE₁/SSE₂). Ties go to
 * the earliest split. Null for fewer than 2 values or no shift that way.
 *
 * @example
 * meanShiftChangePoint([5, 5, 4, 5, 1, 2, 1], 'down')?.index // 4
 */
export function meanShiftChangePoint(
  values: readonly number[],
  direction: 'up' | 'down',
): ChangePoint | null {
  const n = values.length;
  if (n < 2) return null;
  const total = values.reduce((a, b) => a + b, 0);
  const grand = total / n;
  const sse = values.reduce((s, v) => s + (v - grand) ** 2, 0);
  let best: { index: number; before: number; after: number; gain: number } | null = null;
  let sumBefore = 0;
  for (let tau = 1; tau < n; tau++) {
    sumBefore += values[tau - 1] as number;
    const before = sumBefore / tau;
    const after = (total - sumBefore) / (n - tau);
    if (direction === 'up' ? !(after > before) : !(after < before)) continue;
    const gain = ((tau * (n - tau)) / n) * (before - after) ** 2;
    if (!best || gain > best.gain + 1e-12) best = { index: tau, before, after, gain };
  }
  if (!best) return null;
  const residual = Math.max(sse - best.gain, 0);
  const score = residual > 0 ? (n / 2) * Math.log(sse / residual) : Number.POSITIVE_INFINITY;
  return { index: best.index, before: best.before, after: best.after, score };
}
